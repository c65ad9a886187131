"""Subjects: what claims count, as a table of their own, and what the ledger counts most.

Every distinct (subject, unit) pair the claims hold is one row of ``subjects`` (NULL read
as ""); each claim names its row by number (``claims.subject_id``). A question about a
subject ("North Korean soldiers": every word with its synonyms) is matched against these
rows once, then the claims are found by number through an index, so its cost follows the
number of distinct subjects, not of claims. Rows are added as claims come in, never
removed (a row no claim names any more matches nothing).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Engine, Select, bindparam, func, or_, select
from sqlalchemy.engine import Connection

from intex.store import prepared
from intex.store import schema as t
from intex.store.sight import Sight
from intex.store.upsert import insert_missing


@lru_cache(maxsize=4096)  # asked twice per claim stored; subjects recur across reports
def key(subject: str | None, unit: str | None) -> str:
    """The unique key of a (subject, unit) pair: NULL and "" are one."""
    raw = json.dumps([subject or "", unit or ""], ensure_ascii=False)
    return hashlib.sha1(raw.encode()).hexdigest()


def ids(conn: Connection, pairs: Iterable[tuple[str | None, str | None]]) -> dict[str, int]:
    """The number of each pair's row (by key), made first where missing.

    ON CONFLICT DO NOTHING then a read: two writers adding the same subject at once both
    end with the one row (PostgreSQL's INSERT waits for the other's to commit)."""
    rows: dict[str, dict[str, str]] = {}
    for s, u in pairs:
        k = key(s, u)
        rows[k] = {"key": k, "subject": s or "", "unit": u or ""}
    if not rows:
        return {}
    s = t.subjects
    out: dict[str, int] = {}
    keys = sorted(rows)
    by_key = _by_key()
    for i in range(0, len(keys), 500):
        chunk = keys[i:i + 500]
        out.update((k, n) for k, n in prepared.rows(conn, by_key, {"keys": chunk}))
    missing = [rows[k] for k in keys if k not in out]
    if missing:
        insert_missing(conn, s, ["key"], missing)
        for i in range(0, len(missing), 500):
            chunk = [m["key"] for m in missing[i:i + 500]]
            out.update((k, n) for k, n in prepared.rows(conn, by_key, {"keys": chunk}))
    return out


@lru_cache(maxsize=1)
def _by_key() -> Select[tuple[str, int]]:
    """The numbers of the subjects with these keys (built once: every report asks)."""
    s = t.subjects
    return select(s.c.key, s.c.id).where(s.c.key.in_(bindparam("keys", expanding=True)))


def matching(groups: Sequence[Sequence[str]], dialect: str) -> Any:
    """SELECT of the subject numbers whose subject or unit contains a term of every group
    (terms lower-cased): the subject words of a question, each with its alternatives."""
    s = t.subjects
    conds: list[Any] = []
    rest: list[Sequence[str]] = list(groups)
    if dialect == "sqlite":  # FTS5 trigrams, as the claims were matched before 0012
        from intex.store import sqlite

        indexed, rest = sqlite.subject_terms(groups)
        if indexed is not None:
            conds.append(indexed)
    for group in rest:  # PostgreSQL answers these from its trigram indexes
        conds.append(or_(*(or_(func.lower(s.c.subject).contains(w),
                               func.lower(s.c.unit).contains(w)) for w in group)))
    return select(s.c.id).where(*conds)


def common(engine: Engine, sight: Sight | None, limit: int = 300) -> list[tuple[str, int]]:
    """(subject as written, claims) most frequent first."""
    from intex.store.ledger import visible

    c, r = t.claims, t.reports
    q = (select(c.c.subject, func.count().label("n")).join(r, r.c.id == c.c.report_id)
         .where(c.c.subject.isnot(None), c.c.subject != "").group_by(c.c.subject)
         .order_by(func.count().desc(), c.c.subject).limit(limit))
    if sight is not None:
        q = q.where(visible(sight))
    with engine.connect() as conn:
        return [(row.subject, row.n) for row in conn.execute(q)]
