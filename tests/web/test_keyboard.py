"""Accessibility in a real Chromium: sign in, filter the ledger and open a claim with the
keyboard alone; every control reached has a label and a visible focus ring; text on the
pages touched keeps WCAG AA contrast. Checked for offsite requests and console errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import DEV
from tests.web import live

pytestmark = pytest.mark.network

FILTERS = ["f-subject", "f-source", "f-location", "f-status", "f-since", "f-until", "f-tlp",
           "f-review", "f-language", "f-all"]

# what has focus: its id, its accessible name as a label gives it, and its focus ring
FOCUSED = """() => {
  const e = document.activeElement;
  const label = e.labels && e.labels.length ? e.labels[0].innerText.trim() : null;
  const s = getComputedStyle(e);
  return {id: e.id, tag: e.tagName.toLowerCase(), label: label,
          name: (e.getAttribute('aria-label') || e.innerText || '').trim(),
          href: e.getAttribute('href'), ring: s.outlineStyle !== 'none' &&
          parseFloat(s.outlineWidth) >= 2};
}"""

# WCAG 2 contrast of every visible piece of text against the background behind it
CONTRAST = """() => {
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255;
    return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
    .reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
  const behind = e => { for (; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3); }
    return [255, 255, 255]; };
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const e = n.parentElement;
    if (!n.textContent.trim() || !e.offsetParent && e.tagName !== 'BODY') continue;
    if (e.closest('.sr-only, .skip, option, script, style')) continue;
    const s = getComputedStyle(e);
    const [a, b] = [lum(rgb(s.color)), lum(behind(e))];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(s.fontSize), bold = parseInt(s.fontWeight) >= 700;
    const large = size >= 24 || (bold && size >= 18.66);
    if (ratio < (large ? 3 : 4.5))
      out.push(`${e.tagName.toLowerCase()}.${e.className}: ` +
               `"${n.textContent.trim().slice(0, 30)}" ${ratio.toFixed(2)}`);
  }
  return out;
}"""


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[tuple[str, Path]]:  # noqa: ANN001
    first, second = sorted(DEV.glob("a0*.txt"))[:2]
    with live.served_ledger(tmp_path_factory.mktemp("keyboard"), (first, "clear"),
                            (second, "amber")) as served:
        yield served


def tab(page, times: int = 1, back: bool = False) -> dict:  # noqa: ANN001
    for _ in range(times):
        page.keyboard.press("Shift+Tab" if back else "Tab")
    return page.evaluate(FOCUSED)


def test_filter_the_ledger_and_open_a_claim_with_the_keyboard(browse, server):
    base, _ = server
    page, _ = browse()
    page.goto(base + "/login")
    assert page.evaluate(FOCUSED)["id"] == "name"  # the form is ready to type in
    page.keyboard.type("ana")
    assert tab(page)["label"] == "Password"
    page.keyboard.type(live.PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(base + "/")

    skip = tab(page)
    assert skip["name"] == "Skip to content" and skip["ring"]
    page.keyboard.press("Enter")
    reached = [tab(page) for _ in FILTERS]
    assert [r["id"] for r in reached] == FILTERS, reached
    for r in reached:
        assert r["label"], f"{r['id']} has no label"
        assert r["ring"], f"{r['id']} shows no focus ring"
    button, clear = tab(page), tab(page)
    assert (button["tag"], button["name"]) == ("button", "Filter") and button["ring"]
    assert clear["name"] == "Clear" and clear["href"] == "/"

    # back to the subject, type, and the results follow
    assert tab(page, len(FILTERS) + 1, back=True)["id"] == "f-subject"
    page.keyboard.type("soldiers")
    page.keyboard.press("Enter")
    page.wait_for_url("**/?subject=soldiers**")
    summary = page.locator("#results .summary")
    summary.wait_for()
    assert "of" in summary.inner_text()

    # on through the form and the column headers to the first claim's links
    for _ in range(60):
        got = tab(page)
        if (got["href"] or "").startswith("/claims/"):
            break
    else:
        pytest.fail("no claim link reached with Tab")
    assert got["ring"] and got["name"].startswith("Review ")
    page.keyboard.press("Enter")
    page.wait_for_url(base + got["href"])
    evidence = page.locator("mark.evidence")
    assert evidence.is_visible() and evidence.inner_text().strip()
    # the review form is reached by Tab too, every control of it labelled
    controls = [tab(page) for _ in range(40)]
    fields = [c for c in controls if c["tag"] in ("input", "select", "textarea")]
    assert fields and all(c["label"] or c["name"] for c in fields), fields
    assert all(c["ring"] for c in controls if c["tag"] != "body")


@pytest.mark.parametrize("path", ["/", "/admin/audit", "/account/password", "/admin/users",
                                  "/admin/users/ana", "/entities"])
def test_text_keeps_its_contrast(browse, server, path):
    base, _ = server
    page, _ = browse()
    live.sign_in(page, base, "admin")
    page.goto(base + path)
    assert page.evaluate(CONTRAST) == []
    # the check sees a faint grey when there is one (#999 on the page's grey-white: 2.6:1)
    page.evaluate("""() => { const p = document.createElement('p');
        p.className = 'probe'; p.style.color = '#999'; p.textContent = 'faint words';
        document.querySelector('main').append(p); }""")
    assert [m for m in page.evaluate(CONTRAST) if "faint words" in m] == [
        'p.probe: "faint words" 2.63']
