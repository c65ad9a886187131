"""Estimates as an analyst lays them out: placed in time, drawn by kind, echoes folded.

Pure functions over claims; the service reads the ledger and hands them what the viewer
may see (so that nothing hidden is ever counted, not even as a repeat).
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from intex.model.claim import Claim
from intex.model.marking import Marking
from intex.model.vocabulary import canonical_unit

#: how a claim is drawn: what a source says happened or is so, what it expects, what a
#: party intends, what it denies
KINDS = ("said", "forecast", "intention", "denied")
_KIND = {"asserted": "said", "estimated": "said", "reported": "said", "forecast": "forecast",
         "intended": "intention", "denied": "denied"}
_AHEAD = frozenset({"expected", "planned"})  # statuses that speak of the future

_FULL = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_NO_YEAR = re.compile(r"^(\d{2})-(\d{2})$")


def kind_of(claim: Claim) -> str:
    """'said', 'forecast', 'intention' or 'denied' (see KINDS)."""
    kind = _KIND.get(claim.modality, "said")
    if kind == "said" and claim.status in _AHEAD:
        return "forecast"
    return kind


def place_in_time(claim_date: str | None, published: date | None) -> tuple[date | None, str]:
    """The day a claim goes on a time axis, and that day as precisely as it is known.

    A month is drawn at its middle and a year at its middle (the text says which); a
    day without a year takes the report's year (the year before, when that day would
    fall after publication); a claim with no date of its own takes its report's.
    """
    if claim_date:
        full = _FULL.match(claim_date)
        if full:
            year, month, day = int(full[1]), full[2], full[3]
            if month is None:
                return date(year, 7, 1), full[1]
            if day is None:
                return date(year, int(month), 15), claim_date
            return _valid(year, int(month), int(day)), claim_date
        no_year = _NO_YEAR.match(claim_date)
        if no_year and published is not None:
            month_, day_ = int(no_year[1]), int(no_year[2])
            year = published.year
            when = _valid(year, month_, day_)
            if when is not None and when > published:
                year -= 1
                when = _valid(year, month_, day_)
            return when, f"{year}-{claim_date}" if when else claim_date
    if published is not None:
        return published, f"{published.isoformat()} (report)"
    return None, claim_date or "undated"


def _valid(year: int, month: int, day: int) -> date | None:
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def subject_key(claim: Claim) -> str:
    """One name for what a claim counts, whatever words its report used: 'North Korean
    soldiers' and 'north korean troops' are one subject; articles and quantifiers go."""
    words = (claim.subject or claim.unit or "").lower().replace("’", "'").split()
    while words and words[0] in {"the", "a", "an", "some", "about", "around", "at", "least",
                                 "more", "than", "over", "up", "to", "nearly", "almost"}:
        words = words[1:]
    return " ".join(canonical_unit(w) for w in words) or canonical_unit(claim.unit) or "?"


@dataclass(frozen=True, slots=True)
class Sighting:
    """One copy of a claim as the ledger holds it, with what the viewer needs to place it."""

    claim: Claim
    report_id: str
    title: str | None
    published: date | None
    origin: str
    marking: Marking
    review: str = "auto"


@dataclass(frozen=True, slots=True)
class Estimate:
    """One estimate on the timeline: the first sighting of an origin, and how many of the
    viewer's reports carry it."""

    claim: Claim
    report_id: str
    title: str | None
    when: date
    when_text: str
    kind: str
    source: str  # whom it is attributed to first ("unattributed" when nobody)
    chain: str  # the whole chain of sources: "NIS ← Park Sun-won"
    marking: Marking
    repeats: int  # reports the viewer may see that carry this origin
    review: str
    origin: str

    @property
    def value_text(self) -> str:
        c = self.claim
        text = _num(c.value) + (f"–{_num(c.value_max)}" if c.value_max is not None else "")
        return ("~" if c.approx else "") + text


def _num(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.2f}".rstrip("0").rstrip(".")


