"""Ledger pages by cursor on SQLite and PostgreSQL alike: walking the ledger by ``next``
(or back by ``previous``) gives every claim exactly once, in the order pages by offset
give, for every sort, either way, NULL keys included; claims stored during a walk never
make it repeat or lose a claim that was there when it began."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text as sql

from intex import service
from intex.errors import InputError
from intex.model import TLP, Marking, ReviewState
from intex.store import ClaimFilter, ClaimRow, open_store
from intex.store.ledger import SORTS

DEV = Path(__file__).resolve().parents[1] / "corpus" / "dev"
PER = 4


@pytest.fixture
def store(db_url):  # noqa: ANN201
    store = open_store(db_url)
    for path in sorted(DEV.glob("a0*"))[:4]:
        for ev in service.ingest(store, [str(path)]):
            assert ev.error is None
    # no source and no date at all
    store.add(service.extract_bytes(b"Tanks\n\nThe regiment lost 40 tanks and 12 howitzers "
                                    b"near the river.", name="undated.txt"), extractor="t")
    rows = store.claims(ClaimFilter(fold=False, limit=10**6))
    # intex writes "9999" and "~" for those, but the columns allow NULL (as rows stored
    # before 0014 and 0018 filled them in had): a walk must pass NULL keys too
    with store.engine.begin() as conn:
        conn.execute(sql("UPDATE claims SET at = NULL, first_source = NULL "
                         "WHERE id IN (:a, :b, :c)"),
                     {"a": rows[4].claim.id, "b": rows[5].claim.id, "c": rows[-1].claim.id})
    # reviews and markings to sort by
    store.review(rows[0].claim.id or "", ReviewState.ACCEPTED, reviewer="ana")
    store.review(rows[3].claim.id or "", ReviewState.REJECTED, reviewer="ana")
    store.mark(rows[1].claim.id or "", Marking(TLP.AMBER))
    store.mark(rows[2].claim.id or "", Marking(TLP.GREEN))
    return store


def _ids(rows: list[ClaimRow]) -> list[str]:
    return [r.claim.id or "" for r in rows]


def _walk(store, f: ClaimFilter, sort: str, descending: bool) -> list[str]:  # noqa: ANN001
    page = store.page(f, sort=sort, descending=descending, limit=PER)
    assert page.previous is None
    out = _ids(page.rows)
    while page.next:
        page = store.page(f, sort=sort, descending=descending, limit=PER, after=page.next)
        assert page.offset is None and page.previous
        out += _ids(page.rows)
    return out


@pytest.mark.parametrize("fold", [True, False])
def test_a_walk_by_cursor_gives_every_claim_once_in_order_for_every_sort(store, fold):
    f = ClaimFilter(fold=fold)
    for sort in SORTS:
        for descending in (False, True):
            whole = _ids(store.page(f, sort=sort, descending=descending, limit=10**6).rows)
            assert len(whole) > 3 * PER
            walked = _walk(store, f, sort, descending)
            assert walked == whole, (sort, descending)
            # and back again by ``previous``, from the last page
            page = store.page(f, sort=sort, descending=descending, limit=PER,
                              offset=(len(whole) - 1) // PER * PER)
            assert page.next is None
            back = _ids(page.rows)
            while page.previous:
                page = store.page(f, sort=sort, descending=descending, limit=PER,
                                  before=page.previous)
                back = _ids(page.rows) + back
            assert back == whole, (sort, descending)
            assert page.offset == 0  # walked back to the first page


def test_claims_stored_during_a_walk_neither_repeat_nor_hide_others(store):
    f = ClaimFilter(fold=False)
    before = set(_ids(store.page(f, limit=10**6).rows))
    page = store.page(f, limit=PER)
    seen = _ids(page.rows)
    extra = iter([
        b"Early\n\nOn 3 January 2020 officials said 77 drones were downed over the port.",
        b"Late\n\nOn 5 May 2031 officials said 88 drones were downed over the port.",
        b"Undated\n\nOfficials said 99 drones were downed over the port.",
        b"Middle\n\nOn 4 June 2024 officials said 66 drones were downed over the port."])
    while page.next:
        text = next(extra, None)
        if text is not None:  # a report stored between two requests
            store.add(service.extract_bytes(text, name=text[:6].decode()), extractor="t")
        page = store.page(f, limit=PER, after=page.next)
        seen += _ids(page.rows)
    assert len(seen) == len(set(seen))  # no claim twice
    assert before <= set(seen)  # none that was there lost
    after = _ids(store.page(f, limit=10**6).rows)
    assert seen == [i for i in after if i in set(seen)]  # in ledger order


def test_a_cursor_of_another_order_or_garbage_is_refused(store):
    first = store.page(ClaimFilter(), sort="value", limit=PER)
    assert first.next
    for sort, descending, cursor in (("date", False, first.next),
                                     ("value", True, first.next),
                                     ("value", False, "not-a-cursor"),
                                     ("value", False, first.next[:-3])):
        with pytest.raises(InputError):
            store.page(ClaimFilter(), sort=sort, descending=descending, limit=PER,
                       after=cursor)
