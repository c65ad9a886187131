"""The estimate timeline and the brief, on a real SQLite ledger, as users see them."""

from __future__ import annotations

from datetime import UTC, date, datetime

from intex import service
from intex.model import TLP, ReviewState, User
from intex.store import ClaimFilter, open_store
from tests.web_ledger import build


def test_timeline_has_one_estimate_per_origin_with_ranges_and_kinds(db_url):
    store = open_store(db_url)
    build(store)
    tl = service.timeline(store, "North Korean troops")
    got = [(e.when.isoformat(), e.claim.value, e.claim.value_max, e.kind, e.repeats)
           for e in tl.estimates]
    assert got == [
        ("2024-10-23", 3000, None, "said", 2),  # the syndicated copy is folded in
        ("2024-11-04", 11000, None, "said", 1),
        ("2024-11-20", 11000, None, "said", 1),
        ("2024-12-02", 10000, 12000, "said", 1),
        ("2024-12-03", 3000, None, "said", 1),
        ("2024-12-03", 12000, None, "forecast", 1),
    ]
    assert tl.estimates[0].source == "National Intelligence Service (South Korea)"
    assert "3,000 North Korean soldiers" in tl.estimates[0].claim.evidence.text
    assert dict(tl.statuses)["sent"] == 2
    assert [e.claim.value for e in service.timeline(store, "North Korean troops",
                                                    status="sent").estimates] == [3000, 11000]
    assert service.timeline(store, "North Korean missiles").estimates == ()


def test_timeline_honours_clearance_even_in_counts(db_url):
    store = open_store(db_url)
    ids = build(store)
    green = User("reader", clearance=TLP.GREEN)
    seen = service.timeline(store, "North Korean troops", user=green)
    # the AMBER report is gone; the UKR-only range is gone for a reader of no country
    assert [e.claim.value for e in seen.estimates] == [3000, 11000, 3000, 12000]
    ukr = User("ukr", clearance=TLP.GREEN, countries=("UKR",))
    assert 10000 in [e.claim.value for e in service.timeline(
        store, "North Korean troops", user=ukr).estimates]
    # a copy the reader may not see is not counted as a repeat
    store.mark(ids["nis-copy"], service.Marking(TLP.AMBER))
    (first, *_) = service.timeline(store, "North Korean troops", user=green).estimates
    assert first.repeats == 1
    assert service.timeline(store, "North Korean troops").estimates[0].repeats == 2


def test_rejected_claims_leave_the_timeline(db_url):
    store = open_store(db_url)
    build(store)
    (row,) = service.ledger(store, ClaimFilter(subject="troops", status="present"))
    assert row.claim.id in {e.claim.id for e in service.timeline(store, "troops").estimates}
    store.review(row.claim.id, ReviewState.REJECTED, reviewer="ana")
    after = service.timeline(store, "troops").estimates
    assert row.claim.id not in {e.claim.id for e in after} and len(after) == 5


def test_brief_since_a_day_lists_new_and_changed_estimates(db_url):
    store = open_store(db_url)
    build(store)
    made = datetime(2024, 12, 10, tzinfo=UTC)
    b = service.brief(store, date(2024, 11, 1), clock=lambda: made)
    assert b.made == made and b.since == date(2024, 11, 1)
    lines = {(c.estimate.claim.value, c.what, c.previous.claim.value if c.previous else None)
             for s in b.sections for c in s.changes}
    # NIS moved from 3,000 (October) to 11,000: changed; the rest is new
    assert (11000, "changed", 3000) in lines
    assert (11000, "new", None) in lines and (12000, "new", None) in lines
    # Zelensky went from 10,000-12,000 deployed (Dec 2) to 3,000 (Dec 3)
    assert (3000, "changed", 10000) in lines
    assert not any(c.estimate.when < date(2024, 11, 1) for s in b.sections
                   for c in s.changes)
    # a reader without AMBER clearance never learns of the NIS change
    green = service.brief(store, date(2024, 11, 1), user=User("r", clearance=TLP.GREEN))
    assert not any(c.estimate.claim.value == 11000 and c.what == "changed"
                   for s in green.sections for c in s.changes)


def test_brief_counts_corrections_made_since(db_url):
    store = open_store(db_url)
    build(store)
    (row,) = [r for r in service.ledger(store, ClaimFilter(subject="troops"))
              if r.claim.date == "2024-10-23"]
    store.review(row.claim.id, ReviewState.CORRECTED, reviewer="ana",
                 corrections={"value": 3500}, now=datetime(2024, 12, 5, tzinfo=UTC))
    b = service.brief(store, date(2024, 12, 1))
    fixed = [c for s in b.sections for c in s.changes if c.what == "corrected"]
    assert [c.estimate.claim.value for c in fixed] == [3500]
    assert service.brief(store, date(2024, 12, 6)).sections == ()
