"""Statements sent straight to the SQLite driver, inside SQLAlchemy's transaction.

An ingest runs a dozen small statements per report whose SQL ``bulk`` and ``prepared``
have already made. Through ``conn.exec_driver_sql`` each still pays for SQLAlchemy's
execution context, events and result object, which together cost about as much as
SQLite's own work on a few rows. Here they go to a cursor of the connection SQLAlchemy
holds (so they run in its transaction and savepoints, after its BEGIN), and a driver
error is raised as the SQLAlchemy error ``exec_driver_sql`` would have raised, so
callers (a batch's savepoint per report) catch what they caught before. A report's
savepoint is sent so too: SQLAlchemy's ``begin_nested`` compiles its SAVEPOINT and
RELEASE anew each time.

Whoever watches the statements (an engine with ``echo``, a ``before_cursor_execute`` or
``after_cursor_execute`` listener) sees them all as before: while one does, and on any
other database, they take SQLAlchemy's own path.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError


def direct(conn: Connection) -> bool:
    """Whether statements on ``conn`` may bypass SQLAlchemy: SQLite, and nobody watching."""
    return conn.dialect.name == "sqlite" and not (
        conn._echo  # noqa: SLF001 - the engine's echo, as SQLAlchemy reads it
        or conn.dispatch.before_cursor_execute or conn.dispatch.after_cursor_execute)


def executemany(conn: Connection, sql: str, params: Sequence[Sequence[Any]]) -> int:
    """``conn.exec_driver_sql(sql, params).rowcount``: the rows changed in all."""
    if not direct(conn):
        return int(conn.exec_driver_sql(sql, list(params)).rowcount)
    cur = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        return int(cur.executemany(sql, params).rowcount)
    except conn.dialect.loaded_dbapi.Error as err:
        raise _wrapped(conn, sql, params, err, many=True) from err
    finally:
        cur.close()


def fetchall(conn: Connection, sql: str, params: Sequence[Any]) -> list[Any]:
    """``conn.exec_driver_sql(sql, params).all()``: the rows (read them by position)."""
    if not direct(conn):
        return list(conn.exec_driver_sql(sql, tuple(params)).all())
    cur = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        return list(cur.execute(sql, params).fetchall())
    except conn.dialect.loaded_dbapi.Error as err:
        raise _wrapped(conn, sql, params, err, many=False) from err
    finally:
        cur.close()


@contextmanager
def savepoint(conn: Connection) -> Iterator[None]:
    """``conn.begin_nested()``: what runs inside is undone alone when it raises (the
    error goes on), else kept in the enclosing transaction."""
    if not direct(conn):
        with conn.begin_nested():
            yield
        return
    _run(conn, "SAVEPOINT intex_report")
    try:
        yield
    except BaseException:
        _run(conn, "ROLLBACK TO SAVEPOINT intex_report")
        _run(conn, "RELEASE SAVEPOINT intex_report")
        raise
    _run(conn, "RELEASE SAVEPOINT intex_report")


def _run(conn: Connection, sql: str) -> None:
    cur = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cur.execute(sql)
    except conn.dialect.loaded_dbapi.Error as err:
        raise _wrapped(conn, sql, (), err, many=False) from err
    finally:
        cur.close()


def _wrapped(conn: Connection, sql: str, params: Any, err: Exception,
             many: bool) -> BaseException:
    return DBAPIError.instance(sql, params, err, conn.dialect.loaded_dbapi.Error,
                               dialect=conn.dialect, ismulti=many)
