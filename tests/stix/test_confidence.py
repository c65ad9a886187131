from __future__ import annotations

import pytest

from intex.stix.confidence import (
    admiralty,
    chain_reliability,
    credibility_from_stix,
    stix_confidence,
)

# reliability, modality → Admiralty grade, STIX confidence, read back through Appendix A
TABLE = [
    ("A", "asserted", "A3", 70, 2),
    ("B", "asserted", "B3", 60, 2),
    ("C", "asserted", "C3", 50, 3),
    ("D", "asserted", "D3", 40, 3),
    ("E", "asserted", "E3", 30, 4),
    ("F", "asserted", "F3", 50, 3),
    ("B", "estimated", "B3", 60, 2),
    ("A", "forecast", "A4", 50, 3),
    ("C", "intended", "C4", 30, 4),
    ("B", "reported", "B4", 40, 3),
    ("A", "denied", "A5", 30, 4),
    ("E", "denied", "E5", 0, 5),
]


@pytest.mark.parametrize(("grade", "modality", "form", "value", "back"), TABLE)
def test_confidence_table(grade, modality, form, value, back):
    assert admiralty(grade, modality) == form
    assert stix_confidence(grade, modality) == value
    assert credibility_from_stix(value) == back


def test_unknown_modality_cannot_be_judged():
    assert admiralty("B", "rumoured") == "B6"
    assert stix_confidence("B", "rumoured") is None


@pytest.mark.parametrize(("grades", "expected"), [
    (["B", "C"], "B"),           # the original asserting party's grade
    ([None, "C"], "C"),          # ungraded original: the first graded relay stands in
    (["F", "A"], "A"),           # F cannot be judged, so it does not count
    ([None, None], "F"),
    ([], "F"),
    (["b", " c "], "B"),
])
def test_chain_reliability(grades, expected):
    assert chain_reliability(grades) == expected


def test_grades_and_confidences_outside_their_scales_are_refused():
    with pytest.raises(ValueError):
        admiralty("G", "asserted")
    with pytest.raises(ValueError):
        credibility_from_stix(101)


def test_the_table_in_the_docs_is_the_table_in_the_code():
    from pathlib import Path

    from intex.stix.confidence import RELIABILITY, RELIABILITY_MEANING

    docs = (Path(__file__).resolve().parents[2] / "docs" / "stix.md").read_text()
    modalities = ("asserted", "estimated", "forecast", "intended", "reported", "denied")
    for r in RELIABILITY:
        cells = " | ".join(f"{admiralty(r, m)} → {stix_confidence(r, m)}" for m in modalities)
        assert f"| {r} {RELIABILITY_MEANING[r]} | {cells} |" in docs
