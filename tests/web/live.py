"""A real ``intex serve`` on loopback over a real SQLite file, and a real headless
Chromium (Debian's, driven by Playwright) that may talk to nothing else.

Shared by the browser tests (conftest.py) and ``make screenshots`` (screenshots.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from tests.liveserver import free_port, in_thread

__all__ = ["free_port", "in_thread"]  # the web tests' loopback servers, from tests/liveserver

INTEX = [sys.executable, "-m", "intex"]
PASSWORD = "correct horse battery staple"
USERS = (  # name, role, clearance, countries; the admin is also a named RED recipient
    ("admin", "admin", "amber+strict", "UKR"),
    ("ana", "analyst", "amber", "UKR"),
    ("rea", "reader", "green", ""),
)


def chromium() -> str | None:
    """Debian's chromium, where the project's CI installs it (.ci/run)."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def intex(*args: str, db: Path, input: bytes | None = None) -> subprocess.CompletedProcess:
    out = subprocess.run([*INTEX, *args, "--db", str(db)], capture_output=True, input=input,
                         timeout=300)
    if out.returncode != 0:
        raise RuntimeError(f"intex {' '.join(args)} failed: {out.stderr.decode()}")
    return out


def add_users(db: Path, folder: Path) -> None:
    secret = folder / "password"
    secret.write_text(PASSWORD)
    for name, role, clearance, rel in USERS:
        intex("user", "add", name, "--role", role, "--clearance", clearance,
              *(["--rel", rel] if rel else []), *(["--red"] if name == "admin" else []),
              "--password-file", str(secret), db=db)


@contextmanager
def serve(db: Path, log: Path) -> Iterator[str]:
    """``intex serve`` in its own process; yields its base URL, stops it afterwards."""
    port = free_port()
    with log.open("wb") as out:
        proc = subprocess.Popen([*INTEX, "serve", "--db", str(db), "--port", str(port)],
                                stdout=out, stderr=subprocess.STDOUT,
                                env=dict(os.environ, PYTHONUNBUFFERED="1"))
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(base + "/login", timeout=2).close()
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"intex serve did not start: {log.read_text()}") \
                        from None
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextmanager
def served_ledger(folder: Path, *reports: tuple[Path, str]) -> Iterator[tuple[str, Path]]:
    """A fresh ledger in ``folder`` with the three accounts and ``reports`` ((file, TLP)
    each), under a real ``intex serve``; yields its base URL and the database."""
    db = folder / "ledger.db"
    add_users(db, folder)
    for path, tlp in reports:
        intex("ingest", str(path), "--tlp", tlp, "-q", db=db)
    with serve(db, folder / "serve.log") as base:
        yield base, db


@dataclass
class Watch:
    """What a browser context did that a test must see: requests that tried to leave
    127.0.0.1 (refused) and errors the pages logged."""

    offsite: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def clean(self) -> None:
        assert self.offsite == [], f"requests left 127.0.0.1: {self.offsite}"
        assert self.console_errors == [], f"console errors: {self.console_errors}"


def watch(context, watcher: Watch) -> None:  # noqa: ANN001
    def route(r) -> None:  # noqa: ANN001
        url = r.request.url
        if urlsplit(url).hostname == "127.0.0.1" or url.startswith(("data:", "about:")):
            r.continue_()
        else:
            watcher.offsite.append(url)
            r.abort()

    def page_opened(page) -> None:  # noqa: ANN001
        page.on("console", lambda m: watcher.console_errors.append(m.text)
                if m.type == "error" else None)
        page.on("pageerror", lambda e: watcher.console_errors.append(str(e)))

    context.route("**/*", route)
    context.on("page", page_opened)


def launch(playwright, executable: str):  # noqa: ANN001, ANN201
    return playwright.chromium.launch(executable_path=executable, headless=True,
                                      args=["--no-sandbox", "--disable-dev-shm-usage"])


def sign_in(page, base: str, name: str, password: str = PASSWORD) -> None:  # noqa: ANN001
    page.goto(base + "/login")
    page.get_by_label("User name").fill(name)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(base + "/")


def http_sign_in(client, name: str, password: str = PASSWORD):  # noqa: ANN001, ANN201
    """Sign an httpx client in through the login form, as a browser would."""
    import re

    form = client.get("/login")
    token = re.search(r'name="csrf" value="([^"]+)"', form.text)
    assert token is not None
    return client.post("/login", data={"csrf": token[1], "name": name,
                                       "password": password, "next": "/"})
