"""One SparkSession (local[2]) for every Spark test; the corpus served on loopback.

Without Java the Spark tests are skipped on a developer's machine, and fail under CI
(CI=true), where .ci/run installs a JRE: a missing Java must never pass quietly there."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from tests.batch.corpus import PAGES, html

FIXED = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


def fixed_clock() -> datetime:
    return FIXED


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        if os.environ.get("CI") == "true":
            pytest.fail("no Java: .ci/run must install a JRE for the Spark tests")
        pytest.skip("no Java on this machine (apt-get install openjdk-17-jre-headless)")
    pytest.importorskip("pyspark") if os.environ.get("CI") != "true" else None
    from intex.batch.spark import make_session

    session = make_session("local[2]")
    try:
        yield session
    finally:
        session.stop()


class _Pages(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        if self.path not in PAGES:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = html(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="session")
def news_site() -> Iterator[str]:
    """The corpus's pages at http://127.0.0.1:PORT/2026/10/...; yields the base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
