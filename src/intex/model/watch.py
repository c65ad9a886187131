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
    failed_entries: int = 0  # entries the last poll could not read or store

    def due(self, now: datetime) -> bool:
        return self.next_poll is None or self.next_poll <= now

    def outcome(self) -> str:
        """How the last poll went, in words that count no report: a count of new reports
        would count reports some readers may not see (entries that failed were stored
        nowhere, so their count is no one's secret)."""
        if self.last_poll is None:
            return "not polled yet"
        if self.failures:
            times = "once" if self.failures == 1 else f"{self.failures} times in a row"
            return f"{self.result or 'error'} (failed {times})"
        if self.result == "not modified":
            return "answered: not modified since the poll before"
        if not self.failed_entries:
            return "answered"
        n = self.failed_entries
        return f"answered; {n} {'entry' if n == 1 else 'entries'} could not be read"


@dataclass(frozen=True)
class FeedListing:
    """A watched feed as one reader is shown it: the watcher's state, and how many of the
    reports it brought that reader may see (counted under the reader's clearance, so the
    number tells nothing of the reports above it)."""

    state: WatchState
    reports: int


@dataclass(frozen=True)
class Notification:
    """A message for one hook, kept in the outbox until the hook took it.

    ``hook`` is ``"command ARGS"`` or ``"webhook URL"``; ``payload`` is the JSON text the
    hook receives; ``attempts`` counts the failed tries so far.
    """

    id: int
    source: str
    subject: str | None
    hook: str
    payload: str
    attempts: int = 0
    last_error: str | None = None
    tried_at: datetime | None = None  # when the last failed try was
