"""`intex import` of a bundle shaped like an OpenCTI STIX 2.1 export: OpenCTI's property
extensions on every object (and its SCO extension on observables), its ``x_opencti_*``
properties, its TLP and PAP marking definitions, the SDOs a CTI platform exports. Known
objects are mapped into the ledger, every object is kept verbatim with the partner
recorded, and what intex does not understand is served on over TAXII to the partners
its markings allow. The bundle is written here for the test (not an OpenCTI file)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import httpx

from intex import service
from intex.model import TLP, Partner
from intex.taxii import create_app
from intex.taxii.routes import COLLECTION_ID
from tests.taxii.conftest import ACCEPT, live_server

INTEX = [sys.executable, "-m", "intex"]
OCTI = "extension-definition--ea279b3e-5c71-4632-ac08-831c66a786ba"
OCTI_SCO = "extension-definition--f93e2c80-4231-4f9a-af8b-95c9bd566a82"
TLP_GREEN = "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"  # TLP 1.0 GREEN
TLP_AMBER = "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82"  # TLP 1.0 AMBER
PAP_GREEN = "marking-definition--89484dde-e3d2-547f-a6c6-d14824429eb1"
T0, T1 = "2025-02-11T08:15:00.000Z", "2025-02-12T16:40:00.000Z"

ORG = "identity--4f3c2b1a-0e9d-4c8b-a7f6-e5d4c3b2a190"
COUNTRY = "location--8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c21"
ACTOR = "threat-actor--1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
INTRUSION = "intrusion-set--2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e"
INDICATOR = "indicator--3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f"
ADDRESS = "ipv4-addr--4d5e6f7a-8b9c-5d0e-9f2a-3b4c5d6e7f80"
BASED_ON = "relationship--5e6f7a8b-9c0d-4e1f-8a3b-4c5d6e7f8091"
INDICATES = "relationship--6f7a8b9c-0d1e-4f2a-9b4c-5d6e7f8091a2"
ATTRIBUTED = "relationship--7a8b9c0d-1e2f-4a3b-8c5d-6e7f8091a2b3"
REPORT = "report--8b9c0d1e-2f3a-4b4c-9d6e-7f8091a2b3c4"


def octi(kind: str, internal: str, ext: str = "property-extension") -> dict:
    """OpenCTI's own extension, as it puts one on every object it exports."""
    return {OCTI: {"extension_type": ext, "id": internal, "type": kind,
                   "created_at": T0, "updated_at": T1, "is_inferred": False,
                   "granted_refs": [
                       "identity--0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"]}}


def common(kind: str, n: int, marking: str = TLP_GREEN) -> dict:
    return {"spec_version": "2.1", "created": T0, "modified": T1, "confidence": 75,
            "object_marking_refs": [marking], "created_by_ref": ORG,
            "extensions": octi(kind, f"00000000-0000-4000-8000-{n:012d}")}


BUNDLE = {"type": "bundle", "id": "bundle--9c0d1e2f-3a4b-4c5d-8e7f-8091a2b3c4d5",
          "spec_version": "2.1", "objects": [
    {"type": "marking-definition", "spec_version": "2.1", "id": TLP_GREEN,
     "created": "2017-01-20T00:00:00.000Z", "definition_type": "tlp", "name": "TLP:GREEN",
     "definition": {"tlp": "green"}, "x_opencti_definition_type": "TLP",
     "x_opencti_definition": "TLP:GREEN", "x_opencti_color": "#2e7d32", "x_opencti_order": 2,
     "extensions": octi("Marking-Definition", "00000000-0000-4000-8000-000000000001")},
    {"type": "marking-definition", "spec_version": "2.1", "id": PAP_GREEN,
     "created": "2022-01-01T00:00:00.000Z", "definition_type": "statement", "name": "PAP:GREEN",
     "definition": {"statement": "custom"}, "x_opencti_definition_type": "PAP",
     "x_opencti_definition": "PAP:GREEN", "x_opencti_color": "#2e7d32", "x_opencti_order": 2,
     "extensions": octi("Marking-Definition", "00000000-0000-4000-8000-000000000002")},
    {"type": "identity", "id": ORG, "spec_version": "2.1", "created": T0, "modified": T1,
     "name": "Example National CERT", "identity_class": "organization",
     "x_opencti_organization_type": "csirt", "x_opencti_reliability": "B",
     "object_marking_refs": [TLP_GREEN],
     "extensions": octi("Organization", "00000000-0000-4000-8000-000000000003")},
    {"type": "location", "id": COUNTRY, "name": "Ukraine", "country": "UA",
     "x_opencti_location_type": "Country", "x_opencti_aliases": ["UKR"],
     **common("Country", 4)},
    {"type": "threat-actor", "id": ACTOR, "name": "Sandworm Team",
     "threat_actor_types": ["nation-state"], "aliases": ["Voodoo Bear"],
     "x_opencti_threat_actor_group": True, **common("Threat-Actor-Group", 5)},
    {"type": "intrusion-set", "id": INTRUSION, "name": "Grid outage campaign set",
     "aliases": ["GOC"], "first_seen": T0, "resource_level": "government",
     "primary_motivation": "organizational-gain", **common("Intrusion-Set", 6)},
    {"type": "indicator", "id": INDICATOR, "name": "198.51.100.23",
     "pattern": "[ipv4-addr:value = '198.51.100.23']", "pattern_type": "stix",
     "valid_from": T0, "indicator_types": ["malicious-activity"],
     "x_opencti_score": 80, "x_opencti_detection": True,
     "x_opencti_main_observable_type": "IPv4-Addr", **common("Indicator", 7, TLP_AMBER)},
    {"type": "ipv4-addr", "id": ADDRESS, "spec_version": "2.1", "value": "198.51.100.23",
     "object_marking_refs": [TLP_AMBER, PAP_GREEN],
     "extensions": {OCTI_SCO: {"extension_type": "property-extension", "score": 80,
                               "description": "staging host", "labels": ["c2"],
                               "created_by_ref": ORG}}},
    {"type": "relationship", "id": BASED_ON, "relationship_type": "based-on",
     "source_ref": INDICATOR, "target_ref": ADDRESS, **common("based-on", 8, TLP_AMBER)},
    {"type": "relationship", "id": INDICATES, "relationship_type": "indicates",
     "source_ref": INDICATOR, "target_ref": INTRUSION, **common("indicates", 9, TLP_AMBER)},
    {"type": "relationship", "id": ATTRIBUTED, "relationship_type": "attributed-to",
     "source_ref": INTRUSION, "target_ref": ACTOR, **common("attributed-to", 10)},
    {"type": "report", "id": REPORT, "name": "Grid intrusion, February",
     "description": "The CERT said 12 substations were affected.", "published": T1,
     "report_types": ["threat-report"], "x_opencti_report_status": 2,
     "object_refs": [ACTOR, INTRUSION, ATTRIBUTED, COUNTRY], **common("Report", 11)},
]}


