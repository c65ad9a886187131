"""Ingest through the web UI: files, pasted text and URLs (from a loopback server), each
input with its own result or error, and the rest going on."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator

import httpx
import pytest

from intex import service
from intex.model import TLP, Marking, Role, User
from intex.web import create_app
from tests.liveserver import Answer, http_site
from tests.web import live

pytestmark = pytest.mark.network

ARTICLE = (b"<!DOCTYPE html><html lang='en'><head><title>Bridge closed</title></head><body>"
           b"<article><h1>Bridge closed</h1><p>The regional governor said on Monday that 14 "
           b"bridges were closed after the flood.</p></article></body></html>")


BARGES = (b"<!DOCTYPE html><html lang='en'><head><title>Barges stranded</title></head>"
          b"<body><article><h1>Barges stranded</h1><p>The port authority said on Monday that "
          b"37 barges were stranded after the river rose overnight.</p></article></body>"
          b"</html>")
FEED = ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
        "<title>Harbour desk</title><link>http://127.0.0.1/</link>"
        "<description>Notes</description>"
        "<item><title>Barges stranded</title><link>{base}/barges</link>"
        "<description>The port authority said 37 barges were stranded by the flood."
        "</description><pubDate>Mon, 02 Nov 2026 08:00:00 GMT</pubDate></item>"
        "<item><title>Crews sent home</title><link>{base}/crews</link>"
        "<description>About 400 dock workers were sent home on Monday, the union said."
        "</description><pubDate>Mon, 02 Nov 2026 09:00:00 GMT</pubDate></item>"
        "</channel></rss>")


@pytest.fixture(scope="module")
def origin() -> Iterator[str]:
    with http_site() as site:  # of the feed's two entries, only /barges is there
        site.routes.update({
            "/bridge": Answer(ARTICLE), "/barges": Answer(BARGES),
            "/feed.rss": Answer(FEED.format(base=site.base).encode(),
                                content_type="application/rss+xml")})
        yield site.base


def test_each_input_gets_its_result_or_its_error(tmp_path, origin):
    store = service.open_ledger(f"sqlite:///{tmp_path / 'ingest.db'}")
    service.add_user(store, User("ana", Role.ANALYST), live.PASSWORD)
    with live.in_thread(create_app(store)) as base, \
            httpx.Client(base_url=base, timeout=60) as c:
        live.http_sign_in(c, "ana")
        csrf = re.search(r'name="csrf" value="([^"]+)"', c.get("/ingest").text)[1]
        got = c.post("/ingest", data={
            "csrf": csrf, "tlp": "GREEN", "name": "notes.txt",
            "text": "Officials in Korvath said 230 families were evacuated on Sunday.",
            "urls": f"{origin}/bridge\n{origin}/missing"},
            files=[("files", ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00",
                              "image/png")),
                   ("files", ("wire.txt", b"Rescuers said 41 people were trapped.",
                              "text/plain"))])
        assert got.status_code == 200
        rows = dict(re.findall(r"<td>([^<]+)</td>\s*<td>(.*?)</td>", got.text, re.S))
        assert rows["notes.txt"].startswith("added") and rows["wire.txt"].startswith("added")
        assert rows[f"{origin}/bridge"].startswith("added")
        assert "failed" in rows["photo.png"] and "failed" in rows[f"{origin}/missing"]
        assert "404" in rows[f"{origin}/missing"]
        again = c.post("/ingest", data={"csrf": csrf, "tlp": "GREEN",
                                        "urls": f"{origin}/bridge"})
        assert "already held" in again.text
    assert store.counts()["reports"] == 3
    assert all(r.marking.label() == "TLP:GREEN" for r in store.claims())
    # each ingest is in the audit log, under the marking its reports took
    log = service.audit_log(store, User("adm", Role.ADMIN, TLP.AMBER), action="report")
    assert [(e.actor, e.detail, e.marking) for e in log.entries] == [
        ("ana", "0 added, 1 already held, 0 failed", Marking(TLP.GREEN)),
        ("ana", "3 added, 0 already held, 2 failed", Marking(TLP.GREEN))]
    assert "notes.txt" in (log.entries[1].subject or "")
    assert service.audit_log(store, User("clr", Role.ADMIN, TLP.CLEAR),
                             action="report").total == 0


def _feed_rows(html: str) -> dict[str, list[str]]:
    table = html.split('id="h-feeds"', 1)[1]
    rows = re.findall(r"<tr class=\"(?:ok|failed)\">(.*?)</tr>", table, re.S)
    cells = [[re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td>(.*?)</td>", r, re.S)]
             for r in rows]
    return {c[0]: c[1:] for c in cells}


def test_feeds_are_listed_with_how_their_last_poll_went(tmp_path, origin):
    store = service.open_ledger(f"sqlite:///{tmp_path / 'feeds.db'}")
    service.add_user(store, User("ana", Role.ANALYST, TLP.AMBER), live.PASSWORD)
    service.add_user(store, User("rex", Role.READER), live.PASSWORD)
    feed, gone = f"{origin}/feed.rss", f"{origin}/gone.rss"
    with live.in_thread(create_app(store)) as base, \
            httpx.Client(base_url=base, timeout=60) as c:
        live.http_sign_in(c, "ana")
        first = c.get("/ingest").text
        assert "No feed polled yet" in first
        csrf = re.search(r'name="csrf" value="([^"]+)"', first)[1]
        got = c.post("/ingest", data={"csrf": csrf, "tlp": "AMBER",
                                      "feeds": f"{feed}\n{gone}"})
        assert got.status_code == 200
        rows = _feed_rows(got.text)
        assert set(rows) == {feed, gone}
        assert rows[feed][1] == "answered; 1 entry could not be read"
        assert rows[gone][1].startswith("error: ") and "404" in rows[gone][1]
        assert rows[gone][1].endswith("(failed once)")
        # each entry became a report, counted beside its feed for this reader
        results = dict(re.findall(r"<td>([^<]+)</td>\s*<td>(.*?)</td>", got.text, re.S))
        assert results[f"{origin}/barges"].startswith("added")
        assert "404" in results[f"{origin}/crews"]
        assert rows[feed][2] == "1 report you may see"
        assert rows[gone][2] == "0 reports you may see"

        again = c.post("/ingest", data={"csrf": csrf, "tlp": "AMBER", "feeds": gone})
        assert _feed_rows(again.text)[gone][1].endswith("(failed 2 times in a row)")
        # the page's polls are the watcher's record: `intex watch` picks up from them
        states = store.watches.states([feed, gone])
        assert states[gone].failures == 2 and states[feed].failures == 0
        assert states[feed].result == "1 new, 1 failed" and states[feed].new_reports == 1
        assert states[feed].failed_entries == 1 and states[gone].failed_entries == 0

        live.http_sign_in(c, "rex")  # readers neither ingest nor see the feed list
        assert c.get("/ingest").status_code == 403
    assert store.counts()["reports"] == 1


DESK = ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
        "<title>River desk</title><link>http://127.0.0.1/</link><description>Notes"
        "</description>{items}</channel></rss>")
DESK_PAGES = {
    "/levee": ("Levee holds", "The water board said on Friday that 11 pumps were running "
               "along the levee through the night."),
    "/ferry": ("Ferry halted", "The ferry operator said on Saturday that 6 crossings were "
               "cancelled as the current ran too strong."),
}


def _desk(site, *paths: str) -> None:  # noqa: ANN001
    """The feed lists ``paths`` (a path with no page answers 404)."""
    items = "".join(f"<item><title>{p[1:]}</title><link>{site.url(p)}</link></item>"
                    for p in paths)
    site.routes["/desk.rss"] = Answer(DESK.format(items=items).encode(),
                                      content_type="application/rss+xml")


def _watch(feed: str, db: str) -> subprocess.CompletedProcess[str]:
    """`intex watch --once` as a user runs it (without a terminal: a line per poll)."""
    return subprocess.run([*live.INTEX, "watch", "--once", "--tlp", "green",
                           "--host-interval", "0", feed, "--db", db],
                          capture_output=True, text=True, timeout=300)


def test_each_feed_counts_only_the_reports_the_reader_may_see(tmp_path, db_url):
    """A GREEN report from `intex watch`, an AMBER one from the page, both from one feed:
    an analyst cleared for AMBER counts two, one cleared for GREEN counts one; the failed
    entry is the watcher's own column, which the page and `intex watch` both write."""
    store = service.open_ledger(db_url)
    service.add_user(store, User("ana", Role.ANALYST, TLP.AMBER), live.PASSWORD)
    service.add_user(store, User("gus", Role.ANALYST, TLP.GREEN), live.PASSWORD)
    pages = {p: Answer(f"<!DOCTYPE html><html lang='en'><head><title>{t}</title></head>"
                       f"<body><article><h1>{t}</h1><p>{x}</p></article></body></html>"
                       .encode()) for p, (t, x) in DESK_PAGES.items()}
    with http_site(pages) as site, live.in_thread(create_app(store)) as base, \
            httpx.Client(base_url=base, timeout=60) as c:
        feed = site.url("/desk.rss")
        _desk(site, "/levee")
        watched = _watch(feed, db_url)
        assert watched.returncode == 0 and f"{feed}: 1 new" in watched.stderr

        _desk(site, "/levee", "/ferry", "/gone")  # one entry new, one that is not there
        live.http_sign_in(c, "ana")
        csrf = re.search(r'name="csrf" value="([^"]+)"', c.get("/ingest").text)[1]
        got = c.post("/ingest", data={"csrf": csrf, "tlp": "AMBER", "feeds": feed})
        assert _feed_rows(got.text)[feed][1:3] == [
            "answered; 1 entry could not be read", "2 reports you may see"]
        live.http_sign_in(c, "gus")
        assert _feed_rows(c.get("/ingest").text)[feed][1:3] == [
            "answered; 1 entry could not be read", "1 report you may see"]

        # `intex watch` reads the feed again: the entry it took before stays taken, the
        # page's report is already held, the missing page fails again
        again = _watch(feed, db_url)
        assert again.returncode == 1 and f"{feed}: 0 new, 1 failed" in again.stderr
        state = store.watches.states([feed])[feed]
        assert (state.failed_entries, state.new_reports) == (1, 2)
        assert _feed_rows(c.get("/ingest").text)[feed][1:3] == [
            "answered; 1 entry could not be read", "1 report you may see"]
        live.http_sign_in(c, "ana")
        assert _feed_rows(c.get("/ingest").text)[feed][2] == "2 reports you may see"
    # the counts are the ledger's own for each reader: the feed brought every report
    for clearance, n in ((TLP.AMBER, 2), (TLP.GREEN, 1), (TLP.CLEAR, 0)):
        sight = service.sight(User("any", Role.ANALYST, clearance))
        assert store.counts(sight)["reports"] == n
        assert store.watches.reports_seen([feed], sight) == ({feed: n} if n else {})
