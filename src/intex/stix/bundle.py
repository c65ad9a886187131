"""An export set of model objects → one STIX 2.1 bundle, the same bytes every time.

Times: an object's ``created`` is when the ledger first recorded it
(``ExportSet.recorded``), else the injected clock's time; ``modified`` moves only when the
content does (an analyst's correction, at ``Review.at``). Ids come from
:mod:`intex.stix.ids`. Objects are emitted sorted (definitions first, then by type and id)
and lists inside them are sorted, so the same export set and clock give a byte-identical
bundle under ``json.dumps(sort_keys=True)`` (:func:`intex.stix.serialize.dumps`).

Markings: a report carries its document's marking; a claim its own (or its report's)
and so do the relationships, notes and opinions made for it; an identity or location
shared by several of them the least restrictive of theirs (it names, in its own words,
only what each of them already says). Where a report lists an object that is more
restricted than the report, the report marks that ``object_refs`` entry with a granular
marking.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from intex.errors import ExportError
from intex.model import (
    Claim,
    Document,
    Entity,
    Marking,
    Review,
    ReviewState,
    SourceRef,
    apply_corrections,
)
from intex.model import ids as model_ids
from intex.stix import claim_extension, confidence, ids, mapping, markings

Clock = Callable[[], datetime]

#: when an intex node's own identity was first defined; fixed so it never moves
PRODUCER_CREATED = claim_extension.EXTENSION_CREATED
ORDER = ("identity", "extension-definition", "marking-definition", "report", "location",
         "attributed-claim", "relationship", "note", "opinion")


@dataclass(frozen=True, slots=True)
class ExportClaim:
    """A claim as the ledger holds it, with what the export needs to know around it."""

    claim: Claim
    report_id: str
    marking: Marking | None = None  # None: the report's marking
    grades: Mapping[str, str] = field(default_factory=dict)  # source name or entity id → A–F
    review: Review | None = None
    actor_id: str | None = None  # entity whose forces/people the subject counts
    location_id: str | None = None  # entity for claim.location; else matched by name


@dataclass(frozen=True, slots=True)
class ExportSet:
    documents: tuple[Document, ...]
    entities: tuple[Entity, ...] = ()
    claims: tuple[ExportClaim, ...] = ()
    #: (document id, entity id): the report names that entity
    mentions: tuple[tuple[str, str], ...] = ()
    #: intex id (document, claim, entity) → when the ledger first recorded it
    recorded: Mapping[str, datetime] = field(default_factory=dict)


def build_bundle(export_set: ExportSet, *, clock: Clock,
                 producer_name: str = "intex") -> dict[str, Any]:
    claim_extension.register()
    return _Builder(export_set, _utc(clock()), producer_name).build()


def corrected(claim: Claim, review: Review | None) -> tuple[Claim, list[tuple[str, object]]]:
    """The claim with an analyst's corrections applied, and the changes as applied."""
    if review is None or review.state is not ReviewState.CORRECTED:
        return claim, []
    return apply_corrections(claim, ((name, json.loads(raw))
                                     for name, raw in review.corrections))


