from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_214a1ceef9495b51.txt"
DEV = ROOT / "tests" / "corpus" / "dev"

_CACHE: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    """The built gazetteer is cached in a folder of the run's own, never the user's
    (~/.cache/intex), set before any test or the processes tests start reads it: the
    first process builds it, the others (the quality gate's one per report) load it."""
    _CACHE.append(tempfile.mkdtemp(prefix="intex-test-cache-"))
    os.environ["INTEX_CACHE_DIR"] = _CACHE[-1]


def pytest_unconfigure(config: pytest.Config) -> None:
    for folder in _CACHE:
        shutil.rmtree(folder, ignore_errors=True)


#: the backends every store test runs on (the contract suite)
BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def seed_bytes() -> bytes:
    if not SEED.exists():
        pytest.skip("../shared/seed is not beside the checkout")
    return SEED.read_bytes()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[object]:
    """A real PostgreSQL server for the session. Under CI=true a server that cannot start
    fails the tests; elsewhere they are skipped, saying why."""
    from tests.pgserver import PgServer, Unavailable

    try:
        server = PgServer().start()
    except Unavailable as err:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is needed under CI and did not start: {err}",
                        pytrace=False)
        pytest.skip(f"no PostgreSQL here: {err}")
    try:
        server.prepare_template()
        yield server
    finally:
        server.stop()


class Databases:
    """Fresh, empty ledger databases on one backend, removed afterwards."""

    def __init__(self, backend: str, request: pytest.FixtureRequest, folder: Path) -> None:
        self.backend = backend
        self._folder = folder
        self._server = request.getfixturevalue("pg_server") if backend == "postgresql" \
            else None
        self._made: list[str] = []

    def __call__(self, name: str = "ledger") -> str:
        """A URL to pass as --db / INTEX_DB or to open_store."""
        if self._server is None:
            return f"sqlite:///{self._folder / f'{name}.db'}"
        db = self._server.new_database()
        self._made.append(db)
        return str(self._server.url(db))

    def close(self) -> None:
        for db in self._made:
            self._server.drop_database(db)


def databases(backend: str, request: pytest.FixtureRequest, folder: Path
              ) -> Iterator[Databases]:
    made = Databases(backend, request, folder)
    try:
        yield made
    finally:
        made.close()


@pytest.fixture(params=BACKENDS)
def new_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Databases]:
    """Makes as many ledgers as a test needs (two nodes, say), on each backend in turn."""
    yield from databases(request.param, request, tmp_path)


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """One fresh ledger, on each backend in turn."""
    for made in databases(request.param, request, tmp_path):
        yield made()
