"""The export as a partner sees it: valid STIX 2.1 by the official OASIS validator, the
same bytes for the same ledger, markings where they belong."""

from __future__ import annotations

import dataclasses
import json
import re
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import jsonschema
import pytest
from stix2validator import ValidationOptions, validate_instance

from intex.model import TLP, Document, Marking
from intex.stix import ExportError, ExportSet, build_bundle, dumps, validate
from intex.stix import markings as stix_markings
from intex.stix.claim_extension import (
    CLAIM_TYPE,
    EXTENSION_ID,
    INTEX_IDENTITY_ID,
    schema,
)
from intex.stix.validation import schema_dir
from tests.stix.ledger import NOW, RECORDED, REVIEWED, clock, correction, export_set

DOCS = Path(__file__).resolve().parents[2] / "docs" / "stix.md"
#: validator warning codes docs/stix.md answers; a new one fails here until it is documented
DOCUMENTED_WARNINGS = {"103", "202"}


def by_type(bundle: dict, kind: str) -> list[dict]:
    return [o for o in bundle["objects"] if o["type"] == kind]


def one(bundle: dict, kind: str, **match: object) -> dict:
    found = [o for o in by_type(bundle, kind) if all(o.get(k) == v for k, v in match.items())]
    assert len(found) == 1, (kind, match, len(found))
    return found[0]


def claim_by_value(bundle: dict, value: int) -> dict:
    return one(bundle, CLAIM_TYPE, value=value, status={11000: "sent"}.get(value)) \
        if value == 11000 else one(bundle, CLAIM_TYPE, value=value)


def official(bundle: dict):
    """The OASIS validator as a partner would run it, with intex's schema for the claim."""
    options = ValidationOptions(version="2.1", schema_dir=schema_dir(), enforce_refs=True)
    return validate_instance(bundle, options)


def corrected_set() -> ExportSet:
    plain = export_set()
    sent = plain.claims[0]
    return dataclasses.replace(plain, claims=(
        dataclasses.replace(sent, review=correction(sent.claim.id or "")), *plain.claims[1:]))


def bare_set() -> ExportSet:
    """A report with nothing optional: no URL, site, date, language; no entities."""
    plain = export_set()
    doc = Document(id="report-from-stdin", text="x", content_hash="0" * 64,
                   marking=Marking(TLP.AMBER_STRICT))
    claims = tuple(dataclasses.replace(ec, report_id=doc.id) for ec in plain.claims)
    return ExportSet(documents=(doc,), claims=claims)


