from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_214a1ceef9495b51.txt"
DEV = ROOT / "tests" / "corpus" / "dev"

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


def backend_url(backend: str, request: pytest.FixtureRequest, folder: Path,
                name: str = "ledger") -> Iterator[str]:
    """A fresh, empty ledger database on ``backend`` (dropped afterwards)."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / f'{name}.db'}"
        return
    server = request.getfixturevalue("pg_server")
    db = server.new_database()
    try:
        yield server.url(db)
    finally:
        server.drop_database(db)


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from backend_url(request.param, request, tmp_path)
