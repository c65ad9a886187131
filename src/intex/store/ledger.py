"""The ledger as pages: which claims a filter selects, for whom, in which order.

``page`` finds one page of claim ids in SQL (one row per origin when folding: the claim
of an origin no earlier one precedes; sorted; counted apart) and then loads only those
rows; sorted by date it is read off an index (``bench/ledger_bench.py`` measures it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, case, exists, func, literal, or_, select, tuple_
from sqlalchemy.sql.util import ClauseAdapter

from intex.model import TLP
from intex.store import schema as t
from intex.store.sight import Sight, claim_marking

if TYPE_CHECKING:
    from intex.store.store import ClaimFilter, ClaimRow, Store

SORTS = ("date", "value", "subject", "status", "source", "marking", "review")


#: a page's total is counted up to this many rows past the page, then given as "at least"
#: (``Page.exact`` false): counting every origin a filter selects in a large ledger costs
#: more than the page itself
COUNT_AHEAD = 1_000


@dataclass(frozen=True)
class Page:
    rows: list[ClaimRow]
    total: int  # rows the filter selects, all pages together (at least, unless exact)
    offset: int | None  # None: a page found by cursor, wherever it lies
    limit: int
    exact: bool = True  # False: more than ``total`` rows, not counted
    next: str | None = None  # cursor of the page after this one, when there is one
    previous: str | None = None  # cursor of the page before, when this one is not first


def when() -> Any:
    """Over time: a claim's own date when it has a year, else its report's (kept as
    ``claims.at`` since 0014, so that it can be indexed)."""
    return t.claims.c.at


def marking_columns() -> tuple[Any, Any]:
    c, r = t.claims, t.reports
    return claim_marking(c.c.tlp, c.c.releasable_to, r.c.tlp, r.c.releasable_to)


def visible(sight: Sight) -> Any:
    """A claim may be shown when its marking and its report's both allow it (its
    evidence is its report's text)."""
    c, r = t.claims, t.reports
    # a claim without a marking of its own has its report's, which the first half allows
    # already: so said, without CASE, the planner can tell how many claims pass (with
    # CASE it guessed a few hundred of a million, sorted them all for a first page and
    # took seconds instead of walking ix_claims_at)
    return and_(sight.condition(r.c.tlp, r.c.releasable_to),
                or_(c.c.tlp.is_(None), sight.condition(c.c.tlp, c.c.releasable_to)))


def conditions(f: ClaimFilter, dialect: str = "") -> list[Any]:
    """WHERE clauses over claims joined to reports (and reviews, outer) for a filter."""
    c, r = t.claims, t.reports
    conds: list[Any] = []
    terms: list[Sequence[str]] = list(
        f.subject_terms or tuple((w,) for w in (f.subject or "").lower().split()))
    if terms:  # matched once against the distinct subjects, then by number (0014)
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
        name = t.claim_sources.c.name
        # SQLite's LIKE ignores ASCII case as its lower() does (and is three times as
        # fast without it); PostgreSQL's trigram index is over lower(name) (0018)
        matched = name.contains(f.source) if dialect == "sqlite" \
            else func.lower(name).contains(f.source.lower())
        conds.append(c.c.id.in_(select(t.claim_sources.c.claim_id).where(matched)))
    if f.review:
        conds.append(func.coalesce(t.reviews.c.state, "auto") == f.review)
    if f.language:
        conds.append(r.c.language == f.language)
    if f.tlp:
        conds.append(marking_columns()[0] == f.tlp)
    if f.sight is not None:
        conds.append(visible(f.sight))
    return conds


def _sort_key(sort: str) -> Any:
    c = t.claims
    if sort == "value":
        return c.c.value
    if sort == "subject":
        return func.lower(func.coalesce(c.c.subject, c.c.unit, ""))
    if sort == "status":
        return c.c.status
    if sort == "source":  # the first source's name, lower-cased (0018)
        return c.c.first_source
    if sort == "marking":
        tlp = marking_columns()[0]
        return case(*((tlp == lvl.name, int(lvl)) for lvl in TLP), else_=0)
    if sort == "review":
        return func.coalesce(t.reviews.c.state, "auto")
    return when()


