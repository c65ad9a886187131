"""A claim nobody is named for still exports: its outlet, or an explicit unattributed party."""

from datetime import UTC, datetime

from intex import service
from intex.stix import ExportClaim, ExportSet, build_bundle, validate


def test_unattributed_claims_export_valid():
    ex = service.extract_bytes(b"Strike\n\n40 drones were shot down over Kyiv.", name="x")
    assert ex.claims and not ex.claims[0].sources
    export = ExportSet(documents=(ex.document,), entities=ex.entities,
                       claims=tuple(ExportClaim(c, ex.document.id) for c in ex.claims))
    bundle = build_bundle(export, clock=lambda: datetime(2026, 1, 1, tzinfo=UTC))
    assert validate(bundle).ok
    claim = next(o for o in bundle["objects"] if o["type"] == "attributed-claim")
    assert claim["source_names"] == ["Unattributed"]
