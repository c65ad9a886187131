"""Many small rows into one table through the driver's executemany.

An ingest writes each report's mentions, claims, claim sources and fingerprint bands by
the dozen. Through ``conn.execute(table.insert(), rows)`` SQLAlchemy handles every row's
parameters in Python, which cost more than SQLite's own work on them. Here the INSERT is
compiled once per table, dialect and set of columns, the values pass through each
column type's own bind processor (the conversions SQLAlchemy would apply), and the rows
go to the driver in one executemany. Entities and spellings, which many reports share,
go in the same way with SQLite's ON CONFLICT DO NOTHING (``upsert.insert_missing`` without
the count it returns). Dialects with named parameters (PostgreSQL) keep SQLAlchemy's
path: this is a fast path for positional ones, not a second way to write.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from operator import itemgetter
from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import Connection, Dialect

_Compiled = tuple[str, tuple[str, ...], tuple[Callable[[Any], Any] | None, ...]]


def _processor(table: Table, key: str, dialect: Dialect) -> Callable[[Any], Any] | None:
    """What SQLAlchemy does to a column's values on the way in: its type's form for this
    dialect (SQLite's DATETIME writes its own text, where the generic type has nothing)."""
    typ = table.c[key].type
    return typ.dialect_impl(dialect).bind_processor(dialect)


@lru_cache(maxsize=64)
def _compiled(dialect: Dialect, table: Table, keys: tuple[str, ...],
              unique: tuple[str, ...] = ()) -> _Compiled | None:
    stmt = table.insert()
    if unique:
        if dialect.name != "sqlite":
            return None
        from sqlalchemy.dialects import sqlite

        stmt = sqlite.insert(table).on_conflict_do_nothing(index_elements=list(unique))
    compiled = stmt.compile(dialect=dialect, column_keys=list(keys))
    order = tuple(compiled.positiontup or ())
    if not compiled.positional or sorted(order) != sorted(keys):
        return None  # named parameters, or defaults SQLAlchemy would fill in: its own path
    procs = tuple(_processor(table, k, dialect) for k in order)
    return str(compiled), order, procs


def insert_rows(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """``conn.execute(table.insert(), rows)``, with the same rows stored; every row has
    the keys of the first."""
    if not rows:
        return
    plan = _compiled(conn.dialect, table, tuple(rows[0]))
    if plan is None:
        conn.execute(table.insert(), list(rows))
        return
    _send(conn, plan, rows)


def insert_missing_rows(conn: Connection, table: Table, unique: Sequence[str],
                        rows: Sequence[Mapping[str, Any]]) -> int:
    """``upsert.insert_missing``: the rows whose ``unique`` columns are not held yet are
    inserted, the others left as they are; returns how many were new (SQLite's
    executemany sums the rows each INSERT changed, and a row skipped changes none)."""
    if not rows:
        return 0
    plan = _compiled(conn.dialect, table, tuple(rows[0]), tuple(unique))
    if plan is None:
        from intex.store.upsert import insert_missing

        return insert_missing(conn, table, unique, rows)
    return _send(conn, plan, rows)


@lru_cache(maxsize=16)
def _compiled_delete(dialect: Dialect, table: Table, keys: tuple[str, ...]) -> _Compiled | None:
    from sqlalchemy import and_, bindparam

    stmt = table.delete().where(and_(*(table.c[k] == bindparam(f"b_{k}") for k in keys)))
    compiled = stmt.compile(dialect=dialect)
    order = tuple(p.removeprefix("b_") for p in compiled.positiontup or ())
    if not compiled.positional or sorted(order) != sorted(keys):
        return None
    procs = tuple(_processor(table, k, dialect) for k in order)
    return str(compiled), order, procs


def delete_rows(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Delete the rows whose columns equal each mapping's values (every mapping has the
    keys of the first): one executemany, each row found by its key."""
    if not rows:
        return
    keys = tuple(rows[0])
    plan = _compiled_delete(conn.dialect, table, keys)
    if plan is None:
        from sqlalchemy import and_, bindparam

        conn.execute(table.delete().where(and_(*(table.c[k] == bindparam(f"b_{k}")
                                                 for k in keys))),
                     [{f"b_{k}": r[k] for k in keys} for r in rows])
        return
    _send(conn, plan, rows)


def _send(conn: Connection, plan: _Compiled, rows: Sequence[Mapping[str, Any]]) -> int:
    sql, order, procs = plan
    params: list[Any] = list(map(itemgetter(*order), rows)) if len(order) > 1 else \
        [(r[order[0]],) for r in rows]
    converted = [(i, p) for i, p in enumerate(procs) if p is not None]
    if converted:  # only the columns whose type converts values, each row once
        for n, row in enumerate(params):
            values = list(row)
            for i, p in converted:
                values[i] = p(values[i])
            params[n] = tuple(values)
    from intex.store import driver

    return driver.executemany(conn, sql, params)
