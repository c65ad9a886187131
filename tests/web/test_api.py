"""The JSON API: one error shape for every failure, reviews with the CSRF header,
OpenAPI documented. A real uvicorn on loopback, httpx as the client."""

from __future__ import annotations

import sqlite3

import httpx
import pytest

from intex.web import create_app
from tests.web import live

pytestmark = pytest.mark.network


def assert_error(response: httpx.Response, status: int, code: str) -> None:
    """The one error shape of /api (datasette-style, pinned here)."""
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == status and body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    assert "Traceback" not in response.text


def test_every_api_error_has_one_shape(api, client):
    anonymous = client(api, None)
    assert_error(anonymous.get("/api/claims"), 401, "unauthenticated")
    ana = client(api)
    assert_error(ana.get("/api/claims/claim--nothing"), 404, "not_found")
    assert_error(ana.get("/api/reports/report--nothing"), 404, "not_found")
    assert_error(ana.get("/api/no/such/thing"), 404, "not_found")
    assert_error(ana.delete("/api/claims"), 405, "method_not_allowed")
    assert_error(ana.get("/api/claims?status=bogus"), 400, "bad_request")
    assert_error(ana.get("/api/claims?page=zero"), 422, "invalid")
    some = ana.get("/api/claims").json()["claims"][0]["id"]
    assert_error(ana.post(f"/api/claims/{some}/review", json={"action": "accept"}), 403,
                 "forbidden")  # no CSRF header
    csrf = ana.get("/api/session").json()["csrf"]
    assert_error(ana.post(f"/api/claims/{some}/review", json={"action": "maybe"},
                          headers={"X-CSRF-Token": csrf}), 422, "invalid")
    assert_error(ana.post(f"/api/claims/{some}/review", json={"action": "correct"},
                          headers={"X-CSRF-Token": csrf}), 400, "bad_request")
    reader = client(api, "rea")
    rcsrf = reader.get("/api/session").json()["csrf"]
    assert_error(reader.post(f"/api/claims/{some}/review", json={"action": "accept"},
                             headers={"X-CSRF-Token": rcsrf}), 403, "forbidden")


def test_a_server_fault_is_the_same_shape_and_no_stack_trace(tmp_path, client):
    from intex import service
    from intex.model import Role, User

    store = service.open_ledger(f"sqlite:///{tmp_path / 'broken.db'}")
    service.add_user(store, User("ana", Role.ANALYST), live.PASSWORD)
    with live.in_thread(create_app(store)) as base:
        c = client(base)
        raw = sqlite3.connect(tmp_path / "broken.db", timeout=60)
        try:
            raw.execute("DROP TABLE claim_sources")
            raw.execute("DROP TABLE claims")
            raw.commit()
        finally:
            raw.close()
        assert_error(c.get("/api/claims"), 500, "internal")
        page = c.get("/")
        assert page.status_code == 500 and "Something went wrong" in page.text
        assert "Traceback" not in page.text and "sqlite" not in page.text.lower()


def test_reviews_through_the_api_record_who(api, client):
    ana = client(api)
    first = ana.get("/api/claims", params={"per": 2}).json()
    assert first["total"] >= 2 and len(first["claims"]) == 2
    cid = first["claims"][0]["id"]
    csrf = ana.get("/api/session").json()["csrf"]
    done = ana.post(f"/api/claims/{cid}/review", headers={"X-CSRF-Token": csrf},
                    json={"action": "correct", "value": 4321, "note": "checked"})
    assert done.status_code == 200, done.text
    body = done.json()
    assert body["value"] == 4321 and body["review"] == "corrected"
    assert body["reviewed"]["by"] == "ana" and body["reviewed"]["note"] == "checked"


def test_openapi_documents_the_api_and_no_cdn_ui(api):
    spec = httpx.get(api + "/api/openapi.json").json()
    assert {"/api/claims", "/api/claims/{claim_id}", "/api/claims/{claim_id}/review",
            "/api/reports/{report_id}", "/api/search", "/api/export",
            "/api/session"} <= set(spec["paths"])
    assert httpx.get(api + "/docs").status_code in (303, 404)  # no swagger UI from a CDN


def test_a_control_character_in_words_is_a_space_not_a_fault(api, client):
    # found by the OpenAPI fuzz: a NUL ended SQLite's full-text query inside its quotes
    ana = client(api)
    for path, key in (("/api/brief", "subject"), ("/api/timeline", "subject"),
                      ("/api/search", "q"), ("/api/claims", "subject")):
        got = ana.get(path, params={key: '("00\x00")'})
        assert got.status_code == 200, (path, got.text[:300])
    plain = ana.get("/api/search", params={"q": "Korea"}).json()
    assert plain["reports"]
    assert ana.get("/api/search", params={"q": "\x00Korea\x01"}).json() == plain


def test_the_ledger_walked_by_next_cursor_gives_every_claim_once(api, client):
    ana = client(api)
    for params in ({"sort": "date"}, {"sort": "value", "dir": "desc"}, {"sort": "source"}):
        whole = ana.get("/api/claims", params={**params, "per": 500}).json()
        assert whole["exact"] and whole["next"] is None and whole["previous"] is None
        page = ana.get("/api/claims", params={**params, "per": 2}).json()
        walked = [c["id"] for c in page["claims"]]
        while page["next"]:
            page = ana.get("/api/claims", params={**params, "per": 2,
                                                  "after": page["next"]}).json()
            assert page["offset"] is None and page["previous"]
            walked += [c["id"] for c in page["claims"]]
        assert walked == [c["id"] for c in whole["claims"]] and len(walked) > 2
        back = ana.get("/api/claims", params={**params, "per": 2,
                                              "before": page["previous"]}).json()
        earlier = walked[:-len(page["claims"])]
        expected = earlier[-2:] if len(earlier) > 2 else walked[:2]
        assert [c["id"] for c in back["claims"]] == expected
    # a cursor of another sort is refused in the one error shape
    first = ana.get("/api/claims", params={"sort": "value", "per": 1}).json()
    assert_error(ana.get("/api/claims", params={"sort": "date", "after": first["next"]}),
                 400, "bad_request")
