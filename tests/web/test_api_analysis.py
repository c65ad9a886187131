"""The rest of the JSON API over real HTTP: entities (list, one, merge, split), the audit
log, and the OpenAPI schema describing them (the timeline and brief as data are in
test_analysis_pages.py, over the ledger of dated estimates).

The visibility rule is the pages' own: a reader cleared for GREEN gets no AMBER claim,
report or entity from any endpoint, not even as a count (a mention in the AMBER report
is not counted for them), and an AMBER-only entity is "not found" in the same words as
an id that never existed."""

from __future__ import annotations

import httpx
import pytest

from intex import service
from intex.model import TLP, Marking
from intex.web import create_app
from tests.web import live
from tests.web.test_api import assert_error

pytestmark = pytest.mark.network

KREMLIN = "org:kremlin"  # named only in the AMBER report of small_ledger
NORTH_KOREA = "gpe:north-korea"  # named in both


@pytest.fixture(scope="module")
def amber(small_ledger):  # noqa: ANN001, ANN201
    """Ids a GREEN reader must never meet: the AMBER report and its claims."""
    rows = service.ledger(small_ledger, service.ClaimFilter(fold=False))
    hidden = {r.report_id for r in rows if r.marking.tlp is TLP.AMBER}
    hidden |= {r.claim.id for r in rows if r.marking.tlp is TLP.AMBER}
    assert len(hidden) > 2
    return hidden


def _csrf(c: httpx.Client) -> dict[str, str]:
    return {"X-CSRF-Token": c.get("/api/session").json()["csrf"]}


def test_entities_list_and_page_show_only_what_the_user_may_see(api, client, amber):
    ana, rea = client(api), client(api, "rea")
    mine = {e["id"]: e for e in ana.get("/api/entities").json()["entities"]}
    theirs = {e["id"]: e for e in rea.get("/api/entities").json()["entities"]}
    assert KREMLIN in mine and KREMLIN not in theirs
    assert set(theirs) < set(mine)
    # a count of the reader's holds only the CLEAR report's mentions
    assert theirs[NORTH_KOREA]["reports"] == 1 < mine[NORTH_KOREA]["reports"] == 2
    assert theirs[NORTH_KOREA]["mentions"] < mine[NORTH_KOREA]["mentions"]
    people = rea.get("/api/entities", params={"type": "person"}).json()["entities"]
    assert people and {e["type"] for e in people} == {"PERSON"}
    assert_error(rea.get("/api/entities", params={"type": "planet"}), 400, "bad_request")

    page = ana.get(f"/api/entities/{NORTH_KOREA}")
    assert page.status_code == 200
    full = page.json()
    assert full["name"] == "North Korea" and full["reports"] == 2
    assert sum(m["mentions"] for m in full["over_time"]) + full["undated_mentions"] \
        == full["mentions"] == mine[NORTH_KOREA]["mentions"]
    assert {a["why"] for a in full["aliases"]} and all(a["explained"] for a in full["aliases"])
    assert any(c["id"] in amber for c in full["asserts"] + full["about"])
    seen = rea.get(f"/api/entities/{NORTH_KOREA}")
    assert seen.status_code == 200 and seen.json()["reports"] == 1
    for text in (seen.text, rea.get("/api/entities").text):
        assert not [i for i in amber if i in text]
    assert KREMLIN not in seen.text  # not even as a co-mentioned entity

    hidden = rea.get(f"/api/entities/{KREMLIN}")
    never = rea.get("/api/entities/org:no-such-body")
    assert_error(hidden, 404, "not_found")
    assert_error(never, 404, "not_found")
    assert hidden.json()["error"]["message"].replace(KREMLIN, "X") == \
        never.json()["error"]["message"].replace("org:no-such-body", "X")


