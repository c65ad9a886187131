"""A host that outlasts its request budget does not hold up the next round: a real loopback
server drips its answer's headers (so the client's read timeout never fires), the round
ends without it, its other feeds carry over, the other host keeps its schedule, and the
late answer is taken by a later round. The server counts requests in flight per host,
and a request stops counting before its answer goes out, so a loaded machine cannot
make the next paced request look like an overlap."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler

import pytest

from intex import service
from intex.cli.watch import status_table
from intex.service import open_ledger
from intex.watch import PollEvent, Watcher, WatchOptions
from tests.watch.conftest import FakeClock, LoopbackHosts, QuietHandler, loopback_hosts

pytestmark = pytest.mark.network

QUICK, SLOW = "127.0.0.1", "127.0.0.2"
DRIPPING = "/feed/0.rss"


@dataclass
class Hosts(LoopbackHosts):
    dripping: bool = False  # the slow host is dripping its answer now

    def url(self, host: str, path: str) -> str:
        return f"http://{host}:{self.ports[host]}{path}"

    def count(self, host: str) -> int:
        return sum(1 for h, _ in self.hits if h == host)


def rss(host: str, path: str) -> bytes:
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{host}{path}</title><link>http://{host}/</link><description>d"
            "</description></channel></rss>").encode()


def handler(hosts: Hosts) -> type[BaseHTTPRequestHandler]:
    class Handler(QuietHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802
            host = self.server.server_address[0]  # type: ignore[index]
            with hosts.lock:
                hosts.hits.append((host, self.path))
                hosts.in_flight[host] += 1
                hosts.most_per_host[host] = max(hosts.most_per_host[host],
                                                hosts.in_flight[host])
            body = rss(host, self.path)
            drip = host == SLOW and self.path == DRIPPING
            try:
                if drip:  # a header line every 0.05 s: each read is within the timeout
                    hosts.dripping = True
                    self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                    while not hosts.release.wait(0.05):
                        self.wfile.write(b"X-Wait: 1\r\n")
                    hosts.dripping = False
            finally:
                with hosts.lock:  # stops counting before the answer goes out
                    hosts.in_flight[host] -= 1
            head = b"" if drip else b"HTTP/1.1 200 OK\r\n"
            self.wfile.write(head + b"Content-Type: application/rss+xml\r\n"
                             + f"Content-Length: {len(body)}\r\n".encode()
                             + b"Connection: close\r\n\r\n" + body)
            self.close_connection = True

    return Handler


@pytest.fixture
def hosts() -> Iterator[Hosts]:
    state = Hosts()
    with loopback_hosts((QUICK, SLOW), handler(state), state.release) as state.ports:
        yield state


def until(condition, what: str, limit: float = 60.0) -> None:  # noqa: ANN001
    end = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < end, what
        time.sleep(0.02)


def table_rows(w: Watcher) -> dict[str, str]:
    """The live status table `intex watch` shows, as source -> its state column."""
    table = status_table(w.states(), w.left_behind())
    sources, states = (list(c.cells) for c in table.columns[:2])
    assert table.columns[1].header == "state"
    return dict(zip(sources, states, strict=True))


def polled(events: list[object]) -> list[str]:
    return sorted(e.state.url for e in events if isinstance(e, PollEvent))


def test_a_host_past_its_budget_is_left_behind_and_its_feeds_carry_over(hosts, tmp_path):
    quick = [hosts.url(QUICK, f"/feed/{k}.rss") for k in range(3)]
    slow = [hosts.url(SLOW, f"/feed/{k}.rss") for k in range(3)]
    # the server runs in this process: a first extraction importing its models would hold
    # the interpreter long enough to starve the drip, so that is done before
    service.default_pipeline()
    clock = FakeClock()
    store = open_ledger(f"sqlite:///{tmp_path / 'watch.db'}")
    w = Watcher(store, quick + slow,
                WatchOptions(every=900.0, host_interval=0.0, timeout=2.0,
                             request_budget=3.0, concurrency=1),
                clock=clock, sleep=clock.sleep)
    # should a round wait for the drip after all, it ends in a minute and the test fails
    guard = threading.Timer(60, hosts.release.set)
    guard.daemon = True
    guard.start()
    try:
        # round 1: the quick host's feeds; the slow host's first request outlasts its budget
        # (one thread for both hosts: the one left behind gives its place up)
        first = list(w.round())
        assert hosts.dripping, "the round waited for the dripping host"
        assert polled(first) == sorted(quick)
        assert w.busy_hosts() == {SLOW}
        assert {s.url for s in w.states() if s.last_poll is None} == set(slow)  # carried
        # the status table says so: the slow host's sources are left behind, not "due"
        assert w.left_behind() == set(slow)
        rows = table_rows(w)
        assert all(rows[u].startswith("left behind") for u in slow)
        assert all(rows[u] == "on schedule" for u in quick)
        assert hosts.count(SLOW) == 1

        # run(): the next round is due in one budget (to take the late answer), not at once
        # and not only when the quick host is due; that round skips the busy host
        clock.advance(900)
        again = list(w.run(rounds=2))
        assert polled(again) == sorted(quick)  # the quick host, on time
        assert clock.sleeps == [3.0]
        assert hosts.dripping and hosts.count(SLOW) == 1 and hosts.count(QUICK) == 6

        # the answer comes: the next round takes it, then polls the feeds that waited
        hosts.release.set()
        until(lambda: not w.busy_hosts(), "the slow host's thread never finished")
        clock.advance(899)  # the quick feeds are due; the late one came 3 s after them
        third = list(w.round())
        assert polled(third) == sorted(quick + slow)
        assert all(e.error is None for e in third if isinstance(e, PollEvent))
        assert {s.url for s in w.states() if s.last_poll is None} == set()
        assert w.left_behind() == set()
        assert set(table_rows(w).values()) == {"on schedule"}
        assert hosts.count(SLOW) == 3  # the dripping feed was not asked for twice
    finally:
        guard.cancel()
        hosts.release.set()
        w.close()
        store.close()
    assert set(hosts.most_per_host.values()) == {1}  # never two requests to one host
