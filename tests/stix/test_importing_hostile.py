"""Malformed and hostile bundles: each is refused with one BundleError that names the
input (and the offending object where there is one), never a crash or a RecursionError."""

from __future__ import annotations

import copy
import json
import uuid

import pytest

from intex.errors import BundleError, InputError
from intex.stix import build_bundle, dumps
from intex.stix.importing import Limits, read_bundle
from intex.stix.importing_json import nesting_depth
from tests.stix.ledger import clock, export_set

NAME = "partner-upload.json"
REPORT = "report--033e287e-ad14-5a3a-9647-11a215b1a35e"
MISSING = "identity--4a3f3b7e-8d0c-4c4e-9a56-0d6ab3a4c0f2"


def good() -> dict:
    return build_bundle(export_set(), clock=clock())


def encode(bundle: object) -> bytes:
    return json.dumps(bundle).encode()


def the_report(bundle: dict) -> dict:
    return next(o for o in bundle["objects"] if o["type"] == "report")


def refused(data: bytes, *, limits: Limits | None = None, object_id: str | None = None,
            match: str | None = None) -> BundleError:
    with pytest.raises(BundleError, match=match) as caught:
        read_bundle(data, name=NAME, limits=limits or Limits())
    err = caught.value
    assert isinstance(err, InputError)
    assert err.subject == NAME and str(err).startswith(f"{NAME}: ")
    if object_id is not None:
        assert err.object_id == object_id, str(err)
        assert object_id in str(err)
    return err


def test_the_good_bundle_reads():
    assert len(read_bundle(dumps(good()).encode(), name=NAME).claims) == 5


@pytest.mark.parametrize("version", ["2.0", "2.2", 2.1])
def test_a_wrong_spec_version_on_an_object_is_refused(version):
    bundle = good()
    the_report(bundle)["spec_version"] = version
    refused(encode(bundle), object_id=REPORT, match="spec_version")


def test_a_stix_2_0_bundle_is_refused():
    bundle = good()
    bundle["spec_version"] = "2.0"
    for obj in bundle["objects"]:
        obj.pop("spec_version", None)
    refused(encode(bundle), match="STIX \"2.0\" bundle; intex reads STIX 2.1 only")


def test_a_2_0_object_without_spec_version_is_refused():
    bundle = good()
    del the_report(bundle)["spec_version"]
    refused(encode(bundle), object_id=REPORT, match="STIX 2.0 object")


def test_missing_objects_is_refused():
    bundle = good()
    del bundle["objects"]
    refused(encode(bundle), match="without an \"objects\" list")


def test_missing_bundle_type_is_refused():
    bundle = good()
    del bundle["type"]
    refused(encode(bundle), match="not a STIX bundle")


def test_an_object_without_a_type_is_refused():
    bundle = good()
    del the_report(bundle)["type"]
    refused(encode(bundle), object_id=REPORT, match="without a \"type\"")


def test_an_object_that_is_not_an_object_is_refused():
    bundle = good()
    bundle["objects"].insert(3, "report--033e287e-ad14-5a3a-9647-11a215b1a35e")
    refused(encode(bundle), object_id="objects[3]", match="not a STIX object")


def test_a_reference_to_a_missing_object_is_refused():
    bundle = good()
    the_report(bundle)["object_refs"].append(MISSING)
    err = refused(encode(bundle), object_id=REPORT, match="object_refs points to")
    assert MISSING in str(err)


@pytest.mark.parametrize("where", ["created_by_ref", "granular", "marking"])
def test_every_kind_of_reference_is_followed(where):
    bundle = good()
    report = the_report(bundle)
    missing = MISSING.replace("identity", "marking-definition")
    if where == "created_by_ref":
        report["created_by_ref"] = MISSING
    elif where == "granular":
        report["granular_markings"][0]["marking_ref"] = missing
    else:
        report["object_marking_refs"].append(missing)
    refused(encode(bundle), object_id=REPORT, match="points to")


def test_a_2mb_string_is_refused_under_a_1mb_limit():
    bundle = good()
    the_report(bundle)["description"] = "x" * 2_000_000
    refused(encode(bundle), limits=Limits(max_string=1_000_000), object_id=REPORT,
            match="a string of 2,000,000 characters; the limit is 1,000,000")


def test_a_huge_list_is_refused():
    bundle = good()
    the_report(bundle)["labels"] = ["x"] * 1_001
    refused(encode(bundle), limits=Limits(max_list=1_000), object_id=REPORT,
            match="a list of 1,001 items")


def test_a_huge_key_is_refused():
    bundle = good()
    the_report(bundle)["x_" + "k" * 2_000] = 1
    refused(encode(bundle), limits=Limits(max_string=1_000), object_id=REPORT,
            match="a string of 2,002 characters")


@pytest.mark.parametrize("opener", ["[", "{\"a\":"])
def test_nesting_10000_deep_is_a_clean_refusal(opener):
    closer = "]" if opener == "[" else "}"
    deep = '{"type": "bundle", "objects": [' + opener * 10_000 + "1" + closer * 10_000 + "]}"
    err = refused(deep.encode(), match="nested 10,00[0-9] levels deep; the limit is 20")
    assert not isinstance(err.__cause__, RecursionError)


def test_nesting_is_measured_outside_strings():
    text = b'{"a": "[[[[{{{{", "b": [["\\"[["]]}'
    assert nesting_depth(text) == 3
    assert nesting_depth(b'"unterminated [[[[') == 0  # refused later as JSON
    assert nesting_depth(b"") == 0


def test_too_deep_for_the_limit_but_not_for_python():
    bundle = good()
    the_report(bundle)["x_nested"] = [[[[[[[[[[["deep"]]]]]]]]]]]
    refused(encode(bundle), limits=Limits(max_depth=12), match="nested 14 levels deep")


