"""Ingest through the web UI: files, pasted text and URLs (from a loopback server), each
input with its own result or error, and the rest going on."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from intex import service
from intex.model import TLP, Marking, Role, User
from intex.web import create_app
from tests.web import live

pytestmark = pytest.mark.network

ARTICLE = (b"<!DOCTYPE html><html lang='en'><head><title>Bridge closed</title></head><body>"
           b"<article><h1>Bridge closed</h1><p>The regional governor said on Monday that 14 "
           b"bridges were closed after the flood.</p></article></body></html>")


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        if self.path == "/bridge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(ARTICLE)))
            self.end_headers()
            self.wfile.write(ARTICLE)
        else:
            self.send_error(404)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def origin() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_each_input_gets_its_result_or_its_error(tmp_path, origin):
    store = service.open_ledger(f"sqlite:///{tmp_path / 'ingest.db'}")
    service.add_user(store, User("ana", Role.ANALYST), live.PASSWORD)
    with live.in_thread(create_app(store)) as base, \
            httpx.Client(base_url=base, timeout=60) as c:
        live.http_sign_in(c, "ana")
        csrf = re.search(r'name="csrf" value="([^"]+)"', c.get("/ingest").text)[1]
        got = c.post("/ingest", data={
            "csrf": csrf, "tlp": "GREEN", "name": "notes.txt",
            "text": "Officials in Korvath said 230 families were evacuated on Sunday.",
            "urls": f"{origin}/bridge\n{origin}/missing"},
            files=[("files", ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00",
                              "image/png")),
                   ("files", ("wire.txt", b"Rescuers said 41 people were trapped.",
                              "text/plain"))])
        assert got.status_code == 200
        rows = dict(re.findall(r"<td>([^<]+)</td>\s*<td>(.*?)</td>", got.text, re.S))
        assert rows["notes.txt"].startswith("added") and rows["wire.txt"].startswith("added")
        assert rows[f"{origin}/bridge"].startswith("added")
        assert "failed" in rows["photo.png"] and "failed" in rows[f"{origin}/missing"]
        assert "404" in rows[f"{origin}/missing"]
        again = c.post("/ingest", data={"csrf": csrf, "tlp": "GREEN",
                                        "urls": f"{origin}/bridge"})
        assert "already held" in again.text
    assert store.counts()["reports"] == 3
    assert all(r.marking.label() == "TLP:GREEN" for r in store.claims())
    # each ingest is in the audit log, under the marking its reports took
    log = service.audit_log(store, User("adm", Role.ADMIN, TLP.AMBER), action="report")
    assert [(e.actor, e.detail, e.marking) for e in log.entries] == [
        ("ana", "0 added, 1 already held, 0 failed", Marking(TLP.GREEN)),
        ("ana", "3 added, 0 already held, 2 failed", Marking(TLP.GREEN))]
    assert "notes.txt" in (log.entries[1].subject or "")
    assert service.audit_log(store, User("clr", Role.ADMIN, TLP.CLEAR),
                             action="report").total == 0
