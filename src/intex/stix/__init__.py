"""intex ⇄ STIX 2.1: the only package that imports ``stix2`` (and its validator).

    build_bundle(ExportSet(...), clock=...) -> dict    the export, byte-stable
    dumps(bundle) -> str                                 its canonical text
    validate(bundle) -> Validation                       the official OASIS validator

Modules: ``ids`` (deterministic ids), ``markings`` (TLP 2.0, releasability),
``confidence`` (Admiralty → STIX confidence), ``claim_extension`` (the
``attributed-claim`` SDO and its extension definition), ``sentence`` (a claim in one
sentence), ``mapping`` (one model object → one STIX object), ``bundle`` (the export).
See docs/stix.md.
"""

from typing import TYPE_CHECKING

from intex.stix.bundle import (
    Clock,
    ExportClaim,
    ExportError,
    ExportSet,
    build_bundle,
    bundle_of,
)
from intex.stix.serialize import dumps

if TYPE_CHECKING:
    from intex.stix.validation import Validation, validate

__all__ = ["Clock", "ExportClaim", "ExportError", "ExportSet", "Validation", "build_bundle",
           "bundle_of", "dumps", "validate"]


def __getattr__(name: str) -> object:
    # the validator (jsonschema, and its URI grammars built at import) is imported when
    # first used: a sync with nothing new, or a server answering GETs, never needs it
    if name in ("Validation", "validate"):
        from intex.stix import validation

        return getattr(validation, name)
    raise AttributeError(f"module 'intex.stix' has no attribute {name!r}")
