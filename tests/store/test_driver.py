"""Statements sent straight to the SQLite driver behave as SQLAlchemy's: the same rows,
the same errors, a savepoint undoing what it held alone, and every statement seen by
whoever watches (``echo``, cursor listeners), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.exc import IntegrityError

from intex import service
from intex.pipeline.claims import EXTRACTOR
from intex.store import driver, open_store
from intex.store import schema as t

REPORT = {"id": "r1", "content_hash": "h1", "title": "T", "format": "text", "text": "x",
          "extractor": "e", "cluster_id": "r1", "fingerprint": "f", "tlp": "CLEAR",
          "ingested_at": datetime(2026, 1, 2, tzinfo=UTC)}
INSERT_BAND = "INSERT INTO report_bands (band, report_id) VALUES (?, ?)"

STORY = b"""Air Force: 48 drones shot down overnight

KYIV - Ukraine's air defence shot down 48 of 62 drones launched overnight, the Air Force
said on Tuesday. Officials in Kharkiv said 3 people were wounded.
"""


def _sql(conn: Any, sql: str) -> str:
    """``sql`` in the dialect's parameter style (PostgreSQL's drivers take %s)."""
    return sql if conn.dialect.paramstyle == "qmark" else sql.replace("?", "%s")


def test_the_driver_path_is_taken_only_while_nobody_watches(db_url: str) -> None:
    store = open_store(db_url)
    sqlite = db_url.startswith("sqlite")
    try:
        with store.engine.connect() as conn:
            assert driver.direct(conn) is sqlite

        def watch(*_: Any) -> None:
            pass

        event.listen(store.engine, "before_cursor_execute", watch)
        with store.engine.connect() as conn:
            assert not driver.direct(conn)
        event.remove(store.engine, "before_cursor_execute", watch)
        store.engine.echo = True
        with store.engine.connect() as conn:
            assert not driver.direct(conn)
    finally:
        store.close()


def test_an_error_is_sqlalchemys_and_the_savepoint_undoes_its_rows_alone(db_url: str) -> None:
    store = open_store(db_url)
    try:
        with store.engine.begin() as conn:
            conn.execute(t.reports.insert(), REPORT)
            assert driver.executemany(conn, _sql(conn, INSERT_BAND), [("b0", "r1")]) == 1
            with pytest.raises(IntegrityError) as caught, driver.savepoint(conn):
                driver.executemany(conn, _sql(conn, INSERT_BAND), [("b1", "r1"), ("b2", "r1")])
                # a band of a report that is not there: the foreign key refuses it
                driver.executemany(conn, _sql(conn, INSERT_BAND), [("b3", "nope")])
            assert "report_bands" in str(caught.value.statement)
            with driver.savepoint(conn):
                driver.executemany(conn, _sql(conn, INSERT_BAND), [("b4", "r1")])
            got = driver.fetchall(conn, _sql(conn, "SELECT band FROM report_bands "
                                                   "WHERE report_id = ? ORDER BY band"), ["r1"])
            assert [r[0] for r in got] == ["b0", "b4"]
        with store.engine.connect() as conn:  # and so it was committed
            assert conn.execute(select(t.report_bands.c.band)
                                .order_by(t.report_bands.c.band)).scalars().all() == ["b0", "b4"]
    finally:
        store.close()


def _stored(url: str, watched: bool) -> tuple[list[list[tuple[Any, ...]]], list[str]]:
    """Every row of the ingest tables after storing three reports (one twice), and the
    statements a listener saw, with one listening or none."""
    seen: list[str] = []

    def watch(conn: Any, cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement)

    store = open_store(url)
    if watched:
        event.listen(store.engine, "before_cursor_execute", watch)
    try:
        exs = [service.extract_bytes(STORY.replace(b"48", n), name=f"r{i}.txt")
               for i, n in enumerate((b"48", b"49", b"51"))]
        when = datetime(2026, 1, 2, tzinfo=UTC)
        store.add_many([(ex, None) for ex in exs], extractor=EXTRACTOR, now=when)
        again = store.add_many([(exs[0], None)], extractor=EXTRACTOR, now=when)
        assert again[0].status == "unchanged"  # type: ignore[union-attr]
        with store.engine.connect() as conn:
            tables = [conn.execute(select(tab)).all() for tab in (
                t.reports, t.report_bands, t.near_duplicates, t.entities, t.aliases,
                t.mentions, t.claims, t.claim_sources, t.subjects)]
        return [sorted(tuple(r) for r in rows) for rows in tables], seen
    finally:
        store.close()


def test_a_watched_ingest_sees_every_statement_and_stores_the_same(tmp_path: Any) -> None:
    """The driver path is SQLite's: the same reports stored with it and without it."""
    plain, _ = _stored(f"sqlite:///{tmp_path}/plain.db", watched=False)
    watched, seen = _stored(f"sqlite:///{tmp_path}/watched.db", watched=True)
    assert plain == watched
    assert all(plain[:3]) and plain[6]  # reports, bands, near-duplicates and claims
    for table in ("reports", "report_bands", "mentions", "claims", "claim_sources"):
        assert any(s.startswith(f"INSERT INTO {table} ") for s in seen), table
    assert any(s.startswith("SAVEPOINT") for s in seen)
