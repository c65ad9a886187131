"""Polling against a real loopback feed server: conditional GET, new entries only,
backoff, pacing per host, and a restart that goes on from the database."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from intex.cli.watch import status_table
from intex.service import open_ledger
from intex.watch import Watcher, WatchOptions, backoff, parse_interval
from tests.watch.conftest import DRONES, FLOODS, TROOPS, FakeClock, FeedSite, Item, Route, page

pytestmark = pytest.mark.network

EVERY = 900.0


def opts(**kw: object) -> WatchOptions:
    base = {"every": EVERY, "max_backoff": 4 * 3600.0, "host_interval": 0.0, "timeout": 5.0}
    return WatchOptions(**{**base, **kw})  # type: ignore[arg-type]


def two_items(site: FeedSite) -> None:
    site.routes["/a/troops.html"] = Route(page("Troops", TROOPS))
    site.set_feed("/feed.rss", [Item("Troops", "/a/troops.html"),
                                Item("Floods", "/a/floods.html", FLOODS)])


def test_conditional_get_fetches_and_ingests_nothing_twice(feed_site, clock, db_url):
    two_items(feed_site)
    store = open_ledger(db_url)
    w = Watcher(store, [feed_site.url("/feed.rss")], opts(), clock=clock, sleep=clock.sleep)
    first = list(w.run(rounds=1))
    assert [e.state.result for e in first] == ["2 new"] and len(first[0].added) == 2
    assert store.counts()["reports"] == 2
    assert feed_site.count("/a/troops.html") == 1
    assert feed_site.count("/a/floods.html") == 0  # full content in the feed: no fetch
    assert first[0].state.etag and first[0].state.last_poll == clock.now
    assert (first[0].state.next_poll - first[0].state.last_poll).total_seconds() == EVERY
    clock.advance(EVERY)
    second = list(w.round())
    assert [e.state.result for e in second] == ["not modified"]
    path, inm, _ = feed_site.conditional[-1]
    assert path == "/feed.rss" and inm == first[0].state.etag
    assert feed_site.count("/feed.rss") == 2 and feed_site.count("/a/troops.html") == 1
    assert store.counts()["reports"] == 2 and second[0].state.new_reports == 2


def test_a_feed_that_gains_an_entry_gives_only_that_report(feed_site, clock, db_url):
    two_items(feed_site)
    store = open_ledger(db_url)
    w = Watcher(store, [feed_site.url("/feed.rss")], opts(), clock=clock, sleep=clock.sleep)
    list(w.run(rounds=1))
    feed_site.routes["/a/drones.html"] = Route(page("Drones", DRONES))
    feed_site.set_feed("/feed.rss", [Item("Drones", "/a/drones.html"),
                                     Item("Troops", "/a/troops.html"),
                                     Item("Floods", "/a/floods.html", FLOODS)])
    clock.advance(EVERY)
    (ev,) = list(w.round())
    assert ev.state.result == "1 new" and len(ev.added) == 1
    assert feed_site.count("/a/drones.html") == 1 and feed_site.count("/a/troops.html") == 1
    assert store.counts()["reports"] == 3 and ev.state.new_reports == 3


def test_last_modified_alone_makes_the_request_conditional(feed_site, clock, db_url):
    feed_site.set_feed("/lm.rss", [Item("Floods", "/a/floods.html", FLOODS)], etag=False,
                       last_modified=datetime(2026, 10, 30, 12, 0, tzinfo=UTC))
    w = Watcher(open_ledger(db_url), [feed_site.url("/lm.rss")], opts(), clock=clock,
                sleep=clock.sleep)
    (first,) = list(w.round())
    assert first.state.etag is None and first.state.last_modified == \
        "Fri, 30 Oct 2026 12:00:00 GMT"
    clock.advance(EVERY)
    (second,) = list(w.round())
    assert second.state.result == "not modified"
    assert feed_site.conditional[-1] == ("/lm.rss", None, "Fri, 30 Oct 2026 12:00:00 GMT")


def test_errors_back_off_exponentially_up_to_the_cap_then_recover(feed_site, clock, db_url):
    feed_site.routes["/down.rss"] = Route(b"busy", "text/plain", status=503)
    w = Watcher(open_ledger(db_url), [feed_site.url("/down.rss")],
                opts(max_backoff=2 * 3600.0), clock=clock, sleep=clock.sleep)
    events = list(w.run(rounds=5))
    assert [e.state.failures for e in events] == [1, 2, 3, 4, 5]
    assert all("HTTP 503" in (e.state.result or "") for e in events)
    # the waits between polls: 2x, 4x the interval, then the two-hour cap
    assert clock.sleeps == [1800.0, 3600.0, 7200.0, 7200.0]
    assert feed_site.count("/down.rss") == 5
    feed_site.set_feed("/down.rss", [Item("Floods", "/a/floods.html", FLOODS)])
    assert list(w.round()) == []  # still waiting out the backoff
    table = status_table(w.states(), w.left_behind())  # and the status table says so
    assert list(table.columns[1].cells) == ["backing off after 5 failures"]
    clock.advance(7200)
    (ok,) = list(w.run(rounds=1))
    assert ok.state.failures == 0 and ok.state.result == "1 new"
    assert (ok.state.next_poll - ok.state.last_poll).total_seconds() == EVERY


def test_backoff_and_intervals():
    assert [backoff(60, n, 600) for n in range(6)] == [60, 120, 240, 480, 600, 600]
    assert backoff(900, 3, 300) == 900  # a cap below the interval never polls faster
    assert [parse_interval(s) for s in ("90", "90s", "15m", "2h", "1d", "1.5m")] == \
        [90, 90, 900, 7200, 86400, 90]


@pytest.mark.parametrize("bad", ["", "15x", "-5m", "0", "m", "15 minutes"])
def test_bad_intervals_are_named(bad):
    from intex.errors import ConfigError

    with pytest.raises(ConfigError) as err:
        parse_interval(bad)
    assert str(err.value).startswith(f"{bad!r}: not an interval")


def test_requests_to_one_host_are_paced(feed_site, clock, db_url):
    for n in range(3):
        feed_site.set_feed(f"/f{n}.rss", [Item(f"Floods {n}", f"/a/f{n}.html",
                                               FLOODS.replace("37", str(40 + n)))])
    w = Watcher(open_ledger(db_url), [feed_site.url(f"/f{n}.rss") for n in range(3)],
                opts(host_interval=5.0), clock=clock, sleep=clock.sleep)
    events = list(w.round())
    assert [e.state.result for e in events] == ["1 new"] * 3
    assert clock.sleeps == [5.0, 5.0]  # the first request waits for no one
    assert [e.state.last_poll for e in events] == [
        datetime(2026, 11, 1, 8, 0, tzinfo=UTC), datetime(2026, 11, 1, 8, 0, 5, tzinfo=UTC),
        datetime(2026, 11, 1, 8, 0, 10, tzinfo=UTC)]


def test_a_page_is_one_report_and_unchanged_pages_cost_nothing(feed_site, clock, db_url):
    feed_site.routes["/page.html"] = Route(page("Drones", DRONES))
    store = open_ledger(db_url)
    w = Watcher(store, [feed_site.url("/page.html")], opts(), clock=clock, sleep=clock.sleep)
    (ev,) = list(w.round())
    assert ev.state.result == "1 new"
    doc = store.report(ev.added[0])
    assert doc.url == feed_site.url("/page.html")
    clock.advance(EVERY)
    assert [e.state.result for e in w.round()] == ["not modified"]


def test_an_entry_that_failed_is_retried_and_only_it(feed_site, clock, db_url):
    feed_site.set_feed("/feed.rss", [Item("Troops", "/a/troops.html"),
                                     Item("Floods", "/a/floods.html", FLOODS)])
    store = open_ledger(db_url)
    w = Watcher(store, [feed_site.url("/feed.rss")], opts(), clock=clock, sleep=clock.sleep)
    (first,) = list(w.round())
    assert first.state.result == "1 new, 1 failed" and "HTTP 404" in str(first.failed[0])
    assert first.state.etag is None  # so the next poll reads the feed again
    feed_site.routes["/a/troops.html"] = Route(page("Troops", TROOPS))
    clock.advance(EVERY)
    (second,) = list(w.round())
    assert second.state.result == "1 new" and second.state.etag
    assert feed_site.conditional[-2][1] is None  # the feed was asked for in full
    assert store.counts()["reports"] == 2


def test_a_restart_resumes_from_the_database_file(feed_site, tmp_path):
    two_items(feed_site)
    url = f"sqlite:///{tmp_path / 'watch.db'}"
    clock = FakeClock()
    store = open_ledger(url)
    w = Watcher(store, [feed_site.url("/feed.rss")], opts(), clock=clock, sleep=clock.sleep)
    list(w.run(rounds=1))
    w.close()
    store.close()
    hits = len(feed_site.hits)

    # a new process: nothing is due yet, so nothing is fetched at all
    clock.advance(60)
    again = open_ledger(url)
    w2 = Watcher(again, [feed_site.url("/feed.rss")], opts(), clock=clock, sleep=clock.sleep)
    assert list(w2.round()) == [] and len(feed_site.hits) == hits
    (state,) = w2.states()
    assert state.result == "2 new" and state.new_reports == 2 and state.etag
    # a forced round (--once) asks conditionally and gets 304: nothing read or stored again
    (ev,) = list(w2.run(once=True))
    assert ev.state.result == "not modified"
    assert feed_site.hits[hits:] == [("GET", "/feed.rss")]
    # the feed changes, but the entries taken before are not fetched again after a restart
    feed_site.set_feed("/feed.rss", [Item("Troops", "/a/troops.html"),
                                     Item("Floods", "/a/floods.html", FLOODS + "<p>.</p>")])
    w2.close()
    again.close()
    third = open_ledger(url)
    w3 = Watcher(third, [feed_site.url("/feed.rss")], opts(), clock=clock, sleep=clock.sleep)
    (ev,) = list(w3.run(once=True))
    assert ev.state.result == "no new entries"
    assert feed_site.count("/a/troops.html") == 1 and third.counts()["reports"] == 2
