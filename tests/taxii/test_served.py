"""Kept served forms are never stale in a way that shares more, nor in a way that shares
less: each change that can alter what a partner gets is made after its forms were kept
(a first GET), and the next GET must answer as a server that kept nothing would."""

from __future__ import annotations

import uuid

import httpx
import pytest
from sqlalchemy import func, select

from intex import service
from intex.model import TLP, Marking, Partner
from intex.stix import markings
from intex.store import schema as t
from intex.taxii import create_app
from intex.taxii.routes import COLLECTION_ID
from tests.taxii.conftest import ACCEPT, live_server

pytestmark = pytest.mark.network
OBJECTS = f"/taxii2/intex/collections/{COLLECTION_ID}/objects/"
T1, T2 = "2026-01-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z"


def _id(kind: str) -> str:
    return f"{kind}--{uuid.uuid4()}"


def identity(oid: str, when: str = T1, **more: object) -> dict:
    return {"type": "identity", "id": oid, "spec_version": "2.1", "created": T1,
            "modified": when, "name": f"org {when}", **more}


@pytest.fixture
def node(new_db):  # noqa: ANN001, ANN201
    store = service.open_ledger(new_db("served"))
    # a loaded machine can hold a request past httpx's default 5 s
    with live_server(create_app(store)) as live, \
            httpx.Client(base_url=live.url, timeout=120) as http:
        def key(partner: Partner) -> dict[str, str]:
            creds = service.add_partner(store, partner)
            return {**ACCEPT, "Authorization": f"Bearer {creds.api_key}"}
        yield store, http, key


def ids(http: httpx.Client, headers: dict[str, str], **params: str) -> dict[str, str]:
    r = http.get(OBJECTS, headers=headers, params=params)
    assert r.status_code == 200, r.text
    return {o["id"]: o.get("modified", "") for o in r.json().get("objects", [])}


def test_a_marking_definition_that_arrives_later_hides_what_it_marks(node):
    store, http, key = node
    rel = f"marking-definition--{uuid.uuid4()}"
    org = _id("identity")
    store.keep_stix([identity(org, object_marking_refs=[rel])], partner=None,
                    markings={org: Marking(TLP.GREEN)})
    tokyo = key(Partner("tokyo", TLP.GREEN, ("JPN",)))
    assert org in ids(http, tokyo)  # the marking says nothing intex reads: served
    statement = markings.releasability_statement(("KOR",))
    store.keep_stix([{"type": "marking-definition", "id": rel, "spec_version": "2.1",
                      "created": T1, "definition_type": "statement",
                      "definition": {"statement": statement}}], partner=None)
    assert org not in ids(http, tokyo)  # now it says REL TO KOR
    r = http.get(f"{OBJECTS}{org}/", headers=tokyo)
    assert r.status_code == 404


def test_an_object_that_arrives_later_joins_the_report_naming_it(node):
    store, http, key = node
    org, late = _id("identity"), _id("identity")
    report = {"type": "report", "id": _id("report"), "spec_version": "2.1", "created": T1,
              "modified": T1, "name": "r", "published": T1, "object_refs": [org, late]}
    green = Marking(TLP.GREEN)
    store.keep_stix([identity(org), report], partner=None,
                    markings={org: green, report["id"]: green})
    seoul = key(Partner("seoul", TLP.GREEN))
    first = http.get(f"{OBJECTS}{report['id']}/", headers=seoul).json()["objects"][0]
    assert first["object_refs"] == [org]  # not held: trimmed
    store.keep_stix([identity(late)], partner=None, markings={late: green})
    again = http.get(f"{OBJECTS}{report['id']}/", headers=seoul).json()["objects"][0]
    assert again["object_refs"] == [org, late]
    # and further up: a relationship to the report, kept before, still served
    rel = {"type": "relationship", "id": _id("relationship"), "spec_version": "2.1",
           "created": T1, "modified": T1, "relationship_type": "related-to",
           "source_ref": report["id"], "target_ref": _id("identity")}
    store.keep_stix([rel], partner=None, markings={rel["id"]: green})
    assert rel["id"] not in ids(http, seoul)  # its target is held nowhere
    store.keep_stix([identity(rel["target_ref"])], partner=None,
                    markings={rel["target_ref"]: green})
    assert rel["id"] in ids(http, seoul)


def test_a_new_version_under_another_marking_is_served_by_its_own_marking(node):
    store, http, key = node
    org = _id("identity")
    store.keep_stix([identity(org, T1)], partner=None, markings={org: Marking(TLP.GREEN)})
    seoul = key(Partner("seoul", TLP.GREEN))
    assert ids(http, seoul)[org] == T1
    store.keep_stix([identity(org, T2)], partner=None, markings={org: Marking(TLP.RED)})
    assert ids(http, seoul)[org] == T1  # the RED version leaves no trace
    assert ids(http, seoul, **{"match[version]": "all"}) == {org: T1}
    versions = http.get(f"{OBJECTS}{org}/versions/", headers=seoul).json()["versions"]
    assert versions == [T1]


