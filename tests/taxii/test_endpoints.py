"""Through every endpoint of the running app: random objects with random markings and
references × random partner agreements — no hidden object, id or count gets out; a hidden
object's 404 is byte-identical to a missing one's; bad requests get the spec's error
resource and store nothing; paging while another thread writes loses and repeats nothing."""

from __future__ import annotations

import base64
import json
import threading
import uuid

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from intex import service
from intex.model import TLP, Marking, Partner
from intex.store.objects import Objects, row_marking
from intex.taxii import create_app
from intex.taxii.routes import COLLECTION_ID
from tests.taxii.conftest import ACCEPT, live_server

pytestmark = pytest.mark.network
BASE = f"/taxii2/intex/collections/{COLLECTION_ID}/"
GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"


@pytest.fixture(scope="module")
def world(module_db):  # noqa: ANN001, ANN201
    store = service.open_ledger(module_db("w"))
    with live_server(create_app(store)) as live, httpx.Client(base_url=live.url) as http:
        yield store, http


def _key(store, partner: Partner) -> dict[str, str]:  # noqa: ANN001
    creds = service.add_partner(store, partner)
    return {**ACCEPT, "Authorization": f"Bearer {creds.api_key}"}


def _all(http, path: str, headers, limit: int = 3) -> list[httpx.Response]:  # noqa: ANN001
    out, nxt = [], None
    while True:
        r = http.get(path, headers=headers, params={"limit": limit, **({"next": nxt} if nxt
                                                                        else {})})
        assert r.status_code == 200, r.text
        out.append(r)
        if not r.json()["more"]:
            return out
        nxt = r.json()["next"]


objects_st = st.lists(st.tuples(
    st.sampled_from(["report", "identity", "relationship"]),
    st.sampled_from([None, *[t.name for t in TLP]]),
    st.sampled_from([None, "KOR", "UKR,KOR", "JPN"]),
    st.integers(0, 10**6)), min_size=1, max_size=6)
partner_st = st.builds(lambda tlp, c, own: Partner(f"p{uuid.uuid4().hex[:12]}", max_tlp=tlp,
                                                   countries=tuple(c), own=own),
                       st.sampled_from([TLP.CLEAR, TLP.GREEN, TLP.AMBER, TLP.AMBER_STRICT]),
                       st.lists(st.sampled_from(["KOR", "UKR", "JPN"]), max_size=2,
                                unique=True), st.booleans())


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(spec=objects_st, partner=partner_st)
def test_no_leak_through_any_endpoint(world, spec, partner):
    store, http = world
    made, marks = [], {}
    for kind, tlp, rel, _seed in spec:
        oid = f"{kind}--{uuid.uuid4()}"
        obj = {"type": kind, "id": oid, "spec_version": "2.1",
               "created": "2026-01-01T00:00:00.000Z", "modified": "2026-01-01T00:00:00.000Z"}
        if kind == "report" and made:
            obj["object_refs"] = [m["id"] for m in made][-3:]
            obj["granular_markings"] = [{"selectors": ["object_refs.[0]"], "marking_ref": GREEN}]
        if kind == "relationship" and made:
            obj["source_ref"], obj["target_ref"] = made[0]["id"], made[-1]["id"]
        made.append(obj)
        if tlp is not None:
            marks[oid] = Marking(TLP[tlp], tuple(rel.split(",")) if rel else ())
    store.keep_stix(made, partner="test", markings=marks)
    headers = _key(store, partner)
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql("select id, type, tlp, releasable_to from stix_objects")
        may = {r.id for r in rows if partner.may_see(row_marking(r.tlp, r.releasable_to, r.type))}
    with store.engine.connect() as conn:
        everything = {r.id for r in conn.exec_driver_sql("select id from stix_objects")}
    hidden = everything - may

    bodies = []
    for path in ("objects/", "manifest/"):
        pages = _all(http, BASE + path, headers)
        bodies += [p.text for p in pages]
        ids = [o["id"] for p in pages for o in p.json().get("objects", [])]
        assert len(ids) == len(set(ids)) and set(ids) <= may
    missing = http.get(f"{BASE}objects/identity--{uuid.uuid4()}/", headers=headers)
    assert missing.status_code == 404
    for obj in made:
        for tail in ("", "versions/"):
            r = http.get(f"{BASE}objects/{obj['id']}/{tail}", headers=headers)
            bodies.append(r.text + json.dumps(dict(r.headers)))
            if obj["id"] in hidden:
                assert (r.status_code, r.content) == (404, missing.content)
            else:
                assert r.status_code in (200, 404)
    for path in ("/taxii2/", "/taxii2/intex/", "/taxii2/intex/collections/", BASE):
        bodies.append(http.get(path, headers=headers).text)
    text = "\n".join(bodies)
    assert not any(h in text for h in hidden)