def fold_echoes(sightings: Iterable[Sighting]) -> tuple[list[Estimate], list[Sighting]]:
    """One estimate per origin, placed in time, earliest first; and one sighting of each
    origin that has no date at all (left off the axis, listed beside it).

    The earliest sighting of an origin speaks for it; the others count as repeats.
    """
    by_origin: dict[str, list[Sighting]] = {}
    for s in sightings:
        by_origin.setdefault(s.origin, []).append(s)
    out: list[Estimate] = []
    undated: list[Sighting] = []
    for group in by_origin.values():
        placed = [(place_in_time(s.claim.date, s.published), s) for s in group]
        dated = [(w, s) for w, s in placed if w[0] is not None]
        if not dated:
            undated.append(min(group, key=lambda s: s.report_id))
            continue
        (when, when_text), first = min(dated, key=lambda p: (p[0][0], p[1].report_id))
        assert when is not None
        c = first.claim
        names = [s.name for s in c.sources]
        out.append(Estimate(
            claim=c, report_id=first.report_id, title=first.title, when=when,
            when_text=when_text, kind=kind_of(c), source=names[0] if names else "unattributed",
            chain=" ← ".join(names) or "unattributed", marking=first.marking,
            repeats=len({s.report_id for s in group}), review=first.review,
            origin=first.origin))
    out.sort(key=lambda e: (e.when, e.source, e.claim.value, e.report_id))
    return out, undated


@dataclass(frozen=True, slots=True)
class Change:
    """One line of a brief: an estimate new since the date, and the one it replaces."""

    estimate: Estimate
    what: str  # new | changed | restated | corrected
    previous: Estimate | None = None


@dataclass(frozen=True, slots=True)
class BriefSection:
    subject: str
    changes: tuple[Change, ...]


def brief_changes(estimates: Sequence[Estimate], since: date,
                  corrected: frozenset[str] = frozenset()) -> list[BriefSection]:
    """New and changed estimates per subject since a day.

    An estimate is *new* when it falls on or after ``since``; *changed* when the same
    first source had given another figure for the same subject and status before it;
    *restated* when that source had given the same figure before ``since``; *corrected*
    when an analyst corrected it since (its claim id in ``corrected``), whenever it falls.
    A figure a source repeats within the period is listed once. Sections come busiest
    first.
    """
    by_subject: dict[str, list[Estimate]] = {}
    for e in estimates:
        by_subject.setdefault(subject_key(e.claim), []).append(e)
    sections = []
    for key, group in by_subject.items():
        group = sorted(group, key=lambda e: (e.when, e.report_id))
        changes = []
        # each (source, status)'s estimates so far, in order: the one before an estimate
        # is the last of them dated strictly earlier (found by bisection, not a rescan)
        seen: dict[tuple[str, str], tuple[list[date], list[Estimate]]] = {}
        for e in group:
            whens, earlier = seen.setdefault((e.source, e.claim.status), ([], []))
            n = bisect_left(whens, e.when)
            whens.append(e.when)
            earlier.append(e)
            fresh = e.when >= since
            if not fresh and e.claim.id not in corrected:
                continue
            prev = earlier[n - 1] if n and e.source != "unattributed" else None
            if not fresh:
                changes.append(Change(e, "corrected"))
            elif prev is not None and (prev.claim.value, prev.claim.value_max) != \
                    (e.claim.value, e.claim.value_max):
                changes.append(Change(e, "changed", prev))
            elif e.claim.id in corrected:
                changes.append(Change(e, "corrected", prev))
            elif prev is None:
                changes.append(Change(e, "new"))
            elif prev.when < since:
                changes.append(Change(e, "restated", prev))
        if changes:
            label = _label(group, key)
            sections.append(BriefSection(label, tuple(changes)))
    sections.sort(key=lambda s: (-len(s.changes), s.subject))
    return sections


def _label(group: Sequence[Estimate], key: str) -> str:
    """The subject as reports most often wrote it."""
    counts: dict[str, int] = {}
    for e in group:
        text = e.claim.subject or e.claim.unit or key
        counts[text] = counts.get(text, 0) + 1
    return max(sorted(counts), key=lambda t: counts[t])
