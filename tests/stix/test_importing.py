"""Reading bundles back: intex's own round-trips into the same claims and markings;
partners' objects intex does not know are kept as received; markings are read from
TLP 2.0 and TLP 1.0 ids, in-bundle TLP definitions and REL TO statements."""

from __future__ import annotations

import copy
import dataclasses
import json
from pathlib import Path

import pytest
from stix2 import v21

from intex.model import TLP, Marking
from intex.stix import build_bundle, dumps
from intex.stix import markings as stix_markings
from intex.stix.claim_extension import CLAIM_TYPE, INTEX_IDENTITY_ID
from intex.stix.importing import UNMARKED, Limits, read_bundle
from intex.stix.importing_markings import OPENCTI_AMBER_STRICT, TLP1_IDS
from tests.stix.ledger import clock, correction, export_set

DOCS = Path(__file__).resolve().parents[2] / "docs" / "stix.md"
CHECKED = ("value", "value_max", "approx", "unit", "subject", "status", "location", "date",
           "modality", "evidence", "vague", "id")


def read(bundle: dict, **kwargs):
    return read_bundle(dumps(bundle).encode(), name="kyiv.json", **kwargs)


def objects_of(bundle: dict, kind: str) -> list[dict]:
    return [o for o in bundle["objects"] if o["type"] == kind]


def by_claim_id(read_back) -> dict:
    return {ic.claim.id: ic for ic in read_back.claims}


def test_an_intex_bundle_reads_back_into_the_same_claims():
    ledger = export_set()
    bundle = build_bundle(ledger, clock=clock())
    back = by_claim_id(read(bundle))
    assert len(back) == len(ledger.claims) == 5
    report_id = ledger.documents[0].id
    for ec in ledger.claims:
        got = back[ec.claim.id]
        for field in CHECKED:
            assert getattr(got.claim, field) == getattr(ec.claim, field), field
        assert [s.name for s in got.claim.sources] == [s.name for s in ec.claim.sources]
        assert [s.kind for s in got.claim.sources] == [s.kind for s in ec.claim.sources]
        assert got.marking == (ec.marking or ledger.documents[0].marking)
        assert got.report_stix_id == report_id
        assert got.stix_id == f"{CLAIM_TYPE}--{ec.claim.id.removeprefix('claim--')}"


def test_markings_round_trip_tlp_and_releasability():
    back = by_claim_id(read(build_bundle(export_set(), clock=clock())))
    by_value = {ic.claim.value: ic.marking for ic in back.values()}
    assert by_value[3000] == Marking(TLP.AMBER, ("KOR",))
    assert by_value[200] == Marking(TLP.RED)
    assert by_value[10000] == Marking(TLP.GREEN)


def test_sources_link_to_the_entities_read():
    read_back = read(build_bundle(export_set(), clock=clock()))
    entities = {e.id: e for e in read_back.entities}
    sent = next(ic.claim for ic in read_back.claims if ic.claim.status == "sent"
                and ic.claim.value == 11000)
    budanov = entities[sent.sources[0].entity_id]
    assert (budanov.name, budanov.type) == ("Kyrylo Budanov", "PERSON")
    officer = next(ic.claim for ic in read_back.claims if ic.claim.value == 200).sources[0]
    assert (officer.name, officer.entity_id, officer.kind) == (
        "a Ukrainian officer", None, "anonymous")


def test_entities_become_persons_organisations_and_places():
    read_back = read(build_bundle(export_set(), clock=clock()))
    entities = {e.name: e for e in read_back.entities}
    assert entities["Kyrylo Budanov"].type == "PERSON"
    assert (entities["Kremlin"].type, entities["Kremlin"].kind) == ("ORG", "government")
    assert (entities["Korean People's Army"].type, entities["Korean People's Army"].kind) == (
        "ORG", "group")
    kursk = entities["Kursk"]
    assert (kursk.type, kursk.country, kursk.lat, kursk.lon) == ("GPE", "RU", 51.7304, 36.1926)
    assert "intex" not in entities  # the system identity is not an entity
    assert all(e.id.startswith(("identity--", "location--")) for e in read_back.entities)


def test_the_report_becomes_a_document():
    ledger = export_set()
    doc = ledger.documents[0]
    [report] = read(build_bundle(ledger, clock=clock())).reports
    got = report.document
    assert report.stix_id == got.id == doc.id
    assert (got.title, got.published, got.url, got.site, got.language) == (
        doc.title, doc.published, doc.url, doc.site, doc.language)
    assert got.content_hash == doc.content_hash  # from the external reference's SHA-256
    assert got.marking == doc.marking
    assert got.source_name == "kyiv.json" and got.format == "stix"
    assert got.text.startswith("News report from example-news.org")


