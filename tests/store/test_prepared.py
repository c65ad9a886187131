"""The ingest's reads through ``prepared.rows`` answer as ``conn.execute(...).all()`` does."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import bindparam, or_, select

from intex.store import open_store, prepared
from intex.store import schema as t


def test_rows_are_sqlalchemys_rows(db_url: str) -> None:
    r = t.reports.c
    by_ids = select(r.id, r.title, r.cluster_id).where(
        r.id.in_(bindparam("ids", expanding=True))).order_by(r.id)
    either = select(r.id).where(or_(r.id == bindparam("id"),
                                    r.content_hash == bindparam("content_hash")))
    # a column SQLAlchemy converts on the way out: its own path, the same values
    published = select(r.id, r.published, r.ingested_at).where(
        r.id.in_(bindparam("ids", expanding=True))).order_by(r.id)
    store = open_store(db_url)
    try:
        with store.engine.begin() as conn:
            conn.execute(t.reports.insert(), [
                {"id": f"r{i}", "content_hash": f"h{i}", "title": f"T’{i}", "format": "text",
                 "text": "x", "extractor": "e", "cluster_id": f"c{i % 3}", "fingerprint": "f",
                 "tlp": "CLEAR", "published": date(2026, 1, 1 + i),
                 "ingested_at": datetime(2026, 1, 2, tzinfo=UTC)} for i in range(9)])
            cases = [
                (by_ids, {"ids": ["r1", "r4", "nope"]}),
                (by_ids, {"ids": ["r2"]}),
                (by_ids, {"ids": [f"r{i}" for i in range(9)]}),
                (by_ids, {"ids": []}),  # an empty list: no rows, no error
                (by_ids, {"ids": ["r1", "r4", "nope"]}),  # a shape seen before
                (either, {"id": "r3", "content_hash": "h5", "url": None}),  # one unused
                (either, {"id": "nope", "content_hash": "nope"}),
                (published, {"ids": ["r0", "r8"]}),
            ]
            for stmt, params in cases:
                got = prepared.rows(conn, stmt, params)
                want = conn.execute(stmt, {k: v for k, v in params.items()
                                           if k != "url"}).all()
                assert [tuple(x) for x in got] == [tuple(x) for x in want], params
            assert [x[0] for x in prepared.rows(conn, by_ids, {"ids": ["r4", "r1"]})] == \
                ["r1", "r4"]  # columns by position
            assert prepared.rows(conn, either, {"id": "r3", "content_hash": "h5"}) != []
            assert isinstance(prepared.rows(conn, published, {"ids": ["r0"]})[0][1], date)
    finally:
        store.close()
