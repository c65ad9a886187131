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


def validate(instance: dict[str, Any], *, enforce_refs: bool = True,
             warnings: bool = True) -> Validation:
    """``enforce_refs=False`` when the bundle holds only some of the objects it refers
    to (their references having been resolved by intex's own check). ``warnings=False``
    leaves out the validator's SHOULD checks (what it reports as warnings; an import
    reads only the errors, so it does not run them): every MUST and every schema is
    checked either way."""
    _reuse_schemas()
    options = ValidationOptions(version="2.1", schema_dir=schema_dir(),
                                enforce_refs=enforce_refs and warnings, silent=True,
                                disabled=[] if warnings else ["all"])
    result = validate_instance(instance, options)
    return Validation(tuple(str(e) for e in result.errors),
                      tuple(str(w) for w in result.warnings))


# The validator builds a fresh schema registry for every object it checks and then
# re-crawls every schema file on every ``$ref`` (about half its time, measured on a
# sync of 5,000 objects), and reads each schema file from disk each time. The same
# schemas give the same answers, so intex gives it one crawled registry and one
# validator per schema file, built once per process. Nothing about what is checked
# changes: the same files, patched by the validator's own ``patch_schema``.
#
# Each of those validators first asks jsonschema-rs (a compiled JSON Schema engine) the
# same question of the same schema: when it says the object is valid, python-jsonschema
# is not run (its answer would be "no errors"; it costs ~1 ms an object, jsonschema-rs
# ~50 us); otherwise python-jsonschema is run as before and its errors are the answer.
# This is sound as long as jsonschema-rs accepts nothing python-jsonschema refuses: it
# is given python-jsonschema's own format checks (``FORMAT_CHECKER``, the validator's
# e-mail check included), and its regular expressions are no looser than Python's
# (``$`` does not match before a final newline, ``\d`` is ASCII);
# tests/stix/test_validation_engine.py checks the implication on valid and broken
# objects of every kind intex exchanges.
_lock = threading.Lock()
_validators: dict[tuple[str, str], Any] = {}


@functools.cache
def _schema_files(schema_dir: str) -> tuple[tuple[str, Any], ...]:
    """Every schema file (the validator's STIX 2.1 schemas and intex's), as (file URI,
    contents patched by the validator's ``patch_schema``)."""
    base = os.path.join(os.path.dirname(stix2validator.__file__), "schemas-2.1", "schemas")
    found = []
    for folder in (base, schema_dir):
        for root, _dirs, files in os.walk(folder, followlinks=True):
            for name in sorted(f for f in files if f.endswith(".json")):
                path = os.path.join(root, name)
                with open(path, encoding="utf-8") as handle:
                    contents = _engine.patch_schema(json.load(handle), path)
                found.append((pathlib.Path(path).as_uri(), contents))
    return tuple(found)


@functools.cache
def _registry(schema_dir: str) -> Any:
    from jsonschema import Draft202012Validator  # noqa: F401 (the validator's own engine)
    from referencing import Registry
    from referencing.jsonschema import DRAFT202012

    found = [(uri, DRAFT202012.create_resource(contents))
             for uri, contents in _schema_files(schema_dir)]
    retrieve = functools.partial(_engine.retrieve_from_filesystem, schema_dir=schema_dir)
    return Registry(retrieve=retrieve).with_resources(found).crawl()  # type: ignore[call-arg]


@functools.cache
def _compiled_registry(schema_dir: str) -> Any:
    import jsonschema_rs

    return jsonschema_rs.Registry(list(_schema_files(schema_dir)))


@functools.cache
def _formats() -> dict[str, Any]:
    """python-jsonschema's format checks, by name, for jsonschema-rs to call."""
    from jsonschema import Draft202012Validator

    checker = Draft202012Validator.FORMAT_CHECKER

    def check(name: str) -> Any:
        return lambda value: checker.conforms(value, name)
    return {name: check(name) for name in checker.checkers}


class _Checked:
    """A schema's python-jsonschema validator, asked only when jsonschema-rs finds the
    object invalid (see above); the validator calls ``iter_errors`` only."""

    def __init__(self, slow: Any, fast: Any) -> None:
        self.slow = slow
        self.fast = fast

    def iter_errors(self, instance: Any) -> Any:
        if self.fast is not None:
            try:
                if self.fast.is_valid(instance):
                    return iter(())
            except Exception:  # noqa: BLE001 (anything odd: python-jsonschema decides)
                pass
        return self.slow.iter_errors(instance)


def _compiled(patched: Any, schema_dir: str) -> Any:
    import jsonschema_rs

    try:
        return jsonschema_rs.Draft202012Validator(
            patched, registry=_compiled_registry(schema_dir), validate_formats=True,
            formats=_formats())
    except Exception:  # noqa: BLE001 (a schema it cannot compile: python-jsonschema alone)
        return None


def _load_validator(schema_path: str, schema: Any, schema_dir: str) -> Any:
    from jsonschema import Draft202012Validator
    from referencing.jsonschema import DRAFT202012

    key = (schema_path, schema_dir)
    with _lock:
        if key not in _validators:
            patched = _engine.patch_schema(schema, schema_path)
            registry = _registry(schema_dir).with_resource(
                schema_path, DRAFT202012.create_resource(patched))
            slow = _engine.STIXValidator(
                patched, registry=registry,
                format_checker=Draft202012Validator.FORMAT_CHECKER)
            _validators[key] = _Checked(slow, _compiled(patched, schema_dir))
        return _validators[key]


@functools.cache
def _load_schema(schema_path: str) -> Any:
    """A schema file, read once. The validator edits what it gets only for a bundle's
    and observed-data's schemas, always the same way (it makes ``objects`` a plain
    list or object), and its validator is then built once (above): so one copy serves."""
    with open(schema_path, encoding="utf-8") as handle:
        return json.load(handle)


_find_schema = _engine.find_schema


@functools.lru_cache(maxsize=4096)  # bounded: a partner names the types it sends
def _find_schema_once(schema_dir: str, name: str) -> Any:
    """The validator's ``find_schema``, remembering misses too (it walks the folder
    again for every object of a type the folder has no schema for)."""
    return _find_schema(schema_dir, name)


class _Timestamps:
    """``dateutil.parser`` as the validator's timestamp MUST uses it: it calls ``parse``
    on a string its pattern accepted (``YYYY-MM-DDTHH:MM:SS[.fff]Z``) and reads only
    whether it raises. ``datetime.fromisoformat`` takes such a string at a fraction of
    the cost when it is a real date and time; anything it does not take (a second 60,
    a February 30) goes to dateutil as before."""

    @staticmethod
    def parse(text: Any, *args: Any, **kwargs: Any) -> Any:
        from datetime import datetime

        if isinstance(text, str) and not args and not kwargs:
            try:
                return datetime.fromisoformat(text)
            except ValueError:
                pass
        from dateutil import parser

        return parser.parse(text, *args, **kwargs)


def _reuse_schemas() -> None:
    if _engine.load_validator is not _load_validator:
        from stix2validator.v21 import musts

        _engine.load_validator = _load_validator
        _engine.load_schema = _load_schema
        _engine.find_schema = _find_schema_once
        musts.parser = _Timestamps  # type: ignore[assignment]
        # a pure function of its string, called twice an object (modified >= created)
        musts.datetime_from_str = functools.lru_cache(maxsize=4096)(musts.datetime_from_str)
