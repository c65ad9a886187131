"""The official OASIS ``stix2-validator``, behind one function.

Bundles are checked as STIX 2.1, with ``enforce_refs`` (every reference must resolve
inside the bundle) and with intex's own schemas (``schemas/``, named by object type),
so an ``attributed-claim`` is held to ``attributed-claim.json`` as well as to the core
schema. Errors are MUSTs broken; warnings are SHOULDs the validator would like, each
listed and answered in docs/stix.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Any

from stix2validator import ValidationOptions, validate_instance


@dataclass(frozen=True, slots=True)
class Validation:
    errors: tuple[str, ...]
    warnings: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.errors


def schema_dir() -> str:
    return str(resources.files("intex.stix").joinpath("schemas"))


def validate(instance: dict[str, Any]) -> Validation:
    options = ValidationOptions(version="2.1", schema_dir=schema_dir(), enforce_refs=True,
                                silent=True)
    result = validate_instance(instance, options)
    return Validation(tuple(str(e) for e in result.errors),
                      tuple(str(w) for w in result.warnings))
