"""The ledger's storage: one typed interface (``Store``), SQLAlchemy underneath, Alembic migrations.

The same store runs on SQLite and on PostgreSQL: what only one of them speaks lives in
``sqlite.py`` (pragmas, FTS5) or ``postgres.py`` (driver URL, writers' lock, text search),
and ``upsert.py`` holds the INSERT ... ON CONFLICT both understand.
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
