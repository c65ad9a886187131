"""A real feed server on loopback that keeps validators, answers 304, fails on demand and
counts every request; a fake clock whose sleeps only move its hands."""

from __future__ import annotations

import hashlib
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler

import pytest

from tests.liveserver import NOT_HERE, Answer, QuietHandler, SiteHandler, serving

__all__ = ["QuietHandler"]  # the loopback hosts' handlers start from it

TROOPS = ("<p>South Korea's National Intelligence Service said on Tuesday that about 3,000 "
          "North Korean troops had been sent to Russia's far east for training since early "
          "October.</p><p>The agency told lawmakers that a further 2,000 soldiers were expected "
          "to follow by December, according to a committee member who attended the closed "
          "briefing.</p>")
FLOODS = ("<p>The harbour authority of Varnel said on Monday that 37 barges were stranded "
          "after the river rose 2.4 metres overnight, and that about 400 dock workers had been "
          "sent home.</p><p>Officials estimated the losses at about 1.2 million euros and said "
          "the port would stay closed until Friday, when engineers expect the water to fall.</p>"
          "<p>Shipping companies said they had diverted 12 vessels to the coastal terminal at "
          "Orlen while the river stays above its warning level.</p>")
DRONES = ("<p>Ukraine's air force said on Sunday that it had shot down 41 of the 52 drones "
          "that Russia launched overnight against the Kyiv and Odesa regions.</p><p>The "
          "regional governor said two people were injured by falling debris and that 14 homes "
          "were damaged in the attack, which lasted about five hours.</p>"
          "<p>Power was cut to about 9,000 households in Odesa for several hours before repair "
          "crews restored it, the regional energy company said.</p>")


def page(title: str, body: str) -> bytes:
    return (f"<!DOCTYPE html><html><head><title>{title}</title></head><body><article>"
            f"<h1>{title}</h1>{body}</article></body></html>").encode()


@dataclass
class Item:
    title: str
    link: str
    content: str | None = None  # full text in the feed; else only a teaser


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    etag: bool = True  # send an ETag (and honour If-None-Match)
    last_modified: datetime | None = None  # send Last-Modified (and honour If-Modified-Since)


@dataclass
class FeedSite:
    base: str = ""
    routes: dict[str, Route] = field(default_factory=dict)
    hits: list[tuple[str, str]] = field(default_factory=list)  # (method, path)
    conditional: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    posts: list[tuple[str, bytes]] = field(default_factory=list)
    post_status: int = 200

    def url(self, path: str) -> str:
        return self.base + path

    def count(self, path: str) -> int:
        return sum(1 for m, p in self.hits if m == "GET" and p == path)

    def set_feed(self, path: str, items: list[Item], **route: object) -> None:
        entries = "".join(
            f"<item><title>{i.title}</title><link>{self.url(i.link)}</link>"
            f"<description>{'Teaser only.' if i.content is None else ''}</description>"
            + (f"<content:encoded><![CDATA[{i.content}]]></content:encoded>"
               if i.content else "") + "</item>" for i in items)
        body = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
                'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
                f"<title>Wire</title><link>{self.base}/</link><description>t</description>"
                f"{entries}</channel></rss>").encode()
        self.routes[path] = Route(body=body, content_type="application/rss+xml", **route)  # type: ignore[arg-type]


class _Handler(SiteHandler):
    site: FeedSite  # type: ignore[assignment]

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        site = self.site
        site.hits.append(("GET", self.path))
        inm, ims = self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")
        site.conditional.append((self.path, inm, ims))
        route = site.routes.get(self.path)
        if route is None:
            return self.answer(NOT_HERE)
        headers: dict[str, str] = {}
        if route.status == 200:
            tag = '"' + hashlib.sha1(route.body).hexdigest()[:16] + '"'
            if route.etag:
                headers["ETag"] = tag
            if route.last_modified:
                headers["Last-Modified"] = format_datetime(route.last_modified, usegmt=True)
            fresh = (route.etag and inm == tag) or (
                not route.etag and route.last_modified is not None and ims == headers.get(
                    "Last-Modified"))
            if fresh:
                return self.answer(Answer(status=304, content_type=None, headers=headers))
        self.answer(Answer(route.body, route.status, route.content_type, headers))

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        self.site.hits.append(("POST", self.path))
        self.site.posts.append((self.path, self.rfile.read(length)))
        self.answer(Answer(status=self.site.post_status, content_type="text/plain"))


@pytest.fixture
def feed_site() -> Iterator[FeedSite]:
    site = FeedSite()
    with serving(type("Handler", (_Handler,), {"site": site})) as server:
        site.base = f"http://127.0.0.1:{server.server_address[1]}"
        yield site


@dataclass
class LoopbackHosts:
    """What the loopback hosts' handlers saw: requests in flight per host (and the most at
    once), every (host, path) asked for; ``release`` ends an answer held back."""

    release: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    in_flight: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    most_per_host: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    hits: list[tuple[str, str]] = field(default_factory=list)
    ports: dict[str, int] = field(default_factory=dict)


@contextmanager
def loopback_hosts(addresses: Iterable[str], handler: type[BaseHTTPRequestHandler],
                   release: threading.Event) -> Iterator[dict[str, int]]:
    """One real HTTP server per loopback address (127.0.0.x: each its own host to the
    watcher), all serving ``handler``; yields their ports by address. After, ``release``
    is set (an answer held back ends) and the servers stop."""
    with ExitStack() as servers:
        ports = {}
        for address in addresses:
            server = servers.enter_context(serving(handler, address))
            ports[server.server_address[0]] = server.server_address[1]
        try:
            yield ports
        finally:
            release.set()  # before the servers stop


class FakeClock:
    """Starts at a fixed instant; ``sleep`` records the wait and moves the clock on."""

    def __init__(self, start: datetime = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def __call__(self) -> datetime:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += timedelta(seconds=seconds)

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()
