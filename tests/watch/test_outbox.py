"""Notifications survive a crash: real `intex watch` processes killed at the wrong moment,
a real command and a real loopback webhook. Delivery is at least once, never lost."""

from __future__ import annotations

import json
import os
import shlex
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import text

from intex.service import open_ledger
from intex.watch import Delivery, Notifier, Watcher, WatchOptions
from tests.watch.conftest import FLOODS, TROOPS, Item, Route, page

pytestmark = pytest.mark.network

SUBJECT = "North Korean troops"


def feed(site) -> None:
    site.routes["/a/troops.html"] = Route(page("Troops", TROOPS))
    site.set_feed("/feed.rss", [Item("Troops", "/a/troops.html"),
                                Item("Floods", "/a/floods.html", FLOODS)])


def env(db_url: str) -> dict[str, str]:
    return dict(os.environ, INTEX_DB=db_url)


def watch_args(site, *hooks: str) -> list[str]:
    return [sys.executable, "-m", "intex", "watch", site.url("/feed.rss"), "--once",
            "--host-interval", "0", "--subject", SUBJECT, *hooks]


def killer(path) -> str:
    """A hook that, the first time, writes what it read to ``path`` and then SIGKILLs the
    process that ran it (the watcher); afterwards it only writes."""
    code = ("import os, signal, sys; data = sys.stdin.buffer.read(); "
            f"first = not os.path.exists({str(path)!r}); "
            f"open({str(path)!r}, 'ab').write(data + b'\\n'); "
            "first and os.kill(os.getppid(), signal.SIGKILL)")
    return shlex.join([sys.executable, "-c", code])


