from __future__ import annotations

import calendar
import enum
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from intex.model.claim import STATUSES, Claim, SourceRef

#: fields an analyst's correction may change
CORRECTABLE = ("value", "value_max", "approx", "unit", "subject", "status", "location",
               "date", "modality", "vague", "sources")


class ReviewState(enum.StrEnum):
    AUTO = "auto"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    CORRECTED = "corrected"


@dataclass(frozen=True, slots=True)
class Review:
    """An analyst's word on a claim. Re-extraction never overwrites it."""

    claim_id: str
    state: ReviewState
    reviewer: str | None = None
    at: datetime | None = None
    note: str | None = None
    corrections: tuple[tuple[str, str], ...] = ()  # (field, new value as JSON)


def apply_corrections(claim: Claim, corrections: Iterable[tuple[str, object]],
                      ) -> tuple[Claim, list[tuple[str, object]]]:
    """The claim with an analyst's corrections applied (decoded values), and the changes
    as applied; fields that cannot be corrected and empty source chains are ignored."""
    changes: dict[str, object] = {}
    shown: list[tuple[str, object]] = []
    for name, value in corrections:
        if name not in CORRECTABLE:
            continue
        if name == "sources":
            if not isinstance(value, list) or not value:
                continue
            changes[name] = tuple(SourceRef(str(n)) for n in value)
            shown.append((name, [str(n) for n in value]))
        else:
            changes[name] = value
            shown.append((name, value))
    return replace(claim, **changes), shown  # type: ignore[arg-type]


_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$|^(\d{2})-(\d{2})$")


def correction_errors(corrections: Mapping[str, object]) -> list[str]:
    """What is wrong with an analyst's corrections, one sentence per field (none: fine).

    The one rule for every way in (the web form, the JSON API, ``intex review``): a value
    is a number not below zero, a range's top not below its bottom, a date is a day (or
    month, or year) the calendar has, written YYYY, YYYY-MM, YYYY-MM-DD or MM-DD, a status
    is one of the ledger's, a source chain names at least one source."""
    out: list[str] = []
    for name, value in corrections.items():
        if name not in CORRECTABLE:
            out.append(f"{name}: not a field a correction may change")
        elif name in ("value", "value_max"):
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0 \
                    or value != value or value in (float("inf"), float("-inf")):
                out.append(f"{name}: not a number of zero or more: {value!r}")
        elif name == "date":
            if not isinstance(value, str) or not _real_date(value):
                out.append(f"date: not a date (YYYY, YYYY-MM, YYYY-MM-DD or MM-DD): {value!r}")
        elif name == "sources":
            if not isinstance(value, list) or not value or not all(
                    isinstance(n, str) and n.strip() for n in value):
                out.append("sources: name at least one source, original first")
        elif name == "status":
            if value not in STATUSES:
                out.append(f"status: not one of the ledger's statuses: {value!r}")
        elif name in ("approx", "vague"):
            if not isinstance(value, bool):
                out.append(f"{name}: true or false, not {value!r}")
        elif not isinstance(value, str) or not value.strip() or len(value) > 200:
            out.append(f"{name}: words, at most 200 characters")
    low, high = corrections.get("value"), corrections.get("value_max")
    if isinstance(low, int | float) and isinstance(high, int | float) and high < low:
        out.append(f"value_max: below value ({high:g} < {low:g})")
    return out


def _real_date(text: str) -> bool:
    m = _DATE.match(text)
    if m is None:
        return False
    year = int(m[1]) if m[1] else 2000  # MM-DD: any leap year lets 02-29 be
    month = int(m[2] or m[4] or 1)
    day = int(m[3] or m[5] or 1)
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]
