"""The analyst's core flows in a real headless Chromium against a real ``intex serve``.

The tests of this module share one ledger and run in order: the analyst ingests the
seed (AMBER) and a GREEN report through the UI, finds and reviews claims, and a reader
cleared for GREEN then looks for the AMBER ones everywhere. Every browser context is
checked for requests that left 127.0.0.1 and for console errors (conftest.browse)."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import DEV, SEED
from tests.web import live

pytestmark = [pytest.mark.browser, pytest.mark.network]
GREEN_REPORT = DEV / "a02_kremlin-dismisses-north-korean-officers.txt"


@pytest.fixture(scope="module")
def seed_present() -> None:
    if not SEED.exists():
        pytest.skip("../shared/seed is not beside the checkout")


def test_login_refuses_bad_passwords_then_signs_in(browse, server):
    base, _ = server
    page, _ = browse()
    page.goto(base + "/")
    assert page.url.startswith(base + "/login")
    page.get_by_label("User name").fill("ana")
    page.get_by_label("Password").fill("not the password at all")
    page.get_by_role("button", name="Sign in").click()
    assert "do not match" in page.get_by_role("alert").inner_text()
    live.sign_in(page, base, "ana")
    assert page.get_by_role("heading", name="Ledger").is_visible()
    cookie = next(c for c in page.context.cookies() if c["name"] == "intex_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"


def test_analyst_ingests_the_seed_and_a_report_through_the_ui(browse, server, seed_present):
    base, _ = server
    page, _ = browse()
    live.sign_in(page, base, "ana")
    page.get_by_role("link", name="Ingest").click()
    page.get_by_label("Files (text, HTML, feeds)").set_input_files(str(SEED))
    page.get_by_label("Marking").select_option("AMBER")
    page.get_by_role("button", name="Ingest").click()
    results = page.locator("table.results")
    assert re.search(r"added, \d+ claims", results.inner_text())
    # pasted text, under GREEN; and an input that is not a report gets its own error
    page.get_by_label("Or paste a report").fill(GREEN_REPORT.read_text())
    page.get_by_label("Name of the pasted text").fill("kremlin.txt")
    page.get_by_label("Files (text, HTML, feeds)").set_input_files(
        files=[{"name": "blank.txt", "mimeType": "text/plain", "buffer": b"   \n"}])
    page.get_by_label("Marking").select_option("GREEN")
    page.get_by_role("button", name="Ingest").click()
    text = page.locator("table.results").inner_text()
    assert "kremlin.txt" in text and "added" in text
    assert re.search(r"blank\.txt\s+failed:", text)


def test_the_11000_claim_is_in_the_ledger_with_its_evidence(browse, server, seed_present):
    base, _ = server
    page, _ = browse()
    live.sign_in(page, base, "ana")
    page.get_by_label("Source").fill("Budanov")
    page.get_by_role("button", name="Filter").click()
    row = page.locator("tr", has_text="11,000")
    row.first.wait_for()
    assert row.count() == 1
    cells = row.inner_text()
    assert "North Korean infantrymen" in cells and "training" in cells
    assert "Kyrylo Budanov" in cells and "TLP:AMBER" in cells and "1 report" in cells
    row.get_by_role("link", name=re.compile("Evidence of")).click()
    assert "/reports/report--" in page.url
    card = page.locator(".claim-card:target")
    assert "about 11,000 North Korean infantrymen" in card.inner_text()
    marked = page.locator(".report-text mark.evidence").all_inner_texts()
    assert any("11,000" in m for m in marked)
    assert page.locator(".report-text .mention", has_text="Budanov").count() >= 1


def test_a_correction_shows_in_the_ledger_and_in_the_stix_export(browse, server,
                                                                 seed_present):
    base, db = server
    page, _ = browse()
    live.sign_in(page, base, "ana")
    page.goto(base + "/?source=Budanov")
    page.locator("tr", has_text="11,000").get_by_role(
        "link", name=re.compile("Review")).click()
    claim_id = page.url.rsplit("/", 1)[1]
    # a bad value gets a message on the form, nothing saved
    page.get_by_label("Value", exact=True).fill("eleven thousand")
    page.get_by_role("button", name="Save review").click()
    assert "is not a number" in page.get_by_role("alert").inner_text()
    page.get_by_label("Value", exact=True).fill("11500")
    page.get_by_label("Location").fill("Kursk Oblast")
    page.get_by_label("Note (why)").fill("the agency's later figure")
    page.get_by_role("button", name="Save review").click()
    assert page.get_by_role("status").inner_text() == "Review saved."
    assert re.search(r"corrected\s+by ana on \d{4}-\d\d-\d\d",
                     page.locator(".facts").inner_text())
    page.goto(base + "/?source=Budanov")
    row = page.locator(f"tr[data-claim='{claim_id}']")
    assert "11,500" in row.inner_text() and "corrected" in row.inner_text()
    assert "Kursk Oblast" in row.inner_text()
    # the STIX export, from the API as ana and from the command line
    api = page.request.get(base + "/api/export?source=Budanov")
    assert api.ok
    exported = [o for o in api.json()["objects"] if o["id"] == claim_id.replace(
        "claim--", "attributed-claim--") or o["id"].endswith(claim_id.split("--")[1])]
    assert exported and "11500" in json.dumps(exported)
    cli = live.intex("export", "--source", "Budanov", db=db)
    assert "11500" in cli.stdout.decode() and claim_id.split("--")[1] in cli.stdout.decode()


def test_a_reader_never_sees_the_amber_claims(browse, server, seed_present):
    base, _ = server
    analyst, _ = browse()
    live.sign_in(analyst, base, "ana")
    analyst.goto(base + "/?source=Budanov")
    evidence = analyst.locator("tr", has_text="11,500").get_by_role(
        "link", name=re.compile("Evidence of"))
    amber_report = evidence.get_attribute("href").split("#")[0]
    claim_link = analyst.locator("tr", has_text="11,500").get_by_role(
        "link", name=re.compile("Review")).get_attribute("href")
    analyst_counts = analyst.locator(".page-head p").inner_text()

    page, _ = browse()
    live.sign_in(page, base, "rea")
    ledger = page.locator("main").inner_text()
    assert "11,500" not in ledger and "11,000" not in ledger and "Budanov" not in ledger
    assert "TLP:AMBER" not in ledger and "TLP:GREEN" in ledger
    counts = page.locator(".page-head p").inner_text()
    assert counts != analyst_counts and re.search(r"from 1 report and", counts)
    page.get_by_label("Source").fill("Budanov")
    page.get_by_role("button", name="Filter").click()
    page.get_by_text("No claims match these filters.").wait_for()
    # the AMBER report and claim answer exactly like ids that do not exist
    for url in (amber_report, claim_link, "/reports/report--nothing-here"):
        got = page.request.get(base + url)
        assert got.status == 404 and "Budanov" not in got.text()
    api = page.request.get(base + "/api/claims?source=Budanov")
    assert api.json()["total"] == 0
    page.goto(base + "/search?q=Budanov+infantrymen")
    found = page.locator("main").inner_text()
    assert "No report you may see contains these words." in found
    assert "Kyrylo Budanov" not in found
    assert "intelligence" not in page.request.get(
        base + "/api/search?q=intelligence+exchange").text().lower()
    export = page.request.get(base + "/api/export").text()
    assert "11,000" not in export and "Budanov" not in export
    assert page.get_by_role("link", name="Ingest").count() == 0


def test_a_reader_cannot_review_or_ingest(browse, server, seed_present):
    base, _ = server
    page, _ = browse()
    live.sign_in(page, base, "rea")
    assert page.locator("td.col-links a", has_text="review").count() == 0
    row_link = page.locator("td.col-links a", has_text="details").first.get_attribute("href")
    page.goto(base + row_link)
    assert "Readers cannot review claims" in page.locator("main").inner_text()
    csrf = page.request.get(base + "/api/session").json()["csrf"]
    refused = page.request.post(base + row_link + "/review",
                                form={"csrf": csrf, "action": "accept"})
    assert refused.status == 403
    assert page.request.get(base + "/ingest").status == 403


def test_the_ledger_is_walked_by_its_next_and_previous_links(browse, server, seed_present):
    from intex import service

    base, db = server
    store = service.open_ledger(f"sqlite:///{db}")
    try:  # more reports, for pages enough
        for ev in service.ingest(store, [str(p) for p in sorted(DEV.glob("a0*.txt"))]):
            assert ev.error is None
    finally:
        store.close()
    page, _ = browse()
    live.sign_in(page, base, "ana")
    page.goto(base + "/?sort=value&dir=desc&per=25&all=1")
    whole = page.evaluate("""async () => (await (await fetch(
        '/api/claims?sort=value&dir=desc&per=500&all=1')).json()).claims.map(c => c.id)""")
    assert len(whole) > 25

    def shown() -> list[str]:
        return page.locator("#results tr[data-claim]").evaluate_all(
            "rows => rows.map(r => r.dataset.claim)")

    pages = [shown()]
    while page.get_by_role("link", name="Next →").count():
        page.get_by_role("link", name="Next →").click()
        page.wait_for_load_state()
        assert "after=" in page.url
        pages.append(shown())
    assert [i for p in pages for i in p] == whole
    page.get_by_role("link", name="← Previous").click()
    page.wait_for_load_state()
    assert shown() == pages[-2]
    # the numbered links lead back to the first pages by number
    page.get_by_role("link", name="1", exact=True).click()
    page.wait_for_load_state()
    assert shown() == pages[0]