def test_a_changed_agreement_never_gets_the_old_agreements_forms(node):
    store, http, key = node
    amber, green = _id("identity"), _id("identity")
    store.keep_stix([identity(amber), identity(green)], partner=None,
                    markings={amber: Marking(TLP.AMBER), green: Marking(TLP.GREEN)})
    seoul = key(Partner("seoul", TLP.AMBER, ("KOR",)))
    assert {amber, green} <= ids(http, seoul).keys()
    with store.engine.begin() as conn:  # the agreement is lowered to GREEN
        conn.execute(t.partners.update().where(t.partners.c.name == "seoul")
                     .values(max_tlp="GREEN"))
    got = ids(http, seoul)
    assert green in got and amber not in got
    assert http.get(f"{OBJECTS}{amber}/", headers=seoul).status_code == 404
    store.partners.revoke("seoul")
    assert http.get(OBJECTS, headers=seoul).status_code == 401


def _kept(store: service.Store) -> dict[str, int]:
    """Audience -> how many forms are kept for it."""
    with store.engine.connect() as conn:
        forms = dict(conn.execute(select(t.served_forms.c.audience, func.count())
                                  .group_by(t.served_forms.c.audience)).all())
        return {a: forms.get(a, 0) for a in conn.execute(
            select(t.served_audiences.c.audience)).scalars()}


def test_plain_rows_keep_a_form_only_when_deciding_them_read_the_database(node):
    """A plain row served as stored is decided from its columns on every pass and keeps
    no form, unless what it names had to be read to decide it (then "" is kept)."""
    store, http, key = node
    org = _id("identity")
    group = {"type": "grouping", "id": _id("grouping"), "spec_version": "2.1",
             "created": T1, "modified": T1, "context": "suspicious-activity",
             "object_refs": [org]}
    green = Marking(TLP.GREEN)
    store.keep_stix([identity(org), group], partner=None,
                    markings={org: green, group["id"]: green})
    seoul = key(Partner("seoul", TLP.GREEN))
    audience = Partner("seoul", TLP.GREEN).audience
    assert ids(http, seoul) == {org: T1, group["id"]: T1}
    assert _kept(store) == {audience: 0}  # the page held both: nothing read besides
    late = _id("identity")  # the collection changes: what was learnt is forgotten
    store.keep_stix([identity(late)], partner=None, markings={late: green})
    for _ in range(2):  # the second answer comes from the form the first one kept
        got = http.get(f"{OBJECTS}{group['id']}/", headers=seoul).json()["objects"]
        assert got == [group]
        assert _kept(store) == {audience: 1}
    assert ids(http, seoul) == {org: T1, group["id"]: T1, late: T1}


def test_revoking_drops_the_forms_no_partner_needs_any_more(node):
    store, http, key = node
    orgs = [_id("identity") for _ in range(3)]
    store.keep_stix([identity(o) for o in orgs], partner=None,
                    markings=dict(zip(orgs, [Marking(TLP.GREEN), Marking(TLP.AMBER, ("KOR",)),
                                             Marking(TLP.RED)], strict=True)))
    # a report naming an object held nowhere is served trimmed: a form is kept for it
    # (rows served as stored keep none: they are decided from their columns)
    report = {"type": "report", "id": _id("report"), "spec_version": "2.1", "created": T1,
              "modified": T1, "name": "r", "published": T1,
              "object_refs": [orgs[0], _id("identity")]}
    store.keep_stix([report], partner=None, markings={report["id"]: Marking(TLP.GREEN)})
    agreements = {"seoul": Partner("seoul", TLP.AMBER, ("KOR",)),
                  "tokyo": Partner("tokyo", TLP.GREEN, ("JPN",)),
                  "osaka": Partner("osaka", TLP.GREEN, ("JPN",))}  # tokyo's audience
    headers = {name: key(p) for name, p in agreements.items()}
    for h in headers.values():
        ids(http, h)
    seoul, tokyo = agreements["seoul"].audience, agreements["tokyo"].audience
    kept = _kept(store)
    assert kept.keys() == {seoul, tokyo} and kept[seoul] >= 1 and kept[tokyo] >= 1
    service.revoke_partner(store, "seoul")
    assert _kept(store).keys() == {tokyo}
    assert http.get(OBJECTS, headers=headers["seoul"]).status_code == 401
    service.revoke_partner(store, "osaka")  # tokyo still has that agreement
    assert _kept(store) == {tokyo: kept[tokyo]}
    assert orgs[0] in ids(http, headers["tokyo"])
    service.revoke_partner(store, "tokyo")
    assert _kept(store) == {}