def test_a_corrected_claim_reads_as_its_latest_version():
    ledger = export_set()
    sent = ledger.claims[0]
    before = build_bundle(ledger, clock=clock())
    after = build_bundle(dataclasses.replace(ledger, claims=(
        dataclasses.replace(sent, review=correction(sent.claim.id)), *ledger.claims[1:])),
        clock=clock())
    newer = [o for o in after["objects"] if o["type"] == CLAIM_TYPE and o["value"] == 12000]
    both = copy.deepcopy(before)
    both["objects"] += newer  # two versions of one claim in one bundle
    read_back = read(both)
    assert [o["id"] for o in read_back.objects].count(newer[0]["id"]) == 2
    got = by_claim_id(read_back)[sent.claim.id].claim
    assert (got.value, got.status) == (12000, "deployed")


def test_a_revoked_claim_is_kept_but_not_read():
    bundle = build_bundle(export_set(), clock=clock())
    claim = objects_of(bundle, CLAIM_TYPE)[0]
    claim["revoked"] = True
    read_back = read(bundle)
    assert claim["id"] in {o["id"] for o in read_back.objects}
    assert claim["id"] not in {ic.stix_id for ic in read_back.claims}


def test_unknown_types_and_custom_properties_are_kept_verbatim():
    bundle = build_bundle(export_set(), clock=clock())
    report = objects_of(bundle, "report")[0]
    partner = {"type": "x-partner-assessment", "spec_version": "2.1",
               "id": "x-partner-assessment--3f0b1c7e-2d4a-4b8e-9c6f-1a2b3c4d5e6f",
               "created": "2024-10-30T10:00:00.000Z", "modified": "2024-10-30T10:00:00.000Z",
               "assessment": "plausible", "about_ref": report["id"],
               "object_marking_refs": [stix_markings.TLP_IDS[TLP.GREEN]]}
    report["x_partner_priority"] = "high"
    bundle["objects"].append(partner)
    read_back = read(bundle)
    kept = {o["id"]: o for o in read_back.objects}
    assert kept[partner["id"]] == partner
    assert kept[report["id"]]["x_partner_priority"] == "high"
    assert len(read_back.claims) == 5


def test_claims_chain_comes_from_relationships_when_source_refs_are_missing():
    bundle = build_bundle(export_set(), clock=clock())
    sent = next(o for o in objects_of(bundle, CLAIM_TYPE) if o["status"] == "sent"
                and o["value"] == 11000)
    names = {o["id"]: o["name"] for o in objects_of(bundle, "identity")}
    expected = [names[r] for r in sent["source_refs"]]
    read_back = read(bundle)  # as written, with the refs
    chain = next(ic for ic in read_back.claims if ic.stix_id == sent["id"]).claim.sources
    assert [s.name for s in chain] == expected
    # a partner's claim without source_refs/source_names: the relationships give the chain
    from intex.stix.importing_mapping import Reader
    stripped = {k: v for k, v in sent.items() if k not in ("source_refs", "source_names")}
    reader = Reader([stripped if o["id"] == sent["id"] else o for o in bundle["objects"]],
                    UNMARKED)
    assert [s.name for s in reader.sources(stripped, None)] == expected


@pytest.mark.parametrize(("ref", "tlp"), [(ref, tlp) for ref, tlp in TLP1_IDS.items()]
                         + [(OPENCTI_AMBER_STRICT, TLP.AMBER_STRICT)])
def test_tlp_1_0_and_opencti_ids_are_read(ref, tlp):
    bundle = build_bundle(export_set(), clock=clock())
    report = objects_of(bundle, "report")[0]
    report["object_marking_refs"] = [ref]
    assert read(bundle).reports[0].document.marking == Marking(tlp)


def test_tlp_1_0_ids_are_the_ones_stix2_knows():
    known = {v21.TLP_WHITE.id: TLP.CLEAR, v21.TLP_GREEN.id: TLP.GREEN,
             v21.TLP_AMBER.id: TLP.AMBER, v21.TLP_RED.id: TLP.RED}
    assert TLP1_IDS == known


def test_a_tlp_definition_in_the_bundle_is_read_by_what_it_says():
    bundle = build_bundle(export_set(), clock=clock())
    own = {"type": "marking-definition", "spec_version": "2.1",
           "id": "marking-definition--7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f",
           "created": "2024-01-01T00:00:00.000Z", "definition_type": "statement",
           "definition": {"statement": "custom"}, "name": "TLP:RED",
           "x_opencti_definition_type": "TLP", "x_opencti_definition": "TLP:RED"}
    bundle["objects"].append(own)
    objects_of(bundle, "report")[0]["object_marking_refs"] = [own["id"]]
    assert read(bundle).reports[0].document.marking == Marking(TLP.RED)


def test_an_unmarked_report_takes_the_unmarked_default():
    bundle = build_bundle(export_set(), clock=clock())
    del objects_of(bundle, "report")[0]["object_marking_refs"]
    assert read(bundle).reports[0].document.marking == UNMARKED == Marking(TLP.AMBER)
    assert read(bundle, unmarked=Marking(TLP.RED)).reports[0].document.marking == \
        Marking(TLP.RED)


