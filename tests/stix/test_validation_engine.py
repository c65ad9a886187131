"""The validator's schema checks through jsonschema-rs first (``stix/validation.py``):
the same errors as python-jsonschema alone, on valid objects of every kind intex
exchanges and on the same objects broken at random (a property given another value
of any JSON kind, one taken away, one added). The two answers differ exactly when
jsonschema-rs accepts what python-jsonschema refuses: the one way this could let an
invalid object in."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intex.stix import build_bundle
from intex.stix import validation as engine
from intex.stix.validation import validate
from tests.stix.ledger import clock, export_set

BUNDLE_ID = "bundle--6f4a2c1e-3b5d-4e7f-8a9b-0c1d2e3f4a5b"
INDICATOR = {
    "type": "indicator", "spec_version": "2.1",
    "id": "indicator--0b9f6c38-6b7e-4d9a-9f0c-2f6b1e3d4c5a",
    "created": "2026-03-02T09:00:00.000Z", "modified": "2026-03-02T09:00:00.000Z",
    "name": "staging host", "pattern": "[ipv4-addr:value = '198.51.100.7']",
    "pattern_type": "stix", "valid_from": "2026-03-02T09:00:00Z",
    "indicator_types": ["malicious-activity"], "external_references": [
        {"source_name": "cve", "external_id": "CVE-2026-1234", "url": "https://example.org/a"}],
    "object_marking_refs": ["marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"]}
IDENTITY = {
    "type": "identity", "spec_version": "2.1",
    "id": "identity--4a3f3b7e-8d0c-4c4e-9a56-0d6ab3a4c0f2",
    "created": "2026-03-02T09:00:00.000Z", "modified": "2026-03-02T09:00:00.000Z",
    "name": "CERT", "identity_class": "organization", "contact_information": "a@b.example"}


def kinds() -> list[dict[str, Any]]:
    """One object of each type an intex export holds, and two a partner may send."""
    seen: dict[str, dict[str, Any]] = {}
    for obj in build_bundle(export_set(), clock=clock())["objects"]:
        seen.setdefault(obj["type"], obj)
    return [*seen.values(), INDICATOR, IDENTITY]


KINDS = kinds()


def answer(obj: Any) -> tuple[str, ...]:
    """The validator's errors (or its own failure, which intex counts as a refusal)."""
    try:
        return validate({"type": "bundle", "id": BUNDLE_ID, "objects": [obj]},
                        enforce_refs=False, warnings=False).errors
    except Exception as err:  # noqa: BLE001
        return (f"fails: {type(err).__name__}",)


def answers(obj: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The errors through jsonschema-rs first, and python-jsonschema's alone."""
    fast = answer(obj)
    checked = engine._Checked.iter_errors
    engine._Checked.iter_errors = lambda self, instance: self.slow.iter_errors(instance)
    try:
        slow = answer(obj)
    finally:
        engine._Checked.iter_errors = checked
    return fast, slow


def test_the_compiled_engine_is_used():
    validate({"type": "bundle", "id": BUNDLE_ID, "objects": KINDS}, warnings=False)
    built = list(engine._validators.values())
    assert built and all(v.fast is not None for v in built)


@pytest.mark.parametrize("obj", KINDS, ids=lambda o: o["type"])
def test_valid_objects_have_the_same_answer(obj):
    fast, slow = answers(obj)
    assert fast == slow == ()


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-10, 10**12) | st.floats(allow_nan=False,
                                                                      allow_infinity=False)
    | st.text(max_size=12)
    | st.sampled_from(["2026-03-02T09:00:00.000Z", "2026-03-02T09:00:00Z",
                       "2026-02-30T09:00:00.000Z", "2026-03-02T09:00:60.000Z",
                       "2026-03-02T09:00:00.000Z\n", "2026-03-02 09:00:00.000Z",
                       "identity--4a3f3b7e-8d0c-4c4e-9a56-0d6ab3a4c0f2",
                       "identity--4a3f3b7e-8d0c-0c4e-9a56-0d6ab3a4c0f2",
                       "report--4a3f3b7e-8d0c-4c4e-9a56-0d6ab3a4c0f2\n", "A1", "A\u0663",
                       "B3\n", "a@b", "a@b.example", "not an address", "http://x y",
                       "https://example.org/", "", "en", "tlp", "statement", "2.1", "2.0",
                       "x_custom", "relationship", "new-sdo", "\u0661\u0662\u0663\u0664"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["type", "id", "name", "tlp", "statement", "source_name",
                         "external_id", "url", "extension_type", "start", "end", "text",
                         "x_a", "kill_chain_name", "phase_name"]), inner, max_size=3),
    max_leaves=6)


@st.composite
def near(draw: st.DrawFn, text: str) -> str:
    """A string one slip away from ``text`` (what a pattern or a format must catch)."""
    i = draw(st.integers(0, len(text)))
    slip = draw(st.sampled_from(["\n", " ", "Z", "z", "0", "9", "-", ".", "\u0663", "A",
                                 "g", "_", ":", "/", "@", "T"]))
    how = draw(st.sampled_from(["insert", "replace", "drop", "end", "upper"]))
    if how == "insert":
        return text[:i] + slip + text[i:]
    if how == "replace":
        return text[:i] + slip + text[i + 1:]
    if how == "drop":
        return text[:i] + text[i + 1:]
    if how == "end":
        return text + slip
    return text.upper()


@st.composite
def broken(draw: st.DrawFn) -> dict[str, Any]:
    obj = copy.deepcopy(draw(st.sampled_from(KINDS)))
    for _ in range(draw(st.integers(1, 3))):
        keys = sorted(obj)
        how = draw(st.sampled_from(["set", "drop", "add", "inner", "slip", "slip"]))
        texts = [k for k in keys if isinstance(obj[k], str) or (
            isinstance(obj[k], list) and obj[k] and isinstance(obj[k][0], str))]
        if how == "slip" and texts:
            key = draw(st.sampled_from(texts))
            if isinstance(obj[key], str):
                obj[key] = draw(near(obj[key]))
            else:
                obj[key][0] = draw(near(obj[key][0]))
        elif how == "drop" and len(keys) > 2:
            del obj[draw(st.sampled_from([k for k in keys if k not in ("type", "id")]))]
        elif how == "add":
            obj[draw(st.sampled_from(["x_note", "labels", "lang", "confidence", "revoked",
                                      "external_references", "granular_markings",
                                      "extensions", "created_by_ref", "BadName", "ab"]))] \
                = draw(JSON)
        elif how == "inner":
            nested = [k for k in keys if isinstance(obj[k], dict | list) and obj[k]]
            if nested:
                key = draw(st.sampled_from(nested))
                inner = obj[key]
                if isinstance(inner, list):
                    inner[draw(st.integers(0, len(inner) - 1))] = draw(JSON)
                else:
                    inner[draw(st.sampled_from(sorted(inner)))] = draw(JSON)
        else:
            obj[draw(st.sampled_from([k for k in keys if k not in ("type", "id")]))] = \
                draw(JSON)
    return obj


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(broken())
def test_broken_objects_have_the_same_answer(obj):
    fast, slow = answers(obj)
    assert fast == slow
