"""INSERT ... ON CONFLICT, for SQLite and PostgreSQL alike.

A check-then-insert loses a race between two writers (both check, both insert, one
fails); an insert that names its conflict target holds under any number of them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection


def _insert(conn: Connection, table: Table):  # noqa: ANN202
    if conn.dialect.name == "postgresql":
        return postgresql.insert(table)
    if conn.dialect.name == "sqlite":
        return sqlite.insert(table)
    raise NotImplementedError(f"no upsert for {conn.dialect.name}")


def insert_missing(conn: Connection, table: Table, keys: Sequence[str],
                   rows: Sequence[Mapping[str, Any]]) -> int:
    """Insert the rows whose ``keys`` are not held yet; returns how many were new."""
    if not rows:
        return 0
    # RETURNING counts what was inserted on both backends (a driver's rowcount may not)
    stmt = (_insert(conn, table).on_conflict_do_nothing(index_elements=list(keys))
            .returning(table.c[keys[0]]))
    if len(rows) == 1:
        return len(conn.execute(stmt.values(**rows[0])).all())
    return len(conn.execute(stmt, list(rows)).all())


def put(conn: Connection, table: Table, keys: Sequence[str], row: Mapping[str, Any]) -> None:
    """Insert the row, or overwrite the one with the same ``keys``: the last writer wins."""
    ins = _insert(conn, table).values(**row)
    conn.execute(ins.on_conflict_do_update(
        index_elements=list(keys),
        set_={k: ins.excluded[k] for k in row if k not in keys}))
