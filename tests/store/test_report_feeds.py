"""Reports linked to the feed that brought them (0021): a report stored again from another
feed counts in both, each reader counts only what their sight allows, a deleted link goes
with its report; the failed-entry count of a feed's last poll is read back from the
watcher's words by the migration, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import create_engine, text

from intex import service
from intex.model import TLP, Marking, Role, User, WatchState
from intex.pipeline.claims import EXTRACTOR
from intex.store import open_store
from intex.store import schema as t
from intex.store.postgres import driver_url
from tests.store.test_scale_migrations import _upgrade

AT = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


def _ex(text_: str, name: str):  # noqa: ANN202
    return service.extract_bytes(text_.encode(), name=name)


def _seen(store, feeds: list[str], clearance: TLP) -> dict[str, int]:  # noqa: ANN001
    return store.watches.reports_seen(feeds, service.sight(User("r", Role.ANALYST, clearance)))


def test_each_feed_counts_its_reports_under_the_readers_sight(db_url):
    store = open_store(db_url)
    a = _ex("The mayor said on Monday that 12 schools were closed.", "a.txt")
    b = _ex("The port said on Tuesday that 40 cranes stood idle.", "b.txt")
    c = _ex("Rescuers said on Wednesday that 9 villages were cut off.", "c.txt")
    got = store.add_many([(a, Marking(TLP.GREEN)), (b, Marking(TLP.AMBER)), (c, None)],
                         extractor=EXTRACTOR, feeds={a.document.id: "http://one/feed",
                                                     b.document.id: "http://one/feed"})
    assert [r.status for r in got] == ["added"] * 3
    # the GREEN report again, from a second feed: already held, and linked to that feed too
    again = store.add_many([(a, Marking(TLP.GREEN))], extractor=EXTRACTOR,
                           feeds={a.document.id: "http://two/feed"})
    assert again[0].status == "unchanged"
    thrice = store.add_many([(a, None)], extractor=EXTRACTOR,
                            feeds={a.document.id: "http://two/feed"})
    assert thrice[0].status == "unchanged"  # a link held once
    feeds = ["http://one/feed", "http://two/feed", "http://none/feed"]
    assert _seen(store, feeds, TLP.AMBER) == {"http://one/feed": 2, "http://two/feed": 1}
    assert _seen(store, feeds, TLP.GREEN) == {"http://one/feed": 1, "http://two/feed": 1}
    assert _seen(store, feeds, TLP.CLEAR) == {}
    with store.engine.begin() as conn:  # a report gone takes its links with it
        conn.execute(t.reports.delete().where(t.reports.c.id == a.document.id))
    assert _seen(store, feeds, TLP.AMBER) == {"http://one/feed": 1}


def test_the_failed_entry_count_is_a_column_read_back_as_saved(db_url):
    store = open_store(db_url)
    store.watches.save(WatchState("http://one/feed", last_poll=AT, result="3 new, 2 failed",
                                  new_reports=3, failed_entries=2), now=AT)
    state = store.watches.states(["http://one/feed"])["http://one/feed"]
    assert state.failed_entries == 2
    assert state.outcome() == "answered; 2 entries could not be read"


def test_0021_reads_the_failed_entries_out_of_the_watchers_words(db_url):
    _upgrade(db_url, "0019")
    engine = create_engine(driver_url(db_url))
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO watch_sources (url, last_poll, failures, result, new_reports) "
            "VALUES (:url, :at, :failures, :result, 0)"), [
                {"url": "http://a/", "at": AT, "failures": 0, "result": "3 new, 2 failed"},
                {"url": "http://b/", "at": AT, "failures": 0, "result": "1 new"},
                {"url": "http://c/", "at": AT, "failures": 2, "result": "error: HTTP 503"}])
    engine.dispose()
    store = open_store(db_url)  # migrates to head
    states = store.watches.states(["http://a/", "http://b/", "http://c/"])
    assert {u: s.failed_entries for u, s in states.items()} == {
        "http://a/": 2, "http://b/": 0, "http://c/": 0}
    assert states["http://a/"].outcome() == "answered; 2 entries could not be read"
