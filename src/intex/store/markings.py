"""Markings as they apply: a claim's own, else its report's. Read in bulk, for the pages
that must leave out what a viewer may not see before they count anything."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime

from sqlalchemy import Engine, func, select

from intex.model import TLP, Marking
from intex.store import schema as t
from intex.store.utc import aware

_CHUNK = 500


def marking(tlp: str | None, releasable_to: str | None) -> Marking:
    return Marking(TLP[tlp or "CLEAR"], tuple(c for c in (releasable_to or "").split(",") if c))


def of_reports(engine: Engine, ids: Iterable[str]) -> dict[str, Marking]:
    wanted = sorted(set(ids))
    out: dict[str, Marking] = {}
    with engine.connect() as conn:
        for i in range(0, len(wanted), _CHUNK):
            for row in conn.execute(select(t.reports.c.id, t.reports.c.tlp,
                                           t.reports.c.releasable_to)
                                    .where(t.reports.c.id.in_(wanted[i:i + _CHUNK]))):
                out[row.id] = marking(row.tlp, row.releasable_to)
    return out


def corrected_since(engine: Engine, since: datetime) -> frozenset[str]:
    """Claims an analyst corrected at or after ``since``."""
    since = aware(since)
    with engine.connect() as conn:
        rows = conn.execute(select(t.reviews.c.claim_id, t.reviews.c.at).where(
            t.reviews.c.state == "corrected"))
        return frozenset(cid for cid, at in rows
                         if aware(at) >= since)


def report_counts(engine: Engine) -> list[tuple[Marking, int]]:
    """How many reports carry each marking (one row per distinct marking)."""
    r = t.reports
    with engine.connect() as conn:
        return [(marking(row.tlp, row.releasable_to), row.n) for row in conn.execute(
            select(r.c.tlp, r.c.releasable_to, func.count().label("n"))
            .group_by(r.c.tlp, r.c.releasable_to))]


def claim_counts(engine: Engine) -> list[tuple[Marking, Marking, int]]:
    """How many claims carry each pair (marking in force, report's marking)."""
    c, r = t.claims, t.reports
    cols = (c.c.tlp, c.c.releasable_to, r.c.tlp, r.c.releasable_to)
    out: list[tuple[Marking, Marking, int]] = []
    with engine.connect() as conn:
        for own, own_rel, tlp, rel, n in conn.execute(
                select(*cols, func.count()).join(r, r.c.id == c.c.report_id).group_by(*cols)):
            report = marking(tlp, rel)
            out.append((marking(own, own_rel) if own else report, report, n))
    return out


def claims_in_order(engine: Engine) -> Iterator[tuple[str, Marking, Marking]]:
    """Every claim's marking in force (its own, else its report's) and its report's, in
    ledger order (date, report, place in it), read only as far as the caller goes."""
    c, r = t.claims, t.reports
    q = (select(c.c.id, c.c.tlp.label("own"), c.c.releasable_to.label("own_rel"),
                r.c.tlp, r.c.releasable_to)
         .join(r, r.c.id == c.c.report_id).order_by(c.c.date, c.c.report_id,
                                                     c.c.evidence_start, c.c.id))
    with engine.connect() as conn:
        for row in conn.execution_options(yield_per=200).execute(q):
            report = marking(row.tlp, row.releasable_to)
            yield row.id, (marking(row.own, row.own_rel) if row.own else report), report
