"""Dates: page stamps (through dateparser, the one seam to it) and dates inside sentences.

In-sentence dates are resolved against the report's reference date. When no year can be
known, the date is given as ``MM-DD`` rather than an invented year.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from intex.pipeline.prefilter import SLOW_SCAN, prefiltered, with_start_test

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"

# "October 18", "Oct. 23-24", "October 18, 2024"
MONTH_DAY = re.compile(
    # (no day where the digits run on as a figure's thousands: "since December 15,000 fled")
    rf"\b(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?![,.\u00a0\u202f]\d{{3}}(?!\d))(?:st|nd|rd|th)?"
    rf"(?:\s*[-–]\s*\d{{1,2}})?(?:,?\s+(?P<year>(?:19|20)\d\d))?\b", re.I)
# "18 October", "23-24 October 2024"
DAY_MONTH = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}})?\s+(?:of\s+)?(?P<month>{_MONTH})"
    rf"(?:,?\s+(?P<year>(?:19|20)\d\d))?\b", re.I)
MONTH_YEAR = re.compile(rf"\b(?:in|since|by|during|until|through)\s+(?P<month>{_MONTH})"
                        rf"(?:\s+(?P<year>(?:19|20)\d\d))?\b(?!\s+\d)", re.I)
NUMERIC = re.compile(r"\b(?P<day>\d{1,2})[./](?P<month>\d{1,2})[./](?P<year>(?:19|20)\d\d)\b")
ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")
WEEKDAY = re.compile(r"\b(?:(?P<rel>last|this|next|on|early|late)\s+)?"
                     r"(?P<wd>monday|tuesday|wednesday|"
                     r"thursday|friday|saturday|sunday)\b", re.I)
RELATIVE = re.compile(r"\b(?P<word>yesterday|today|tonight|the day before|overnight|last night|"
                      r"over the past day|over the past 24 hours|in the past 24 hours|"
                      r"this morning|earlier today|last week|last month|this week|this month|"
                      r"earlier this month|earlier this week|last year)\b", re.I)
# "in July last year", "last July", "April of last year", "in June this year"
MONTH_LAST_YEAR = re.compile(rf"\b(?:(?P<month>{_MONTH})\s+(?:of\s+)?(?P<which>last|this)\s+year|"
                             rf"last\s+(?P<month2>{_MONTH}))\b", re.I)
# "since February 2022", "since Israel resumed its offensive on March 18": the start of
# the period a total covers, not the day the total is given for
SINCE = re.compile(r"\bsince\b[^,;:.!?()]{0,80}$", re.I)


def _iso(year: int | None, month: int, day: int | None) -> str | None:
    try:
        if year is not None and day is not None:
            return date(year, month, day).isoformat()
    except ValueError:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}" if year else None
    if not 1 <= day <= 31:
        return None
    return f"{month:02d}-{day:02d}"


def _year_for(month: int, day: int | None, ref: date | None) -> int | None:
    """The year of a month-day written without one: the latest not after the reference."""
    if ref is None:
        return None
    year = ref.year
    if (month, day or 1) > (ref.month, ref.day) and month - ref.month > 1:
        year -= 1  # "On December 30" in a report of January 3 is last year
    return year


_MAYBE_DATE = re.compile(
    r"\d|\b(?:" + "|".join(sorted(set(MONTHS) | set(WEEKDAYS), key=len, reverse=True))
    + r"|yesterday|today|tonight|overnight|day before|last|this|earlier|past)", re.I)


# each tried on every sentence: only where a date expression can start
MONTH_DAY, DAY_MONTH, MONTH_YEAR, NUMERIC, ISO, WEEKDAY, RELATIVE, MONTH_LAST_YEAR, \
    _MAYBE_DATE = (with_start_test(rx) for rx in (
        MONTH_DAY, DAY_MONTH, MONTH_YEAR, NUMERIC, ISO, WEEKDAY, RELATIVE, MONTH_LAST_YEAR,
        _MAYBE_DATE))
# and those naming a month or a weekday not at all in a sentence without one ("mar", "sep":
# the month's first letters, which its every spelling holds)
MONTH_DAY, DAY_MONTH, MONTH_YEAR, WEEKDAY = (
    prefiltered(rx, SLOW_SCAN) for rx in (MONTH_DAY, DAY_MONTH, MONTH_YEAR, WEEKDAY))


def find_dates(text: str, ref: date | None) -> list[tuple[int, int, str]]:
    """Every date expression in ``text`` as (start, end, ISO string), resolved against ``ref``."""
    return list(_find_dates(text, ref))


@lru_cache(maxsize=256)  # quantities and claims both read every sentence's dates
def _find_dates(text: str, ref: date | None) -> tuple[tuple[int, int, str], ...]:
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    if not _MAYBE_DATE.search(text):
        return ()

    def add(m: re.Match[str], value: str | None) -> None:
        if value and not any(s < m.end() and m.start() < e for s, e in taken):
            found.append((m.start(), m.end(), value))
            taken.append((m.start(), m.end()))

    for rx in (ISO, NUMERIC):
        for m in rx.finditer(text):
            add(m, _iso(int(m["year"]), int(m["month"]), int(m["day"])))
    for rx in (MONTH_DAY, DAY_MONTH):
        for m in rx.finditer(text):
            month = MONTHS[m["month"].lower().rstrip(".")]
            day = int(m["day"])
            year = int(m["year"]) if m["year"] else _year_for(month, day, ref)
            add(m, _iso(year, month, day))
    if ref is not None:
        for m in MONTH_LAST_YEAR.finditer(text):
            month = MONTHS[(m["month"] or m["month2"]).lower().rstrip(".")]
            if m["month2"]:  # "last July": the latest July before the report's month
                year = ref.year if month < ref.month else ref.year - 1
            else:
                year = ref.year if m["which"].lower() == "this" else ref.year - 1
            add(m, f"{year:04d}-{month:02d}")
    for m in MONTH_YEAR.finditer(text):
        month = MONTHS[m["month"].lower().rstrip(".")]
        year = int(m["year"]) if m["year"] else _year_for(month, None, ref)
        add(m, f"{year:04d}-{month:02d}" if year else None)
    if ref is not None:
        for m in WEEKDAY.finditer(text):
            wd = WEEKDAYS[m["wd"].lower()]
            back = (ref.weekday() - wd) % 7
            if (m["rel"] or "").lower() == "last" and back == 0:
                back = 7
            if (m["rel"] or "").lower() == "next":
                add(m, (ref + timedelta(days=(wd - ref.weekday()) % 7 or 7)).isoformat())
            else:
                add(m, (ref - timedelta(days=back)).isoformat())
        for m in RELATIVE.finditer(text):
            word = m["word"].lower()
            if word in ("yesterday", "the day before", "last night", "overnight",
                        "over the past day", "over the past 24 hours", "in the past 24 hours"):
                # an overnight attack reported in the morning happened the night before;
                # the day it is dated by is still the report's day, as reports count it
                d = ref - timedelta(days=1) if word in ("yesterday", "the day before",
                                                       "last night") else ref
                add(m, d.isoformat())
            elif word in ("today", "tonight", "this morning", "earlier today"):
                add(m, ref.isoformat())
            elif word in ("last month",):
                prev = ref.replace(day=1) - timedelta(days=1)
                add(m, f"{prev.year:04d}-{prev.month:02d}")
            elif word in ("this month", "earlier this month"):
                add(m, f"{ref.year:04d}-{ref.month:02d}")
            elif word == "last year":
                add(m, f"{ref.year - 1:04d}")
    found.sort()
    return tuple(found)


def starts_period(text: str, start: int) -> bool:
    """Whether the date at ``start`` in ``text`` opens the period a figure covers ("killed
    since February 2022", "freed since the exchange began on 6 August"): the figure is not
    dated by it."""
    return text[start:start + 6].lower() == "since " or bool(
        SINCE.search(text[max(0, start - 80):start]))


@lru_cache(maxsize=4096)
def parse_stamp(text: str) -> date | None:
    """A line that is only a date (a page's publication stamp), in any common form."""
    text = text.strip()
    if not text or len(text) > 60:
        return None
    for rx in (ISO, NUMERIC):
        m = rx.search(text)
        if m:
            try:
                return date(int(m["year"]), int(m["month"]), int(m["day"]))
            except ValueError:
                return None
    if not re.search(r"(19|20)\d\d", text):
        return None
    import dateparser

    cleaned = re.sub(r"^(published|updated|posted|publication date|date)\s*:?\s*", "", text,
                     flags=re.I)
    try:
        parsed = dateparser.parse(cleaned, settings={"STRICT_PARSING": False,
                                                     "PREFER_DAY_OF_MONTH": "first",
                                                     "RETURN_AS_TIMEZONE_AWARE": False},
                                  languages=["en", "uk", "ru", "ko", "de", "fr"])
    except (ValueError, OverflowError):
        return None
    return parsed.date() if parsed else None
