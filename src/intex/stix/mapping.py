"""One intex model object → one STIX 2.1 object (a plain dict), through stix2.

Each builder takes everything it writes as arguments: ids, times and markings are
decided by :mod:`intex.stix.bundle`, which knows the whole export; these functions only
know how one kind of object is spelled in STIX.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from stix2 import v21

from intex.model import Claim, Document, Entity, Review, ReviewState
from intex.stix import claim_extension, ids, sentence
from intex.stix.serialize import to_dict

#: relationship types intex uses; the first and last are its own (see docs/stix.md)
ATTRIBUTED_TO = "attributed-to"  # claim → the party that originally asserted it
RELAYED_BY = "relayed-by"        # claim → a party that passed it on (chain order)
CONCERNS = "concerns"            # claim → the actor its subject belongs to
LOCATED_AT = "located-at"        # claim → where it happens

IDENTITY_CLASS = {"PERSON": "individual", "ORG": "organization", "FORCE": "group"}
SOURCE_KIND_CLASS = {"person": "individual", "organization": "organization",
                     "government": "organization", "outlet": "organization",
                     "anonymous": "unknown"}
PLACE_TYPES = ("GPE", "LOC")
OPINION = {ReviewState.ACCEPTED: "agree", ReviewState.REJECTED: "strongly-disagree"}


def common(stix_id: str, created: datetime, modified: datetime, created_by: str,
           marking_refs: Sequence[str]) -> dict[str, Any]:
    return {"id": stix_id, "created": created, "modified": modified,
            "created_by_ref": created_by, "object_marking_refs": list(marking_refs)}


def entity_object(entity: Entity, base: dict[str, Any]) -> dict[str, Any] | None:
    """A place → ``location`` (when it has a country code or coordinates); a person,
    body or force → ``identity``. None when STIX cannot say it (a place with neither)."""
    if entity.type in PLACE_TYPES:
        where: dict[str, Any] = {}
        if entity.country:
            where["country"] = entity.country.upper()
        if entity.lat is not None and entity.lon is not None:
            where.update(latitude=entity.lat, longitude=entity.lon)
        if not where:
            return None
        return to_dict(v21.Location(
            **{**base, "id": ids.entity_location_id(entity.id)}, name=entity.name, **where))
    identity_class = IDENTITY_CLASS.get(entity.type, "unknown")
    extra: dict[str, Any] = {}
    if entity.kind in ("government", "agency"):
        extra["sectors"] = ["government"]
    return to_dict(v21.Identity(**{**base, "id": ids.entity_identity_id(entity.id)},
                                name=entity.name, identity_class=identity_class, **extra))


def mappable(entity: Entity) -> bool:
    """STIX needs a country code or coordinates to say where a place is."""
    return entity.type not in PLACE_TYPES or bool(entity.country) or (
        entity.lat is not None and entity.lon is not None)


def entity_stix_id(entity: Entity) -> str:
    if entity.type in PLACE_TYPES:
        return ids.entity_location_id(entity.id)
    return ids.entity_identity_id(entity.id)


def outlet_identity(site: str, base: dict[str, Any]) -> dict[str, Any]:
    return to_dict(v21.Identity(**{**base, "id": ids.outlet_id(site)}, name=site,
                                identity_class="organization",
                                description="News outlet that published the report."))


def source_identity(stix_id: str, name: str, kind: str | None,
                    base: dict[str, Any]) -> dict[str, Any]:
    """A party the gazetteer does not know, named as the report names it."""
    return to_dict(v21.Identity(
        **{**base, "id": stix_id}, name=name,
        identity_class=SOURCE_KIND_CLASS.get(kind or "", "unknown"),
        description="Source named in a report; not a known entity."))


def producer_identity(name: str, created: datetime) -> dict[str, Any]:
    return to_dict(v21.Identity(
        id=ids.producer_id(name), created=created, modified=created, name=name,
        identity_class="organization",
        description="The intex node that produced these objects.",
        created_by_ref=claim_extension.INTEX_IDENTITY_ID))


def report_object(doc: Document, base: dict[str, Any], object_refs: list[str],
                  granular: list[dict[str, Any]], n_claims: int) -> dict[str, Any]:
    published = doc.published or base["created"].date()
    description = f"News report{' from ' + doc.site if doc.site else ''}"
    description += (f", published {doc.published.isoformat()}" if doc.published
                    else ", publication date unknown")
    description += f"; intex took {n_claims} attributed claim{'s' * (n_claims != 1)} from it."
    ref: dict[str, Any] = {
        "source_name": doc.site or "intex",
        "hashes": {"SHA-256": doc.content_hash},
        "description": "SHA-256 of the report's cleaned text, white space folded "
                       "(intex content_hash); claim evidence offsets point into that text.",
    }
    if doc.url:
        ref["url"] = doc.url
    else:
        ref["external_id"] = doc.id
    extra: dict[str, Any] = {"granular_markings": granular} if granular else {}
    if doc.language:
        extra["lang"] = doc.language
    return to_dict(v21.Report(
        **base, name=doc.title or doc.url or doc.id, description=description,
        published=_midnight(published), object_refs=object_refs,
        external_references=[ref], **extra))


def claim_object(claim: Claim, base: dict[str, Any], *, report_ref: str,
                 source_refs: list[str], admiralty: str, confidence: int | None,
                 lang: str | None) -> dict[str, Any]:
    return claim_extension.claim_object(
        **base, name=sentence.label(claim), value=claim.value, value_max=claim.value_max,
        approx=claim.approx, vague=claim.vague, unit=claim.unit, subject=claim.subject,
        status=claim.status, location=claim.location, date=claim.date,
        modality=claim.modality, evidence=claim.evidence.to_json(),
        source_names=[s.name for s in claim.sources], source_refs=source_refs,
        report_ref=report_ref, admiralty=admiralty, confidence=confidence, lang=lang)


def relationship(relationship_type: str, source: str, target: str, base: dict[str, Any],
                 description: str | None = None) -> dict[str, Any]:
    extra = {"description": description} if description else {}
    return to_dict(v21.Relationship(
        **{**base, "id": ids.relationship_id(relationship_type, source, target)},
        relationship_type=relationship_type, source_ref=source, target_ref=target, **extra))


def companion_note(claim: Claim, claim_ref: str, base: dict[str, Any],
                   lang: str | None) -> dict[str, Any]:
    extra = {"lang": lang} if lang else {}
    return to_dict(v21.Note(
        **{**base, "id": ids.note_id("statement", claim_ref)},
        abstract=f"Claim: {sentence.label(claim)}", content=sentence.sentence(claim),
        object_refs=[claim_ref], **extra))


def review_opinion(review: Review, claim_ref: str, base: dict[str, Any]) -> dict[str, Any]:
    extra: dict[str, Any] = {}
    if review.note:
        extra["explanation"] = review.note
    if review.reviewer:
        extra["authors"] = [review.reviewer]
    return to_dict(v21.Opinion(
        **{**base, "id": ids.opinion_id(claim_ref)}, opinion=OPINION[review.state],
        object_refs=[claim_ref], **extra))


def correction_note(review: Review, claim_ref: str, base: dict[str, Any],
                    changes: Sequence[tuple[str, object]]) -> dict[str, Any]:
    who = review.reviewer or "An analyst"
    when = f" on {review.at.astimezone(UTC).date().isoformat()}" if review.at else ""
    listed = "; ".join(f"{field} is now {_show(value)}" for field, value in changes)
    content = f"{who} corrected this claim{when}: {listed or 'no field given'}."
    if review.note:
        content += f" Reason: {review.note}"
    extra = {"authors": [review.reviewer]} if review.reviewer else {}
    return to_dict(v21.Note(
        **{**base, "id": ids.note_id("correction", claim_ref)},
        abstract="Analyst correction", content=content, object_refs=[claim_ref], **extra))


def _show(value: object) -> str:
    if isinstance(value, list | tuple):
        return " ← ".join(str(v) for v in value)
    return str(value)


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)
