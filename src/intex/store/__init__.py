"""The ledger's storage: one typed interface (``Store``), SQLAlchemy underneath, Alembic migrations.

SQLite-only SQL (FTS5, pragmas) lives in ``sqlite.py`` alone, so that the same store runs
on PostgreSQL through its own adapter later.
"""

from intex.store.store import (
    ClaimFilter,
    ClaimRow,
    ExportRows,
    IngestResult,
    Store,
    open_store,
)

__all__ = ["ClaimFilter", "ClaimRow", "ExportRows", "IngestResult", "Store", "open_store"]