def _objects(n: int, tag: str) -> list[dict]:
    return [{"type": "identity", "id": f"identity--{uuid.uuid4()}", "spec_version": "2.1",
             "created": "2026-01-01T00:00:00.000Z", "modified": "2026-01-01T00:00:00.000Z",
             "name": f"{tag} {i}", "identity_class": "organization"} for i in range(n)]


def test_paging_while_another_thread_writes_loses_and_repeats_nothing(world):
    store, http = world
    headers = _key(store, Partner(f"pager{uuid.uuid4().hex[:6]}", max_tlp=TLP.GREEN))
    first = _objects(60, "before")
    store.keep_stix(first, partner=None, markings={o["id"]: Marking(TLP.GREEN) for o in first})
    later: list[dict] = []
    stop = threading.Event()

    def writer() -> None:
        for _ in range(40):  # bounded: a writer faster than the reader would never let it end
            if stop.is_set():
                return
            batch = _objects(3, "during")
            store.keep_stix(batch, partner=None,
                            markings={o["id"]: Marking(TLP.GREEN) for o in batch})
            later.extend(batch)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        pages = _all(http, BASE + "objects/", headers, limit=5)
    finally:
        stop.set()
        thread.join()
    got = [o["id"] for p in pages for o in p.json().get("objects", [])]
    assert len(got) == len(set(got))  # nothing repeated
    assert {o["id"] for o in first} <= set(got)  # nothing that was there is lost
    # and what came in meanwhile follows on: one more pass from the last token has the rest
    rest = _all(http, BASE + "objects/", headers, limit=1000)
    assert {o["id"] for o in later} <= {o["id"] for p in rest for o in p.json().get("objects", [])}
    added = [p.headers.get("X-TAXII-Date-Added-Last") for p in pages if "objects" in p.json()]
    assert added == sorted(added)


# bad requests --------------------------------------------------------------------------

def _count(store) -> int:  # noqa: ANN001
    with store.engine.connect() as conn:
        return conn.exec_driver_sql("select count(*) from stix_objects").scalar()


def _is_error(r: httpx.Response, status: int) -> None:
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == "application/taxii+json;version=2.1"
    body = r.json()
    assert body["http_status"] == str(status) and body["title"]


def test_bad_requests_get_the_error_resource_and_change_nothing(world):
    store, http = world
    writer = _key(store, Partner(f"w{uuid.uuid4().hex[:6]}", max_tlp=TLP.GREEN, can_write=True))
    reader = _key(store, Partner(f"r{uuid.uuid4().hex[:6]}", max_tlp=TLP.GREEN))
    post = {**writer, "Content-Type": "application/taxii+json;version=2.1"}
    before = _count(store)
    url = BASE + "objects/"

    _is_error(http.get(url), 401)
    assert "Basic" in http.get(url).headers["www-authenticate"]
    _is_error(http.get(url, headers={"Authorization": "Bearer nope", **ACCEPT}), 401)
    bad_basic = base64.b64encode(b"nobody:wrong-password-123").decode()
    _is_error(http.get(url, headers={"Authorization": f"Basic {bad_basic}", **ACCEPT}), 401)
    _is_error(http.get(url, headers={"Authorization": "Basic !!!", **ACCEPT}), 401)
    _is_error(http.get(url, headers={**reader, "Accept": "application/json"}), 406)
    _is_error(http.get(url, headers={**reader, "Accept": "application/taxii+json;version=2.0"}),
              406)
    _is_error(http.get("/taxii2/intex/collections/nope/objects/", headers=reader), 404)
    _is_error(http.get("/taxii2/intex/collections/nope/", headers=reader), 404)
    _is_error(http.get("/taxii2/elsewhere/", headers=reader), 404)
    for limit in ("0", "-5", "abc", "1e9", "99999999999999999999999"):
        _is_error(http.get(url, headers=reader, params={"limit": limit}), 400)
    big = http.get(url, headers=reader, params={"limit": "100000"})
    assert big.status_code == 200  # clamped to the server's most
    _is_error(http.get(url, headers=reader, params={"added_after": "yesterday"}), 400)
    _is_error(http.get(url, headers=reader, params={"match[version]": "newest"}), 400)
    _is_error(http.get(url, headers=reader, params={"next": "forged"}), 400)

    one = {"objects": _objects(1, "posted")}
    _is_error(http.post(url, headers={**reader, "Content-Type": post["Content-Type"]},
                        json=one), 403)
    _is_error(http.post(url, headers={**writer, "Content-Type": "application/json"},
                        json=one), 415)
    _is_error(http.post(url, headers=post, content=b"{not json"), 400)
    _is_error(http.post(url, headers=post, content=b'{"objects": []}'), 400)
    _is_error(http.post(url, headers=post, content=b"[" * 100_000 + b"]" * 100_000), 400)
    _is_error(http.post(url, headers=post, content=b"x" * 10_000_001), 413)
    invalid = {"objects": [{"type": "identity", "id": "identity--not-a-uuid",
                            "spec_version": "2.1", "name": "x"}]}
    _is_error(http.post(url, headers=post, json=invalid), 422)
    broken = {"objects": [{**_objects(1, "x")[0], "created_by_ref": "identity--" + "0" * 8
                           + "-0000-4000-8000-" + "0" * 12}]}
    _is_error(http.post(url, headers=post, json=broken), 422)
    _is_error(http.get("/taxii2/intex/status/nope/", headers=reader), 404)
    _is_error(http.delete(url, headers=reader), 405)
    assert _count(store) == before  # nothing stored

    ok = http.post(url, headers=post, json=one)
    assert ok.status_code == 202 and ok.json()["success_count"] == 1
    sid = ok.json()["id"]
    assert http.get(f"/taxii2/intex/status/{sid}", headers=writer).json()["id"] == sid
    _is_error(http.get(f"/taxii2/intex/status/{sid}/", headers=reader), 404)  # not yours


