"""The ledger `intex ingest` makes of the corpus, and the comparison of two ledgers."""

from __future__ import annotations

from pathlib import Path

from intex import service
from intex.service import Store, open_ledger
from tests.batch.conftest import fixed_clock
from tests.batch.corpus import urls


def ingested(tmp: Path, base: str) -> Store:
    store = open_ledger(f"sqlite:///{tmp / 'ingest.db'}")
    events = list(service.ingest(store, urls(base), clock=fixed_clock, timeout=5.0))
    assert [e.error for e in events] == [None] * len(events)
    return store


def export(store: Store) -> str:
    """The ledger as `intex export` writes it, with a fixed clock."""
    return service.bundle_text(service.export_bundle(store, clock=fixed_clock), indent=1)