def test_merge_and_split_through_the_api(tmp_path, client):
    from intex.model import Role, User
    from tests.conftest import DEV

    store = service.open_ledger(f"sqlite:///{tmp_path / 'ledger.db'}")
    report = sorted(DEV.glob("a0*.txt"))[0]
    assert all(ev.error is None for ev in service.ingest(store, [str(report)],
                                                         marking=Marking(TLP.CLEAR)))
    service.add_user(store, User("ana", Role.ANALYST, TLP.AMBER), live.PASSWORD)
    service.add_user(store, User("rea", Role.READER, TLP.GREEN), live.PASSWORD)
    service.add_user(store, User("adm", Role.ADMIN, TLP.AMBER), live.PASSWORD)
    with live.in_thread(create_app(store)) as base:
        ana, rea = client(base), client(base, "rea")
        seoul = ana.get("/api/entities/gpe:seoul-kr").json()
        korea = ana.get("/api/entities/gpe:south-korea").json()
        # state changes need the session's CSRF token and the analyst role
        assert_error(ana.post("/api/entities/gpe:seoul-kr/merge",
                              json={"into": "South Korea"}), 403, "forbidden")
        assert_error(rea.post("/api/entities/gpe:seoul-kr/merge", json={"into": "South Korea"},
                              headers=_csrf(rea)), 403, "forbidden")
        token = _csrf(ana)
        assert_error(ana.post("/api/entities/gpe:seoul-kr/merge", json={"into": "Atlantis"},
                              headers=token), 404, "not_found")
        assert_error(ana.post("/api/entities/gpe:seoul-kr/merge", json={},
                              headers=token), 422, "invalid")
        done = ana.post("/api/entities/gpe:seoul-kr/merge", json={"into": "South Korea"},
                        headers=token)
        assert done.status_code == 200, done.text
        got = done.json()
        assert got["into"] == "gpe:south-korea" and got["mentions_moved"] == seoul["mentions"]
        assert got["entity"]["mentions"] == korea["mentions"] + seoul["mentions"]
        moved = ana.get("/api/entities/gpe:seoul-kr")
        assert moved.status_code == 307
        assert moved.headers["location"] == "/api/entities/gpe:south-korea"

        spelling = next(a["text"] for a in got["entity"]["aliases"] if a["text"] == "Seoul")
        assert_error(ana.post("/api/entities/gpe:south-korea/split", headers=token, json={
            "aliases": ["Gondor"], "name": "Seoul"}), 404, "not_found")
        assert_error(ana.post("/api/entities/gpe:south-korea/split", headers=token, json={
            "aliases": [spelling], "name": "Seoul", "type": "planet"}), 400, "bad_request")
        split = ana.post("/api/entities/gpe:south-korea/split", headers=token, json={
            "aliases": [spelling], "name": "Seoul", "type": "GPE"})
        assert split.status_code == 200, split.text
        back = split.json()
        assert back["mentions_moved"] == seoul["mentions"]
        assert back["entity"]["mentions"] == korea["mentions"]
        assert "Seoul" not in {a["text"] for a in back["entity"]["aliases"]}
        assert ana.get(f"/api/entities/{back['into']}").json()["name"] == "Seoul"

        admin = client(base, "adm")
        log = admin.get("/api/audit", params={"action": "entity"}).json()
        assert [e["action"] for e in log["entries"]] == ["entity.split", "entity.merged"]
        assert all(e["actor"] == "ana" and e["address"] == "127.0.0.1"
                   for e in log["entries"])
        assert log["entries"][1]["subject"] == "gpe:seoul-kr"
        assert_error(ana.get("/api/audit"), 403, "forbidden")
    store.close()


def test_audit_log_records_sign_ins_reviews_and_exports(api, client, small_ledger):
    bad = httpx.Client(base_url=api)
    token = live.http_sign_in(bad, "rea", "not the password")
    assert token.status_code == 200
    bad.close()
    ana = client(api)
    claim = ana.get("/api/claims").json()["claims"][0]
    done = ana.post(f"/api/claims/{claim['id']}/review", headers=_csrf(ana),
                    json={"action": "accept", "note": "checked against the source"})
    assert done.status_code == 200
    export = ana.get("/api/export", params={"subject": "soldiers"})
    assert export.status_code == 200 and export.json()["type"] == "bundle"
    admin = client(api, "admin")
    log = admin.get("/api/audit", params={"per": 1000}).json()
    entries = log["entries"]
    assert log["total"] == len(entries)
    failed = [e for e in entries if e["action"] == "login.failed"]
    assert failed and failed[0]["subject"] == "rea" and failed[0]["actor"] is None
    assert any(e["action"] == "login.ok" and e["actor"] == "admin" for e in entries)
    review = next(e for e in entries if e["action"] == "claim.reviewed")
    assert review["subject"] == claim["id"] and review["actor"] == "ana"
    assert review["marking"] == claim["marking"] and review["detail"] == "accepted"
    stix = next(e for e in entries if e["action"] == "export.stix")
    assert stix["subject"] == "subject=soldiers" and stix["actor"] == "ana"
    ordered = [e["at"] for e in entries]
    assert ordered == sorted(ordered, reverse=True)


def test_openapi_documents_every_endpoint_and_its_bodies(api):
    spec = httpx.get(api + "/api/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/api/entities", "/api/entities/{entity_id}", "/api/entities/{entity_id}/merge",
            "/api/entities/{entity_id}/split", "/api/timeline", "/api/brief",
            "/api/audit", "/api/search", "/api/claims/{claim_id}/review",
            "/api/export"} <= paths
    assert not [p for p in paths if not p.startswith("/api/")]  # pages are not API
    schemas = spec["components"]["schemas"]
    assert {"MergeBody", "SplitBody", "ReviewBody"} <= set(schemas)
    assert schemas["SplitBody"]["required"] == ["aliases", "name"]
    for path, methods in spec["paths"].items():
        for method, op in methods.items():
            assert op.get("summary"), (method, path)
            # the success body is a named model, the errors the API's one shape
            (media, body), = op["responses"]["200"]["content"].items()
            assert body["schema"]["$ref"].startswith("#/components/schemas/"), (method, path)
            assert media == ("application/stix+json;version=2.1" if path == "/api/export"
                             else "application/json"), (method, path)
            for status in ("400", "401", "403", "404", "422"):
                error = op["responses"][status]["content"]["application/json"]["schema"]
                assert error == {"$ref": "#/components/schemas/ErrorOut"}, (method, path)
    claim = schemas["ClaimOut"]
    assert {"id", "value", "sources", "evidence", "marking", "review"} <= set(claim["required"])
    assert schemas["ErrorBody"]["required"] == ["status", "code", "message"]
