"""New claims on watched subjects reach a real command and a real loopback webhook."""

from __future__ import annotations

import json
import shlex
import sys

import pytest

from intex.service import open_ledger
from intex.watch import Notifier, Watcher, WatchOptions
from tests.watch.conftest import FLOODS, TROOPS, Item, Route, page

pytestmark = pytest.mark.network

SUBJECT = "North Korean troops"


def recorder(path) -> str:
    """A command that appends what it reads on stdin, one line per call, to ``path``."""
    code = ("import sys; data = sys.stdin.buffer.read(); "
            f"open({str(path)!r}, 'ab').write(data + b'\\n')")
    return shlex.join([sys.executable, "-c", code])


def feed(site) -> None:
    site.routes["/a/troops.html"] = Route(page("Troops", TROOPS))
    site.set_feed("/feed.rss", [Item("Troops", "/a/troops.html"),
                                Item("Floods", "/a/floods.html", FLOODS)])


def watcher(site, db_url, clock, notifier, subjects=(SUBJECT,)):
    w = Watcher(open_ledger(db_url), [site.url("/feed.rss")],
                WatchOptions(host_interval=0.0, subjects=subjects, timeout=5.0),
                clock=clock, sleep=clock.sleep)
    w.notifier = notifier
    return w


def test_new_claims_on_a_subject_go_to_the_command_once(feed_site, clock, db_url, tmp_path):
    feed(feed_site)
    out = tmp_path / "claims.jsonl"
    w = watcher(feed_site, db_url, clock, Notifier(recorder(out)))
    (ev,) = list(w.round())
    assert ev.notified == 1 and ev.notify_errors == ()
    (message,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert message["subject"] == SUBJECT and message["source"] == feed_site.url("/feed.rss")
    (claim,) = message["claims"]
    assert claim["value"] == 3000 and claim["subject"] == "North Korean troops"
    assert claim["sources"] == ["National Intelligence Service (South Korea)"]
    assert claim["report"] in ev.added and claim["id"]
    # the floods report matched no watched subject; nothing new next time: no message
    clock.advance(900)
    assert [e.notified for e in w.round()] == [0]
    assert len(out.read_text().splitlines()) == 1


def test_without_a_subject_every_new_claim_is_sent(feed_site, clock, db_url, tmp_path):
    feed(feed_site)
    out = tmp_path / "claims.jsonl"
    (ev,) = list(watcher(feed_site, db_url, clock, Notifier(recorder(out)),
                         subjects=()).round())
    (message,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert message["subject"] is None
    assert {c["value"] for c in message["claims"]} >= {3000, 2000, 1200000}
    assert ev.notified == len(message["claims"])


def test_the_webhook_receives_the_same_json(feed_site, clock, db_url, tmp_path):
    feed(feed_site)
    out = tmp_path / "claims.jsonl"
    notifier = Notifier(recorder(out), feed_site.url("/hook"))
    (ev,) = list(watcher(feed_site, db_url, clock, notifier).round())
    assert ev.notify_errors == ()
    (path, body), = feed_site.posts
    assert path == "/hook"
    assert json.loads(body) == json.loads(out.read_text())


def test_failing_hooks_are_reported_and_the_reports_are_kept(feed_site, clock, db_url):
    feed(feed_site)
    feed_site.post_status = 500
    failing = shlex.join([sys.executable, "-c", "import sys; sys.stderr.write('disk full'); "
                                                "sys.exit(3)"])
    w = watcher(feed_site, db_url, clock, Notifier(failing, feed_site.url("/hook")))
    (ev,) = list(w.round())
    assert [str(e) for e in ev.notify_errors] == [
        f"{sys.executable}: notify command exited 3 disk full",
        f"{feed_site.url('/hook')}: webhook failed: HTTP 500 Internal Server Error"]
    assert ev.state.result == "2 new" and w.store.counts()["reports"] == 2


def test_a_missing_command_is_named(feed_site, clock, db_url):
    feed(feed_site)
    w = watcher(feed_site, db_url, clock, Notifier("/nonexistent/notify-me --now"))
    (ev,) = list(w.round())
    assert [str(e) for e in ev.notify_errors] == [
        "/nonexistent/notify-me: notify command not found"]
