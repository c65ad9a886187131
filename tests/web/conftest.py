"""Browser fixtures: Debian's chromium through Playwright, a real ``intex serve``."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.web import live


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = live.chromium()
    if path is None:
        message = "chromium is not installed (apt-get install chromium; .ci/run does it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def playwright_browser(chromium_path: str) -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api") if not os.environ.get("CI") \
        else __import__("playwright.sync_api", fromlist=["sync_playwright"])
    with sync_api.sync_playwright() as pw:
        browser = live.launch(pw, chromium_path)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[tuple[str, Path]]:  # noqa: ANN001
    """A fresh ledger with three accounts (admin, analyst ana, reader rea), served."""
    with live.served_ledger(tmp_path_factory.mktemp("web")) as served:
        yield served


@pytest.fixture
def browse(playwright_browser, server):  # noqa: ANN001, ANN201
    """A new browser context (its own cookies) watched for offsite requests and console
    errors; checked clean when the test ends."""
    contexts = []

    def open_context(viewport: dict[str, int] | None = None):  # noqa: ANN202
        context = playwright_browser.new_context(viewport=viewport or
                                                 {"width": 1366, "height": 860})
        watcher = live.Watch()
        live.watch(context, watcher)
        contexts.append((context, watcher))
        return context.new_page(), watcher

    yield open_context
    for context, watcher in contexts:
        context.close()
        watcher.clean()


@pytest.fixture(scope="module")
def small_ledger(tmp_path_factory):  # noqa: ANN001, ANN201
    """Two dev reports (CLEAR and AMBER) and the three accounts, in-process."""
    from intex import service
    from intex.model import TLP, Marking, Role, User

    folder = tmp_path_factory.mktemp("web-api")
    store = service.open_ledger(f"sqlite:///{folder / 'ledger.db'}")
    reports = sorted(live_dev().glob("a0*.txt"))[:2]
    for path, mark in zip(reports, (Marking(TLP.CLEAR), Marking(TLP.AMBER)), strict=True):
        for ev in service.ingest(store, [str(path)], marking=mark):
            assert ev.error is None
    for name, role, clearance, rel in live.USERS:
        service.add_user(store, User(name, Role(role), TLP.parse(clearance),
                                     (rel,) if rel else (), red=name == "admin"),
                         live.PASSWORD)
    return store


def live_dev() -> Path:
    from tests.conftest import DEV

    return DEV


@pytest.fixture(scope="module")
def api(small_ledger):  # noqa: ANN001, ANN201
    """The web app over the small ledger, served on loopback for one test module."""
    from intex.web import create_app

    with live.in_thread(create_app(small_ledger)) as base:
        yield base


@pytest.fixture
def client():  # noqa: ANN201
    """Signed-in httpx clients (closed when the test ends)."""
    made: list[httpx.Client] = []

    def make(base: str, name: str | None = "ana") -> httpx.Client:
        c = httpx.Client(base_url=base, follow_redirects=False, timeout=60)
        made.append(c)
        if name:
            assert live.http_sign_in(c, name).status_code == 303
        return c

    yield make
    for c in made:
        c.close()
