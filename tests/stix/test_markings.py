from __future__ import annotations

import pytest

from intex.model import TLP, Marking
from intex.stix import markings
from intex.stix.claim_extension import INTEX_IDENTITY_ID as INTEX

# copied by hand from oasis-open/cti-stix-common-objects, objects/marking-definition/ and
# extension-definition-specifications/tlp-2.0/
OFFICIAL = {
    TLP.CLEAR: "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
    TLP.GREEN: "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
    TLP.AMBER: "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
    TLP.AMBER_STRICT: "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
    TLP.RED: "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
}


@pytest.mark.parametrize("tlp", list(TLP))
def test_tlp_definitions_are_the_official_ones(tlp):
    md = markings.tlp_definition(tlp)
    assert md["id"] == OFFICIAL[tlp]
    assert md["name"] == f"TLP:{tlp.label}"
    assert md["created"] == "2022-10-01T00:00:00.000Z"
    assert md["extensions"] == {"extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d": {
        "extension_type": "property-extension", "tlp_2_0": tlp.label.lower()}}
    assert markings.tlp_from_id(OFFICIAL[tlp]) is tlp


def test_releasability_is_a_statement_whose_id_ignores_order():
    a = markings.releasability_definition(("UKR", "KOR"), created_by=INTEX)
    b = markings.releasability_definition(("kor", "UKR", "KOR"),
                                          created_by=INTEX)
    assert a == b
    assert a["definition_type"] == "statement"
    assert a["definition"] == {"statement": "REL TO KOR, UKR"}
    assert markings.parse_releasability("REL TO KOR, UKR") == ("KOR", "UKR")
    assert markings.parse_releasability("Copyright 2024 Example") is None
    assert markings.parse_releasability("REL TO Korea") is None


@pytest.mark.parametrize(("inner", "outer", "expected"), [
    (Marking(TLP.RED), Marking(TLP.GREEN), True),
    (Marking(TLP.GREEN), Marking(TLP.RED), False),
    (Marking(TLP.GREEN), Marking(TLP.GREEN), False),
    (Marking(TLP.GREEN, ("KOR",)), Marking(TLP.GREEN), True),
    (Marking(TLP.GREEN, ("KOR",)), Marking(TLP.GREEN, ("KOR", "UKR")), True),
    (Marking(TLP.GREEN, ("KOR", "UKR")), Marking(TLP.GREEN, ("KOR",)), False),
    (Marking(TLP.GREEN), Marking(TLP.GREEN, ("KOR",)), False),
])
def test_more_restricted(inner, outer, expected):
    assert markings.more_restricted(inner, outer) is expected


def test_strictest_and_least_restricted():
    assert markings.strictest(Marking(TLP.AMBER, ("KOR",)), Marking(TLP.AMBER_STRICT)) == \
        Marking(TLP.AMBER_STRICT, ("KOR",))
    assert markings.strictest(Marking(TLP.GREEN, ("KOR", "UKR")),
                              Marking(TLP.AMBER, ("UKR",))) == Marking(TLP.AMBER, ("UKR",))
    assert markings.least_restricted([Marking(TLP.RED), Marking(TLP.GREEN, ("KOR",))]) == \
        Marking(TLP.GREEN)
    assert markings.least_restricted([Marking(TLP.RED, ("UKR",)),
                                      Marking(TLP.AMBER, ("KOR",))]) == \
        Marking(TLP.AMBER, ("KOR", "UKR"))
    assert markings.marking_refs(Marking(TLP.AMBER, ("UKR", "KOR")))[0] == OFFICIAL[TLP.AMBER]
