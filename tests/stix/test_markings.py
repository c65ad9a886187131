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


def test_lists_that_share_no_country_combine_to_releasable_to_nobody():
    from intex.model import NOBODY, Partner, User

    kor_only, jpn_only = Marking(TLP.GREEN, ("KOR",)), Marking(TLP.AMBER, ("JPN",))
    both = markings.strictest(kor_only, jpn_only)
    assert both == Marking(TLP.AMBER, (NOBODY,))
    assert markings.strictest(jpn_only, kor_only) == both  # no first list wins
    assert both.label() == "TLP:AMBER REL TO NONE"
    # neither list's partners nor people, nor one who counts as both, may see it
    for countries in (("KOR",), ("JPN",), ("JPN", "KOR"), ()):
        assert not Partner("p", TLP.AMBER_STRICT, countries, own=True).may_see(both)
        assert not User("u", clearance=TLP.AMBER_STRICT, countries=countries).may_see(both)
    # and it is stricter than either list, while combining with more lists stays nobody
    assert markings.more_restricted(both, kor_only) and markings.more_restricted(both, jpn_only)
    assert markings.strictest(both, Marking(TLP.GREEN, ("KOR",))).releasable_to == (NOBODY,)
    # a list that reaches nobody adds no one to a union
    assert markings.least_restricted([both, kor_only]) == Marking(TLP.GREEN, ("KOR",))


def test_releasable_to_nobody_survives_a_stix_round_trip():
    from intex.model import NOBODY
    from intex.stix.importing_markings import MarkingReader

    nobody = Marking(TLP.AMBER, (NOBODY,))
    definition = markings.releasability_definition((NOBODY,), created_by=INTEX)
    assert markings.parse_releasability(definition["definition"]["statement"]) == (NOBODY,)
    reader = MarkingReader({definition["id"]: definition})
    obj = {"object_marking_refs": markings.marking_refs(nobody)}
    assert reader.of(obj, Marking(TLP.GREEN)) == nobody
    # an object under two statements naming no common country: the same
    kor = markings.releasability_definition(("KOR",), created_by=INTEX)
    jpn = markings.releasability_definition(("JPN",), created_by=INTEX)
    reader = MarkingReader({kor["id"]: kor, jpn["id"]: jpn})
    got = reader.of({"object_marking_refs": [OFFICIAL[TLP.AMBER], kor["id"], jpn["id"]]},
                    Marking(TLP.GREEN))
    assert got == nobody
