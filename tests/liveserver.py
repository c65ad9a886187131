"""Real servers on loopback for tests: an ASGI app under uvicorn in this process, a free
port for one started in another, and a small threaded ``http.server`` site answering
given paths (the feeds, pages and hooks the ingest, watch, web and batch tests read).

    with http_site({"/a": Answer(b"<p>hi</p>")}) as site:   # site.url("/a"), site.hits
        ...
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import uvicorn


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def in_thread(app, *, log_level: str = "warning") -> Iterator[str]:  # noqa: ANN001
    """``app`` served by a real uvicorn on a loopback port bound before it starts (no
    race for the port); yields its base URL, stops it afterwards."""
    # IPPROTO_TCP named, not 0: asyncio turns Nagle off (TCP_NODELAY) only on sockets whose
    # proto says TCP, and with Nagle on every answer's body waits ~40 ms for the client's
    # delayed ACK of its headers (uvicorn writes the two separately)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level=log_level, lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@dataclass
class Answer:
    """What a loopback site sends for one path."""

    body: bytes = b""
    status: int = 200
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    length: bool = True  # send Content-Length; without it the body ends when the socket closes


Route = Answer | Callable[[], Answer]  # a callable is asked afresh at each request
NOT_HERE = Answer(b"not here", status=404, content_type="text/plain")


class Site:
    """A loopback site's routes (changeable while it runs) and the paths asked of it.
    ``stop`` is set when the site stops, so a handler holding an answer back ends."""

    def __init__(self, routes: Mapping[str, Route] | None = None) -> None:
        self.base = ""
        self.routes: dict[str, Route] = dict(routes or {})
        self.hits: list[str] = []
        self.stop = threading.Event()

    def url(self, path: str) -> str:
        return self.base + path

    def count(self, path: str) -> int:
        return self.hits.count(path)


class QuietHandler(BaseHTTPRequestHandler):
    """A request handler that logs nothing (pytest shows what a failing test printed)."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass


class SiteHandler(QuietHandler):
    """Answers GET from its ``site``'s routes, 404 for any other path."""

    site: Site

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        self.site.hits.append(self.path)
        route = self.site.routes.get(self.path, NOT_HERE)
        self.answer(route() if callable(route) else route)

    def answer(self, a: Answer) -> None:
        self.send_response(a.status)
        if a.content_type:
            self.send_header("Content-Type", a.content_type)
        for key, value in a.headers.items():
            self.send_header(key, value)
        if a.length and a.status != 304:
            self.send_header("Content-Length", str(len(a.body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if a.status != 304:
            self.wfile.write(a.body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients that give up early (timeouts, size caps) break the pipe; that is fine


@contextmanager
def serving(handler: type[BaseHTTPRequestHandler], address: str = "127.0.0.1",
            ) -> Iterator[ThreadingHTTPServer]:
    """``handler`` served by a threaded ``http.server`` on ``address`` (a free port), on a
    thread of its own; stopped afterwards."""
    server = _Server((address, 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@contextmanager
def http_site(routes: Mapping[str, Route] | None = None, *,
              handler: type[SiteHandler] = SiteHandler, site: Site | None = None,
              address: str = "127.0.0.1") -> Iterator[Site]:
    """A loopback site answering ``routes`` (add more once ``site.base`` is known);
    ``handler`` may answer some paths its own way. Yields the site."""
    site = site if site is not None else Site()
    site.routes.update(routes or {})
    bound = type("Handler", (handler,), {"site": site})
    with serving(bound, address) as server:
        site.base = f"http://{address}:{server.server_address[1]}"
        try:
            yield site
        finally:
            site.stop.set()  # before the server stops: answers held back end now
