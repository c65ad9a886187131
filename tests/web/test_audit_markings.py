"""The audit log through the API and the admin page, as people of different clearances
read it: an entry about a claim or an entity carries the marking of what it concerns
(for a merge or a split, the strictest marking of every report and claim naming either
entity), so an admin cleared below that never meets the entry, not even as a count; a
reader gets no audit log at all. An analyst is told only of the mentions they may see."""

from __future__ import annotations

import httpx
import pytest

from intex import service
from intex.model import TLP, Marking, Role, User
from intex.web import create_app
from tests.web import live
from tests.web.test_api import assert_error

pytestmark = pytest.mark.network


def _csrf(c: httpx.Client) -> dict[str, str]:
    return {"X-CSRF-Token": c.get("/api/session").json()["csrf"]}


@pytest.fixture
def ledger(tmp_path):  # noqa: ANN001, ANN201
    """A CLEAR report and an AMBER one (fresh: the test merges), and five accounts."""
    from tests.conftest import DEV

    store = service.open_ledger(f"sqlite:///{tmp_path / 'ledger.db'}")
    reports = sorted(DEV.glob("a0*.txt"))[:2]
    for path, mark in zip(reports, (Marking(TLP.CLEAR), Marking(TLP.AMBER)), strict=True):
        assert all(ev.error is None for ev in service.ingest(store, [str(path)], marking=mark))
    for user in (User("ana", Role.ANALYST, TLP.AMBER), User("gan", Role.ANALYST, TLP.GREEN),
                 User("rea", Role.READER, TLP.GREEN), User("adm", Role.ADMIN, TLP.AMBER),
                 User("gad", Role.ADMIN, TLP.GREEN)):
        service.add_user(store, user, live.PASSWORD)
    yield store
    store.close()


def test_merges_and_splits_are_marked_with_what_they_concern(ledger, client):
    gan_sees = User("gan", Role.ANALYST, TLP.GREEN)
    total = {e[0]: e[3] for e in service.entity_list(ledger, limit=1000)}
    green = {e[0]: e[3] for e in service.entity_list(ledger, user=gan_sees, limit=1000)}
    # named in both reports, so more mentions in all than a GREEN analyst sees
    assert 0 < green["gpe:pyongyang-kp"] < total["gpe:pyongyang-kp"]
    assert "org:kremlin" not in green and "loc:kursk-oblast" in green  # AMBER, CLEAR only
    assert total["loc:kursk-oblast"] == green["loc:kursk-oblast"]
    with live.in_thread(create_app(ledger)) as base:
        ana, gan = client(base), client(base, "gan")

        def post(c: httpx.Client, path: str, body: dict[str, object]) -> dict[str, object]:
            got = c.post(path, json=body, headers=_csrf(c))
            assert got.status_code == 200, got.text
            return got.json()  # type: ignore[no-any-return]

        # a GREEN analyst merges what they see; the answer counts only that
        done = post(gan, "/api/entities/gpe:pyongyang-kp/merge", {"into": "North Korea"})
        assert done["mentions_moved"] == green["gpe:pyongyang-kp"]
        post(ana, "/api/entities/org:kremlin/merge", {"into": "Russia"})
        post(ana, "/api/entities/loc:kursk-oblast/merge", {"into": "loc:eastern-russia"})
        post(ana, "/api/entities/gpe:north-korea/split", {"aliases": ["Pyongyang"],
                                                         "name": "Pyongyang"})

        adm, gad, rea = client(base, "adm"), client(base, "gad"), client(base, "rea")
        full = adm.get("/api/audit", params={"action": "entity"}).json()
        assert [(e["action"], e["subject"], e["marking"]) for e in full["entries"]] == [
            ("entity.split", "gpe:north-korea", "TLP:AMBER"),
            ("entity.merged", "loc:kursk-oblast", "TLP:CLEAR"),
            ("entity.merged", "org:kremlin", "TLP:AMBER"),
            ("entity.merged", "gpe:pyongyang-kp", "TLP:AMBER")]
        merged = full["entries"][3]
        assert merged["actor"] == "gan" and merged["detail"] == (
            f"into gpe:north-korea; {total['gpe:pyongyang-kp']} mentions moved")

        # an admin cleared for GREEN: only the merge of CLEAR-only entities, counted alone
        low = gad.get("/api/audit", params={"action": "entity"}).json()
        assert low["total"] == 1
        assert [e["subject"] for e in low["entries"]] == ["loc:kursk-oblast"]
        everything = gad.get("/api/audit", params={"per": 1000}).json()
        page = gad.get("/admin/audit", params={"per": 1000})
        assert page.status_code == 200 and "loc:kursk-oblast" in page.text
        for text in (str(everything), page.text):
            for hidden in ("org:kremlin", "gpe:pyongyang-kp", "gpe:north-korea",
                           "Pyongyang", f"{total['gpe:pyongyang-kp']} mentions"):
                assert hidden not in text, hidden
        # a page past any there is: empty, not a fault (the database's integers end)
        assert gad.get("/admin/audit", params={"page": str(10**20)}).status_code == 200
        assert_error(gad.get("/api/audit", params={"page": str(10**20)}), 422, "invalid")
        assert_error(gad.get("/api/claims", params={"page": str(10**20)}), 422, "invalid")
        assert gad.get("/api/claims", params={"page": "1000000"}).json()["claims"] == []
        # a reader has no audit log, through the API or the page
        assert_error(rea.get("/api/audit"), 403, "forbidden")
        assert rea.get("/admin/audit").status_code == 403


def test_a_review_of_an_amber_claim_is_hidden_from_a_green_admin(ledger, client):
    rows = service.ledger(ledger, service.ClaimFilter(fold=False))
    amber = next(r for r in rows if r.marking.tlp is TLP.AMBER)
    clear = next(r for r in rows if r.marking.tlp is TLP.CLEAR)
    with live.in_thread(create_app(ledger)) as base:
        ana = client(base)
        for row in (amber, clear):
            got = ana.post(f"/api/claims/{row.claim.id}/review", headers=_csrf(ana),
                           json={"action": "correct", "status": "killed"})
            assert got.status_code == 200, got.text
        bad = ana.post(f"/api/claims/{clear.claim.id}/review", headers=_csrf(ana),
                       json={"action": "correct", "date": "2024-02-30"})
        assert_error(bad, 400, "bad_request")
        assert "date: not a date" in bad.json()["error"]["message"]
        adm, gad = client(base, "adm"), client(base, "gad")
        seen = adm.get("/api/audit", params={"action": "claim"}).json()["entries"]
        assert [e["subject"] for e in seen] == [clear.claim.id, amber.claim.id]
        assert [e["marking"] for e in seen] == ["TLP:CLEAR", "TLP:AMBER"]
        low = gad.get("/api/audit", params={"action": "claim"}).json()
        assert low["total"] == 1 and low["entries"][0]["subject"] == clear.claim.id
        assert amber.claim.id not in gad.get("/admin/audit").text
