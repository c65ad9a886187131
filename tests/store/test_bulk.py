"""Rows written through the driver's executemany are the rows SQLAlchemy's insert writes."""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, select

from intex.store import open_store
from intex.store import schema as t
from intex.store.bulk import delete_rows, insert_missing_rows, insert_rows
from intex.store.upsert import insert_missing

REPORT = {"id": "r1", "content_hash": "h1", "title": "T", "format": "text", "text": "x",
          "extractor": "e", "cluster_id": "r1", "fingerprint": "f", "tlp": "CLEAR"}


def _claims(report: str) -> list[dict[str, Any]]:
    return [{"id": f"{report}-c{i}", "report_id": report, "value": 1000.5 * i,
             "value_max": None if i % 2 else 2.0e9, "approx": bool(i % 2), "unit": "soldiers",
             "subject": None, "status": "killed", "location": "Kursk’s north", "date": None,
             "modality": "asserted", "evidence_start": i, "evidence_end": i + 9,
             "evidence": "ünïcode ſ", "vague": not i % 3, "extractor": "e", "origin": "o",
             "partner": None, "tlp": None, "releasable_to": None} for i in range(5)]


def _rows(url: str, table: Any, report: str) -> list[tuple[Any, ...]]:
    store = open_store(url)
    try:
        with store.engine.connect() as conn:
            rows = conn.execute(select(table).where(table.c.report_id == report)
                                .order_by(table.c.id)).all()
        return [tuple(r)[:1] + tuple(r)[2:] for r in rows]  # the report id differs
    finally:
        store.close()


def test_insert_rows_stores_what_sqlalchemy_stores(db_url: str) -> None:
    from datetime import UTC, datetime

    store = open_store(db_url)
    try:
        with store.engine.begin() as conn:
            for rid in ("fast", "slow"):
                conn.execute(t.reports.insert(), {
                    **REPORT, "id": rid, "content_hash": rid, "cluster_id": rid,
                    "ingested_at": datetime(2026, 1, 2, tzinfo=UTC)})
            insert_rows(conn, t.claims, _claims("fast"))
            conn.execute(t.claims.insert(), _claims("slow"))
            insert_rows(conn, t.claims, [])  # nothing to write is no error
    finally:
        store.close()
    fast = _rows(db_url, t.claims, "fast")
    slow = _rows(db_url, t.claims, "slow")
    assert len(fast) == 5
    assert [r[1:] for r in fast] == [r[1:] for r in slow]
    # booleans come back as booleans, floats and None as written
    assert {type(r[3]) for r in fast} == {bool}


def test_insert_missing_rows_keeps_the_first_writers_row(db_url: str) -> None:
    store = open_store(db_url)
    try:
        with store.engine.begin() as conn:
            insert_missing_rows(conn, t.entities, ["id"], [
                {"id": "a", "name": "First", "type": "ORG", "kind": None, "country": "UA"},
                {"id": "b", "name": "B", "type": "GPE", "kind": "country", "country": None}])
            insert_missing_rows(conn, t.entities, ["id"], [
                {"id": "a", "name": "Second", "type": "ORG", "kind": None, "country": "KR"},
                {"id": "c", "name": "C", "type": "LOC", "kind": None, "country": None}])
            # the same as insert_missing, which also counts what was new
            assert insert_missing(conn, t.entities, ["id"], [
                {"id": "c", "name": "C2", "type": "LOC", "kind": None, "country": None},
                {"id": "d", "name": "D", "type": "LOC", "kind": None, "country": None}]) == 1
            rows = conn.execute(select(t.entities.c.id, t.entities.c.name, t.entities.c.country)
                                .order_by(t.entities.c.id)).all()
    finally:
        store.close()
    assert [tuple(r) for r in rows] == [("a", "First", "UA"), ("b", "B", None),
                                        ("c", "C", None), ("d", "D", None)]


def test_delete_rows_deletes_exactly_the_rows_named(db_url: str) -> None:
    store = open_store(db_url)
    p = t.sync_pending
    rows = [{"partner": partner, "collection": "c", "id": f"note--{i}", "modified": m,
             "refs": "", "json": "{}"} for partner in ("kyiv", "oslo") for i in range(4)
            for m in ("2026-01-01", "2026-02-01")]
    with store.engine.begin() as conn:
        insert_rows(conn, p, rows)
        delete_rows(conn, p, [{"partner": "kyiv", "collection": "c", "id": "note--1",
                               "modified": "2026-01-01"},
                              {"partner": "kyiv", "collection": "c", "id": "note--2",
                               "modified": "2026-02-01"},
                              {"partner": "kyiv", "collection": "c", "id": "note--9",
                               "modified": "2026-02-01"}])
        left = set(conn.execute(select(p.c.partner, p.c.id, p.c.modified)).all())
    assert left == {(r["partner"], r["id"], r["modified"]) for r in rows} - {
        ("kyiv", "note--1", "2026-01-01"), ("kyiv", "note--2", "2026-02-01")}
    store.close()


def test_insert_missing_rows_counts_the_rows_it_added(db_url: str) -> None:
    from datetime import UTC, datetime

    store = open_store(db_url)
    o = t.stix_objects

    def rows(ids: range) -> list[dict[str, Any]]:
        return [{"id": f"note--{i}", "modified": "2026-01-01", "type": "note",
                 "spec_version": "2.1", "json": "{}", "partner": None,
                 "received_at": datetime(2026, 1, 1, tzinfo=UTC), "tlp": None,
                 "releasable_to": None} for i in ids]

    with store.engine.begin() as conn:
        assert insert_missing_rows(conn, o, ["id", "modified"], rows(range(5))) == 5
        assert insert_missing_rows(conn, o, ["id", "modified"], rows(range(3, 9))) == 4
        assert insert_missing_rows(conn, o, ["id", "modified"], []) == 0
        assert len(conn.execute(select(o.c.id)).all()) == 9
    store.close()


def test_dates_and_times_are_written_as_sqlalchemy_writes_them(db_url: str) -> None:
    """A column whose type has a form of its own on this database (SQLite's DATE and
    DATETIME write text of their own) holds the same text either way."""
    from datetime import UTC, date, datetime

    store = open_store(db_url)
    at = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    try:
        with store.engine.begin() as conn:
            for rid in ("fast", "slow"):
                row = {**REPORT, "id": rid, "content_hash": rid, "cluster_id": rid,
                       "published": date(2025, 12, 31), "ingested_at": at}
                if rid == "fast":
                    insert_rows(conn, t.reports, [row])
                else:
                    conn.execute(t.reports.insert(), row)
            raw = conn.execute(select(t.reports.c.id, t.reports.c.published.cast(String),
                                      t.reports.c.ingested_at.cast(String))
                               .order_by(t.reports.c.id)).all()
            back = conn.execute(select(t.reports.c.published, t.reports.c.ingested_at)).all()
    finally:
        store.close()
    assert raw[0][1:] == raw[1][1:]
    assert {r[0] for r in back} == {date(2025, 12, 31)}
    assert {r[1].replace(tzinfo=UTC) for r in back} == {at}
