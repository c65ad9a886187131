"""TLP 2.0 and releasability as STIX 2.1 marking definitions.

TLP 2.0 uses the official marking definitions published by OASIS in
``cti-stix-common-objects/extension-definition-specifications/tlp-2.0`` (and
``objects/marking-definition/``): fixed ids, ``created`` 2022-10-01, and the property
extension ``extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d`` carrying
``tlp_2_0``. They are reproduced here field for field; never generate new ones.

Releasability ("REL TO KOR, UKR") is a STIX *statement* marking (§7.2.1.3) whose
statement has a fixed grammar, ``REL TO`` + ISO 3166 alpha-3 codes sorted and joined by
", ", and whose id is derived from the codes (see docs/stix.md for why a statement and
not an extension).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from stix2 import v21

from intex.model import NOBODY, TLP, Marking
from intex.stix import ids
from intex.stix.serialize import to_dict

TLP2_EXTENSION_ID = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"
TLP2_CREATED = datetime(2022, 10, 1, tzinfo=UTC)

TLP_IDS: dict[TLP, str] = {
    TLP.CLEAR: "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
    TLP.GREEN: "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
    TLP.AMBER: "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
    TLP.AMBER_STRICT: "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
    TLP.RED: "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
}

#: when intex first defined its releasability statements; fixed so their objects never move
RELEASABILITY_CREATED = datetime(2026, 11, 26, tzinfo=UTC)
REL_PREFIX = "REL TO "


def tlp_definition(tlp: TLP) -> dict[str, Any]:
    """The official TLP 2.0 marking-definition object for ``tlp``."""
    md = v21.MarkingDefinition(
        id=TLP_IDS[tlp], created=TLP2_CREATED, name=f"TLP:{tlp.label}",
        extensions={TLP2_EXTENSION_ID: {"extension_type": "property-extension",
                                        "tlp_2_0": tlp.label.lower()}})
    return to_dict(md)


def tlp_from_id(marking_id: str) -> TLP | None:
    """The TLP level an official TLP 2.0 marking id stands for (for importers)."""
    return next((t for t, i in TLP_IDS.items() if i == marking_id), None)


def releasability_statement(countries: tuple[str, ...]) -> str:
    return REL_PREFIX + ", ".join(canonical_countries(countries))


def canonical_countries(countries: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted({c.strip().upper() for c in countries if c.strip()}))


def parse_releasability(statement: str) -> tuple[str, ...] | None:
    """``"REL TO KOR, UKR"`` → ``("KOR", "UKR")``; None when it is not such a statement."""
    if not statement.startswith(REL_PREFIX):
        return None
    codes = tuple(c.strip() for c in statement.removeprefix(REL_PREFIX).split(","))
    if codes == (NOBODY,):  # what two disjoint lists left: no country at all
        return codes
    if not codes or not all(len(c) == 3 and c.isalpha() and c.isupper() for c in codes):
        return None
    return canonical_countries(codes)


def releasability_definition(countries: tuple[str, ...], *, created_by: str) -> dict[str, Any]:
    codes = canonical_countries(countries)
    statement = releasability_statement(codes)
    md = v21.MarkingDefinition(
        id=ids.releasability_id(codes), created=RELEASABILITY_CREATED, name=statement,
        created_by_ref=created_by, definition_type="statement",
        definition={"statement": statement})
    return to_dict(md)


def marking_refs(marking: Marking) -> list[str]:
    """The ``object_marking_refs`` for an object under ``marking``."""
    refs = [TLP_IDS[marking.tlp]]
    codes = canonical_countries(marking.releasable_to)
    if codes:
        refs.append(ids.releasability_id(codes))
    return refs


def more_restricted(inner: Marking, outer: Marking) -> bool:
    """Whether ``inner`` lets fewer people see it than ``outer``: a higher TLP, or a
    releasability list that ``outer`` does not have or that leaves someone out."""
    if inner.tlp > outer.tlp:
        return True
    mine, theirs = set(canonical_countries(inner.releasable_to)), \
        set(canonical_countries(outer.releasable_to))
    return bool(mine) and (not theirs or not theirs <= mine)


def strictest(a: Marking, b: Marking) -> Marking:
    """What only those who may see both ``a`` and ``b`` may see: the higher TLP and the
    countries both release to. Lists that share no country leave ``(NOBODY,)``: releasable
    to no one outside the owner (an empty list would mean unrestricted)."""
    ra, rb = canonical_countries(a.releasable_to), canonical_countries(b.releasable_to)
    if ra and rb:
        rel = tuple(c for c in ra if c in rb) or (NOBODY,)
    else:
        rel = ra or rb
    return Marking(max(a.tlp, b.tlp), rel)


def least_restricted(markings: list[Marking]) -> Marking:
    """One marking that lets everyone who may see any of ``markings`` see it: the lowest
    TLP, and a releasability list only if every marking has one (their union)."""
    if not markings:
        return Marking()
    tlp = min(m.tlp for m in markings)
    if all(m.releasable_to for m in markings):
        union = sorted({c for m in markings for c in canonical_countries(m.releasable_to)})
        if len(union) > 1 and NOBODY in union:  # reaching no one adds no one
            union.remove(NOBODY)
        return Marking(tlp, tuple(union))
    return Marking(tlp)
