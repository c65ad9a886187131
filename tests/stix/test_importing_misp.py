"""Interop with MISP, through MISP's own converter (misp-stix), both ways:

- a small MISP event, converted to STIX 2.1 by misp-stix as MISP exports it, reads into
  intex: MISP's report and TLP come through, the types intex does not know are kept;
- a bundle intex exports, converted to a MISP event by misp-stix's STIX → MISP parser.
"""

from __future__ import annotations

import json
import warnings

from intex.model import TLP, Marking
from intex.stix import build_bundle, dumps, validate
from intex.stix.claim_extension import CLAIM_TYPE
from intex.stix.importing import read_bundle
from intex.stix.misp_profile import misp_profile
from intex.stix.visibility import references
from tests.stix.ledger import clock, export_set

with warnings.catch_warnings():
    # misp-stix's STIX 1 side imports ``six``'s meta path importer, which Python 3.11
    # warns about on import; nothing intex uses
    warnings.simplefilter("ignore", ImportWarning)
    from misp_stix_converter import ExternalSTIX2toMISPParser, MISPtoSTIX21Parser
    from misp_stix_converter.tools import load_stix2_content

ORG = "55f6ea5e-2c60-40e5-964f-47a8950d210f"
EVENT = "5a3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d"
STAMP = "1730224800"  # 2024-10-29T18:00:00Z


def attribute(uuid: str, kind: str, category: str, value: str, *, to_ids: bool = False,
              relation: str | None = None) -> dict:
    out = {"uuid": uuid, "type": kind, "category": category, "value": value,
           "timestamp": STAMP, "to_ids": to_ids}
    return out | ({"object_relation": relation} if relation else {})


#: a MISP event as MISP's REST API returns it (``GET /events/view/ID``), trimmed
MISP_EVENT = {"Event": {
    "uuid": EVENT, "info": "North Korean troops in Russia: partner indicators",
    "date": "2024-10-29", "timestamp": STAMP, "publish_timestamp": STAMP,
    "threat_level_id": "2", "analysis": "1", "distribution": "1", "published": True,
    "Orgc": {"name": "Kyiv CERT", "uuid": ORG},
    "Tag": [{"name": "tlp:amber"}],
    "Attribute": [
        attribute("91ae0a21-c7ae-4c7f-b84b-b84a7ce53d1f", "url", "External analysis",
                  "https://www.example-news.org/2024/10/29/north-korean-troops-russia"),
        attribute("518b4bcb-a86b-4783-9457-391d548b605b", "ip-dst", "Network activity",
                  "203.0.113.7", to_ids=True),
        attribute("34cb1a7c-55ec-412a-8684-ba4a88d83a45", "text", "Other",
                  "About 11,000 North Korean soldiers sent to Russia, Budanov says"),
    ],
    "Object": [
        {"uuid": "5ac47782-e1b8-40b6-96b4-02510a00020f", "name": "domain-ip",
         "meta-category": "network", "timestamp": STAMP, "Attribute": [
             attribute("5ac47782-e1b8-40b6-96b4-02510a00020a", "domain", "Network activity",
                       "example.org", to_ids=True, relation="domain"),
             attribute("5ac47782-e1b8-40b6-96b4-02510a00020b", "ip-dst", "Network activity",
                       "198.51.100.3", to_ids=True, relation="ip")]},
        {"uuid": "6bd58893-f2c9-41c7-a7c5-13621b11131f", "name": "geolocation",
         "meta-category": "misc", "timestamp": STAMP, "Attribute": [
             attribute("6bd58893-f2c9-41c7-a7c5-13621b111310", "text", "Other", "Kursk",
                       relation="city"),
             attribute("6bd58893-f2c9-41c7-a7c5-13621b111311", "text", "Other", "RU",
                       relation="countrycode"),
             attribute("6bd58893-f2c9-41c7-a7c5-13621b111312", "float", "Other", "51.7304",
                       relation="latitude"),
             attribute("6bd58893-f2c9-41c7-a7c5-13621b111313", "float", "Other", "36.1926",
                       relation="longitude")]},
    ],
}}


def misp_bundle() -> bytes:
    parser = MISPtoSTIX21Parser()
    parser.parse_misp_event(json.loads(json.dumps(MISP_EVENT)))
    assert not any(parser.errors.values()), parser.errors
    return parser.bundle.serialize().encode()


def test_a_misp_event_exported_by_misp_stix_reads():
    data = misp_bundle()
    sent = json.loads(data)["objects"]
    read_back = read_bundle(data, name="misp-kyiv-cert.json")
    assert list(read_back.objects) == sent  # every object, as received
    kinds = {o["type"] for o in read_back.objects}
    assert {"x-misp-attribute", "indicator", "observed-data", "ipv4-addr"} <= kinds
    [report] = read_back.reports
    assert report.stix_id == f"report--{EVENT}"
    assert report.document.title == MISP_EVENT["Event"]["info"]
    assert report.document.marking == Marking(TLP.AMBER)  # MISP writes TLP 1.0 ids
    places = [e for e in read_back.entities if e.type == "GPE"]
    assert [(p.country, p.lat, p.lon) for p in places] == [("RU", 51.7304, 36.1926)]
    # the MISP organisation only authors the objects: not an entity
    assert f"identity--{ORG}" not in {e.id for e in read_back.entities}
    assert read_back.claims == ()