def test_300000_objects_are_refused_under_the_default_limit():
    tiny = '{"type":"x-tiny","id":"x-tiny--%08d-0000-4000-8000-000000000000"}'
    objects = ",".join(tiny.replace("%08d", f"{i:08d}") for i in range(300_000))
    data = ('{"type":"bundle","id":"bundle--6f3b0f9e-5c1a-4bd4-9a34-1f7e2c9d4b10","objects":['
            + objects + "]}").encode()
    assert len(data) < Limits().max_bytes
    refused(data, match="300,000 objects; the limit is 200,000")


def test_over_size_input_is_refused_before_parsing():
    refused(b"[" * 1_001, limits=Limits(max_bytes=1_000), match="1,001 bytes is over the limit")


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00", b"not json at all", b"",
                                  b'{"type": "bundle", "objects": [', b"\xff\xfe{}"])
def test_non_json_bytes_are_refused(data):
    refused(data, match="not (valid JSON|UTF-8)")


def test_a_json_array_is_not_a_bundle():
    refused(encode(good()["objects"]), match="a JSON array, not a STIX bundle")


@pytest.mark.parametrize("text", ['{"type": "bundle", "type": "x", "objects": []}',
                                  '{"type": "bundle", "objects": [], "n": NaN}',
                                  '{"type": "bundle", "objects": [], "n": 1e999}',
                                  '{"type": "bundle", "objects": [], "n": ' + "9" * 5_000 + "}"])
def test_json_that_parsers_disagree_on_is_refused(text):
    refused(text.encode(), match="not valid JSON")


def test_an_unpaired_surrogate_is_refused():
    bundle = good()
    the_report(bundle)["description"] = "\ud800"
    refused(json.dumps(bundle).encode(), object_id=REPORT, match="surrogate")


def test_duplicate_ids_with_different_content_are_refused():
    bundle = good()
    twin = copy.deepcopy(the_report(bundle))
    twin["name"] = "Something else entirely"
    bundle["objects"].append(twin)
    refused(encode(bundle), object_id=REPORT, match="same id and version")


def test_an_exact_repeat_is_kept_once():
    bundle = good()
    bundle["objects"].append(copy.deepcopy(the_report(bundle)))
    read = read_bundle(encode(bundle), name=NAME)
    assert [o["id"] for o in read.objects].count(REPORT) == 1
    assert len(read.objects) == len(good()["objects"])


def test_the_same_time_written_two_ways_is_one_version():
    bundle = good()
    twin = copy.deepcopy(the_report(bundle))
    twin["modified"] = twin["modified"].replace(".000Z", "Z")
    twin["name"] = "changed"
    bundle["objects"].append(twin)
    refused(encode(bundle), object_id=REPORT, match="same id and version")


def test_the_validator_refuses_what_it_finds():
    bundle = good()
    claim = next(o for o in bundle["objects"] if o["type"] == "attributed-claim")
    claim["admiralty"] = "G7"
    refused(encode(bundle), object_id=claim["id"], match="invalid STIX 2.1: .*admiralty")


def test_an_id_of_another_type_is_refused():
    bundle = good()
    the_report(bundle)["id"] = MISSING
    refused(encode(bundle), object_id=MISSING, match="does not start with its type")


def test_an_empty_bundle_reads_as_nothing():
    data = b'{"type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", ' \
           b'"objects": []}'
    read = read_bundle(data, name=NAME)
    assert (read.objects, read.claims, read.reports, read.entities) == ((), (), (), ())


def test_the_validator_alone_lets_a_broken_reference_through():
    """Why importing_checks follows references itself: enforce_refs does not catch it."""
    from intex.stix import validate
    bundle = good()
    the_report(bundle)["object_refs"].append(MISSING)
    assert validate(bundle).ok


@pytest.mark.parametrize(("prop", "value"), [
    ("extensions", [1, 2]), ("modified", {"at": "now"}), ("object_refs", "report--x"),
    ("object_marking_refs", [{"id": 1}]), ("granular_markings", "all"), ("created", None),
])
def test_odd_values_in_known_places_are_refusals_not_crashes(prop, value):
    bundle = good()
    the_report(bundle)[prop] = value
    refused(encode(bundle), object_id=REPORT)


# every object goes through the validator, however many -------------------------------

def _notes(n: int) -> list[dict]:
    return [{"type": "note", "id": f"note--{uuid.UUID(int=i + 1, version=4)}",
             "spec_version": "2.1", "created": "2026-01-01T00:00:00.000Z",
             "modified": "2026-01-01T00:00:00.000Z", "content": f"note {i}",
             "object_refs": [REPORT]} for i in range(n)]


@pytest.mark.parametrize(("where", "breaks", "said"), [
    (0, {"content": 7}, "content"),  # content must be a string
    (-1, {"created": "2026-02-30T00:00:00.000Z"}, "not a valid timestamp"),  # a MUST
    (1234, {"object_refs": []}, "object_refs"),  # the schema: at least one
])
def test_one_broken_object_among_thousands_is_always_refused(where, breaks, said):
    """What only the validator checks (a note's types, a real date), on any one object
    of many: each time, by name (a sync no longer samples)."""
    bundle = good()
    notes = _notes(3000)
    notes[where].update(breaks)
    bundle["objects"] += notes
    err = refused(encode(bundle), object_id=notes[where]["id"], match="invalid STIX 2.1")
    assert said in str(err)
    bundle["objects"].remove(notes[where])
    assert len(read_bundle(encode(bundle), name=NAME).objects) == len(bundle["objects"])
