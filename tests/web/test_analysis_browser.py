"""The timeline, the brief, entity pages and sharing in a real headless Chromium against
a real ``intex serve``: what the pages draw is what the service says, for each user's
clearance. Every browser context is checked for requests that left 127.0.0.1 and for
console errors (conftest.browse)."""

from __future__ import annotations

import re

import httpx
import pytest

from intex import service
from intex.model import TLP, Partner, Role, User
from tests.web import live
from tests.web_ledger import build

pytestmark = [pytest.mark.browser, pytest.mark.network]
SUBJECT = "North Korean troops"
ANA = User("ana", Role.ANALYST, TLP.AMBER, ("UKR",))
REA = User("rea", Role.READER, TLP.GREEN)
BUDANOV = "person:kyrylo-budanov"
HUR = "org:main-directorate-of-intelligence-ukraine"


@pytest.fixture(scope="module")
def ledger(server):  # noqa: ANN001, ANN201
    """The server's ledger, holding the estimates of tests/web_ledger.py."""
    _, db = server
    store = service.open_ledger(f"sqlite:///{db}")
    ids = build(store)
    store.partners.add(Partner("seoul", max_tlp=TLP.GREEN, countries=("KOR",)),
                       password="a-long-password")
    return store, ids


def marks(page) -> int:  # noqa: ANN001
    return page.locator("#timeline g.mark-symbol.role-mark path").count()


def test_timeline_draws_one_mark_per_estimate_for_each_clearance(browse, server, ledger):
    base, _ = server
    store, _ = ledger
    for user, expected in ((ANA, 6), (REA, 4)):
        want = service.timeline(store, SUBJECT, user=user).estimates
        assert len(want) == expected
        page, _ = browse()
        live.sign_in(page, base, user.name)
        page.get_by_role("link", name="Timeline").click()
        page.get_by_label("Subject", exact=True).fill(SUBJECT)
        page.get_by_role("button", name="Draw").click()
        page.wait_for_selector("#timeline[data-ready=true]", state="attached")
        data = page.evaluate("window.intexTimeline.data('estimates')")
        assert sorted(d["id"] for d in data) == sorted(e.claim.id for e in want)
        assert marks(page) == expected  # one drawn point per estimate, legends aside
        # the echo is folded: the NIS briefing and its syndicated copy are one mark
        nis = next(d for d in data if d["date"] == "2024-10-23")
        assert nis["repeats"] == 2 and nis["echo"] == "repeated by 2 reports"
        ranges = page.locator("#timeline g.mark-rule.role-mark line").count()
        assert ranges == (1 if user is ANA else 0)
        hollow = [d for d in data if d["kind"] == "forecast"]
        assert len(hollow) == 1
        assert page.locator("table.ledger tbody tr").count() == expected


def test_timeline_tooltip_click_and_exports(browse, server, ledger):
    base, _ = server
    page, _ = browse()
    live.sign_in(page, base, "ana")
    page.goto(base + "/timeline?subject=" + SUBJECT.replace(" ", "+"))
    page.wait_for_selector("#timeline[data-ready=true]", state="attached")
    first = page.locator("#timeline g.mark-symbol.role-mark path").first
    first.hover()
    tip = page.locator("#vg-tooltip-element")
    tip.wait_for(state="visible")
    assert "3,000 North Korean soldiers had been sent to Russia" in tip.inner_text()
    with page.expect_download() as png:
        page.get_by_role("button", name="Save PNG").click()
    assert png.value.suggested_filename == "timeline-north-korean-troops.png"
    assert png.value.path().read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with page.expect_download() as svg:
        page.get_by_role("button", name="Save SVG").click()
    text = svg.value.path().read_text(encoding="utf-8")
    assert text.lstrip().startswith("<svg") and "Estimates of North Korean troops" in text
    url = page.evaluate("window.intexTimeline.data('estimates')[0].url")
    assert url.startswith("/reports/report--")
    first.click()
    page.wait_for_url(base + url)
    assert "3,000 North Korean soldiers" in page.locator("main").inner_text()


