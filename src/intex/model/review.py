from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from intex.model.claim import Claim, SourceRef

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
