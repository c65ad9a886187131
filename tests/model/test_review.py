"""The one rule for an analyst's correction, whichever front end it comes through."""

from __future__ import annotations

import pytest

from intex.model import correction_errors


@pytest.mark.parametrize("good", [
    {"value": 3500}, {"value": 0.5, "value_max": 2}, {"value": 7, "value_max": 7},
    {"date": "2024"}, {"date": "2024-10"}, {"date": "2024-02-29"}, {"date": "02-29"},
    {"status": "killed"}, {"location": "Kursk Oblast"}, {"sources": ["NIS", "Yonhap"]},
    {"approx": True, "unit": "soldiers", "subject": "North Korean soldiers"},
])
def test_corrections_an_analyst_can_mean(good):  # noqa: ANN001
    assert correction_errors(good) == []


@pytest.mark.parametrize(("bad", "words"), [
    ({"value": -1}, "value: not a number of zero or more"),
    ({"value": float("nan")}, "value: not a number"),
    ({"value": "many"}, "value: not a number"),
    ({"value": True}, "value: not a number"),
    ({"value": 10, "value_max": 9}, "value_max: below value (9 < 10)"),
    ({"date": "2023-02-29"}, "date: not a date"),
    ({"date": "2024-13"}, "date: not a date"),
    ({"date": "13-01"}, "date: not a date"),
    ({"date": "yesterday"}, "date: not a date"),
    ({"status": "vaporised"}, "status: not one of the ledger's statuses"),
    ({"sources": []}, "sources: name at least one source"),
    ({"sources": ["NIS", " "]}, "sources: name at least one source"),
    ({"location": ""}, "location: words"),
    ({"location": "x" * 201}, "location: words"),
    ({"approx": "yes"}, "approx: true or false"),
    ({"evidence": "other words"}, "evidence: not a field a correction may change"),
])
def test_each_wrong_correction_is_named(bad, words):  # noqa: ANN001
    (error,) = correction_errors(bad)
    assert error.startswith(words), error
