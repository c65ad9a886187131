"""A received object's ``object_marking_refs`` (and granular markings) → an intex Marking.

TLP is read from, in this order: the official TLP 2.0 ids (:data:`markings.TLP_IDS`),
the official TLP 1.0 ids (STIX 2.1 §7.2.1.4, ``stix2.TLP_*``; WHITE reads as CLEAR),
OpenCTI's fixed TLP:AMBER+STRICT id, and any marking definition in the bundle that
says which TLP it is (``definition_type: tlp``, the TLP 2.0 extension's ``tlp_2_0``,
or OpenCTI's ``x_opencti_definition``). Releasability is read from statement markings
in intex's grammar (``REL TO KOR, UKR``, :func:`markings.parse_releasability`). Other
markings (copyright statements, a partner's own labels) change nothing here; their
objects are kept as received.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from intex.model import TLP, Marking
from intex.stix import markings

#: STIX 2.1 §7.2.1.4: the TLP 1.0 marking definitions every STIX 2.x consumer knows
TLP1_IDS: dict[str, TLP] = {
    "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9": TLP.CLEAR,  # TLP:WHITE
    "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da": TLP.GREEN,
    "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82": TLP.AMBER,
    "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed": TLP.RED,
}
#: TLP 1.0 had no AMBER+STRICT; OpenCTI gives it this fixed id and many feeds copy it
OPENCTI_AMBER_STRICT = "marking-definition--826578e1-40ad-459f-bc73-ede076f81f37"

WELL_KNOWN: dict[str, TLP] = {
    **{ref: tlp for tlp, ref in markings.TLP_IDS.items()}, **TLP1_IDS,
    OPENCTI_AMBER_STRICT: TLP.AMBER_STRICT,
}


@dataclass(frozen=True, slots=True)
class Said:
    """What an object's own markings say; None/() where they say nothing."""

    tlp: TLP | None = None
    releasable_to: tuple[str, ...] = ()

    def over(self, fallback: Marking) -> Marking:
        """The marking this amounts to, ``fallback`` filling in what is not said: an
        object with a TLP of its own is marked by its own markings alone (as intex
        exports: a claim's own marking replaces its report's); one with only a
        releasability statement takes the fallback's TLP and the stricter list."""
        if self.tlp is not None:
            return Marking(self.tlp, self.releasable_to)
        if self.releasable_to:
            return markings.strictest(fallback, Marking(fallback.tlp, self.releasable_to))
        return fallback


class MarkingReader:
    """Reads markings against the marking definitions of one bundle."""

    def __init__(self, definitions: Mapping[str, dict[str, Any]]) -> None:
        self.definitions = definitions

    def said(self, refs: Iterable[str]) -> Said:
        tlps: list[TLP] = []
        release: list[tuple[str, ...]] = []
        for ref in refs:
            tlp = WELL_KNOWN.get(ref)
            definition = self.definitions.get(ref)
            if tlp is None and definition is not None:
                tlp = _tlp_of(definition)
            if tlp is not None:
                tlps.append(tlp)
            elif definition is not None and (listed := _releasability_of(definition)):
                release.append(listed)
        codes: tuple[str, ...] = ()
        for more in release:  # several statements: only those every one allows
            codes = markings.strictest(Marking(releasable_to=codes),
                                       Marking(releasable_to=more)).releasable_to
        return Said(max(tlps) if tlps else None, codes)

    def of(self, obj: Mapping[str, Any], fallback: Marking) -> Marking:
        return self.said(_strings(obj.get("object_marking_refs"))).over(fallback)

    def granular(self, container: Mapping[str, Any], ref: str) -> Said:
        """What ``container`` (a report) marks its ``object_refs`` entry for ``ref`` with."""
        object_refs = container.get("object_refs")
        if not isinstance(object_refs, list) or ref not in object_refs:
            return Said()
        selectors = {f"object_refs.[{i}]" for i, r in enumerate(object_refs) if r == ref}
        refs = [g.get("marking_ref") for g in container.get("granular_markings") or []
                if isinstance(g, dict) and selectors & set(_strings(g.get("selectors")))]
        return self.said(r for r in refs if isinstance(r, str))


def _tlp_of(definition: Mapping[str, Any]) -> TLP | None:
    words: list[object] = []
    if str(definition.get("definition_type", "")).lower() == "tlp":
        inner = definition.get("definition")
        if isinstance(inner, dict):
            words += [v for k, v in inner.items() if k.lower() == "tlp"]
    extensions = definition.get("extensions")
    for ext in extensions.values() if isinstance(extensions, dict) else ():
        if isinstance(ext, dict) and "tlp_2_0" in ext:
            words.append(ext["tlp_2_0"])
    if str(definition.get("x_opencti_definition_type", "")).lower() == "tlp":
        words.append(definition.get("x_opencti_definition"))
    for word in words:
        if isinstance(word, str):
            try:
                return TLP.parse(word)
            except ValueError:
                continue
    return None


def _releasability_of(definition: Mapping[str, Any]) -> tuple[str, ...] | None:
    if definition.get("definition_type") != "statement":
        return None
    inner = definition.get("definition")
    statement = inner.get("statement") if isinstance(inner, dict) else None
    return markings.parse_releasability(statement) if isinstance(statement, str) else None


def _strings(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
