"""``make screenshots``: the web UI's main pages as PNGs, for the README.

A fresh ledger (the seed under TLP:AMBER, the dev corpus's first reports under CLEAR,
one claim corrected), a real ``intex serve`` and Debian's chromium, exactly as the
browser tests use them. Usage: python -m tests.web.screenshots OUT_FOLDER"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import DEV, SEED
from tests.liveserver import Answer, http_site
from tests.web import live

VIEW = {"width": 1440, "height": 900}

PAGES = {  # a harbour desk's feed and the two pages its entries link to, on loopback
    "/port": ("River port closed", "The harbour authority said on Monday that 37 barges "
              "were stranded after the river rose 2.4 metres overnight."),
    "/crews": ("Dock crews sent home", "About 400 dock workers were sent home on Tuesday, "
               "the dockers' union said, as the port stayed shut for a second day."),
}


def _page(title: str, text: str) -> bytes:
    return (f"<!DOCTYPE html><html lang='en'><head><title>{title}</title></head>"
            f"<body><article><h1>{title}</h1><p>{text}</p></article></body></html>").encode()


@contextmanager
def desk() -> Iterator[str]:
    """The harbour desk's feed, its pages, and a wire feed that answers 503."""
    with http_site({path: Answer(_page(*page)) for path, page in PAGES.items()}) as site:
        items = "".join(f"<item><title>{title}</title><link>{site.url(path)}</link></item>"
                        for path, (title, _) in PAGES.items())
        site.routes["/feed.rss"] = Answer(
            (f"<?xml version='1.0'?><rss version='2.0'><channel><title>Harbour desk</title>"
             f"<link>{site.base}/</link><description>Port news</description>{items}"
             "</channel></rss>").encode(), content_type="application/rss+xml")
        site.routes["/wire.rss"] = Answer(b"busy", status=503, content_type="text/plain")
        yield site.base


def main(out: Path) -> None:
    executable = live.chromium()
    if executable is None:
        sys.exit("chromium is not installed: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = folder / "ledger.db"
        live.add_users(db, folder)
        live.intex("ingest", str(SEED), "--tlp", "amber", "-q", db=db)
        live.intex("ingest", *sorted(str(p) for p in DEV.glob("a0*")), "-q", db=db)
        live.intex("partner", "add", "seoul", "--tlp", "green", "--rel", "KOR", db=db)
        with live.serve(db, folder / "serve.log") as base, sync_playwright() as pw, \
                desk() as feeds:
            browser = live.launch(pw, executable)
            context = browser.new_context(viewport=VIEW, device_scale_factor=1)
            watcher = live.Watch()
            live.watch(context, watcher)
            page = context.new_page()
            page.goto(base + "/login")
            page.screenshot(path=out / "login.png")
            live.sign_in(page, base, "ana")
            page.goto(base + "/?subject=North+Korean+troops")
            page.screenshot(path=out / "ledger.png")
            page.goto(base + "/?subject=North+Korean+troops")
            page.goto(base + "/?source=Budanov")
            row = page.locator("tr", has_text="11,000")
            review = row.get_by_role("link", name="Review").first.get_attribute("href")
            page.goto(base + review)
            page.get_by_label("Value", exact=True).fill("11500")
            page.get_by_label("Note (why)").fill("the agency's later figure")
            page.get_by_role("button", name="Save review").click()
            page.screenshot(path=out / "review.png")
            page.goto(base + "/?source=Budanov")
            evidence = page.locator("tr", has_text="11,500").get_by_role(
                "link", name="Evidence").first.get_attribute("href")
            page.goto(base + evidence.split("#")[0])
            page.screenshot(path=out / "report.png")
            page.goto(base + "/search?q=Kursk+training")
            page.screenshot(path=out / "search.png")
            page.goto(base + "/ingest")
            page.get_by_label("Feeds (RSS or Atom), one per line").fill(
                f"{feeds}/feed.rss\n{feeds}/wire.rss")
            page.get_by_role("button", name="Ingest").click()
            page.screenshot(path=out / "ingest.png", full_page=True)
            analysis(page, base, out)
            reader = browser.new_context(viewport=VIEW)
            live.watch(reader, watcher)
            rpage = reader.new_page()
            live.sign_in(rpage, base, "rea")
            rpage.screenshot(path=out / "ledger-reader.png")
            admin = browser.new_context(viewport=VIEW)
            live.watch(admin, watcher)
            apage = admin.new_page()
            live.sign_in(apage, base, "admin")
            apage.goto(base + "/admin/users")
            apage.screenshot(path=out / "accounts.png")
            apage.goto(base + "/admin/audit")
            apage.screenshot(path=out / "audit.png")
            browser.close()
            watcher.clean()
    print(f"screenshots written to {out}")


def analysis(page, base: str, out: Path) -> None:  # noqa: ANN001
    """The timeline (a tooltip open), the brief, an entity and a partner's preview."""
    page.goto(base + "/timeline?subject=North+Korean+troops")
    page.wait_for_selector("#timeline[data-ready=true]", state="attached")
    page.locator("#timeline g.mark-symbol.role-mark path").nth(2).hover()
    page.locator("#vg-tooltip-element").wait_for(state="visible")
    page.screenshot(path=out / "timeline.png")
    page.goto(base + "/brief?since=2024-11-01&subject=North+Korean+troops")
    page.screenshot(path=out / "brief.png")
    page.goto(base + "/entities/person:volodymyr-zelensky")
    page.wait_for_selector("#mentions[data-ready=true]", state="attached")
    page.screenshot(path=out / "entity.png")
    page.goto(base + "/sharing/seoul")
    page.screenshot(path=out / "sharing.png")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
