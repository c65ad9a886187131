"""Hundreds of feeds on eight loopback hosts (127.0.0.1-8), one feed hanging: the round goes
on with every other host while it hangs, each host gets one request at a time, paced,
and a restart resumes from the database without fetching anything that is not due."""

from __future__ import annotations

import hashlib
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler

import pytest

from intex.service import open_ledger
from intex.watch import Delivery, PollEvent, Watcher, WatchOptions
from tests.watch.conftest import FLOODS, LoopbackHosts, QuietHandler, loopback_hosts

pytestmark = pytest.mark.network

HOSTS = 8
FEEDS_PER_HOST = 40  # 320 feeds
PACE = 0.05  # seconds between two requests to one host
SLOW_HOST, HANGING = 8, "/feed/5.rss"  # the sixth feed of the eighth host hangs


@dataclass
class Hosts(LoopbackHosts):
    most_at_once: int = 0
    starts: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    hanging: bool = False  # the hanging request is being held now

    def url(self, n: int, path: str) -> str:
        host = f"127.0.0.{n}"
        return f"http://{host}:{self.ports[host]}{path}"


def rss(host: str, path: str) -> bytes:
    """An empty feed, except the first feed of each host, which carries one report."""
    item = ""
    if path == "/feed/0.rss":
        text = FLOODS.replace("37 barges", f"{30 + int(host.rsplit('.', 1)[1])} barges")
        item = (f"<item><title>Floods at {host}</title><link>http://{host}/a/floods.html</link>"
                f"<content:encoded><![CDATA[{text}]]></content:encoded></item>")
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>{host}{path}</title><link>http://{host}/</link><description>d"
            f"</description>{item}</channel></rss>").encode()


def handler(hosts: Hosts) -> type[BaseHTTPRequestHandler]:
    class Handler(QuietHandler):
        def do_GET(self) -> None:  # noqa: N802
            host = self.server.server_address[0]  # type: ignore[index]
            with hosts.lock:
                hosts.hits.append((host, self.path))
                hosts.starts[host].append(time.monotonic())
                hosts.in_flight[host] += 1
                hosts.most_per_host[host] = max(hosts.most_per_host[host],
                                                hosts.in_flight[host])
                hosts.most_at_once = max(hosts.most_at_once, sum(hosts.in_flight.values()))
            try:
                if host == f"127.0.0.{SLOW_HOST}" and self.path == HANGING:
                    hosts.hanging = True
                    hosts.release.wait(120)
                    hosts.hanging = False
                else:
                    time.sleep(0.01)  # a little work, so that requests overlap
            finally:
                # The request stops counting before its answer goes out: once the client has
                # the answer it may, after its pace, send the next one, and a loaded machine can
                # run that before this thread gets back to a `finally` after the write.
                with hosts.lock:
                    hosts.in_flight[host] -= 1
            body = rss(host, self.path)
            tag = '"' + hashlib.sha1(body).hexdigest()[:12] + '"'
            if self.headers.get("If-None-Match") == tag:
                self.send_response(304)
                self.send_header("ETag", tag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("ETag", tag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


@pytest.fixture
def hosts() -> Iterator[Hosts]:
    state = Hosts()
    with loopback_hosts([f"127.0.0.{n}" for n in range(1, HOSTS + 1)], handler(state),
                        state.release) as state.ports:
        yield state


def options() -> WatchOptions:
    return WatchOptions(every=900.0, host_interval=PACE, timeout=60.0, concurrency=8)


def test_hundreds_of_feeds_one_hanging_host_does_not_hold_up_the_others(hosts, tmp_path):
    urls = [hosts.url(n, f"/feed/{k}.rss") for k in range(FEEDS_PER_HOST)
            for n in range(1, HOSTS + 1)]
    hanging = hosts.url(SLOW_HOST, HANGING)
    behind = [hosts.url(SLOW_HOST, f"/feed/{k}.rss")  # after it in the slow host's turn
              for k in range(int(HANGING.split("/")[2].split(".")[0]) + 1, FEEDS_PER_HOST)]
    url = f"sqlite:///{tmp_path / 'watch.db'}"
    store = open_ledger(url)
    w = Watcher(store, urls, options())
    events: list[PollEvent] = []
    held_until = None
    for ev in w.round():
        assert isinstance(ev, PollEvent)
        events.append(ev)
        if len(events) == len(urls) - 1 - len(behind):
            # every other URL is done, and the hanging request is still being held
            held_until = len(events)
            assert hosts.hanging
            hosts.release.set()
    assert held_until is not None
    polled = [e.state.url for e in events]
    assert sorted(polled) == sorted(urls)
    assert polled[held_until:] == [hanging, *behind]
    assert all(e.error is None for e in events)
    assert store.counts()["reports"] == HOSTS  # one report per host's first feed
    # one request at a time to each host, paced; several hosts at once
    assert set(hosts.most_per_host.values()) == {1}
    assert hosts.most_at_once > 1
    for host, starts in hosts.starts.items():  # (a span: single gaps carry thread jitter)
        assert len(starts) == FEEDS_PER_HOST
        assert starts[-1] - starts[0] >= (FEEDS_PER_HOST - 1) * PACE * 0.95, host
    w.close()
    store.close()

    # a restart: nothing is due, nothing is fetched; --once asks each feed conditionally
    before = len(hosts.hits)
    again = open_ledger(url)
    w2 = Watcher(again, urls, options())
    assert list(w2.round()) == [] and len(hosts.hits) == before
    once = [ev for ev in w2.run(once=True) if not isinstance(ev, Delivery)]
    assert sorted(e.state.url for e in once) == sorted(urls)
    assert {e.state.result for e in once} == {"not modified"}
    assert len(hosts.hits) == before + len(urls)
    assert again.counts()["reports"] == HOSTS
    w2.close()
    again.close()