def run(*args: str, db) -> subprocess.CompletedProcess[str]:  # noqa: ANN001
    return subprocess.run([*INTEX, *args], capture_output=True, text=True, timeout=300,
                          env=dict(os.environ, INTEX_DB=str(db)))


def test_an_opencti_export_is_imported_kept_mapped_and_served_on(tmp_path):
    db = tmp_path / "l.db"
    path = tmp_path / "opencti-export.json"
    path.write_text(json.dumps(BUNDLE, indent=2))
    out = run("import", str(path), "--partner", "octi", db=db)
    assert out.returncode == 0, out.stderr
    assert "11 new objects" in out.stderr  # all but OpenCTI's copy of TLP:GREEN
    again = run("import", str(path), "--partner", "octi", db=db)  # de-duplicated
    assert again.returncode == 0 and "0 new objects" in again.stderr

    con = sqlite3.connect(db)
    rows = {r[0]: r[1:] for r in con.execute("select id, partner, tlp, json from stix_objects")}
    sent = {o["id"]: o for o in BUNDLE["objects"] if o["id"] != TLP_GREEN}
    assert set(rows) == set(sent)  # everything kept, types intex does not map included
    assert {r[0] for r in rows.values()} == {"octi"}  # provenance
    assert all(json.loads(r[2]) == sent[i] for i, r in rows.items())  # verbatim
    assert rows[INDICATOR][1] == "AMBER" and rows[ACTOR][1] == "GREEN"  # TLP 1.0 ids read
    # known objects mapped: the report, with its partner and marking
    assert con.execute("select id, partner, tlp, title from reports").fetchall() == [
        (REPORT, "octi", "GREEN", "Grid intrusion, February")]
    con.close()

    # served on: a GREEN partner gets the GREEN objects as received, nothing AMBER, and
    # no reference to anything AMBER
    store = service.open_ledger(f"sqlite:///{db}")
    creds = service.add_partner(store, Partner("ngo", max_tlp=TLP.GREEN))
    with live_server(create_app(store)) as live:
        got = httpx.get(f"{live.url}/taxii2/intex/collections/{COLLECTION_ID}/objects/",
                        headers={**ACCEPT, "Authorization": f"Bearer {creds.api_key}"},
                        params={"limit": "1000"}, timeout=120).json()["objects"]
    served = {o["id"]: o for o in got}
    amber = {INDICATOR, ADDRESS, BASED_ON, INDICATES}
    # PAP:GREEN marks only the AMBER indicator: a marking definition travels only with
    # what it marks, so it stays behind too
    assert set(served) == set(sent) - amber - {PAP_GREEN}
    for oid in (ACTOR, INTRUSION, COUNTRY, ORG, ATTRIBUTED, REPORT):
        # x_opencti_* and OpenCTI's extension as sent, less the organisations OpenCTI
        # granted the object to, which it did not export (nothing may point nowhere)
        expected = json.loads(json.dumps(sent[oid]))
        del expected["extensions"][OCTI]["granted_refs"]
        assert served[oid] == expected
    assert not any(a in json.dumps(got) for a in amber | {PAP_GREEN})