def page(store: Store, f: ClaimFilter, *, sort: str = "date", descending: bool = False,
         offset: int = 0, limit: int = 50, count_ahead: int = COUNT_AHEAD,
         after: str | None = None, before: str | None = None) -> Page:
    """One page of the ledger for a filter (its ``limit`` is ignored: ``limit`` is).

    The page starts ``offset`` rows in, or right after the row whose cursor is ``after``
    (``Page.next`` of the page before), or ends right before the row whose cursor is
    ``before`` (``Page.previous`` of the page after; when fewer than a page are left
    before it, the first page). Folding keeps, of each origin, the claim no earlier claim
    of that origin in the selection precedes (in ledger order: ``claims.at``, report,
    place in it): asked per claim of the page through ``ix_claims_origin_at``, so that
    sorted by date the page is read off ``ix_claims_at`` and stops after ``offset +
    limit`` claims (by cursor: after ``limit``, wherever the page lies). The total is
    counted apart (one per origin when folding, each claim otherwise), exactly up to
    ``count_ahead`` rows past the page (by cursor: past the first page)."""
    from intex.store import keyset

    c, r, rv = t.claims, t.reports, t.reviews
    if sort not in SORTS:
        raise ValueError(f"sort is one of {', '.join(SORTS)}")
    dialect = store.engine.dialect.name
    conds = conditions(f, dialect)
    reviewed = bool(f.review) or sort == "review"
    frm = c.join(r, r.c.id == c.c.report_id)
    if reviewed:
        frm = frm.outerjoin(rv, rv.c.claim_id == c.c.id)
    shown = [*conds, ~exists(_earlier_echo(conds, reviewed))] if f.fold else conds
    keys = [_sort_key(sort)]
    if sort != "date":
        keys.append(c.c.at)
    keys += [c.c.report_id, c.c.evidence_start, c.c.id]  # claims of one sentence: by id
    cursor = before or after
    # walking back from ``before``: the order turned round, the rows turned back after
    walk = descending != (before is not None)
    # descending turns the whole order round, ties too, so that one index (ix_claims_at,
    # ix_claims_value, ix_claims_first_source) is walked either way and the walk stops
    # after offset + limit claims
    order = [k.desc() if walk else k.asc() for k in keys]
    chosen = select(c.c.id, *keys).select_from(frm).where(*shown)
    # counted as the page is selected (one per origin: its claim no earlier echo
    # precedes), up to COUNT_AHEAD past the page
    bound = (0 if cursor else offset) + limit + count_ahead
    counted = select(literal(1)).select_from(frm).where(*shown).limit(bound + 1)
    with store.engine.connect() as conn:
        if cursor is None:
            got = list(conn.execute(chosen.order_by(*order).limit(limit + 1).offset(offset)))
        else:
            values = keyset.decode(cursor, sort, descending, len(keys))
            first = keyset.nulls_first(dialect, walk)
            beyond = keyset.after(keys, values, descending=walk, first=first)
            got = []
            for stretch in keyset.stretches(keys, values, descending=walk, first=first):
                got += conn.execute(chosen.where(stretch, beyond).order_by(*order)
                                    .limit(limit + 1 - len(got)))
                if len(got) > limit:
                    break
        if before is not None and len(got) <= limit:
            got = None  # no full page before it: the first page
        else:
            total = conn.execute(select(func.count()).select_from(counted.subquery())
                                 ).scalar_one()
    if got is None:
        return page(store, f, sort=sort, descending=descending, limit=limit,
                    count_ahead=count_ahead)
    more = len(got) > limit
    got = got[:limit]
    if before is not None:
        got.reverse()

    def mark(row: Any) -> str:
        return keyset.encode(sort, descending, tuple(row)[1:])

    earlier = more if before is not None else (cursor is not None or offset > 0)
    later = True if before is not None else more
    nxt = mark(got[-1]) if got and later else None
    prev = mark(got[0]) if got and earlier else None
    exact = total <= bound
    total = min(total, bound)
    at_offset = None if cursor else offset
    ids = [row[0] for row in got]
    if not ids:
        return Page([], total, at_offset, limit, exact, None, None)
    # the page's claims by id: the filter chose them already (its sight still applies)
    from intex.store.store import ClaimFilter

    rows = store.claims(ClaimFilter(ids=tuple(ids), fold=False, limit=len(ids), sight=f.sight))
    at = {cid: i for i, cid in enumerate(ids)}
    return Page(sorted(rows, key=lambda row: at[row.claim.id or ""]), total, at_offset, limit,
                exact, nxt, prev)


def _earlier_echo(conds: list[Any], reviewed: bool) -> Any:
    """SELECT of a claim of the outer claim's origin that the same conditions select and
    that comes before it in ledger order (its existence folds the outer claim away)."""
    c = t.claims
    c2, r2, rv2 = t.claims.alias("echo"), t.reports.alias("echo_report"), \
        t.reviews.alias("echo_review")
    frm = c2.join(r2, r2.c.id == c2.c.report_id)
    if reviewed:
        frm = frm.outerjoin(rv2, rv2.c.claim_id == c2.c.id)
    adapt = ClauseAdapter(c2).chain(ClauseAdapter(r2)).chain(ClauseAdapter(rv2))
    return select(literal(1)).select_from(frm).where(
        c2.c.origin == c.c.origin,
        tuple_(c2.c.at, c2.c.report_id, c2.c.evidence_start, c2.c.id)
        < tuple_(c.c.at, c.c.report_id, c.c.evidence_start, c.c.id),
        *(adapt.traverse(cond) for cond in conds))
