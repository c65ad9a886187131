"""Ledger pages on SQLite and PostgreSQL alike: each sort is one order (descending is it
turned round, ties too), sorting by source follows each claim's first source, the
source filter finds a name in any case, and the total is counted only so far past the
page."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text as sql

from intex import service
from intex.model import Marking
from intex.store import ClaimFilter, ClaimRow, open_store
from intex.store.store import claim_at

DEV = Path(__file__).resolve().parents[1] / "corpus" / "dev"


@pytest.fixture
def store(db_url):  # noqa: ANN201
    store = open_store(db_url)
    for path in sorted(DEV.glob("a0*"))[:6]:
        for ev in service.ingest(store, [str(path)]):
            assert ev.error is None
    # claims nobody is said to have made sort after every source's name
    store.add(service.extract_bytes(b"Drones\n\nMore than 1,200 drones hit the region in "
                                    b"March 2024, and 300 tanks were lost there.",
                                    name="unsourced.txt"), extractor="t")
    return store


def _place(r: ClaimRow) -> tuple[str, str, int, str]:
    return (claim_at(r.claim.date, r.published), r.report_id, r.claim.evidence.start,
            r.claim.id or "")


def _source(r: ClaimRow) -> str:
    return r.claim.sources[0].name.lower() if r.claim.sources else "~"


def _ids(rows: list[ClaimRow]) -> list[str]:
    return [r.claim.id or "" for r in rows]


def test_each_sort_is_one_order_and_descending_turns_it_round(store):
    everything = store.claims(ClaimFilter(limit=10**6))  # one per origin, ledger order
    assert len(everything) > 20 and any(not r.claim.sources for r in everything)
    expected = {
        "date": sorted(everything, key=_place),
        "value": sorted(everything, key=lambda r: (r.claim.value, *_place(r))),
        "source": sorted(everything, key=lambda r: (_source(r), *_place(r))),
    }
    for sort, rows in expected.items():
        up = store.page(ClaimFilter(), sort=sort, limit=10**6)
        down = store.page(ClaimFilter(), sort=sort, descending=True, limit=10**6)
        assert _ids(up.rows) == _ids(rows), sort
        assert _ids(down.rows) == _ids(rows)[::-1], sort
        assert up.total == down.total == len(everything) and up.exact
        # pages cut the same order
        parts = [store.page(ClaimFilter(), sort=sort, descending=True, offset=k, limit=7)
                 for k in range(0, len(rows), 7)]
        assert [i for p in parts for i in _ids(p.rows)] == _ids(rows)[::-1], sort


def test_source_filter_ignores_case_on_both_backends(store):
    everything = store.claims(ClaimFilter(fold=False, limit=10**6))
    name = next(s.name for r in everything for s in r.claim.sources if len(s.name) > 6)
    part = name[1:6]
    expected = {r.claim.id for r in everything
                if any(part.lower() in s.name.lower() for s in r.claim.sources)}
    for asked in (part, part.upper(), part.lower()):
        got = store.page(ClaimFilter(source=asked, fold=False), limit=10**6)
        assert {r.claim.id for r in got.rows} == expected and got.total == len(expected)


def test_total_is_counted_only_so_far_past_the_page(store):
    n = len(store.claims(ClaimFilter(limit=10**6)))
    assert n > 12
    short = store.page(ClaimFilter(), limit=5, count_ahead=3)
    assert (short.total, short.exact, len(short.rows)) == (8, False, 5)
    later = store.page(ClaimFilter(), offset=5, limit=5, count_ahead=3)
    assert (later.total, later.exact) == (13, False) or (later.total, later.exact) == (n, True)
    whole = store.page(ClaimFilter(), limit=5, count_ahead=n - 5)
    assert (whole.total, whole.exact) == (n, True)
    past = store.page(ClaimFilter(), limit=5, count_ahead=n - 6)
    assert (past.total, past.exact) == (n - 1, False)
    every = store.page(ClaimFilter(fold=False), limit=5, count_ahead=10**6)
    assert every.exact and every.total == len(store.claims(ClaimFilter(fold=False,
                                                                       limit=10**6)))


def test_the_headings_counts_are_capped_and_exact_below_the_cap(store):
    from intex.model import TLP, Role, User
    from intex.service import sight

    for who in (None, sight(User("rea", Role.READER, TLP.GREEN))):
        exact = store.counts(who)
        assert min(exact.values()) > 3
        assert store.counts(who, cap=10**6) == exact
        assert store.counts(who, cap=2) == {k: 3 for k in exact}  # more than 2
    # under a sight, an entity counts once some allowed report mentions it
    amber = store.claims(ClaimFilter(limit=1))[0].report_id
    store.mark(amber, Marking(TLP.AMBER))
    green = sight(User("rea", Role.READER, TLP.GREEN))
    got = store.counts(green)
    with store.engine.connect() as conn:
        shown = conn.execute(sql(
            "SELECT count(*), count(DISTINCT m.entity_id) FROM reports r LEFT JOIN mentions m "
            "ON m.report_id = r.id WHERE r.tlp <> 'AMBER'")).one()
    assert got["reports"] == store.counts()["reports"] - 1
    assert got["entities"] == shown[1] < store.counts()["entities"]
    assert store.counts(green, cap=10**6) == got
