"""The reading side of ``intex import``: a partner's bytes → checked, mapped objects.

    read_bundle(data, name=..., limits=Limits()) -> ReadBundle

Nothing is stored here; the caller stores. A bundle is taken whole or refused whole:
any check that fails raises one :class:`~intex.errors.BundleError` naming the input
(``name``) and, where there is one, the offending object, and nothing is returned.

In order (cheap first, so that a hostile bundle costs little):

1. size, before decoding (:attr:`Limits.max_bytes`); UTF-8;
2. nesting depth, measured on the bytes without recursion (:attr:`Limits.max_depth`);
3. JSON, refusing repeated keys, ``NaN``/``Infinity`` and floats that overflow;
4. a ``bundle`` with an ``objects`` list (:attr:`Limits.max_objects`); STIX 2.0 bundles
   are refused; each object has a ``type`` and an ``id`` of that type;
5. no string over :attr:`Limits.max_string` characters, no list or object over
   :attr:`Limits.max_list` items, anywhere (the bundle's ``objects`` list excepted);
6. ``spec_version`` 2.1 on every object that has one, and on every object that has a
   ``created`` time (a 2.0 object has none);
7. a copy of a well-known TLP marking definition (as OpenCTI exports them, with its own
   properties, refused by the validator) is dropped: the id means what the standard says;
   versions: an exact copy of an (id, ``modified``) is dropped, a different object with
   the same (id, ``modified``) refuses the bundle;
8. references: every ``*_ref``/``*_refs`` resolves inside the bundle or to a well-known
   TLP marking definition;
9. the official OASIS ``stix2-validator`` (:func:`intex.stix.validate`) on every
   object: any error.

Then what intex knows is mapped (:mod:`intex.stix.importing_mapping`); every object is
kept as received, including types and properties intex does not know, so that it can be
served on. See docs/stix.md, "Import".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from intex.errors import BundleError
from intex.model import TLP, Claim, Document, Entity, Marking
from intex.stix import importing_checks, importing_json
from intex.stix.importing_mapping import Reader


@dataclass(frozen=True, slots=True)
class Limits:
    """How much one bundle may hold. The defaults are far above what a real partner
    bundle needs and far below what would hurt the machine reading it."""

    #: bytes of input, checked before anything is decoded (50 MB: ~200,000 objects)
    max_bytes: int = 50_000_000
    #: objects in the bundle (the validator spends a few milliseconds on each)
    max_objects: int = 200_000
    #: arrays and objects inside each other, the bundle being 1 (intex's bundles: 6)
    max_depth: int = 20
    #: characters in one string, keys included (a whole report's text fits)
    max_string: int = 1_000_000
    #: items in one list, or properties in one object (a report's ``object_refs``);
    #: the bundle's ``objects`` list is held to ``max_objects`` instead
    max_list: int = 100_000


@dataclass(frozen=True, slots=True)
class ImportedClaim:
    claim: Claim  # value, range, unit, status, sources chain, date, modality, evidence
    report_stix_id: str | None  # the report it was taken from, when the bundle says
    marking: Marking  # its own, else its report's; no less than the report's entry for it
    stix_id: str | None = None  # the ``attributed-claim--…`` it was read from
    admiralty: str | None = None  # the sender's grade, e.g. "B3"


@dataclass(frozen=True, slots=True)
class ImportedReport:
    stix_id: str
    #: id = stix_id; text = description (else name); source_name = the input's name
    document: Document


@dataclass(frozen=True, slots=True)
class ReadBundle:
    #: every object as received (an exact repeat of an object version once), in order
    objects: tuple[dict[str, Any], ...]
    claims: tuple[ImportedClaim, ...]
    reports: tuple[ImportedReport, ...]
    #: identities (individual → PERSON, organization/group → ORG) and locations (→ GPE
    #: or LOC) that the bundle speaks of; each entity's id is its STIX id
    entities: tuple[Entity, ...]


#: what an object that carries no TLP is taken to be (see docs/stix.md, "Import")
UNMARKED = Marking(TLP.AMBER)


def read_bundle(data: bytes, *, name: str, limits: Limits = Limits(),
                unmarked: Marking = UNMARKED, held: frozenset[str] = frozenset(),
                ) -> ReadBundle:
    """Check ``data`` as a STIX 2.1 bundle and map what intex knows of it.

    ``name`` names the input in every error (a path, a URL, a partner); ``unmarked`` is
    the marking of a report or claim that carries no TLP of its own, nor a report to
    inherit one from (by default TLP:AMBER: not shared beyond the receiving
    organisation until someone decides otherwise). ``held``: ids the reader already
    holds, which references may point to (a sync takes a partner's collection in parts).
    Every check, the OASIS validator's included, runs on every object.
    """
    document = importing_json.load(data, name=name, max_bytes=limits.max_bytes,
                                   max_depth=limits.max_depth)
    objects = importing_checks.bundle_objects(document, name=name,
                                              max_objects=limits.max_objects)
    ids = [importing_checks.object_shape(obj, i, name=name) for i, obj in enumerate(objects)]
    outside = {k: v for k, v in document.items() if k != "objects"}
    for where, value in [(None, outside), *zip(ids, objects, strict=True)]:
        importing_json.check_sizes(value, name=name, where=where,
                                   max_string=limits.max_string, max_list=limits.max_list)
    for obj in objects:
        importing_checks.spec_version(obj, name=name)
    kept = importing_checks.unique_versions(importing_checks.without_tlp_copies(objects),
                                            name=name)
    importing_checks.resolve_references(kept, name=name, held=held)
    importing_checks.official_validator(kept, document.get("id"), name=name)
    return _mapped(kept, name, unmarked)


def _mapped(objects: list[dict[str, Any]], name: str, unmarked: Marking) -> ReadBundle:
    reader = Reader(objects, unmarked, name)
    claims = []
    for obj in reader.claims():
        report = reader.claim_report(obj)
        try:
            claim = reader.claim(obj, report)
        except (KeyError, TypeError, ValueError) as err:
            raise BundleError(f"cannot be read as an intex claim: {err!r}", subject=name,
                              object_id=obj["id"]) from err
        claims.append(ImportedClaim(
            claim=claim, report_stix_id=report["id"] if report else None,
            marking=reader.claim_marking(obj, report), stix_id=obj["id"],
            admiralty=obj.get("admiralty") if isinstance(obj.get("admiralty"), str) else None))
    reports = [ImportedReport(stix_id, doc) for stix_id, doc in reader.reports()]
    return ReadBundle(objects=tuple(objects), claims=tuple(claims), reports=tuple(reports),
                      entities=tuple(reader.entities.values()))


__all__ = ["UNMARKED", "BundleError", "ImportedClaim", "ImportedReport", "Limits",
           "ReadBundle", "read_bundle"]