def test_a_claim_without_markings_inherits_its_reports():
    bundle = build_bundle(export_set(), clock=clock())
    claim = next(o for o in objects_of(bundle, CLAIM_TYPE) if o["value"] == 10000)
    del claim["object_marking_refs"]
    got = next(ic for ic in read(bundle).claims if ic.stix_id == claim["id"])
    assert got.marking == Marking(TLP.GREEN)


def test_a_granular_marking_on_the_report_entry_is_never_loosened():
    bundle = build_bundle(export_set(), clock=clock())
    killed = next(o for o in objects_of(bundle, CLAIM_TYPE) if o["value"] == 200)
    killed["object_marking_refs"] = [stix_markings.TLP_IDS[TLP.GREEN]]  # claims to be GREEN
    got = next(ic for ic in read(bundle).claims if ic.stix_id == killed["id"])
    assert got.marking == Marking(TLP.RED)  # the report marks its entry RED


def test_releasability_statements_are_read():
    bundle = build_bundle(export_set(), clock=clock())
    rel = stix_markings.releasability_definition(("UKR", "KOR"), created_by=INTEX_IDENTITY_ID)
    bundle["objects"].append(rel)
    objects_of(bundle, "report")[0]["object_marking_refs"] = [
        stix_markings.TLP_IDS[TLP.AMBER], rel["id"]]
    assert read(bundle).reports[0].document.marking == Marking(TLP.AMBER, ("KOR", "UKR"))


def test_an_opencti_style_bundle_reads():
    """As OpenCTI exports: ``spec_version`` on the bundle, its property extension on every
    object (with ``granted_refs`` to organisations it does not export), its own SDO
    types, TLP 1.0 ids and its TLP:AMBER+STRICT."""
    octi = "extension-definition--ea279b3e-5c71-4632-ac08-831c66a786ba"
    org = "identity--7b82b010-b1c0-4dae-981f-7756374a17df"
    country = "location--5acd8b26-51c2-4608-86ed-e9edd43ad971"
    narrative = "narrative--0b7d3c4a-8f1e-4b2d-9c3a-7e6f5d4c3b2a"

    def ext(kind: str, extension_type: str = "property-extension") -> dict:
        return {octi: {"extension_type": extension_type, "type": kind,
                       "id": "c1f0a5b2-6f1e-4a6f-9d4e-2b3c4d5e6f70",
                       "created_at": "2024-10-30T10:00:00.000Z",
                       "granted_refs": ["identity--11111111-2222-4333-8444-555555555555"],
                       "is_inferred": False}}

    stamp = {"created": "2024-10-30T10:00:00.000Z", "modified": "2024-10-30T10:00:00.000Z",
             "spec_version": "2.1"}
    bundle = {"type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d",
              "spec_version": "2.1", "objects": [
                  {"type": "identity", "id": org, "name": "Main Directorate of Intelligence",
                   "identity_class": "organization", "x_opencti_organization_type": "csirt",
                   "extensions": ext("Organization"), **stamp},
                  {"type": "location", "id": country, "name": "North Korea", "country": "KP",
                   "x_opencti_location_type": "Country", "extensions": ext("Country"),
                   **stamp},
                  {"type": "narrative", "id": narrative, "name": "Troops for Kursk",
                   "created_by_ref": org, "object_marking_refs": [OPENCTI_AMBER_STRICT],
                   "extensions": ext("Narrative", "new-sdo"), **stamp},
                  {"type": "report", "id": "report--f2b63e80-b523-4747-a069-35c002c690db",
                   "name": "DPRK deployment update", "published": "2024-10-30T00:00:00.000Z",
                   "report_types": ["threat-report"], "created_by_ref": org,
                   "object_refs": [narrative, country],
                   "object_marking_refs": [TLP1_IDS_BY_TLP[TLP.AMBER]],
                   "x_opencti_reliability": "B", "extensions": ext("Report"), **stamp},
              ]}
    read_back = read(bundle)
    assert len(read_back.objects) == 4
    [report] = read_back.reports
    assert report.document.marking == Marking(TLP.AMBER)
    assert report.document.title == "DPRK deployment update"
    assert [e.name for e in read_back.entities] == ["North Korea"]  # the org only authors
    assert read_back.claims == ()


TLP1_IDS_BY_TLP = {tlp: ref for ref, tlp in TLP1_IDS.items()}


def test_the_import_section_documents_every_limit():
    text = DOCS.read_text()
    assert "## Import" in text
    for field in dataclasses.fields(Limits):
        assert f"`{field.name}`" in text, field.name
        assert f"{field.default:,}".replace(",", "_") in text or f"{field.default:,}" in text


def test_documented_limits_are_what_the_code_says():
    limits = Limits()
    assert (limits.max_bytes, limits.max_objects, limits.max_depth, limits.max_string,
            limits.max_list) == (50_000_000, 200_000, 20, 1_000_000, 100_000)


def test_a_bundle_intex_wrote_is_within_the_default_limits_with_room():
    text = dumps(build_bundle(export_set(), clock=clock())).encode()
    from intex.stix.importing_json import nesting_depth
    assert nesting_depth(text) == 6 < Limits().max_depth
    assert json.loads(text)["type"] == "bundle"
