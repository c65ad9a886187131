"""A marking definition travels only with what it marks.

The ledger's ``REL TO KOR`` statement is kept under what it states (releasable to KOR),
so every KOR partner's markings allow it; but a partner with a GREEN agreement sees
none of the AMBER objects it marks, and must not learn from the statement that such
objects exist. Through every endpoint (objects, object by id, versions, manifest,
pages and their headers, the 404s) and through ``intex export --for``, it gets the
statement only once something it is served marks with it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid

import httpx
import pytest

from intex import service
from intex.model import TLP, Marking, Partner
from intex.stix import markings
from intex.taxii import create_app
from intex.taxii.routes import COLLECTION_ID
from tests.taxii.conftest import ACCEPT, live_server

pytestmark = pytest.mark.network
BASE = f"/taxii2/intex/collections/{COLLECTION_ID}/"
T1 = "2026-01-01T00:00:00.000Z"
MISSING = f"marking-definition--{uuid.UUID(int=12345, version=4)}"


def _statement(store: service.Store, countries: tuple[str, ...]) -> str:
    """The id of the ledger's definition stating ``REL TO`` these countries."""
    text = markings.releasability_statement(countries)
    found = [o["id"] for o in service.export_bundle(store)["objects"]
             if o["type"] == "marking-definition"
             and o.get("definition", {}).get("statement") == text]
    assert len(found) == 1, text
    return found[0]


def _everything(http: httpx.Client, headers: dict[str, str], path: str) -> tuple[list, str]:
    """Every entry of ``path`` one per page (limit 1, following ``next``), and all the
    text the pages carried, headers included."""
    entries, texts = [], []
    params = {"limit": "1", "match[version]": "all"}
    while True:
        r = http.get(BASE + path, headers=headers, params=params)
        assert r.status_code == 200, r.text
        texts.append(r.text + json.dumps(sorted(r.headers.items())))
        page = r.json()
        entries += page.get("objects", [])
        if not page["more"]:
            return entries, "\n".join(texts)
        params = {**params, "next": page["next"]}


def _served_through_every_endpoint(http: httpx.Client, headers: dict[str, str],
                                   oid: str) -> tuple[bool, str]:
    """Whether ``oid`` is served, asked for every way; and everything that was said."""
    objects, text = _everything(http, headers, "objects/")
    manifest, more = _everything(http, headers, "manifest/")
    texts = [text, more]
    listed = {o["id"] for o in objects}
    assert listed == {e["id"] for e in manifest}
    for params in ({"match[type]": "marking-definition"}, {"match[id]": oid},
                   {"match[id]": oid, "match[version]": "all"}):
        for path in ("objects/", "manifest/"):
            r = http.get(BASE + path, headers=headers, params=params)
            assert r.status_code == 200
            texts.append(r.text + json.dumps(sorted(r.headers.items())))
            got = {o["id"] for o in r.json().get("objects", [])}
            assert (oid in got) == (oid in listed)
            assert ("X-TAXII-Date-Added-First" in r.headers) == bool(got)
    for tail in ("", "versions/"):
        r = http.get(f"{BASE}objects/{oid}/{tail}", headers=headers)
        missing = http.get(f"{BASE}objects/{MISSING}/{tail}", headers=headers)
        texts.append(r.text + json.dumps(sorted(r.headers.items())))
        if oid in listed:
            assert r.status_code == 200
        else:  # the same answer, byte for byte, as for a definition never held
            assert (r.status_code, r.content) == (404, missing.content)
            assert r.headers.get("content-length") == missing.headers.get("content-length")
    return oid in listed, "\n".join(texts)


@pytest.fixture(scope="module")
def served(ledger):  # noqa: ANN001, ANN201
    """The shared ledger served, with two more partners: busan may see the REL TO KOR
    statement by its own marking but nothing AMBER it marks; nara has no country."""
    keys = {}
    for p in (Partner("busan", max_tlp=TLP.GREEN, countries=("KOR",)),
              Partner("nara", max_tlp=TLP.AMBER)):
        keys[p.name] = service.add_partner(ledger.store, p).api_key
    keys.update(ledger.keys)
    with live_server(create_app(ledger.store)) as live, \
            httpx.Client(base_url=live.url, timeout=120) as http:
        yield ledger, http, {n: {**ACCEPT, "Authorization": f"Bearer {k}"}
                             for n, k in keys.items()}


