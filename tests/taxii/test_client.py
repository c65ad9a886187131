"""The official OASIS ``taxii2-client`` drives intex's server on loopback: discovery,
API root, collections, paged GETs, manifest, versions, object by id and a POST."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text
from taxii2client.v21 import ApiRoot, Collection, Server, as_pages

from intex.model import TLP
from intex.store.objects import row_marking
from intex.taxii import create_app
from tests.taxii.conftest import live_server

pytestmark = pytest.mark.network


def _held(store):  # noqa: ANN001, ANN202
    with store.engine.connect() as conn:
        return [(r.id, r.type, r.json, row_marking(r.tlp, r.releasable_to, r.type))
                for r in conn.exec_driver_sql(
                    "select id, type, json, tlp, releasable_to from stix_objects")]


def test_the_official_client_pages_through_what_each_partner_may_see(ledger):
    with live_server(create_app(ledger.store)) as live:
        server = Server(f"{live.url}/taxii2/", user="seoul", password=ledger.passwords["seoul"])
        assert server.title == "intex TAXII 2.1 server"
        root = server.default
        assert isinstance(root, ApiRoot) and root.versions == ["application/taxii+json;version=2.1"]
        [collection] = root.collections
        assert collection.can_read and collection.can_write

        pages = list(as_pages(collection.get_objects, per_request=7))
        assert len(pages) > 2
        got = [o for page in pages for o in page.get("objects", [])]
        ids = [o["id"] for o in got]
        assert len(ids) == len(set(ids))  # nothing repeated

        seoul = ledger.partners["seoul"]
        expected = {i for i, _t, _j, m in _held(ledger.store) if seoul.may_see(m)}
        assert set(ids) <= expected
        types = {o["type"] for o in got}
        assert {"report", "attributed-claim", "relationship", "identity"} <= types
        # RED and AMBER+STRICT never reach seoul; AMBER REL TO KOR does
        red = {i for i, _t, _j, m in _held(ledger.store) if m.tlp in (TLP.RED, TLP.AMBER_STRICT)}
        assert red and not red & set(ids)
        assert any(m.releasable_to == ("KOR",) and i in ids for i, _t, _j, m in
                   _held(ledger.store))
        text = json.dumps(got)
        assert not any(i in text for i in red)  # not even as a reference

        manifest = [m for page in as_pages(collection.get_manifest, per_request=10)
                    for m in page.get("objects", [])]
        assert {m["id"] for m in manifest} == set(ids)
        one = got[0]["id"]
        assert collection.get_object(one)["objects"][0]["id"] == one
        assert collection.object_versions(one)["versions"]


def test_a_partner_posts_objects_and_gets_a_status(ledger):
    note = {"type": "note", "spec_version": "2.1",
            "id": "note--0b6e9e5e-7c1b-4c3a-9d55-6f1f3c3a2b10",
            "created": "2026-11-20T10:00:00.000Z", "modified": "2026-11-20T10:00:00.000Z",
            "content": "Seen from Seoul.",
            "object_refs": ["note--0b6e9e5e-7c1b-4c3a-9d55-6f1f3c3a2b10"],
            "object_marking_refs": ["marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"]}
    with live_server(create_app(ledger.store)) as live:
        server = Server(f"{live.url}/taxii2/", user="seoul", password=ledger.passwords["seoul"])
        collection = server.default.collections[0]
        status = collection.add_objects({"objects": [note]})
        assert status.status == "complete" and status.success_count == 1
        again = Collection(collection.url, user="seoul", password=ledger.passwords["seoul"])
        assert again.get_object(note["id"])["objects"][0]["content"] == "Seen from Seoul."
        with ledger.store.engine.connect() as conn:
            partner = conn.execute(text("select partner from stix_objects where id = :id"),
                                   {"id": note["id"]}).scalar()
        assert partner == "seoul"
        # tokyo may read but not write
        tokyo = Server(f"{live.url}/taxii2/", user="tokyo", password=ledger.passwords["tokyo"])
        assert not tokyo.default.collections[0].can_write
