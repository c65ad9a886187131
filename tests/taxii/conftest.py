"""A real SQLite ledger with reports and claims under several markings, published, and
a real uvicorn server on loopback serving it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from intex import service
from intex.model import TLP, Marking, Partner
from tests.conftest import BACKENDS, Databases, databases
from tests.liveserver import in_thread

DEV = Path(__file__).resolve().parent.parent / "corpus" / "dev"
ACCEPT = {"Accept": "application/taxii+json;version=2.1"}
COLLECTION = "/taxii2/intex/collections/{}/"


@dataclass
class Live:
    url: str  # http://127.0.0.1:PORT


@contextmanager
def live_server(app) -> Iterator[Live]:  # noqa: ANN001
    with in_thread(app) as url:
        yield Live(url)


@dataclass
class Ledger:
    store: service.Store
    passwords: dict[str, str]
    keys: dict[str, str]
    partners: dict[str, Partner]


PARTNERS = (
    Partner("seoul", max_tlp=TLP.AMBER, countries=("KOR",), can_write=True),
    Partner("tokyo", max_tlp=TLP.GREEN, countries=("JPN",)),
    Partner("home", max_tlp=TLP.AMBER_STRICT, countries=("UKR",), own=True, can_write=True),
)


@pytest.fixture(scope="module", params=BACKENDS)
def module_db(request, tmp_path_factory) -> Iterator[Databases]:  # noqa: ANN001
    """Ledgers shared by a module's tests, on each backend in turn."""
    yield from databases(request.param, request, tmp_path_factory.mktemp("ledgers"))


@pytest.fixture(scope="module")
def ledger(module_db) -> Ledger:  # noqa: ANN001
    """Four dev-corpus reports: CLEAR, GREEN, AMBER REL TO KOR, AMBER+STRICT; one claim
    of the GREEN report marked RED and one of the CLEAR report AMBER REL TO UKR."""
    store = service.open_ledger(module_db("ledger"))
    reports = sorted(DEV.glob("*.txt"))[:4]
    marks = [Marking(TLP.CLEAR), Marking(TLP.GREEN), Marking(TLP.AMBER, ("KOR",)),
             Marking(TLP.AMBER_STRICT)]
    for path, mark in zip(reports, marks, strict=True):
        for ev in service.ingest(store, [str(path)], marking=mark):
            assert ev.error is None, ev.error
    rows = service.ledger(store, service.ClaimFilter(fold=False))
    by_report: dict[str, list[str]] = {}
    for r in rows:
        by_report.setdefault(r.report_id, []).append(r.claim.id)
    tlps = {r.report_id: store.report(r.report_id).marking.tlp for r in rows}
    green = next(rid for rid, t in tlps.items() if t is TLP.GREEN)
    clear = next(rid for rid, t in tlps.items() if t is TLP.CLEAR)
    store.mark(by_report[green][0], Marking(TLP.RED))
    store.mark(by_report[clear][0], Marking(TLP.AMBER, ("UKR",)))
    service.publish(store)
    passwords, keys = {}, {}
    for p in PARTNERS:
        creds = service.add_partner(store, p)
        passwords[p.name], keys[p.name] = creds.password, creds.api_key
    return Ledger(store, passwords, keys, {p.name: p for p in PARTNERS})
