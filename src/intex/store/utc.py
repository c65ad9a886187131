"""Times as the store reads them back: SQLite hands back naive datetimes, and every time the
store writes is in UTC, so a naive one read back is in UTC."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import overload


@overload
def aware(at: datetime) -> datetime: ...


@overload
def aware(at: None) -> None: ...


def aware(at: datetime | None) -> datetime | None:
    """``at`` in UTC if it came back naive; an aware time or None as it is."""
    return at.replace(tzinfo=UTC) if at is not None and at.tzinfo is None else at
