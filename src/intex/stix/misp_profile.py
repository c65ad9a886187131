"""The MISP profile of an export: claims written in core STIX 2.1 only.

MISP's converter (misp-stix) cannot load an object type declared by an extension
definition, so a default bundle reaches MISP without its claims (docs/stix.md, "intex →
MISP"). This profile rewrites a bundle so that every claim travels as the ``note`` intex
already writes beside it, made complete:

- the note's ``content`` carries the claim's one-sentence statement and then each field:
  figure (and range), unit, subject, status, where, when, modality, the source chain, the
  Admiralty grade and STIX confidence, and the evidence sentence from the report;
- it points (``object_refs``) at the report and at the claim's sources, so MISP attaches
  it to the event and to each source's object;
- the ``attributed-claim`` objects and their relationships are left out, and so is the
  extension definition; the report's ``object_refs`` (and their granular markings) lose
  the entries for them; an analyst's opinion or correction note about a claim points at
  the same objects as the claim's note.

Each note keeps the claim's marking. Nothing else changes.
"""

from __future__ import annotations

from typing import Any

from intex.stix.claim_extension import CLAIM_TYPE, EXTENSION_ID
from intex.stix.visibility import without_entries

PROFILES = ("stix", "misp")


def misp_profile(bundle: dict[str, Any]) -> dict[str, Any]:
    """``bundle`` with its claims as complete notes (see the module docstring)."""
    from intex.stix.bundle import bundle_of

    objects: list[dict[str, Any]] = bundle.get("objects", [])
    claims = {o["id"]: o for o in objects if o.get("type") == CLAIM_TYPE}
    names = {o["id"]: str(o.get("name", "")) for o in objects if "name" in o}
    gone = set(claims) | {o["id"] for o in objects if o.get("type") == "relationship" and (
        o.get("source_ref") in claims or o.get("target_ref") in claims)}
    gone.add(EXTENSION_ID)
    out: list[dict[str, Any]] = []
    for obj in objects:
        if obj["id"] in gone:
            continue
        about = [r for r in obj.get("object_refs", []) if r in claims] \
            if obj.get("type") in ("note", "opinion") else []
        if about:
            claim = claims[about[0]]
            obj = {**obj, "object_refs": _anchors(claim, objects)}
            if obj["type"] == "note" and str(obj.get("abstract", "")).startswith("Claim: "):
                obj["content"] = _content(claim, str(obj.get("content", "")), names)
        elif obj.get("type") == "report":
            drop = {i for i, r in enumerate(obj.get("object_refs", [])) if r in gone}
            if drop:
                obj = without_entries(obj, "object_refs", drop)
        out.append(obj)
    return bundle_of(out)


def _anchors(claim: dict[str, Any], objects: list[dict[str, Any]]) -> list[str]:
    held = {o["id"] for o in objects}
    refs = [claim["report_ref"], *claim.get("source_refs", [])]
    return [r for r in dict.fromkeys(refs) if r in held]


def _content(claim: dict[str, Any], sentence: str, names: dict[str, str]) -> str:
    value = _number(claim["value"])
    if "value_max" in claim:
        value += f" to {_number(claim['value_max'])}"
    if claim.get("approx"):
        value = f"about {value}"
    if claim.get("vague"):
        value += " (a quantity in words, read as this)"
    chain = " > ".join(claim.get("source_names") or [names.get(r, r)
                                                      for r in claim.get("source_refs", [])])
    lines = [sentence, "", f"Figure: {value}"]
    for label, key in (("Unit", "unit"), ("Subject", "subject"), ("Status", "status"),
                       ("Where", "location"), ("When", "date"), ("Modality", "modality")):
        if claim.get(key) not in (None, ""):
            lines.append(f"{label}: {claim[key]}")
    lines.append(f"Sources (original first): {chain}")
    grade = f"Admiralty: {claim.get('admiralty', 'F6')}"
    if "confidence" in claim:
        grade += f" (STIX confidence {claim['confidence']})"
    lines.append(grade)
    evidence = claim.get("evidence") or {}
    if evidence.get("text"):
        lines.append(f'Evidence: "{evidence["text"]}"')
    lines.append(f"intex claim: {claim['id']}")
    return "\n".join(lines)


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"
