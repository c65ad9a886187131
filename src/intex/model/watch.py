"""What intex remembers about one watched feed or page between polls."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class WatchState:
    """One watched URL: the validators for a conditional GET and the schedule.

    ``etag`` and ``last_modified`` are what the server sent with the last full answer;
    ``failures`` counts errors in a row (the backoff grows with it, a success resets it).
    """

    url: str
    etag: str | None = None
    last_modified: str | None = None
    last_poll: datetime | None = None
    next_poll: datetime | None = None
    failures: int = 0
    result: str | None = None  # what the last poll found, in words
    new_reports: int = 0  # reports added by watching this URL, all polls together

    def due(self, now: datetime) -> bool:
        return self.next_poll is None or self.next_poll <= now
