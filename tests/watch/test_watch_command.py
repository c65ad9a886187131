"""`intex watch --once` as cron would run it: an OPML file and a page URL, twice."""

from __future__ import annotations

import getpass
import json
import os
import subprocess
import sys

import pytest

from intex.store import open_store
from tests.watch.conftest import DRONES, FLOODS, TROOPS, Item, Route, page
from tests.watch.test_notify import recorder

pytestmark = pytest.mark.network


def intex(*args: str, db) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "intex", *args], capture_output=True,
                          text=True, timeout=300, env=dict(os.environ, INTEX_DB=str(db)))


def test_watch_once_twice(feed_site, tmp_path):
    feed_site.routes["/a/troops.html"] = Route(page("Troops", TROOPS))
    feed_site.routes["/page.html"] = Route(page("Drones", DRONES))
    feed_site.set_feed("/feed.rss", [Item("Troops", "/a/troops.html"),
                                     Item("Floods", "/a/floods.html", FLOODS)])
    opml = tmp_path / "subs.opml"
    opml.write_text(f'<?xml version="1.0"?><opml version="2.0"><body><outline type="rss" '
                    f'text="Wire" xmlUrl="{feed_site.url("/feed.rss")}"/></body></opml>')
    out, db = tmp_path / "claims.jsonl", tmp_path / "w.db"
    args = ["watch", str(opml), feed_site.url("/page.html"), "--once", "--host-interval", "0",
            "--subject", "North Korean troops", "--notify-cmd", recorder(out)]
    first = intex(*args, db=db)
    assert first.returncode == 0, first.stderr
    lines = first.stderr.splitlines()
    assert any(line.startswith(f"{feed_site.url('/feed.rss')}: 2 new") for line in lines)
    assert any(line.startswith(f"{feed_site.url('/page.html')}: 1 new") for line in lines)
    assert [m["claims"][0]["value"] for m in map(json.loads, out.read_text().splitlines())] \
        == [3000]
    second = intex(*args, db=db)
    assert second.returncode == 0
    assert sum(": not modified" in line for line in second.stderr.splitlines()) == 2
    assert feed_site.count("/a/troops.html") == 1
    assert len(out.read_text().splitlines()) == 1
    # each poll that stored something is in the audit log; the second stored nothing
    store = open_store(f"sqlite:///{db}")
    entries = store.audit.entries(action="report.ingested")[1]
    store.close()
    assert sorted(e.detail for e in entries) == ["1 added, 0 already held, 0 failed",
                                                 "2 added, 0 already held, 0 failed"]
    assert {e.actor for e in entries} == {f"watch:{getpass.getuser()}"}


def test_bad_sources_and_intervals_are_named(tmp_path):
    missing = intex("watch", str(tmp_path / "none.opml"), "--once", db=tmp_path / "w.db")
    assert missing.returncode == 1 and "none.opml: no such OPML file" in missing.stderr
    bad = intex("watch", "http://127.0.0.1:9/x.rss", "--every", "soon", db=tmp_path / "w.db")
    assert bad.returncode == 2 and "not an interval" in bad.stderr
    keep = intex("watch", "http://127.0.0.1:9/x.rss", "--keep-sent", "forever",
                 db=tmp_path / "w.db")
    assert keep.returncode == 2 and "'forever': not an interval" in keep.stderr
