"""`intex export --for PARTNER` against the same ledger served over TAXII: the partner
gets the same objects either way, and nothing its agreement hides (RED, someone else's
AMBER+STRICT, a REL TO list without its country) leaves a trace in the bundle."""

from __future__ import annotations

import json

import httpx
import pytest

from intex import service
from intex.model import TLP
from intex.stix.markings import TLP_IDS
from intex.taxii import create_app
from intex.taxii.routes import COLLECTION_ID
from tests.taxii.conftest import ACCEPT, live_server

pytestmark = pytest.mark.network


def _over_taxii(url: str, name: str, password: str) -> list[dict]:
    got: list[dict] = []
    params: dict[str, str] = {"limit": "13"}
    with httpx.Client(auth=(name, password), headers=ACCEPT) as client:
        while True:
            page = client.get(f"{url}/taxii2/intex/collections/{COLLECTION_ID}/objects/",
                              params=params).json()
            got += page.get("objects", [])
            if not page["more"]:
                return got
            params = {"limit": "13", "next": page["next"]}


def _hidden(full: dict, mine: dict) -> set[str]:
    return {o["id"] for o in full["objects"]} - {o["id"] for o in mine["objects"]}


def test_export_for_a_partner_is_what_it_gets_over_taxii(ledger):
    full = service.export_bundle(ledger.store)
    with live_server(create_app(ledger.store)) as live:
        for name in ("seoul", "tokyo", "home"):
            bundle = service.export_for(ledger.store, name)
            served = _over_taxii(live.url, name, ledger.passwords[name])
            assert {o["id"] for o in bundle["objects"]} == {o["id"] for o in served}, name
            mine = {o["id"]: o for o in bundle["objects"]}
            for obj in served:
                ours = mine[obj["id"]]
                assert ours.get("modified") == obj.get("modified")
                if obj["type"] != "report":  # a report's text says when it was exported
                    assert ours == obj, obj["id"]
                else:
                    assert ours["object_refs"] == obj["object_refs"]
                    assert ours.get("granular_markings") == obj.get("granular_markings")
            hidden = _hidden(full, bundle)
            assert hidden  # every partner here misses something
            text = json.dumps(bundle)
            assert not any(h in text for h in hidden), name  # not even as a reference


def test_red_never_amber_strict_only_home_releasability_respected(ledger):
    full = service.export_bundle(ledger.store)
    marks = service.object_markings(full["objects"])
    red = {i for i, m in marks.items() if m.tlp is TLP.RED}
    strict = {i for i, m in marks.items() if m.tlp is TLP.AMBER_STRICT}
    kor = {i for i, m in marks.items() if m.releasable_to == ("KOR",) and m.tlp is TLP.AMBER}
    ukr = {i for i, m in marks.items() if m.releasable_to == ("UKR",)}
    assert red and strict and kor and ukr
    got = {name: service.export_for(ledger.store, name) for name in ("seoul", "tokyo", "home")}
    ids = {name: {o["id"] for o in b["objects"]} for name, b in got.items()}
    for name, bundle in got.items():
        text = json.dumps(bundle)
        assert TLP_IDS[TLP.RED] not in text  # not even its definition
        assert not red & ids[name]
    assert strict <= ids["home"] and not strict & (ids["seoul"] | ids["tokyo"])
    assert TLP_IDS[TLP.AMBER_STRICT] not in json.dumps(got["seoul"])
    assert kor <= ids["seoul"] and not kor & (ids["tokyo"] | ids["home"])
    assert ukr - {i for i in ukr if i.startswith("marking-definition")} <= ids["home"]
    assert not ukr & (ids["seoul"] | ids["tokyo"])
    # tokyo (GREEN) gets no AMBER at all, and no REL TO statement naming someone else
    assert TLP_IDS[TLP.AMBER] not in json.dumps(got["tokyo"])
    assert "REL TO" not in json.dumps(got["tokyo"])
    # every bundle still reads whole: each report's refs resolve inside it
    for name, bundle in got.items():
        for o in bundle["objects"]:
            for ref in o.get("object_refs", []):
                assert ref in ids[name], (name, o["id"], ref)


def test_export_for_through_the_cli(ledger, tmp_path):
    import os
    import subprocess
    import sys

    url = ledger.store.engine.url.render_as_string(hide_password=False)
    out = subprocess.run([sys.executable, "-m", "intex", "export", "--for", "tokyo", "--db",
                          url], capture_output=True, timeout=300, env=dict(os.environ))
    assert out.returncode == 0, out.stderr
    bundle = json.loads(out.stdout)
    assert {o["id"] for o in bundle["objects"]} == {
        o["id"] for o in service.export_for(ledger.store, "tokyo")["objects"]}
    nobody = subprocess.run([sys.executable, "-m", "intex", "export", "--for", "nobody",
                             "--db", url], capture_output=True, timeout=300,
                            env=dict(os.environ))
    assert nobody.returncode != 0 and b"nobody" in nobody.stderr
