"""Dates inside sentences, resolved against the report's date (pipeline/time.py), and the
date a claim takes from them."""

from datetime import date

import pytest

from intex.pipeline import Doc, build_pipeline
from intex.pipeline.time import find_dates, starts_period

REF = date(2025, 11, 20)  # a Thursday


def dates(text: str) -> list[str]:
    return [v for _, _, v in find_dates(text, REF)]


@pytest.mark.parametrize(("text", "want"), [
    ("Clashes in July last year left 16 dead.", ["2024-07"]),
    ("In June this year, 500 soldiers were sent.", ["2025-06"]),
    ("It gave $100 million last year.", ["2024"]),
    ("The camp was built last March.", ["2025-03"]),
    ("The camp was built last December.", ["2024-12"]),
    ("On October 18 the agency said so.", ["2025-10-18"]),
])
def test_relative_years_and_months(text, want):
    assert dates(text) == want


def test_a_date_after_since_opens_a_period():
    text = "In all, 5,757 people have been freed since March 2022, officials said on Tuesday."
    found = find_dates(text, REF)
    assert [starts_period(text, s) for s, _, _ in found] == [True, False]


def test_a_total_since_a_date_is_dated_by_the_report_not_the_period_start():
    doc = Doc(raw="Roundup\n\nAt least 3,340 people have been killed since the offensive "
                  "resumed on March 18, the ministry said.", published=REF)
    (claim,) = [c for c in build_pipeline()(doc).claims if c.value == 3340]
    assert claim.date == REF.isoformat()