def intex_to_misp() -> ExternalSTIX2toMISPParser:
    bundle = build_bundle(export_set(), clock=clock())
    parser = ExternalSTIX2toMISPParser()
    parser.load_stix_bundle(load_stix2_content(dumps(bundle)))
    parser.parse_stix_bundle(single_event=True)
    return parser


def messages(found: dict) -> list[str]:
    return [m for values in found.values() for m in values]


def test_an_intex_bundle_converts_to_a_misp_event():
    parser = intex_to_misp()
    event = json.loads(parser.misp_event.to_json())
    assert event["info"] == "North Korea has sent 11,000 troops to Russia, Budanov says"
    assert "tlp:green" in {t["name"] for t in event["Tag"]}
    names = {a["value"] for o in event["Object"] for a in o["Attribute"]}
    assert {"Kyrylo Budanov", "Kremlin", "example-news.org", "KP", "RU"} <= names
    # misp-stix 2026.10 does not load object types declared by an extension definition
    # (new-sdo): each claim is reported once when loaded and once when the report lists
    # it, and nothing else goes wrong
    assert sorted(set(messages(parser.errors))) == [
        f"Unable to load STIX object type: {CLAIM_TYPE}",
        f"Unknown STIX object type: {CLAIM_TYPE}"]
    assert len(messages(parser.errors)) == 2 * 5
    assert messages(parser.warnings) == []


def misp_event_of(bundle: dict) -> tuple[dict, ExternalSTIX2toMISPParser]:
    parser = ExternalSTIX2toMISPParser()
    parser.load_stix_bundle(load_stix2_content(dumps(bundle)))
    parser.parse_stix_bundle(single_event=True)
    return json.loads(parser.misp_event.to_json()), parser


def test_the_misp_profile_converts_without_errors_and_keeps_every_claim():
    bundle = build_bundle(export_set(), clock=clock())
    claims = [o for o in bundle["objects"] if o["type"] == CLAIM_TYPE]
    profiled = misp_profile(bundle)
    assert validate(profiled).ok
    # nothing MISP cannot load, and nothing that points at what is left out
    assert {o["type"] for o in profiled["objects"]} <= {
        "report", "identity", "location", "note", "opinion", "marking-definition"}
    assert not any(r.startswith(CLAIM_TYPE) for o in profiled["objects"]
                   for r in references(o))
    event, parser = misp_event_of(profiled)
    assert messages(parser.errors) == [] and messages(parser.warnings) == []
    assert event["info"] == "North Korea has sent 11,000 troops to Russia, Budanov says"
    notes = [n["note"] for n in event.get("Note", [])]  # on the event itself
    assert len(claims) == 5 and len(notes) >= len(claims)
    for claim in claims:
        mine = [n for n in notes if f"intex claim: {claim['id']}" in n]
        assert len(mine) == 1, claim["id"]
        text = mine[0]
        assert f"{int(claim['value']):,}" in text  # the figure
        assert claim["source_names"][0] in text  # who said it first
        assert claim["evidence"]["text"] in text  # the sentence it was read from
        assert f"Admiralty: {claim['admiralty']}" in text
    # and MISP hangs each claim on its original source's object too
    budanov = next(o for o in event["Object"] if any(
        a["value"] == "Kyrylo Budanov" for a in o["Attribute"]))
    assert any("intex claim:" in n["note"] for n in budanov.get("Note", []))


def test_the_misp_profile_keeps_markings_and_drops_only_claims():
    bundle = build_bundle(export_set(red_marking=Marking(TLP.RED)), clock=clock())
    profiled = misp_profile(bundle)
    before = {o["id"]: o for o in bundle["objects"]}
    after = {o["id"]: o for o in profiled["objects"]}
    gone = set(before) - set(after)
    assert {before[i]["type"] for i in gone} == {CLAIM_TYPE, "relationship",
                                                 "extension-definition"}
    report = next(o for o in profiled["objects"] if o["type"] == "report")
    assert not gone & set(report["object_refs"])
    for gm in report.get("granular_markings", []):  # still on the entry it marked
        for sel in gm["selectors"]:
            ref = report["object_refs"][int(sel.split("[")[1].rstrip("]"))]
            old = next(o for o in bundle["objects"] if o["type"] == "report")
            i = old["object_refs"].index(ref)
            assert any(f"object_refs.[{i}]" in g["selectors"] and
                       g["marking_ref"] == gm["marking_ref"]
                       for g in old["granular_markings"])
    for oid, obj in after.items():
        if obj["type"] == "note":
            assert obj.get("object_marking_refs") == before[oid].get("object_marking_refs")
