"""Partners, their syncs and what each may see, on a real SQLite file."""

from __future__ import annotations

from datetime import UTC, datetime

from intex import service
from intex.model import TLP, Marking, Partner, User
from intex.store import open_store
from intex.store.sync_state import PullCursor
from tests.web_ledger import build


def test_preview_counts_and_samples_by_the_partner_rule(db_url):
    store = open_store(db_url)
    build(store)
    store.partners.add(Partner("seoul", max_tlp=TLP.GREEN, countries=("KOR",)),
                       password="a-long-password")
    p = service.share_preview(store, "seoul")
    every = store.claims(service.ClaimFilter(fold=False, limit=10**6))
    expected = [r for r in every if Partner("seoul", TLP.GREEN, ("KOR",)).may_see(r.marking)]
    assert p.claims == len(expected) and p.claims_withheld == len(every) - len(expected)
    assert p.claims_withheld > 0 and p.claims > 0
    assert all(Partner("seoul", TLP.GREEN, ("KOR",)).may_see(r.marking) for r in p.sample)
    reasons = {why for _, why in p.withheld}
    assert "TLP:AMBER is above the agreement (TLP:GREEN)" in reasons
    assert "releasable to UKR only" in reasons
    assert p.reports + p.reports_withheld == 7 and p.reports_withheld == 2
    assert dict((lvl, (s, w)) for lvl, s, w in p.by_tlp)["AMBER"] == (0, 1)


def test_preview_counts_only_what_the_user_may_see(db_url):
    store = open_store(db_url)
    build(store)
    store.partners.add(Partner("own", max_tlp=TLP.AMBER, own=True), password="a-long-password")
    everything = service.share_preview(store, "own")
    green = service.share_preview(store, "own", user=User("r", clearance=TLP.GREEN))
    assert green.claims == everything.claims - 1  # the AMBER claim stays out of the count
    assert all(r.marking.tlp <= TLP.GREEN for r in green.sample)


def test_withheld_reasons_ask_the_rule():
    p = Partner("seoul", max_tlp=TLP.AMBER, countries=("KOR",))
    assert service.withheld_because(p, Marking(TLP.AMBER, ("KOR",))) is None
    assert service.withheld_because(p, Marking(TLP.RED)) == "TLP:RED is never shared"
    assert "inside the organisation" in service.withheld_because(p, Marking(TLP.AMBER_STRICT))
    assert service.withheld_because(p, Marking(TLP.CLEAR, ("UKR", "USA"))) == \
        "releasable to UKR, USA only"


def test_partners_show_their_last_sync_and_its_result(db_url):
    store = open_store(db_url)
    store.partners.add(Partner("kyiv", url="http://127.0.0.1:9/taxii2/x/", collection="c1"),
                       password="a-long-password")
    store.partners.record_result("kyiv", "c1", "failed: refused",
                                 now=datetime(2024, 12, 1, tzinfo=UTC))
    (state,) = service.partners(store)
    assert state.partner.name == "kyiv"
    assert [(s.collection, s.result) for s in state.syncs] == [("c1", "failed: refused")]
    store.sync_state.park("kyiv", "c1", [], [], PullCursor("2024-12-02T00:00:00Z"),
                          result="3 objects")
    store.partners.record_result("kyiv", "c1", "failed: again")
    (state,) = service.partners(store)
    assert state.syncs[0].added_after == "2024-12-02T00:00:00Z"  # a failure keeps the cursor
    assert state.syncs[0].result == "failed: again"


def test_a_failed_sync_is_recorded_with_its_error(db_url):
    import socket

    from intex.taxii.sync import sync

    with socket.socket() as s:  # a loopback port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    store = open_store(db_url)
    store.partners.add(Partner("kyiv", url=f"http://127.0.0.1:{port}/taxii2/x/",
                               collection="c1"), password="a-long-password")
    (result,) = list(sync(store, "kyiv", timeout=2))
    assert result.error is not None
    (state,) = service.partners(store)
    assert state.syncs[0].result.startswith("failed: ")
    assert state.syncs[0].added_after == ""


def test_a_claim_whose_report_is_withheld_is_withheld_too(db_url):
    store = open_store(db_url)
    ids = build(store)
    store.partners.add(Partner("seoul", max_tlp=TLP.GREEN, countries=("KOR",)),
                       password="a-long-password")
    (amber,) = [r for r in store.claims(service.ClaimFilter(report=ids["nis2"]))]
    store.mark(amber.claim.id, Marking(TLP.CLEAR))  # the claim alone is cleared
    p = service.share_preview(store, "seoul", sample=50)
    assert amber.claim.id not in {r.claim.id for r in p.sample}
    assert dict((r.claim.id, why) for r, why in p.withheld)[amber.claim.id] == \
        "its report is withheld: TLP:AMBER is above the agreement (TLP:GREEN)"