def test_stamping_is_in_commit_order_and_dates_never_go_back(world):
    store, _ = world
    objects = Objects(store.engine)
    from datetime import UTC, datetime

    store.keep_stix(_objects(2, "a"), partner=None)
    objects.stamp(datetime(2000, 1, 1, tzinfo=UTC))  # a clock far behind
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "select seq, date_added from stix_objects where seq is not null order by seq").all()
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
    dates = [r[1] for r in rows]
    assert dates == sorted(dates)


def test_more_bad_requests_are_refused_whole_and_change_nothing(world):
    store, http = world
    name = f"w{uuid.uuid4().hex[:6]}"
    creds = service.add_partner(store, Partner(name, max_tlp=TLP.GREEN, can_write=True),
                                password="a-long-enough-password")
    post = {**ACCEPT, "Authorization": f"Bearer {creds.api_key}",
            "Content-Type": "application/taxii+json;version=2.1"}
    url = BASE + "objects/"
    before = _count(store)
    # credentials: the right name with a wrong password, a wrong X-API-Key, a revoked key
    wrong = base64.b64encode(f"{name}:not-the-password".encode()).decode()
    _is_error(http.get(url, headers={**ACCEPT, "Authorization": f"Basic {wrong}"}), 401)
    _is_error(http.get(url, headers={**ACCEPT, "X-API-Key": "x" * 64}), 401)
    _is_error(http.post(url, headers={**post, "Authorization": f"Basic {wrong}"},
                        json={"objects": _objects(1, "x")}), 401)
    # a body over the limit that declares no length (chunked): counted while read
    def chunks():  # noqa: ANN202
        for _ in range(11):
            yield b" " * 1_000_000
    _is_error(http.post(url, headers=post, content=chunks()), 413)
    # a good object beside a bad one: the whole POST is refused
    good = _objects(2, "half")
    bad = {**_objects(1, "bad")[0], "identity_class": 7}
    _is_error(http.post(url, headers=post, json={"objects": [*good, bad]}), 422)
    # not an envelope, a JSON scalar, objects that are not objects, a bundle of 2.0
    for body in (b'"objects"', b"null", b'{"objects": [1, 2]}', b'{"objects": {}}'):
        _is_error(http.post(url, headers=post, content=body), 400)
    old = {"type": "bundle", "id": f"bundle--{uuid.uuid4()}", "spec_version": "2.0",
           "objects": [{**_objects(1, "old")[0], "spec_version": "2.0"}]}
    _is_error(http.post(url, headers=post, json=old), 422)
    # the media type: a STIX one is not TAXII, a TAXII 2.0 one neither
    for ctype in ("application/stix+json;version=2.1", "application/taxii+json;version=2.0",
                  "text/plain"):
        _is_error(http.post(url, headers={**post, "Content-Type": ctype},
                            json={"objects": good}), 415)
    # an unknown collection, for a POST too
    _is_error(http.post("/taxii2/intex/collections/nope/objects/", headers=post,
                        json={"objects": good}), 404)
    # absurd parameters
    for params in ({"limit": "1" * 40}, {"limit": "1.5"}, {"limit": ["1", "2"]},
                   {"match[id]": ",".join(["identity--" + str(uuid.uuid4())] * 101)},
                   {"match[type]": "Not A Type"}, {"match[spec_version]": "two"},
                   {"added_after": "2026-13-45T99:99:99Z"}):
        _is_error(http.get(url, headers=post, params=params), 400)
    assert _count(store) == before
    with store.engine.connect() as conn:
        assert conn.execute(text("select count(*) from taxii_statuses where partner = :p"),
                            {"p": name}).scalar() == 0