def test_a_statement_whose_objects_are_all_hidden_is_not_served(served):
    ledger, http, headers = served
    kor = _statement(ledger.store, ("KOR",))
    seen, text = _served_through_every_endpoint(http, headers["busan"], kor)
    assert not seen
    assert kor not in text
    assert "REL TO KOR" not in text
    # nor in what `intex export --for` writes
    assert kor not in json.dumps(service.export_for(ledger.store, "busan"))
    url = ledger.store.engine.url.render_as_string(hide_password=False)
    out = subprocess.run([sys.executable, "-m", "intex", "export", "--for", "busan", "--db",
                          url], capture_output=True, timeout=300, env=dict(os.environ))
    assert out.returncode == 0, out.stderr
    assert kor.encode() not in out.stdout and b"REL TO KOR" not in out.stdout


def test_a_statement_travels_with_the_objects_it_marks(served):
    ledger, http, headers = served
    kor = _statement(ledger.store, ("KOR",))
    seen, text = _served_through_every_endpoint(http, headers["seoul"], kor)
    assert seen  # seoul (AMBER, KOR) gets the AMBER report REL TO KOR, and its statement
    assert kor in json.dumps(service.export_for(ledger.store, "seoul"))
    # UKR's statement marks one AMBER claim: neither seoul nor tokyo gets it
    ukr = _statement(ledger.store, ("UKR",))
    assert ukr not in text
    assert ukr not in json.dumps(service.export_for(ledger.store, "tokyo"))


def test_a_statement_is_served_once_something_served_marks_with_it(served):
    """Busan's kept forms had the statement hidden; a GREEN object marked REL TO KOR
    arrives, and the statement comes with it (and only to KOR partners)."""
    ledger, http, headers = served
    kor = _statement(ledger.store, ("KOR",))
    assert not _served_through_every_endpoint(http, headers["busan"], kor)[0]
    org = f"identity--{uuid.uuid4()}"
    ledger.store.keep_stix([{"type": "identity", "id": org, "spec_version": "2.1",
                             "created": T1, "modified": T1, "name": "a KOR agency",
                             "object_marking_refs": [markings.TLP_IDS[TLP.GREEN], kor]}],
                           partner=None, markings={org: Marking(TLP.GREEN, ("KOR",))})
    seen, text = _served_through_every_endpoint(http, headers["busan"], kor)
    assert seen and org in text
    seen, text = _served_through_every_endpoint(http, headers["nara"], kor)
    assert not seen and kor not in text and org not in text


def test_a_granular_statement_goes_with_its_entry(served):
    """A GREEN report whose second entry is marked REL TO JPN (a statement kept unmarked,
    so every partner's markings allow it): tokyo gets the entry and the statement; busan
    gets the report without either."""
    ledger, http, headers = served
    jpn = f"marking-definition--{uuid.uuid4()}"
    statement = markings.releasability_statement(("JPN",))
    ledger.store.keep_stix([{"type": "marking-definition", "id": jpn, "spec_version": "2.1",
                             "created": T1, "definition_type": "statement", "name": statement,
                             "definition": {"statement": statement}}],
                           partner=None)  # kept unmarked, as a partner may send it
    a, b = f"identity--{uuid.uuid4()}", f"identity--{uuid.uuid4()}"
    report = {"type": "report", "id": f"report--{uuid.uuid4()}", "spec_version": "2.1",
              "created": T1, "modified": T1, "name": "granular", "published": T1,
              "object_refs": [a, b],
              "granular_markings": [{"selectors": ["object_refs.[1]"], "marking_ref": jpn}]}
    green = Marking(TLP.GREEN)
    ledger.store.keep_stix([_org(a), _org(b), report], partner=None,
                           markings={a: green, b: green, report["id"]: green})
    seen, _ = _served_through_every_endpoint(http, headers["tokyo"], jpn)
    assert seen
    seen, text = _served_through_every_endpoint(http, headers["busan"], jpn)
    assert not seen and jpn not in text
    got = http.get(f"{BASE}objects/{report['id']}/", headers=headers["busan"]).json()
    assert got["objects"][0]["object_refs"] == [a]
    assert "granular_markings" not in got["objects"][0]


def _org(oid: str) -> dict:
    return {"type": "identity", "id": oid, "spec_version": "2.1", "created": T1,
            "modified": T1, "name": oid}