VARIANTS = {
    "plain": lambda: build_bundle(export_set(), clock=clock()),
    "corrected": lambda: build_bundle(corrected_set(), clock=clock()),
    "node": lambda: build_bundle(export_set(), clock=clock(), producer_name="intex kyiv"),
    "bare": lambda: build_bundle(bare_set(), clock=clock()),
    "empty": lambda: build_bundle(ExportSet(documents=(export_set().documents[0],)),
                                  clock=clock()),
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_every_bundle_passes_the_official_validator(variant):
    bundle = VARIANTS[variant]()
    result = official(bundle)
    assert result.errors == [], [str(e) for e in result.errors]
    assert result.is_valid
    codes = {m.group(1) for w in result.warnings for m in [re.search(r"\{(\d+)\}", str(w))] if m}
    assert codes <= DOCUMENTED_WARNINGS, codes
    assert validate(bundle).ok


def test_the_validator_holds_claims_to_the_repo_schema():
    bundle = VARIANTS["plain"]()
    broken = json.loads(json.dumps(bundle))
    by_type(broken, CLAIM_TYPE)[0]["admiralty"] = "G7"
    errors = [str(e) for e in official(broken).errors]
    assert any("admiralty" in e for e in errors), errors
    assert not validate(broken).ok


def test_claim_objects_match_the_schema_kept_in_the_repo():
    bundle = VARIANTS["corrected"]()
    validator = jsonschema.Draft202012Validator(schema())
    claims = by_type(bundle, CLAIM_TYPE)
    assert len(claims) == 5
    for obj in claims:
        assert list(validator.iter_errors(obj)) == []


def test_documented_warnings_are_in_the_docs():
    text = DOCS.read_text()
    for code in DOCUMENTED_WARNINGS:
        assert f"{{{code}}}" in text


def test_same_ledger_same_clock_same_bytes():
    first = dumps(build_bundle(export_set(), clock=clock()))
    again = dumps(build_bundle(export_set(), clock=clock()))
    shuffled = export_set()
    shuffled = dataclasses.replace(shuffled, claims=shuffled.claims[::-1],
                                   entities=shuffled.entities[::-1],
                                   mentions=shuffled.mentions[::-1])
    assert again == first
    assert dumps(build_bundle(shuffled, clock=clock())) == first
    assert json.loads(first)["id"].startswith("bundle--")


def test_the_clock_only_fills_in_times_the_ledger_does_not_know():
    every = export_set()
    known = {ec.claim.id or "": RECORDED for ec in every.claims} | dict(every.recorded) | {
        e.id: RECORDED for e in every.entities}
    every = dataclasses.replace(every, recorded=known)
    early = dumps(build_bundle(every, clock=clock(NOW)))
    late = dumps(build_bundle(every, clock=clock(datetime(2030, 1, 1, tzinfo=UTC))))
    assert early == late
    unknown = dataclasses.replace(every, recorded={})
    stamped = build_bundle(unknown, clock=clock(NOW))
    assert one(stamped, "report")["created"] == "2024-11-02T09:30:00.000Z"


def test_a_naive_clock_is_refused():
    with pytest.raises(ExportError):
        build_bundle(export_set(), clock=lambda: datetime(2024, 11, 2))


def test_a_claim_whose_report_is_missing_is_refused():
    plain = export_set()
    with pytest.raises(ExportError, match="report"):
        build_bundle(dataclasses.replace(plain, documents=()), clock=clock())


def test_ids_are_uuid5_derived_from_intex_ids():
    plain = export_set()
    bundle = build_bundle(plain, clock=clock())
    doc = plain.documents[0]
    assert one(bundle, "report")["id"] == doc.id  # intex's report id already is a STIX id
    sent = plain.claims[0].claim
    stix_claim = claim_by_value(bundle, 11000)
    assert stix_claim["id"] == f"{CLAIM_TYPE}--{sent.id.removeprefix('claim--')}"
    uuids = [o["id"].split("--")[1] for o in bundle["objects"]]
    assert len(uuids) == len(set(uuids)), "a UUID part is reused across objects"
    official_tlp = set(stix_markings.TLP_IDS.values())
    for o in bundle["objects"]:
        if o["id"] not in official_tlp:
            assert uuid.UUID(o["id"].split("--")[1]).version == 5, o["id"]
            assert not o["id"].endswith("00abedb4-aa42-466c-9c01-fed23315a9b7")


def test_a_corrected_claim_is_a_new_version_of_the_same_object():
    before = build_bundle(export_set(), clock=clock())
    after = build_bundle(corrected_set(), clock=clock())
    old, new = claim_by_value(before, 11000), one(after, CLAIM_TYPE, value=12000)
    assert new["id"] == old["id"]
    assert new["created"] == old["created"] == "2024-10-29T18:00:00.000Z"
    assert new["modified"] > old["modified"]
    assert new["modified"] == "2024-10-30T08:15:00.000Z"  # when the analyst corrected it
    assert (old["status"], new["status"]) == ("sent", "deployed")
    note = one(after, "note", abstract="Analyst correction")
    assert note["object_refs"] == [new["id"]]
    assert "value is now 12000" in note["content"] and "status is now deployed" in note["content"]
    statement = one(after, "note", object_refs=[new["id"]], abstract=f"Claim: {new['name']}")
    assert "about 12,000 North Korean soldiers were deployed" in statement["content"]
    report_before, report_after = one(before, "report"), one(after, "report")
    assert report_after["id"] == report_before["id"]
    assert report_after["modified"] >= new["modified"]


def test_a_rejected_claim_gets_an_opinion():
    bundle = build_bundle(export_set(), clock=clock())
    denied = one(bundle, CLAIM_TYPE, modality="denied")
    opinion = one(bundle, "opinion")
    assert opinion["object_refs"] == [denied["id"]]
    assert opinion["opinion"] == "strongly-disagree"
    assert opinion["authors"] == ["analyst1"]
    assert opinion["created"] == REVIEWED.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def test_tlp_markings_are_the_official_oasis_objects():
    bundle = build_bundle(export_set(), clock=clock())
    defs = {o["id"]: o for o in by_type(bundle, "marking-definition")}
    green = defs["marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"]
    assert green == {
        "type": "marking-definition", "spec_version": "2.1",
        "id": "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
        "created": "2022-10-01T00:00:00.000Z", "name": "TLP:GREEN",
        "extensions": {"extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d": {
            "extension_type": "property-extension", "tlp_2_0": "green"}}}
    assert defs["marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"]["name"] == "TLP:RED"
    assert defs["marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"]["name"] == "TLP:AMBER"


def test_every_object_but_marking_definitions_carries_exactly_one_tlp():
    bundle = build_bundle(export_set(), clock=clock())
    tlp_ids = set(stix_markings.TLP_IDS.values())
    for o in bundle["objects"]:
        if o["type"] == "marking-definition":
            continue
        refs = o.get("object_marking_refs", [])
        assert len([r for r in refs if r in tlp_ids]) == 1, o["id"]


def test_claims_carry_their_own_marking_and_the_report_its_own():
    bundle = build_bundle(export_set(), clock=clock())
    green, amber, red = (stix_markings.TLP_IDS[t] for t in (TLP.GREEN, TLP.AMBER, TLP.RED))
    rel_kor = stix_markings.releasability_definition(("KOR",), created_by=INTEX_IDENTITY_ID)
    assert one(bundle, "report")["object_marking_refs"] == [green]
    assert one(bundle, CLAIM_TYPE, value=3000)["object_marking_refs"] == [amber, rel_kor["id"]]
    killed = one(bundle, CLAIM_TYPE, value=200)
    assert killed["object_marking_refs"] == [red]
    for kind in ("relationship", "note"):
        for o in by_type(bundle, kind):
            if killed["id"] in (o.get("source_ref"), *o.get("object_refs", [])):
                assert o["object_marking_refs"] == [red], o["id"]
    assert one(bundle, "marking-definition", id=rel_kor["id"]) == rel_kor
    assert rel_kor["definition"] == {"statement": "REL TO KOR"}


def test_a_claim_more_restricted_than_its_report_is_marked_granularly_there():
    bundle = build_bundle(export_set(), clock=clock())
    report = one(bundle, "report")
    refs = report["object_refs"]
    selectors = {g["marking_ref"]: set(g["selectors"]) for g in report["granular_markings"]}
    red = stix_markings.TLP_IDS[TLP.RED]
    amber = stix_markings.TLP_IDS[TLP.AMBER]
    killed = one(bundle, CLAIM_TYPE, value=200)["id"]
    nis = one(bundle, CLAIM_TYPE, value=3000)["id"]
    assert f"object_refs.[{refs.index(killed)}]" in selectors[red]
    assert f"object_refs.[{refs.index(nis)}]" in selectors[amber]
    rel_kor = stix_markings.releasability_definition(("KOR",), created_by=INTEX_IDENTITY_ID)
    assert f"object_refs.[{refs.index(nis)}]" in selectors[rel_kor["id"]]
    marked = set().union(*selectors.values())
    for o in by_type(bundle, CLAIM_TYPE):
        if o["object_marking_refs"] == report["object_marking_refs"]:
            assert f"object_refs.[{refs.index(o['id'])}]" not in marked
    # the anonymous officer is named only by the RED claim, so his identity is RED too
    officer = one(bundle, "identity", name="a Ukrainian officer")
    assert officer["object_marking_refs"] == [red]
    assert f"object_refs.[{refs.index(officer['id'])}]" in selectors[red]


def test_no_granular_marking_when_the_claim_is_no_more_restricted():
    plain = build_bundle(export_set(red_marking=Marking(TLP.GREEN)), clock=clock())
    report = one(plain, "report")
    marked = {s for g in report.get("granular_markings", []) for s in g["selectors"]}
    killed = one(plain, CLAIM_TYPE, value=200)["id"]
    assert f"object_refs.[{report['object_refs'].index(killed)}]" not in marked


def test_shared_identities_take_the_least_restricted_marking_of_what_names_them():
    bundle = build_bundle(export_set(), clock=clock())
    outlet = one(bundle, "identity", name="example-news.org")
    assert outlet["object_marking_refs"] == [stix_markings.TLP_IDS[TLP.GREEN]]
    assert outlet["identity_class"] == "organization"


def test_report_carries_publication_url_hash_and_everything_it_yields():
    plain = export_set()
    bundle = build_bundle(plain, clock=clock())
    report = one(bundle, "report")
    doc = plain.documents[0]
    assert report["published"] == "2024-10-29T00:00:00Z"
    assert report["name"] == doc.title
    [ref] = report["external_references"]
    assert ref["url"] == doc.url and ref["hashes"] == {"SHA-256": doc.content_hash}
    definitions = {"marking-definition", "extension-definition"}
    yielded = {o["id"] for o in bundle["objects"]
               if o["type"] not in definitions | {"report"} and not o["id"].startswith(
                   ("identity--20217a82",))}
    assert set(report["object_refs"]) == yielded
    assert report["object_refs"] == sorted(report["object_refs"])


def test_sources_become_relationships_in_chain_order():
    bundle = build_bundle(export_set(), clock=clock())
    sent = claim_by_value(bundle, 11000)
    names = {o["id"]: o["name"] for o in by_type(bundle, "identity") + by_type(bundle, "location")}
    assert [names[r] for r in sent["source_refs"]] == [
        "Kyrylo Budanov", "Main Directorate of Intelligence (Ukraine)", "example-news.org"]
    rels = {(o["relationship_type"], names[o["target_ref"]]): o
            for o in by_type(bundle, "relationship") if o["source_ref"] == sent["id"]}
    assert set(rels) == {
        ("attributed-to", "Kyrylo Budanov"),
        ("relayed-by", "Main Directorate of Intelligence (Ukraine)"),
        ("relayed-by", "example-news.org"),
        ("concerns", "North Korea"),
        ("located-at", "Russia"),
    }
    assert rels[("relayed-by", "example-news.org")]["description"].startswith("Source 3 of 3")


def test_entities_become_identities_and_locations():
    bundle = build_bundle(export_set(), clock=clock())
    assert one(bundle, "identity", name="Kyrylo Budanov")["identity_class"] == "individual"
    hur = one(bundle, "identity", name="Main Directorate of Intelligence (Ukraine)")
    assert (hur["identity_class"], hur["sectors"]) == ("organization", ["government"])
    assert one(bundle, "identity", name="Korean People's Army")["identity_class"] == "group"
    kursk = one(bundle, "location", name="Kursk")
    assert (kursk["country"], kursk["latitude"], kursk["longitude"]) == ("RU", 51.7304, 36.1926)
    assert one(bundle, "location", name="North Korea")["country"] == "KP"
    assert [o for o in bundle["objects"] if o.get("name") == "the front"] == []


def test_the_extension_definition_is_fixed():
    a = build_bundle(export_set(), clock=clock())
    b = build_bundle(bare_set(), clock=clock(datetime(2031, 5, 5, tzinfo=UTC)),
                     producer_name="intex seoul")
    ext_a, ext_b = one(a, "extension-definition"), one(b, "extension-definition")
    assert ext_a == ext_b
    assert ext_a["id"] == EXTENSION_ID
    assert ext_a["extension_types"] == ["new-sdo"]
    assert ext_a["created_by_ref"] == INTEX_IDENTITY_ID == one(a, "identity", name="intex")["id"]
    for claim in by_type(a, CLAIM_TYPE):
        assert claim["extensions"] == {EXTENSION_ID: {"extension_type": "new-sdo"}}
    node = one(b, "identity", name="intex seoul")
    assert {o["created_by_ref"] for o in by_type(b, CLAIM_TYPE)} == {node["id"]}


def test_a_report_without_metadata_still_exports():
    bundle = build_bundle(bare_set(), clock=clock())
    report = one(bundle, "report")
    assert report["published"] == "2024-11-02T00:00:00Z"
    assert report["external_references"][0]["external_id"] == "report-from-stdin"
    assert "publication date unknown" in report["description"]
    assert report["object_marking_refs"] == [stix_markings.TLP_IDS[TLP.AMBER_STRICT]]
    red = one(bundle, CLAIM_TYPE, value=200)
    assert red["object_marking_refs"] == [stix_markings.TLP_IDS[TLP.RED]]
    inherited = one(bundle, CLAIM_TYPE, value=10000)
    assert inherited["object_marking_refs"] == report["object_marking_refs"]
    # AMBER REL TO KOR inside AMBER+STRICT: the entry gets what both allow
    nis = one(bundle, CLAIM_TYPE, value=3000)["id"]
    at = f"object_refs.[{report['object_refs'].index(nis)}]"
    on_entry = {g["marking_ref"] for g in report["granular_markings"] if at in g["selectors"]}
    rel_kor = stix_markings.releasability_definition(("KOR",), created_by=INTEX_IDENTITY_ID)
    assert on_entry == {stix_markings.TLP_IDS[TLP.AMBER_STRICT], rel_kor["id"]}


def test_published_is_taken_from_the_document():
    plain = export_set()
    doc = dataclasses.replace(plain.documents[0], published=date(2024, 10, 30))
    bundle = build_bundle(dataclasses.replace(plain, documents=(doc,)), clock=clock())
    assert one(bundle, "report")["published"] == "2024-10-30T00:00:00Z"
