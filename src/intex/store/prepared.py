"""The reads an ingest makes for every report, with SQLAlchemy's per-call work done once.

Storing a report asks a handful of small questions (is it known, which reports share its
fingerprint bands, which spellings and subjects exist already). Through
``conn.execute(select(...), params)`` SQLAlchemy looks the statement up in its cache and,
for an ``IN`` over a list, rewrites the SQL for the list's length on every call, which
costs more than SQLite's answer. Here the SQL for a statement and the shape of its
parameters (which are lists, and how long) is made once by SQLAlchemy itself
(``construct_expanded_state``) and kept; each call only lines up the values and sends
them to the driver (``driver.fetchall``: errors are SQLAlchemy's as before; rows are
plain tuples, read by position). Statements with
values written into the SQL, or columns whose values SQLAlchemy converts on the way out,
and dialects with named parameters (PostgreSQL) keep SQLAlchemy's own path.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.sql import Executable

# (name of the parameter, index in its list or -1 for a single value, bind processor)
_Slot = tuple[str, int, Callable[[Any], Any] | None]
_Shape = tuple[tuple[str, int], ...]  # (name, length of its list or -1), sorted by name


@lru_cache(maxsize=256)
def _plan(dialect: Dialect, stmt: Executable,
          shape: _Shape) -> tuple[str, tuple[_Slot, ...]] | None:
    if dialect.name != "sqlite":
        return None
    compiled = stmt.compile(dialect=dialect)
    if not compiled.positional or compiled.literal_execute_params:
        return None
    for entry in compiled._result_columns:  # noqa: SLF001 - the columns' result types
        if entry[3]._cached_result_processor(dialect, None) is not None:  # noqa: SLF001
            return None
    sample = {name: ([None] * n if n >= 0 else None) for name, n in shape}
    state = compiled.construct_expanded_state(sample)
    if state.positiontup is None:
        return None
    where = {e: (name, i) for name, names in state.parameter_expansion.items()
             for i, e in enumerate(names)}
    slots = []
    for p in state.positiontup:
        name, i = where.get(p, (p, -1))
        if name not in sample:
            return None  # a default value SQLAlchemy fills in: its own path
        slots.append((name, i, state.processors.get(p)))
    return state.statement, tuple(slots)


def rows(conn: Connection, stmt: Executable, params: Mapping[str, Any]) -> Sequence[Any]:
    """``conn.execute(stmt, params).all()``: the same rows (read them by position)."""
    shape = tuple(sorted((k, len(v) if isinstance(v, (list, tuple)) else -1)
                         for k, v in params.items()))
    plan = _plan(conn.dialect, stmt, shape)
    if plan is None:
        return conn.execute(stmt, dict(params)).all()
    sql, slots = plan
    args = []
    for name, i, proc in slots:
        v = params[name] if i < 0 else params[name][i]
        args.append(v if proc is None else proc(v))
    from intex.store import driver

    return driver.fetchall(conn, sql, args)