def test_a_changed_agreement_drops_the_old_agreements_forms(node):
    store, http, key = node
    org = _id("identity")
    store.keep_stix([identity(org)], partner=None, markings={org: Marking(TLP.AMBER)})
    seoul = key(Partner("seoul", TLP.AMBER, ("KOR",)))
    assert org in ids(http, seoul)
    before = Partner("seoul", TLP.AMBER, ("KOR",)).audience
    assert before in _kept(store)
    with store.engine.begin() as conn:  # the agreement is lowered to GREEN, by hand
        conn.execute(t.partners.update().where(t.partners.c.name == "seoul")
                     .values(max_tlp="GREEN"))
    assert org not in ids(http, seoul)
    assert _kept(store).keys() == {Partner("seoul", TLP.GREEN, ("KOR",)).audience}


def test_leftover_forms_go_when_the_server_starts(node):
    """Forms kept for an agreement nobody has (say, a partner row edited by hand while
    no server ran) are dropped by the maintenance path, which a starting server runs."""
    store, http, key = node
    org = _id("identity")
    store.keep_stix([identity(org)], partner=None, markings={org: Marking(TLP.GREEN)})
    tokyo = key(Partner("tokyo", TLP.GREEN, ("JPN",)))
    seoul = key(Partner("seoul", TLP.AMBER, ("KOR",)))
    ids(http, tokyo)
    ids(http, seoul)
    with store.engine.begin() as conn:  # seoul's row rewritten behind the server's back
        conn.execute(t.partners.update().where(t.partners.c.name == "seoul")
                     .values(revoked_at=func.now()))
    assert len(_kept(store)) == 2
    create_app(store)
    assert _kept(store).keys() == {Partner("tokyo", TLP.GREEN, ("JPN",)).audience}
    assert service.prune_served_forms(store) == 0


def test_rows_written_without_a_description_are_indexed_and_served_alike(new_db):
    """Rows ``keep_stix`` wrote without describing them (a store opened without
    ``describe``, or rows from before migration 0020) are indexed when first served and
    then served exactly as rows described when written."""
    from intex.store import open_store

    org, late, rel = _id("identity"), _id("identity"), _id("marking-definition")
    green = Marking(TLP.GREEN)
    objects = [
        identity(org, object_marking_refs=[markings.TLP_IDS[TLP.GREEN]]),
        {"type": "report", "id": _id("report"), "spec_version": "2.1", "created": T1,
         "modified": T1, "name": "r", "published": T1, "object_refs": [org, late]},
        {"type": "relationship", "id": _id("relationship"), "spec_version": "2.1",
         "created": T1, "modified": T1, "relationship_type": "related-to",
         "source_ref": org, "target_ref": late},
        identity(_id("identity"), object_marking_refs=[rel]),
        {"type": "marking-definition", "id": rel, "spec_version": "2.1", "created": T1,
         "definition_type": "statement", "definition": {
             "statement": markings.releasability_statement(("KOR",))}},
        identity(_id("identity"), object_marking_refs=[markings.TLP_IDS[TLP.AMBER]]),
    ]
    tags = {o["id"]: green for o in objects}
    bodies = []
    for described in (True, False):
        url = new_db(f"described-{described}")
        store = service.open_ledger(url) if described else open_store(url)
        store.keep_stix(objects, partner=None, markings=tags)
        with store.engine.connect() as conn:
            plain = dict(conn.execute(select(t.stix_objects.c.id, t.stix_objects.c.plain)).all())
            indexed = conn.execute(select(func.count()).select_from(t.stix_refs)).scalar_one()
        if described:
            assert plain[org] == "GREEN" and plain[objects[1]["id"]] == ""
            assert plain[objects[3]["id"]] is None and plain[rel] is None  # worked out
            assert indexed > 0
        else:
            assert set(plain.values()) == {None} and indexed == 0
        serving = service.open_ledger(url)
        with live_server(create_app(serving)) as live, \
                httpx.Client(base_url=live.url, timeout=120) as http:
            creds = service.add_partner(serving, Partner("seoul", TLP.GREEN, ("KOR",)))
            headers = {**ACCEPT, "Authorization": f"Bearer {creds.api_key}"}
            r = http.get(OBJECTS, headers=headers)
            assert r.status_code == 200, r.text
            bodies.append(sorted(r.json()["objects"], key=lambda o: o["id"]))
            store.keep_stix([identity(late)], partner=None, markings={late: green})
            r = http.get(OBJECTS, headers=headers)
            bodies.append(sorted(r.json()["objects"], key=lambda o: o["id"]))
        with serving.engine.connect() as conn:
            plain = dict(conn.execute(select(t.stix_objects.c.id, t.stix_objects.c.plain)).all())
            assert conn.execute(select(func.count()).select_from(t.stix_refs)).scalar_one() > 0
        assert plain[org] == "GREEN"  # described when first served
    assert bodies[0] == bodies[2] and bodies[1] == bodies[3]
    served = {o["id"]: o for o in bodies[0]}
    assert served[objects[1]["id"]]["object_refs"] == [org]  # late not held yet: trimmed
    assert objects[2]["id"] not in served and objects[5]["id"] not in served
    assert {o["id"]: o for o in bodies[1]}[objects[1]["id"]]["object_refs"] == [org, late]
    assert objects[2]["id"] in {o["id"] for o in bodies[1]}
