from __future__ import annotations

import uuid

from intex.model import ids as model_ids
from intex.stix import claim_extension, ids


def test_derived_ids_are_uuid5_in_the_intex_namespace():
    sid = ids.derived("identity", "entity", "person:kyrylo-budanov")
    assert sid == "identity--" + str(uuid.uuid5(
        model_ids.NAMESPACE, "\x1f".join(("stix", "identity", "entity", "person:kyrylo-budanov"))))
    assert uuid.UUID(sid.split("--")[1]).version == 5
    assert model_ids.NAMESPACE != ids.SCO_NAMESPACE


def test_report_and_claim_keep_their_intex_uuid():
    report = model_ids.report_id("https://example.org/a")
    assert ids.report_id(report) == report
    assert ids.report_id("not-a-stix-id").startswith("report--")
    claim = model_ids.claim_id(report, 1, 9, 11000.0, None)
    assert ids.claim_id(claim, "attributed-claim") == \
        "attributed-claim--" + claim.removeprefix("claim--")


def test_same_key_same_id_and_types_never_share_a_uuid():
    assert ids.outlet_id("Example.org") == ids.outlet_id("example.org")
    assert ids.entity_identity_id("gpe:x").split("--")[1] != \
        ids.entity_location_id("gpe:x").split("--")[1]
    assert ids.releasability_id(("KOR", "UKR")) != ids.releasability_id(("UKR",))


def test_the_published_ids_are_what_the_derivation_gave_and_stay_frozen():
    assert claim_extension.EXTENSION_ID == ids.derived("extension-definition",
                                                       claim_extension.CLAIM_TYPE)
    assert claim_extension.EXTENSION_ID == \
        "extension-definition--1528b898-c58d-55be-b135-0dc016dba7b1"
    assert claim_extension.INTEX_IDENTITY_ID == ids.producer_id("intex")
