"""The official OASIS ``stix2-validator``, behind one function.

Bundles are checked as STIX 2.1, with ``enforce_refs`` (every reference must resolve
inside the bundle) and with intex's own schemas (``schemas/``, named by object type),
so an ``attributed-claim`` is held to ``attributed-claim.json`` as well as to the core
schema. Errors are MUSTs broken; warnings are SHOULDs the validator would like, each
listed and answered in docs/stix.md.
"""

from __future__ import annotations

import functools
import json
import os
import pathlib
import threading
from dataclasses import dataclass
from importlib import resources
from typing import Any

import stix2validator
from stix2validator import ValidationOptions, validate_instance
from stix2validator import validator as _engine


@dataclass(frozen=True, slots=True)
class Validation:
    errors: tuple[str, ...]
    warnings: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.errors


def schema_dir() -> str:
    return str(resources.files("intex.stix").joinpath("schemas"))


def validate(instance: dict[str, Any], *, enforce_refs: bool = True) -> Validation:
    """``enforce_refs=False`` when the bundle holds only some of the objects it refers
    to (their references having been resolved by intex's own check)."""
    _reuse_schemas()
    options = ValidationOptions(version="2.1", schema_dir=schema_dir(),
                                enforce_refs=enforce_refs, silent=True)
    result = validate_instance(instance, options)
    return Validation(tuple(str(e) for e in result.errors),
                      tuple(str(w) for w in result.warnings))


# The validator builds a fresh schema registry for every object it checks and then
# re-crawls every schema file on every ``$ref`` (about half its time, measured on a
# sync of 5,000 objects), and reads each schema file from disk each time. The same
# schemas give the same answers, so intex gives it one crawled registry and one
# validator per schema file, built once per process. Nothing about what is checked
# changes: the same files, patched by the validator's own ``patch_schema``.
_lock = threading.Lock()
_validators: dict[tuple[str, str], Any] = {}


@functools.cache
def _registry(schema_dir: str) -> Any:
    from jsonschema import Draft202012Validator  # noqa: F401 (the validator's own engine)
    from referencing import Registry
    from referencing.jsonschema import DRAFT202012

    base = os.path.join(os.path.dirname(stix2validator.__file__), "schemas-2.1", "schemas")
    found = []
    for folder in (base, schema_dir):
        for root, _dirs, files in os.walk(folder, followlinks=True):
            for name in sorted(f for f in files if f.endswith(".json")):
                path = os.path.join(root, name)
                with open(path, encoding="utf-8") as handle:
                    contents = _engine.patch_schema(json.load(handle), path)
                found.append((pathlib.Path(path).as_uri(), DRAFT202012.create_resource(contents)))
    retrieve = functools.partial(_engine.retrieve_from_filesystem, schema_dir=schema_dir)
    return Registry(retrieve=retrieve).with_resources(found).crawl()  # type: ignore[call-arg]


def _load_validator(schema_path: str, schema: Any, schema_dir: str) -> Any:
    from jsonschema import Draft202012Validator
    from referencing.jsonschema import DRAFT202012

    key = (schema_path, schema_dir)
    with _lock:
        if key not in _validators:
            patched = _engine.patch_schema(schema, schema_path)
            registry = _registry(schema_dir).with_resource(
                schema_path, DRAFT202012.create_resource(patched))
            _validators[key] = _engine.STIXValidator(
                patched, registry=registry,
                format_checker=Draft202012Validator.FORMAT_CHECKER)
        return _validators[key]


@functools.cache
def _schema_text(path: str) -> str:
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def _load_schema(schema_path: str) -> Any:
    return json.loads(_schema_text(schema_path))  # a fresh copy: the caller edits it


def _reuse_schemas() -> None:
    if _engine.load_validator is not _load_validator:
        _engine.load_validator = _load_validator
        _engine.load_schema = _load_schema