def test_a_watcher_killed_while_notifying_sends_after_the_restart(feed_site, db_url, tmp_path):
    feed(feed_site)
    seen = tmp_path / "hook.jsonl"
    args = watch_args(feed_site, "--notify-cmd", killer(seen),
                      "--notify-url", feed_site.url("/hook"))
    first = subprocess.run(args, capture_output=True, text=True, timeout=300,
                           env=env(db_url))
    assert first.returncode == -signal.SIGKILL, first.stderr
    # the command got the message and killed the watcher before it was marked sent; the
    # webhook, next in line, got nothing
    (taken,) = [json.loads(line) for line in seen.read_text().splitlines()]
    assert feed_site.posts == []
    store = open_ledger(db_url)
    assert store.counts()["reports"] == 2
    assert store.watches.outbox_counts() == {"sent": 0, "pending": 2}

    second = subprocess.run(args, capture_output=True, text=True, timeout=300,
                            env=env(db_url))
    assert second.returncode == 0, second.stderr
    assert "sent 2 notifications left in the outbox" in second.stderr
    assert ": not modified" in second.stderr  # the poll itself found nothing new
    again = [json.loads(line) for line in seen.read_text().splitlines()]
    assert again == [taken, taken]  # at least once: the same message, the same id
    assert taken["notification"].startswith("notification--")
    assert [c["value"] for c in taken["claims"]] == [3000]
    (path, body), = feed_site.posts
    assert path == "/hook" and json.loads(body) == taken
    assert store.watches.outbox_counts() == {"sent": 2, "pending": 0}

    third = subprocess.run(args, capture_output=True, text=True, timeout=300,
                           env=env(db_url))
    assert third.returncode == 0
    assert len(seen.read_text().splitlines()) == 2 and len(feed_site.posts) == 1
    store.close()


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_a_watcher_killed_between_storing_and_recording_still_notifies(feed_site, db_url):
    """The reports are stored, the poll's record (and its outbox rows) waits for a lock the
    test holds, the process is killed there: the restart finds the reports already in the
    ledger, and notifies about them all the same (once)."""
    feed(feed_site)
    store = open_ledger(db_url)
    args = watch_args(feed_site, "--notify-url", feed_site.url("/hook"))
    with store.engine.connect() as lock:
        lock.execute(text("LOCK TABLE watch_sources IN EXCLUSIVE MODE"))
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                env=env(db_url))
        try:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                with store.engine.connect() as look:  # (a fresh view of the server)
                    waiting = look.execute(text(
                        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = "
                        "'Lock' AND datname = current_database()")).scalar()
                if waiting and store.counts()["reports"] == 2:
                    break
                assert proc.poll() is None, proc.communicate()[1]
                time.sleep(0.2)
            else:
                pytest.fail("the watcher never reached the poll's record")
            proc.send_signal(signal.SIGKILL)
            proc.wait(30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(30)
            proc.stderr.close()  # type: ignore[union-attr]
        lock.rollback()
    assert store.watches.states([feed_site.url("/feed.rss")]) == {}  # the record was lost
    assert store.watches.outbox_counts() == {"sent": 0, "pending": 0}
    assert feed_site.posts == []

    second = subprocess.run(args, capture_output=True, text=True, timeout=300,
                            env=env(db_url))
    assert second.returncode == 0, second.stderr
    assert ": 0 new" in second.stderr  # both reports were in the ledger already
    (path, body), = feed_site.posts
    message = json.loads(body)
    assert message["subject"] == SUBJECT and [c["value"] for c in message["claims"]] == [3000]
    third = subprocess.run(args, capture_output=True, text=True, timeout=300,
                           env=env(db_url))
    assert third.returncode == 0 and ": not modified" in third.stderr
    assert len(feed_site.posts) == 1
    store.close()


def test_a_failed_notification_is_retried_later_and_given_up_in_the_end(
        feed_site, clock, db_url):
    feed(feed_site)
    feed_site.post_status = 503
    w = Watcher(open_ledger(db_url), [feed_site.url("/feed.rss")],
                WatchOptions(host_interval=0.0, subjects=(SUBJECT,), timeout=5.0,
                             notify_attempts=3), clock=clock, sleep=clock.sleep)
    w.notifier = Notifier(url=feed_site.url("/hook"), fetcher=w.fetcher)
    (ev,) = list(w.round())
    assert ev.notified == 1 and "HTTP 503" in str(ev.notify_errors[0])
    assert w.deliver() == Delivery()  # too soon to try again: it waits a minute
    clock.advance(60)
    assert "HTTP 503" in str(w.deliver().errors[0])
    clock.advance(60)
    assert w.deliver() == Delivery()  # the wait doubled: two minutes now
    clock.advance(60)
    feed_site.post_status = 200  # the hook is back: the next round's retry gets through
    assert list(w.round()) == [Delivery(sent=1)]  # (the feed itself is not due yet)
    assert len(feed_site.posts) == 3
    assert [c["value"] for c in json.loads(feed_site.posts[-1][1])["claims"]] == [3000]

    feed_site.post_status = 503
    feed_site.routes["/a/more.html"] = Route(page("More", TROOPS.replace("3,000", "4,500")))
    feed_site.set_feed("/feed.rss", [Item("More", "/a/more.html")])
    clock.advance(900)
    (ev,) = list(w.round())
    assert ev.state.result == "1 new" and len(ev.notify_errors) == 1
    clock.advance(60)
    assert len(w.deliver().errors) == 1
    clock.advance(120)
    assert len(w.deliver().errors) == 1  # the third failure: given up
    clock.advance(3600)
    assert w.deliver() == Delivery() and len(feed_site.posts) == 6
    assert w.store.watches.outbox_counts() == {"sent": 1, "pending": 1}
    (given_up,) = w.store.watches.pending(w.notifier.hooks, max_attempts=99)
    assert given_up.attempts == 3 and "HTTP 503" in (given_up.last_error or "")
    assert [c["value"] for c in json.loads(given_up.payload)["claims"]] == [4500]


def test_sent_notifications_are_deleted_after_the_retention_and_no_others(
        feed_site, clock, db_url):
    feed(feed_site)
    w = Watcher(open_ledger(db_url), [feed_site.url("/feed.rss")],
                WatchOptions(host_interval=0.0, subjects=(SUBJECT,), timeout=5.0,
                             keep_sent=3600.0, notify_attempts=2), clock=clock,
                sleep=clock.sleep)
    w.notifier = Notifier(url=feed_site.url("/hook"), fetcher=w.fetcher)
    outbox = w.store.watches
    (ev,) = list(w.round())  # at 08:00, sent at once
    assert ev.notified == 1 and not ev.notify_errors
    clock.advance(1800)  # at 08:30 a second report, whose hook fails twice (given up)
    feed_site.routes["/a/more.html"] = Route(page("More", TROOPS.replace("3,000", "4,500")))
    feed_site.set_feed("/feed.rss", [Item("More", "/a/more.html")])
    w.options = WatchOptions(host_interval=0.0, subjects=(SUBJECT,), timeout=5.0,
                             keep_sent=3600.0, notify_attempts=2, every=60.0)
    feed_site.post_status = 503
    (ev,) = list(w.round())
    assert len(ev.notify_errors) == 1
    clock.advance(60)
    assert len(w.deliver().errors) == 1  # given up: unsent, kept
    feed_site.post_status = 200
    clock.advance(60)  # at 08:32 a third report, sent
    feed_site.routes["/a/third.html"] = Route(page("Third", TROOPS.replace("3,000", "5,100")))
    feed_site.set_feed("/feed.rss", [Item("Third", "/a/third.html")])
    (ev,) = list(w.round())
    assert ev.notified == 1 and not ev.notify_errors
    assert outbox.outbox_counts() == {"sent": 2, "pending": 1}

    def kept() -> list[int]:
        with w.store.engine.connect() as conn:
            return sorted(json.loads(p)["claims"][0]["value"] for (p,) in conn.execute(
                text("SELECT payload FROM watch_outbox")))

    assert w.prune() == 0  # none is an hour old yet
    clock.advance(3600 - 1800 - 120 + 1)  # 08:00's is past the hour; 08:32's is not
    assert list(w.round()) != [] and kept() == [4500, 5100]
    assert outbox.outbox_counts() == {"sent": 1, "pending": 1}
    clock.advance(10 * 86400)  # long after: every sent one goes, the given-up one stays
    assert w.prune() == 1 and kept() == [4500]
    assert outbox.outbox_counts() == {"sent": 0, "pending": 1}
    # what went is not sent again, nor notified again: the feed's entries are remembered
    assert w.deliver() == Delivery() and len(feed_site.posts) == 4
    w.close()