class _Builder:
    def __init__(self, export_set: ExportSet, now: datetime, producer_name: str) -> None:
        self.s = export_set
        self.now = now
        self.producer = ids.producer_id(producer_name)
        self.producer_name = producer_name
        self.docs = {d.id: d for d in export_set.documents}
        self.entities = {e.id: e for e in export_set.entities}
        self.objects: dict[str, dict[str, Any]] = {}
        self.marks: dict[str, Marking] = {}  # marking of each claim-derived/report object
        self.shared: dict[str, list[Marking]] = defaultdict(list)  # referrers' markings
        self.shared_make: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {}
        self.shared_time: dict[str, datetime] = {}
        self.report_refs: dict[str, set[str]] = defaultdict(set)
        self.report_modified: dict[str, datetime] = {}
        self.n_claims: dict[str, int] = defaultdict(int)
        self.releasability: dict[str, tuple[str, ...]] = {}

    # -- times -------------------------------------------------------------------------

    def created(self, intex_id: str | None) -> datetime:
        at = self.s.recorded.get(intex_id) if intex_id else None
        return _utc(at) if at else self.now

    def base(self, stix_id: str, created: datetime, modified: datetime,
             marking: Marking) -> dict[str, Any]:
        return mapping.common(stix_id, created, modified, self.producer, self.refs(marking))

    def refs(self, marking: Marking) -> list[str]:
        """``object_marking_refs`` for ``marking``, remembering which definitions to emit."""
        if marking.releasable_to:
            codes = markings.canonical_countries(marking.releasable_to)
            self.releasability[ids.releasability_id(codes)] = codes
        return markings.marking_refs(marking)

    # -- the walk ----------------------------------------------------------------------

    def build(self) -> dict[str, Any]:
        for ec in self.s.claims:
            if ec.report_id not in self.docs:
                raise ExportError("its report is not in the export set",
                                  subject=ec.claim.id or ec.report_id)
        for doc in self.s.documents:
            self.report_modified[doc.id] = self.created(doc.id)
            if doc.site:
                self.share_outlet(doc.site, doc.marking, doc.id)
        for doc_id, entity_id in sorted(set(self.s.mentions)):
            if doc_id in self.docs and entity_id in self.entities:
                ref = self.share_entity(self.entities[entity_id], self.docs[doc_id].marking)
                if ref:
                    self.report_refs[doc_id].add(ref)
        for ec in self.s.claims:
            self.add_claim(ec)
        for ref, referrers in self.shared.items():
            marking = markings.least_restricted(referrers)
            self.marks[ref] = marking
            at = self.shared_time.get(ref, self.now)
            self.put(self.shared_make[ref](self.base(ref, at, at, marking)))
        for doc in self.s.documents:
            self.add_report(doc)
        self.add_definitions()
        return bundle_of(sorted(self.objects.values(), key=_order))

    def put(self, obj: dict[str, Any]) -> None:
        self.objects[obj["id"]] = obj

    def share(self, ref: str, marking: Marking, at: datetime,
              make: Callable[[dict[str, Any]], dict[str, Any]]) -> str:
        self.shared[ref].append(marking)
        self.shared_make[ref] = make
        self.shared_time[ref] = min(at, self.shared_time.get(ref, at))
        return ref

    def share_outlet(self, site: str, marking: Marking, doc_id: str) -> str:
        ref = ids.outlet_id(site)
        self.report_refs[doc_id].add(ref)
        return self.share(ref, marking, self.created(doc_id),
                          lambda base: mapping.outlet_identity(site, base))

    def share_entity(self, entity: Entity, marking: Marking) -> str | None:
        if not mapping.mappable(entity):
            return None
        return self.share(mapping.entity_stix_id(entity), marking, self.created(entity.id),
                          lambda base: mapping.entity_object(entity, base) or {})

    def source_ref(self, source: SourceRef, doc: Document, marking: Marking,
                   at: datetime) -> str:
        entity = self.entities.get(source.entity_id or "")
        if entity is not None:
            ref = self.share_entity(entity, marking)
            if ref:
                return ref
        if doc.site and (source.kind == "outlet" or source.name.lower() == doc.site.lower()):
            return self.share_outlet(doc.site, marking, doc.id)
        ref = ids.unlinked_source_id(doc.id, source.name)
        return self.share(ref, marking, at, lambda base: mapping.source_identity(
            ref, source.name, source.kind, base))

    def place(self, ec: ExportClaim, claim: Claim) -> Entity | None:
        if ec.location_id:
            return self.entities.get(ec.location_id)
        if not claim.location:
            return None
        wanted = claim.location.casefold()
        return next((e for e in sorted(self.entities.values(), key=lambda e: e.id)
                     if e.type in mapping.PLACE_TYPES
                     and wanted in {n.casefold() for n in (e.name, *e.aliases)}), None)

    def add_claim(self, ec: ExportClaim) -> None:
        doc = self.docs[ec.report_id]
        report_ref = ids.report_id(doc.id)
        original = ec.claim
        intex_id = original.id or model_ids.claim_id(
            doc.id, original.evidence.start, original.evidence.end, original.value,
            original.value_max)
        ref = ids.claim_id(intex_id, claim_extension.CLAIM_TYPE)
        claim, changes = corrected(original, ec.review)
        if not claim.sources:
            # nobody named in the text: the outlet asserts it, or, when the outlet is not
            # known either, an explicit "unattributed" party (a claim always has a source)
            claim = replace(claim, sources=(SourceRef(doc.site, None, "outlet") if doc.site
                                            else SourceRef("Unattributed", None, "anonymous"),))
        marking = ec.marking or doc.marking
        created = self.created(intex_id)
        modified = created
        if changes and ec.review is not None:
            modified = _later(created, ec.review.at, self.now)

        sources = [self.source_ref(s, doc, marking, created) for s in claim.sources]
        grades = [ec.grades.get(s.name) or ec.grades.get(s.entity_id or "")
                  for s in claim.sources]
        reliability = confidence.chain_reliability(grades)
        lang = doc.language or None
        mine: list[dict[str, Any]] = [mapping.claim_object(
            claim, self.base(ref, created, modified, marking), report_ref=report_ref,
            source_refs=sources, admiralty=confidence.admiralty(reliability, claim.modality),
            confidence=confidence.stix_confidence(reliability, claim.modality), lang=lang)]

        def base(stix_id: str = "", at: datetime = modified) -> dict[str, Any]:
            return self.base(stix_id, min(created, at), at, marking)

        n = len(sources)
        for i, (source, target) in enumerate(zip(claim.sources, sources, strict=True)):
            kind = mapping.ATTRIBUTED_TO if i == 0 else mapping.RELAYED_BY
            mine.append(mapping.relationship(
                kind, ref, target, base(),
                f"Source {i + 1} of {n} in the claim's chain: {source.name}."))
        actor = self.entities.get(ec.actor_id or "")
        if actor is not None:
            actor_ref = self.share_entity(actor, marking)
            if actor_ref:
                mine.append(mapping.relationship(mapping.CONCERNS, ref, actor_ref, base()))
        place = self.place(ec, claim)
        if place is not None:
            place_ref = self.share_entity(place, marking)
            if place_ref:
                mine.append(mapping.relationship(mapping.LOCATED_AT, ref, place_ref, base()))
        mine.append(mapping.companion_note(claim, ref, base(), lang))
        review = ec.review
        if review is not None and review.state in mapping.OPINION:
            at = _utc(review.at) if review.at else self.now
            mine.append(mapping.review_opinion(review, ref, self.base("", at, at, marking)))
        elif review is not None and review.state is ReviewState.CORRECTED:
            mine.append(mapping.correction_note(review, ref, base(), changes))

        for obj in mine:
            self.put(obj)
            self.marks[obj["id"]] = marking
            self.report_refs[doc.id].add(obj["id"])
        self.report_refs[doc.id].update(sources)
        self.n_claims[doc.id] += 1
        latest = max(_parse(o["modified"]) for o in mine)
        self.report_modified[doc.id] = max(self.report_modified[doc.id], latest)

    def add_report(self, doc: Document) -> None:
        refs = sorted(self.report_refs[doc.id]) or [self.producer]
        granular: dict[str, list[str]] = defaultdict(list)
        for i, r in enumerate(refs):
            inner = self.marks.get(r)
            if inner is not None and markings.more_restricted(inner, doc.marking):
                for marking_ref in self.refs(markings.strictest(inner, doc.marking)):
                    granular[marking_ref].append(f"object_refs.[{i}]")
        gm = [{"marking_ref": m, "selectors": sel} for m, sel in sorted(granular.items())]
        created = self.created(doc.id)
        ref = ids.report_id(doc.id)
        self.marks[ref] = doc.marking
        self.put(mapping.report_object(
            doc, self.base(ref, created, max(created, self.report_modified[doc.id]),
                           doc.marking), refs, gm, self.n_claims[doc.id]))

    def add_definitions(self) -> None:
        public = markings.marking_refs(Marking())
        intex = claim_extension.intex_identity()
        ext = claim_extension.extension_definition()
        for obj in (intex, ext):
            obj["object_marking_refs"] = public
            self.put(obj)
        if self.producer != intex["id"]:
            producer = mapping.producer_identity(self.producer_name, PRODUCER_CREATED)
            producer["object_marking_refs"] = public
            self.put(producer)
        used: set[str] = set()
        for obj in list(self.objects.values()):
            used.update(obj.get("object_marking_refs", ()))
            used.update(g["marking_ref"] for g in obj.get("granular_markings", ()))
        for tlp, tlp_ref in markings.TLP_IDS.items():
            if tlp_ref in used:
                self.put(markings.tlp_definition(tlp))
        for codes in self.releasability.values():
            self.put(markings.releasability_definition(
                codes, created_by=claim_extension.INTEX_IDENTITY_ID))


def _order(obj: dict[str, Any]) -> tuple[int, str, str]:
    kind = obj["type"]
    rank = ORDER.index(kind) if kind in ORDER else len(ORDER)
    if kind == "identity" and obj["id"] == claim_extension.INTEX_IDENTITY_ID:
        rank = -1
    return rank, obj["id"], obj.get("modified", "")


def _utc(at: datetime) -> datetime:
    if at.tzinfo is None:
        raise ExportError("times must carry a time zone", subject=at.isoformat())
    return at.astimezone(UTC)


def _later(created: datetime, reviewed: datetime | None, now: datetime) -> datetime:
    """When a corrected claim's new version dates from: the review, if it came after the
    claim was recorded; else the export; never the same instant as ``created``."""
    for at in (reviewed, now):
        if at is not None and _utc(at) > created:
            return _utc(at)
    return created + timedelta(milliseconds=1)


def _parse(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def bundle_of(objects: list[dict[str, Any]]) -> dict[str, Any]:
    """A bundle of these objects, named by what it holds (their ids and versions)."""
    return {"type": "bundle",
            "id": ids.bundle_id([(o["id"], o.get("modified", o["created"])) for o in objects]),
            "objects": objects}
