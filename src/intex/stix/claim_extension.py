"""The ``attributed-claim`` object: a new STIX 2.1 SDO declared by an extension definition.

The extension definition is a fixed object (id, created, modified, author): it is
published once and every intex node emits the same bytes for it. Its JSON schema is kept
next to this module in ``schemas/attributed-claim.json`` (named for the object type, so
the OASIS validator picks it up with ``schema_dir``) and documented in docs/stix.md.

stix2 learns the new type the first time :func:`claim_object` is called, not at import.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from typing import Any

from stix2 import v21
from stix2.properties import (
    BooleanProperty,
    DictionaryProperty,
    EnumProperty,
    ListProperty,
    Property,
    ReferenceProperty,
    StringProperty,
)

from intex.model import MODALITIES, STATUSES
from intex.stix.serialize import to_dict

CLAIM_TYPE = "attributed-claim"
#: = ids.derived("extension-definition", "attributed-claim"), frozen as a literal: a
#: published extension's id never changes, whatever happens to the code that made it
EXTENSION_ID = "extension-definition--1528b898-c58d-55be-b135-0dc016dba7b1"
EXTENSION_VERSION = "1.0.0"
EXTENSION_CREATED = datetime(2026, 11, 26, tzinfo=UTC)
#: = ids.producer_id("intex"): the intex project, author of the extension
INTEX_IDENTITY_ID = "identity--20217a82-774b-596a-b91e-3e5dda20aca7"
SCHEMA_FILE = "attributed-claim.json"

EXTENSION_DESCRIPTION = (
    "An attributed quantitative claim taken from a news report: who (source_refs, in "
    "chain order, original asserting party first) says what number (value, value_max, "
    "approx, vague, unit) about what (subject, status), where (location), when (date), how "
    "(modality) and where the report says it (evidence: text and character offsets into "
    "the report's cleaned text). admiralty is the NATO/Admiralty grade intex gives it.")
SCHEMA_TEXT = (
    f"JSON Schema (draft 2020-12) of the attributed-claim object, version "
    f"{EXTENSION_VERSION}: src/intex/stix/schemas/{SCHEMA_FILE} in the intex source tree, "
    "documented in docs/stix.md of the same tree.")


def extension_definition() -> dict[str, Any]:
    return to_dict(v21.ExtensionDefinition(
        id=EXTENSION_ID, created=EXTENSION_CREATED, modified=EXTENSION_CREATED,
        created_by_ref=INTEX_IDENTITY_ID, name="intex attributed claim",
        description=EXTENSION_DESCRIPTION, schema=SCHEMA_TEXT, version=EXTENSION_VERSION,
        extension_types=["new-sdo"]))


def intex_identity() -> dict[str, Any]:
    return to_dict(v21.Identity(
        id=INTEX_IDENTITY_ID, created=EXTENSION_CREATED, modified=EXTENSION_CREATED,
        name="intex", identity_class="system",
        description="intex, the attributed ledger of quantitative claims from news reports; "
                    "author of the attributed-claim extension."))


def schema() -> dict[str, Any]:
    """The claim object's JSON schema, as kept in the repository."""
    text = resources.files("intex.stix").joinpath("schemas", SCHEMA_FILE).read_text("utf-8")
    out: dict[str, Any] = json.loads(text)
    return out


class _Number(Property):  # type: ignore[misc]
    """A JSON number that stays an integer when it is one (11000, not 11000.0)."""

    def clean(self, value: Any, allow_custom: bool = False) -> tuple[Any, bool]:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError("must be a number")
        return (int(value) if float(value).is_integer() else float(value)), False


def register() -> None:
    """Teach stix2 the ``attributed-claim`` type (once per process), so that objects
    referring to claims are checked as strictly as any other."""
    _claim_class()


@cache
def _claim_class() -> Any:
    ref_types = ["identity", "location"]

    @v21.CustomObject(CLAIM_TYPE, [
        ("name", StringProperty(required=True)),
        ("value", _Number(required=True)),
        ("value_max", _Number()),
        ("approx", BooleanProperty(required=True)),
        ("vague", BooleanProperty(required=True)),
        ("unit", StringProperty()),
        ("subject", StringProperty()),
        ("status", EnumProperty(list(STATUSES), required=True)),
        ("location", StringProperty()),
        ("date", StringProperty()),
        ("modality", EnumProperty(list(MODALITIES), required=True)),
        ("evidence", DictionaryProperty(required=True)),
        ("source_names", ListProperty(StringProperty, required=True)),
        ("source_refs", ListProperty(ReferenceProperty(valid_types=ref_types,
                                                       spec_version="2.1"), required=True)),
        ("report_ref", ReferenceProperty(valid_types="report", spec_version="2.1",
                                         required=True)),
        ("admiralty", StringProperty(required=True)),
    ], extension_name=EXTENSION_ID)
    class AttributedClaim:
        pass

    return AttributedClaim


def claim_object(**properties: Any) -> dict[str, Any]:
    """An ``attributed-claim`` object, checked by stix2; None-valued properties left out."""
    cleaned = {k: v for k, v in properties.items() if v is not None}
    return to_dict(_claim_class()(**cleaned))

