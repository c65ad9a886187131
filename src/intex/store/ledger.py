"""The ledger as pages: which claims a filter selects, for whom, in which order.

``page`` finds one page of claim ids in SQL (one row per origin when folding, picked by
a window function; sorted; counted) and then loads only those rows, so a page costs
the same with 100 claims as with 100,000 (``bench/ledger_bench.py`` measures it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import String, and_, case, cast, func, or_, select

from intex.model import TLP
from intex.store import schema as t
from intex.store.sight import Sight, claim_marking

if TYPE_CHECKING:
    from intex.store.store import ClaimFilter, ClaimRow, Store

SORTS = ("date", "value", "subject", "status", "source", "marking", "review")


@dataclass(frozen=True)
class Page:
    rows: list[ClaimRow]
    total: int  # rows the filter selects, all pages together
    offset: int
    limit: int


def when() -> Any:
    """Over time: a claim's own date when it has a year, else its report's."""
    c, r = t.claims, t.reports
    return case((and_(c.c.date.isnot(None), func.length(c.c.date) != 5), c.c.date),
                else_=func.coalesce(cast(r.c.published, String), "9999"))


def marking_columns() -> tuple[Any, Any]:
    c, r = t.claims, t.reports
    return claim_marking(c.c.tlp, c.c.releasable_to, r.c.tlp, r.c.releasable_to)


def visible(sight: Sight) -> Any:
    """A claim may be shown when its marking and its report's both allow it (its
    evidence is its report's text)."""
    r = t.reports
    tlp, rel = marking_columns()
    return and_(sight.condition(r.c.tlp, r.c.releasable_to), sight.condition(tlp, rel))


def conditions(f: ClaimFilter, dialect: str = "") -> list[Any]:
    """WHERE clauses over claims joined to reports (and reviews, outer) for a filter."""
    c, r = t.claims, t.reports
    conds: list[Any] = []
    terms: list[Sequence[str]] = list(
        f.subject_terms or tuple((w,) for w in (f.subject or "").lower().split()))
    if terms:  # matched once against the distinct subjects, then by number (0012)
        from intex.store import subjects

        conds.append(c.c.subject_id.in_(subjects.matching(terms, dialect)))
    if f.status:
        conds.append(c.c.status == f.status)
    if f.location:
        conds.append(func.lower(c.c.location).contains(f.location.lower()))
    if f.since:
        conds.append(c.c.date >= f.since)
    if f.until:
        # "2024-03" takes in every day of March (no collation-dependent sentinel)
        conds.append(or_(c.c.date <= f.until, c.c.date.startswith(f.until)))
    if f.report:
        conds.append(c.c.report_id == f.report)
    if f.claim:
        conds.append(c.c.id == f.claim)
    if f.ids:
        conds.append(c.c.id.in_(f.ids))
    if f.source:
        conds.append(c.c.id.in_(select(t.claim_sources.c.claim_id).where(
            func.lower(t.claim_sources.c.name).contains(f.source.lower()))))
    if f.review:
        conds.append(func.coalesce(t.reviews.c.state, "auto") == f.review)
    if f.language:
        conds.append(r.c.language == f.language)
    if f.tlp:
        conds.append(marking_columns()[0] == f.tlp)
    if f.sight is not None:
        conds.append(visible(f.sight))
    return conds


def repeats_by_origin(sight: Sight | None, ids: tuple[str, ...] = ()) -> Any:
    """Per origin, how many distinct reports carry it, among those the reader may see."""
    c, r = t.claims, t.reports
    q = (select(c.c.origin, func.count(func.distinct(c.c.report_id)).label("n"))
         .join(r, r.c.id == c.c.report_id).group_by(c.c.origin))
    if sight is not None:
        q = q.where(visible(sight))
    if ids:
        q = q.where(c.c.origin.in_(select(c.c.origin).where(c.c.id.in_(ids))))
    return q.subquery()


def _sort_key(sort: str) -> Any:
    c = t.claims
    if sort == "value":
        return c.c.value
    if sort == "subject":
        return func.lower(func.coalesce(c.c.subject, c.c.unit, ""))
    if sort == "status":
        return c.c.status
    if sort == "source":
        return func.coalesce(select(func.lower(t.claim_sources.c.name))
                             .where(t.claim_sources.c.claim_id == c.c.id)
                             .order_by(t.claim_sources.c.position).limit(1)
                             .scalar_subquery(), "~")
    if sort == "marking":
        tlp = marking_columns()[0]
        return case(*((tlp == lvl.name, int(lvl)) for lvl in TLP), else_=0)
    if sort == "review":
        return func.coalesce(t.reviews.c.state, "auto")
    return when()


def page(store: Store, f: ClaimFilter, *, sort: str = "date", descending: bool = False,
         offset: int = 0, limit: int = 50) -> Page:
    """One page of the ledger for a filter (its ``limit`` is ignored: ``limit`` is)."""
    c, r = t.claims, t.reports
    if sort not in SORTS:
        raise ValueError(f"sort is one of {', '.join(SORTS)}")
    key = _sort_key(sort)
    cols = [c.c.id.label("cid"), key.label("k"), when().label("w"),
            c.c.report_id.label("rid"), c.c.evidence_start.label("es"), c.c.id.label("tie")]
    if f.fold:
        cols.append(func.row_number().over(
            partition_by=c.c.origin,
            order_by=(when(), c.c.report_id, c.c.evidence_start, c.c.id)).label("rn"))
    q = (select(*cols).join(r, r.c.id == c.c.report_id)
         .outerjoin(t.reviews, t.reviews.c.claim_id == c.c.id))
    conds = conditions(f, store.engine.dialect.name)
    if conds:
        q = q.where(and_(*conds))
    sub = q.subquery()
    picked = select(sub.c.cid, sub.c.k, sub.c.w, sub.c.rid, sub.c.es, sub.c.tie)
    if f.fold:
        picked = picked.where(sub.c.rn == 1)
    inner = picked.subquery()
    order = [inner.c.k.desc() if descending else inner.c.k.asc()]
    if sort != "date":
        order.append(inner.c.w)
    order += [inner.c.rid, inner.c.es, inner.c.tie]  # claims of one sentence: by id
    with store.engine.connect() as conn:
        # the total rides along with the page (one pass over the selection, not two);
        # only a page past the end needs it counted alone
        got = conn.execute(select(inner.c.cid, func.count().over().label("total"))
                           .order_by(*order).limit(limit).offset(offset)).all()
        ids = [row[0] for row in got]
        total = got[0][1] if got else conn.execute(
            select(func.count()).select_from(inner)).scalar_one()
    if not ids:
        return Page([], total, offset, limit)
    rows = store.claims(replace(f, ids=tuple(ids), fold=False, limit=len(ids)))
    at = {cid: i for i, cid in enumerate(ids)}
    return Page(sorted(rows, key=lambda row: at[row.claim.id or ""]), total, offset, limit)
