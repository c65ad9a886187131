"""Placing estimates in time, folding echoes and finding what changed: pure functions."""

from __future__ import annotations

from datetime import date

from intex.model import Claim, Marking, SourceRef, Span
from intex.model.estimate import (
    Sighting,
    brief_changes,
    fold_echoes,
    kind_of,
    place_in_time,
    subject_key,
)


def claim(value: float, *, cid: str, source: str | None = "NIS", status: str = "sent",
          modality: str = "asserted", when: str | None = None, high: float | None = None,
          subject: str = "North Korean soldiers") -> Claim:
    return Claim(value, high, False, "soldiers", subject, status, None,
                 (SourceRef(source),) if source else (), when, modality,
                 Span(0, 10, f"{value} soldiers"), id=cid)


def seen(c: Claim, report: str, origin: str, published: date | None = None) -> Sighting:
    return Sighting(c, report, None, published, origin, Marking())


def test_dates_are_placed_as_precisely_as_they_are_known():
    assert place_in_time("2024-10-23", None) == (date(2024, 10, 23), "2024-10-23")
    assert place_in_time("2024-10", None) == (date(2024, 10, 15), "2024-10")
    assert place_in_time("2024", None) == (date(2024, 7, 1), "2024")
    # a day without a year takes its report's year, or the year before when it is later
    assert place_in_time("10-18", date(2024, 10, 29)) == (date(2024, 10, 18), "2024-10-18")
    assert place_in_time("12-30", date(2025, 1, 3)) == (date(2024, 12, 30), "2024-12-30")
    assert place_in_time(None, date(2024, 11, 1)) == (date(2024, 11, 1), "2024-11-01 (report)")
    assert place_in_time("10-18", None) == (None, "10-18")
    assert place_in_time("2024-02-31", None)[0] is None


def test_forecasts_and_intentions_are_their_own_kinds():
    assert kind_of(claim(1, cid="a")) == "said"
    assert kind_of(claim(1, cid="a", modality="estimated")) == "said"
    assert kind_of(claim(1, cid="a", modality="forecast")) == "forecast"
    assert kind_of(claim(1, cid="a", status="expected")) == "forecast"
    assert kind_of(claim(1, cid="a", modality="intended")) == "intention"
    assert kind_of(claim(1, cid="a", modality="denied")) == "denied"


def test_echoes_of_one_origin_are_one_estimate_counted_by_report():
    a = claim(3000, cid="a", when="2024-10-23")
    echo = claim(3000, cid="b", when="2024-10-23")
    other = claim(11000, cid="c", when="2024-11-04", source="HUR")
    undated = claim(500, cid="d")
    got, left = fold_echoes([seen(a, "r1", "o1"), seen(echo, "r2", "o1"),
                             seen(echo, "r2", "o1"), seen(other, "r3", "o2"),
                             seen(undated, "r4", "o3")])
    assert [(e.claim.value, e.repeats, e.source) for e in got] == [(3000, 2, "NIS"),
                                                                   (11000, 1, "HUR")]
    assert [s.claim.id for s in left] == ["d"]
    assert got[0].value_text == "3,000"


def test_subjects_fold_synonyms_and_articles():
    assert subject_key(claim(1, cid="a", subject="the North Korean soldiers")) == \
        subject_key(claim(1, cid="b", subject="North Korean troops")) == "north korean troops"


def test_brief_lists_new_changed_restated_and_corrected_estimates():
    def est(value: float, cid: str, when: str, source: str = "NIS"):
        return seen(claim(value, cid=cid, when=when, source=source), cid, cid)

    estimates, _ = fold_echoes([
        est(3000, "old", "2024-10-23"),
        est(11000, "up", "2024-11-20"),  # NIS changes its figure
        est(10000, "fresh", "2024-11-21", source="Pentagon"),  # a new voice
        est(12000, "kept", "2024-10-01", source="HUR"),
        est(12000, "again", "2024-11-22", source="HUR"),  # HUR restates
        est(500, "fixed", "2024-09-01", source="MoD"),  # old, but corrected since
    ])
    (section,) = brief_changes(estimates, date(2024, 11, 1), frozenset({"fixed"}))
    got = {c.estimate.claim.id: (c.what, c.previous.claim.id if c.previous else None)
           for c in section.changes}
    assert got == {"up": ("changed", "old"), "fresh": ("new", None),
                   "again": ("restated", "kept"), "fixed": ("corrected", None)}
    assert section.subject == "North Korean soldiers"
    assert brief_changes(estimates, date(2025, 1, 1)) == []
