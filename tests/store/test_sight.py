"""The reader's sight as SQL agrees with the model's marking rule, on a real SQLite ledger:
ledger rows, pages, counts, "repeated by" and search never hold what the rule hides."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intex import service
from intex.model import TLP, Marking, Role, User
from intex.store.sight import Sight

DEV = Path(__file__).resolve().parents[1] / "corpus" / "dev"
COUNTRIES = ["UKR", "KOR", "USA"]
markings = st.builds(Marking, st.sampled_from(list(TLP)),
                     st.lists(st.sampled_from(COUNTRIES), unique=True).map(tuple))
users = st.builds(User, st.just("u"), st.just(Role.READER), st.sampled_from(list(TLP)),
                  st.lists(st.sampled_from(COUNTRIES), unique=True).map(tuple))


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):  # noqa: ANN201
    store = service.open_ledger(f"sqlite:///{tmp_path_factory.mktemp('sight') / 'l.db'}")
    for path in sorted(DEV.glob("a0*.txt"))[:3]:
        for ev in service.ingest(store, [str(path)]):
            assert ev.error is None
    rows = store.claims(service.ClaimFilter(fold=False))
    reports = sorted({r.report_id for r in rows})
    return store, reports, [r.claim.id for r in rows]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(user=users, report_marks=st.lists(markings, min_size=3, max_size=3),
       claim_marks=st.lists(st.one_of(st.none(), markings), min_size=4, max_size=4))
def test_sql_sight_is_the_model_rule(ledger, user, report_marks, claim_marks):
    store, reports, claims = ledger
    for rid, m in zip(reports, report_marks, strict=False):
        store.mark(rid, m)
    own = dict(zip(claims[:4], claim_marks, strict=True))
    with store.engine.begin() as conn:  # reset the four claims' own markings
        from intex.store import schema as t
        for cid, m in own.items():
            conn.execute(t.claims.update().where(t.claims.c.id == cid).values(
                tlp=m.tlp.name if m else None,
                releasable_to=",".join(m.releasable_to) or None if m else None))
    sight = Sight.of(user.may_see, user.countries)
    everything = store.claims(service.ClaimFilter(fold=False))
    expected = {r.claim.id for r in everything
                if user.may_see(r.marking)
                and user.may_see(store.report(r.report_id).marking)}
    seen = store.claims(service.ClaimFilter(fold=False, sight=sight))
    assert {r.claim.id for r in seen} == expected
    assert all(user.may_see(r.marking) for r in seen)
    assert store.counts(sight)["claims"] == len(expected)
    visible_reports = {rid for rid in reports if user.may_see(store.report(rid).marking)}
    assert store.counts(sight)["reports"] == len(visible_reports)
    page = store.page(service.ClaimFilter(fold=False, sight=sight), limit=1000)
    assert {r.claim.id for r in page.rows} == expected and page.total == len(expected)
    for r in seen:  # "repeated by N reports" counts only reports the reader may see
        assert r.repeats <= len(visible_reports)
    hits = store.search("North Korean", sight=sight)
    assert {h[0] for h in hits} <= visible_reports


def test_sight_refuses_what_is_not_a_country():
    with pytest.raises(ValueError):
        Sight.of(User("x").may_see, ("KOR'; --",))


def test_pages_fold_sort_and_count(ledger):
    store, _, _ = ledger
    for rid in ledger[1]:
        store.mark(rid, Marking(TLP.CLEAR))
    with store.engine.begin() as conn:
        from intex.store import schema as t
        conn.execute(t.claims.update().values(tlp=None, releasable_to=None))
    everything = store.claims(service.ClaimFilter(limit=10**6))
    first = store.page(service.ClaimFilter(), sort="value", descending=True, limit=5)
    assert first.total == len(everything)
    values = [r.claim.value for r in first.rows]
    assert values == sorted(values, reverse=True) and len(values) == 5
    second = store.page(service.ClaimFilter(), sort="value", descending=True, offset=5, limit=5)
    assert not {r.claim.id for r in first.rows} & {r.claim.id for r in second.rows}
    assert max(r.claim.value for r in second.rows) <= min(values)
    by_date = store.page(service.ClaimFilter(), limit=10**6)
    assert [r.claim.id for r in by_date.rows] == [r.claim.id for r in everything]