def test_brief_page_and_its_markdown_and_printable_exports(browse, server, ledger):
    base, _ = server
    page, _ = browse()
    live.sign_in(page, base, "ana")
    page.get_by_role("link", name="Brief").click()
    page.get_by_label("Since (YYYY-MM-DD)").fill("2024-11-01")
    page.get_by_role("button", name="Show").click()
    body = page.locator("main").inner_text()
    assert "points of attention since 2024-11-01" in body
    assert "~11,000 sent (2024-11-20), was ~3,000 (2024-10-23)" in body
    with page.expect_download() as md:
        page.get_by_role("link", name="Markdown").click()
    assert md.value.suggested_filename == "brief-2024-11-01.md"
    text = md.value.path().read_text(encoding="utf-8")
    assert text.startswith("**TLP:AMBER**\n\n# Points of attention since 2024-11-01")
    assert "**changed** — National Intelligence Service (South Korea): ~11,000 sent" in text
    printable = page.context.new_page()
    printable.goto(base + "/brief/print?since=2024-11-01")
    assert printable.locator("h1").inner_text() == "Points of attention since 2024-11-01"
    assert printable.locator("p.banner").first.inner_text() == "TLP:AMBER"
    assert printable.locator("script").count() == 0
    # a reader cleared for GREEN never learns of the AMBER change
    reader, _ = browse()
    live.sign_in(reader, base, "rea")
    reader.goto(base + "/brief?since=2024-11-01")
    assert "~11,000 sent (2024-11-20)" not in reader.locator("main").inner_text()
    assert "TLP:AMBER" not in reader.locator("main").inner_text()


def test_an_analyst_merges_two_entities_in_the_browser(browse, server, ledger):
    base, _ = server
    store, _ = ledger
    page, _ = browse()
    live.sign_in(page, base, "ana")
    page.goto(base + f"/entities/{BUDANOV}")
    assert page.get_by_role("heading", name="Kyrylo Budanov", exact=True).is_visible()
    page.get_by_label("The entity it is (name or id)").fill(HUR)
    page.get_by_role("button", name="Merge").click()
    page.wait_for_url(re.compile(rf".*/entities/{re.escape(HUR)}\?done=merged"))
    assert "Merged:" in page.get_by_role("status").first.inner_text()
    spellings = page.locator("section", has=page.locator("#h-aliases")).inner_text()
    assert "Kyrylo Budanov" in spellings and "Ukraine's military intelligence" in spellings
    assert service.entity_moved(store, BUDANOV) == HUR
    page.goto(base + f"/entities/{BUDANOV}")  # the old address leads to the merged one
    assert page.url.startswith(base + f"/entities/{HUR}?from=")
    # a reader sees the entity but none of the analyst's forms
    reader, _ = browse()
    live.sign_in(reader, base, "rea")
    reader.goto(base + f"/entities/{HUR}")
    assert reader.get_by_role("button", name="Merge").count() == 0


def test_merging_needs_an_analyst_and_the_csrf_token(server, ledger):
    base, _ = server
    with httpx.Client(base_url=base) as client:
        live.http_sign_in(client, "rea")
        page = client.get("/entities/gpe:russia")
        token = re.search(r'"X-CSRF-Token": "([^"]+)"', page.text)
        assert token is not None
        refused = client.post("/entities/gpe:russia/merge",
                              data={"csrf": token[1], "into": "gpe:north-korea"})
        assert refused.status_code == 403
    with httpx.Client(base_url=base) as client:
        live.http_sign_in(client, "ana")
        refused = client.post("/entities/gpe:russia/merge", data={"into": "gpe:north-korea"})
        assert refused.status_code == 403
    assert service.entity_moved(ledger[0], "gpe:russia") is None


def test_sharing_preview_respects_markings(browse, server, ledger):
    base, _ = server
    store, ids = ledger
    want = service.share_preview(store, "seoul", user=User(
        "admin", Role.ADMIN, TLP.AMBER_STRICT, ("UKR",), red=True), sample=12)
    page, _ = browse()
    live.sign_in(page, base, "admin")
    page.get_by_role("link", name="Sharing").click()
    row = page.locator("tr", has_text="seoul")
    assert "up to TLP:GREEN" in row.inner_text() and "KOR" in row.inner_text()
    row.get_by_role("link", name="preview").click()
    # the figure and its label, however the browser lays them out (one line or two)
    stats = page.locator(".stats").inner_text()
    assert re.search(rf"(?<!\d){want.claims}\s*claims it gets", stats), stats
    assert re.search(rf"(?<!\d){want.claims_withheld}\s*claims withheld", stats), stats
    shared = page.locator("table.shared-sample tbody").inner_text()
    assert "TLP:AMBER" not in shared and "REL TO UKR" not in shared
    withheld = page.locator("table.withheld-sample tbody").inner_text()
    assert "TLP:AMBER is above the agreement (TLP:GREEN)" in withheld
    assert "releasable to UKR only" in withheld
    with httpx.Client(base_url=base) as client:  # readers have no sharing pages
        live.http_sign_in(client, "rea")
        assert client.get("/sharing/seoul").status_code == 403
