"""Checked STIX objects → intex model objects: the reverse of :mod:`intex.stix.mapping`.

Only the latest version of each object is read (by ``modified``), and a revoked one is
not read at all (it stays among the objects kept). What intex does not know is left
alone. What the reverse mapping cannot give back is listed in docs/stix.md ("Import").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

from intex.model import Claim, Document, Entity, Marking, SourceRef, Span
from intex.model import ids as model_ids
from intex.stix import claim_extension, mapping, markings
from intex.stix.importing_checks import parse_time, version_key
from intex.stix.importing_markings import MarkingReader

#: STIX identity_class → intex entity type; other classes (system, class, unknown) are
#: not entities: an anonymous source stays a name in its claim's chain
ENTITY_TYPE = {"individual": "PERSON", "organization": "ORG", "group": "ORG"}
#: identity_class → ``SourceRef.kind`` (the reverse of mapping.SOURCE_KIND_CLASS)
SOURCE_KIND = {"individual": "person", "organization": "organization", "group": "organization",
               "unknown": "anonymous"}


class Reader:
    """The objects of one checked bundle, read into model objects."""

    def __init__(self, objects: Iterable[dict[str, Any]], unmarked: Marking,
                 source_name: str | None = None) -> None:
        self.source_name = source_name
        latest: dict[str, dict[str, Any]] = {}
        for obj in objects:
            have = latest.get(obj["id"])
            if have is None or _later(obj, have):
                latest[obj["id"]] = obj
        self.latest = latest
        self.live = {i: o for i, o in latest.items() if o.get("revoked") is not True}
        self.marks = MarkingReader({i: o for i, o in latest.items()
                                    if o["type"] == "marking-definition"})
        self.unmarked = unmarked
        self.by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for obj in self.live.values():
            self.by_type[obj["type"]].append(obj)
        self.reports_listing: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for report in self.by_type["report"]:
            for ref in report.get("object_refs") or []:
                self.reports_listing[ref].append(report)
        self.chains: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        self.places: dict[str, str] = {}
        self._relationships()
        self.entities = self._entities()

    # -- what the objects are -----------------------------------------------------------

    def _relationships(self) -> None:
        for n, rel in enumerate(self.by_type["relationship"]):
            kind, source, target = (rel.get("relationship_type"), rel.get("source_ref"),
                                    rel.get("target_ref"))
            if not isinstance(source, str) or not isinstance(target, str):
                continue
            if kind == mapping.ATTRIBUTED_TO:
                self.chains[source].append((0, n, target))
            elif kind == mapping.RELAYED_BY:
                self.chains[source].append((_position(rel.get("description")), n, target))
            elif kind == mapping.LOCATED_AT:
                self.places.setdefault(source, target)

    def _entities(self) -> dict[str, Entity]:
        """Identities of people, organisations and groups, and locations, that something
        in the bundle speaks of. An identity only ever named as ``created_by_ref`` is
        who produced the objects (a partner's node, a MISP organisation), not an entity
        the reports talk about."""
        spoken_of: set[str] = set()
        for obj in self.live.values():
            for key, value in obj.items():
                if key in ("created_by_ref", "id"):
                    continue
                if key.endswith("_ref") and isinstance(value, str):
                    spoken_of.add(value)
                elif key.endswith("_refs") and isinstance(value, list):
                    spoken_of.update(v for v in value if isinstance(v, str))
        out: dict[str, Entity] = {}
        for obj in self.by_type["identity"]:
            kind = ENTITY_TYPE.get(str(obj.get("identity_class")))
            if kind and obj["id"] in spoken_of and _text(obj.get("name")):
                out[obj["id"]] = identity_entity(obj, kind)
        for obj in self.by_type["location"]:
            out[obj["id"]] = location_entity(obj)
        return out

    # -- reports ------------------------------------------------------------------------

    def marking(self, obj: Mapping[str, Any]) -> Marking:
        return self.marks.of(obj, self.unmarked)

    def reports(self) -> list[tuple[str, Document]]:
        return [(r["id"], self.document(r)) for r in self.by_type["report"]]

    def document(self, report: Mapping[str, Any]) -> Document:
        name, description = _text(report.get("name")), _text(report.get("description"))
        text = description or name or report["id"]
        url, site, digest = _reference(report.get("external_references"))
        published = parse_time(report.get("published"))
        return Document(
            id=report["id"], text=text, content_hash=digest or model_ids.content_hash(text),
            title=name, published=published.date() if published else None,
            language=_text(report.get("lang")), url=url, site=site,
            source_name=self.source_name, format="stix", marking=self.marking(report))

    # -- claims -------------------------------------------------------------------------

    def claims(self) -> list[dict[str, Any]]:
        return self.by_type[claim_extension.CLAIM_TYPE]

    def claim_report(self, obj: Mapping[str, Any]) -> dict[str, Any] | None:
        ref = obj.get("report_ref")
        report = self.live.get(ref) if isinstance(ref, str) else None
        if report is not None and report["type"] == "report":
            return report
        listing = self.reports_listing.get(obj["id"])
        return listing[0] if listing else None

    def claim_marking(self, obj: Mapping[str, Any], report: Mapping[str, Any] | None) -> Marking:
        """The claim's own marking, else its report's; never less than what the report
        marks its entry for the claim with (a granular marking)."""
        fallback = self.marking(report) if report is not None else self.unmarked
        own = self.marks.of(obj, fallback)
        if report is None:
            return own
        granular = self.marks.granular(report, obj["id"])
        if granular.tlp is None and not granular.releasable_to:
            return own
        return markings.strictest(own, granular.over(own))

    def claim(self, obj: Mapping[str, Any], report: Mapping[str, Any] | None) -> Claim:
        evidence = obj.get("evidence") or {}
        location = _text(obj.get("location"))
        if location is None and (place := self.live.get(self.places.get(obj["id"], ""))):
            location = _text(place.get("name"))
        return Claim(
            value=_required_number(obj["value"]), value_max=_number(obj.get("value_max")),
            approx=obj.get("approx") is True, unit=_text(obj.get("unit")),
            subject=_text(obj.get("subject")), status=str(obj["status"]), location=location,
            sources=self.sources(obj, report), date=_text(obj.get("date")),
            modality=str(obj["modality"]),
            evidence=Span(int(evidence["start"]), int(evidence["end"]), str(evidence["text"])),
            vague=obj.get("vague") is True,
            id="claim--" + obj["id"].split("--", 1)[1])

    def sources(self, obj: Mapping[str, Any], report: Mapping[str, Any] | None
                ) -> tuple[SourceRef, ...]:
        """The chain, original asserting party first: ``source_refs`` when the claim has
        them, else its ``attributed-to`` and ``relayed-by`` relationships (in the order
        their "Source i of n" descriptions give). Each party's name is the claim's own
        word for it (``source_names``, what intex wrote), else the object's name."""
        refs = [r for r in obj.get("source_refs") or [] if isinstance(r, str)]
        if not refs:
            refs = [target for _, _, target in sorted(self.chains.get(obj["id"], []))]
        names = [n for n in obj.get("source_names") or [] if isinstance(n, str)]
        if not refs:
            return tuple(SourceRef(n) for n in names)
        if len(names) != len(refs):
            names = []
        site = _reference(report.get("external_references"))[1] if report else None
        out = []
        for i, ref in enumerate(refs):
            party = self.live.get(ref, {})
            name = names[i] if names else _text(party.get("name")) or ref
            out.append(SourceRef(name, ref if ref in self.entities else None,
                                 _source_kind(party, site)))
        return tuple(out)


def identity_entity(obj: Mapping[str, Any], kind: str) -> Entity:
    sectors = obj.get("sectors") or []
    return Entity(
        id=obj["id"], name=str(obj["name"]), type=kind, aliases=_aliases(obj),
        kind="government" if "government" in sectors else (
            "group" if obj.get("identity_class") == "group" else None))


def location_entity(obj: Mapping[str, Any]) -> Entity:
    """A country, city or administrative area is a GPE; a region or a bare point a LOC."""
    country = _text(obj.get("country"))
    lat, lon = obj.get("latitude"), obj.get("longitude")
    political = country or obj.get("city") or obj.get("administrative_area")
    name = next((t for k in ("name", "city", "administrative_area", "country", "region")
                 if (t := _text(obj.get(k)))), None)
    if name is None:
        name = f"{lat}, {lon}" if lat is not None and lon is not None else obj["id"]
    return Entity(
        id=obj["id"], name=name, type="GPE" if political else "LOC", aliases=_aliases(obj),
        country=country.upper() if country and len(country) == 2 else None,
        kind="city" if obj.get("city") else None,
        lat=float(lat) if isinstance(lat, int | float) else None,
        lon=float(lon) if isinstance(lon, int | float) else None)


def _source_kind(party: Mapping[str, Any], site: str | None) -> str | None:
    if party.get("type") == "location":
        return "government"  # a country speaking
    if site and _text(party.get("name")) == site:
        return "outlet"
    if "government" in (party.get("sectors") or []):
        return "government"
    return SOURCE_KIND.get(str(party.get("identity_class")))


def _reference(refs: object) -> tuple[str | None, str | None, str | None]:
    """(url, site, SHA-256) from a report's external references: the first that has a
    URL, and the first SHA-256 hash. ``site`` is that reference's ``source_name``
    (intex writes the outlet there), else the URL's host without ``www.``."""
    url = site = digest = None
    for ref in refs if isinstance(refs, list) else []:
        if not isinstance(ref, dict):
            continue
        if url is None and _text(ref.get("url")):
            url = ref["url"]
            source = _text(ref.get("source_name"))
            host = urlsplit(url).hostname or None
            site = source if source and source != "intex" else (
                host.removeprefix("www.") if host else None)
        hashes = ref.get("hashes")
        if digest is None and isinstance(hashes, dict) and _text(hashes.get("SHA-256")):
            digest = str(hashes["SHA-256"]).lower()
    return url, site, digest


def _aliases(obj: Mapping[str, Any]) -> tuple[str, ...]:
    found = obj.get("aliases") or obj.get("x_opencti_aliases") or []
    return tuple(a for a in found if isinstance(a, str)) if isinstance(found, list) else ()


def _later(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    ta, tb = version_key(a)[1], version_key(b)[1]
    try:
        return bool(ta > tb)  # type: ignore[operator]
    except TypeError:  # a time against a missing or unparsable one
        return tb is None


def _position(description: object) -> int:
    """``"Source 2 of 3 …"`` → 2; relationships without it come after, in bundle order."""
    if isinstance(description, str) and description.startswith("Source "):
        word = description.removeprefix("Source ").split(" ", 1)[0]
        if word.isdigit():
            return int(word)
    return 1_000_000


def _required_number(value: object) -> float:
    number = _number(value)
    if number is None:
        raise ValueError("value is missing")
    return number


def _number(value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{value!r} is not a number")
    return value  # an int stays an int (11000, not 11000.0), as intex exported it


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
