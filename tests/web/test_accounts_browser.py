"""Accounts in a real Chromium against a real ``intex serve``: changing one's password
(messages on the form for bad input), an admin naming a TLP:RED recipient and taking it
back, and the audit log page that shows all of it. Every context is checked for requests
that left 127.0.0.1 and console errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import DEV
from tests.web import live

pytestmark = pytest.mark.network

NEW_PASSWORD = "a different and longer passphrase"


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[tuple[str, Path]]:  # noqa: ANN001
    """The three accounts, a CLEAR report and a RED one, served."""
    clear, red = sorted(DEV.glob("a0*.txt"))[:2]
    with live.served_ledger(tmp_path_factory.mktemp("accounts"), (clear, "clear"),
                            (red, "red")) as served:
        yield served


def _red_claims(base: str, name: str, password: str = live.PASSWORD) -> int:
    with httpx.Client(base_url=base, timeout=60) as c:
        assert live.http_sign_in(c, name, password).status_code == 303
        got = c.get("/api/claims", params={"tlp": "RED", "per": 500})
        assert got.status_code == 200, got.text
        return int(got.json()["total"])


def test_a_user_changes_their_password(browse, server):
    base, _ = server
    page, _ = browse()
    live.sign_in(page, base, "rea")
    page.get_by_role("link", name="rea (reader): change your password").click()
    page.wait_for_url(base + "/account/password")
    form = page.locator("form[action='/account/password']")

    def submit(current: str, new: str, again: str) -> None:
        page.get_by_label("Current password").fill(current)
        page.get_by_label("New password (12 characters or more)").fill(new)
        page.get_by_label("New password again").fill(again)
        form.get_by_role("button", name="Change password").click()
        page.wait_for_load_state()

    submit("not my password", NEW_PASSWORD, NEW_PASSWORD)
    assert "The current password is not right." in page.get_by_role("alert").inner_text()
    submit(live.PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!")
    assert "The two new passwords differ." in page.get_by_role("alert").inner_text()
    # the browser's own minlength check is not the only one: the server says it too
    page.evaluate("document.querySelectorAll('input[minlength]')"
                  ".forEach(e => e.removeAttribute('minlength'))")
    submit(live.PASSWORD, "short", "short")
    assert "at least 12 characters" in page.get_by_role("alert").inner_text()
    submit(live.PASSWORD, NEW_PASSWORD, NEW_PASSWORD)
    assert page.get_by_role("status").inner_text() == "Your password is changed."
    assert "Traceback" not in page.content()
    with httpx.Client(base_url=base) as old:
        assert live.http_sign_in(old, "rea").status_code == 200  # refused: the form again
    with httpx.Client(base_url=base) as new:
        assert live.http_sign_in(new, "rea", NEW_PASSWORD).status_code == 303
    page.goto(base + "/")  # this session goes on
    assert page.url == base + "/"


def test_red_goes_only_to_named_recipients(browse, server):
    base, _ = server
    assert _red_claims(base, "admin") > 0  # named a recipient when added (--red)
    assert _red_claims(base, "ana") == 0  # cleared for AMBER: no RED, however high
    page, _ = browse()
    live.sign_in(page, base, "admin")
    page.get_by_role("link", name="Accounts").click()
    add = page.locator("form[action='/admin/users']")
    add.get_by_label("User name").fill("cleo")
    add.get_by_label("Role").select_option("analyst")
    assert "RED" not in add.get_by_label("Clearance").inner_text()  # no clearance is RED
    add.get_by_label("Clearance").select_option("AMBER")
    add.get_by_label("Named recipient of TLP:RED").check()
    add.get_by_label("Password (12 characters or more)").fill(live.PASSWORD)
    add.get_by_label("Password again").fill(live.PASSWORD)
    add.get_by_role("button", name="Add account").click()
    assert "clear them for AMBER+STRICT first" in page.get_by_role("alert").inner_text()
    add = page.locator("form[action='/admin/users']")
    add.get_by_label("Clearance").select_option("AMBER_STRICT")
    add.get_by_label("Password (12 characters or more)").fill(live.PASSWORD)
    add.get_by_label("Password again").fill(live.PASSWORD)
    add.get_by_role("button", name="Add account").click()
    assert page.get_by_role("status").inner_text() == "Done: added cleo."
    row = page.locator("tr", has_text="cleo")
    assert "named recipient" in row.inner_text()
    assert _red_claims(base, "cleo") > 0
    row.get_by_role("link", name="Change cleo").click()
    page.get_by_label("Named recipient of TLP:RED").uncheck()
    page.get_by_role("button", name="Save").click()
    assert page.get_by_role("status").inner_text() == "Done: changed cleo."
    assert "named recipient" not in page.locator("tr", has_text="cleo").inner_text()
    assert _red_claims(base, "cleo") == 0
    # an admin cannot change their own role (and lock everyone out)
    page.goto(base + "/admin/users/admin")
    page.get_by_label("Role").select_option("reader")
    page.get_by_role("button", name="Save").click()
    assert "cannot change your own role" in page.get_by_role("alert").inner_text()


def test_the_audit_log_page(browse, server):
    base, _ = server
    with httpx.Client(base_url=base) as c:
        assert live.http_sign_in(c, "ana", "a wrong guess").status_code == 200
    page, _ = browse()
    live.sign_in(page, base, "admin")
    page.get_by_role("link", name="Audit").click()
    page.wait_for_url(base + "/admin/audit")
    table = page.get_by_role("table", name="Audit log entries, newest first")
    first = table.locator("tbody tr").first.inner_text()
    assert "admin" in first and "signed in" in first and "127.0.0.1" in first
    text = table.inner_text()
    assert "sign-in failed" in text and "ana" in text
    assert "added an account" in text and "(command line)" in text  # intex user add
    page.get_by_label("Action").select_option("user.added")
    page.get_by_role("button", name="Show").click()
    rows = table.locator("tbody tr")
    assert rows.count() >= 3 and all(
        "added an account" in rows.nth(i).inner_text() for i in range(rows.count()))
    with httpx.Client(base_url=base) as c:
        live.http_sign_in(c, "ana")
        assert c.get("/admin/audit").status_code == 403
