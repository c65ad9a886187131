from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime


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
