"""Feeds read once from the ingest page, and the list of feeds with how their last poll
went: the same record `intex watch` keeps, so either sees what the other did."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime

from intex.errors import PermissionDenied
from intex.model import FeedListing, Marking, Role, User, WatchState
from intex.service.access import sight
from intex.service.ingest import IngestEvent, ingest
from intex.store import Store


def feed_states(store: Store, viewer: User, *, limit: int = 200) -> list[FeedListing]:
    """The feeds polled (by `intex watch` or from the ingest page), the latest first, each
    with how many of the reports it brought ``viewer`` may see: counted under the ledger's
    rule for that reader, so reports above their clearance count for nothing."""
    if viewer.role.rank < Role.ANALYST.rank:
        raise PermissionDenied("the feed list is for analysts", subject=viewer.name)
    states = store.watches.recent(limit)
    seen = store.watches.reports_seen([s.url for s in states], sight(viewer))
    return [FeedListing(s, seen.get(s.url, 0)) for s in states]


def poll_feeds(store: Store, feeds: Sequence[str], *, marking: Marking | None = None,
               timeout: float = 20.0,
               clock: Callable[[], datetime] | None = None) -> list[IngestEvent]:
    """Read each feed once, store its entries, and record the poll beside the watcher's:
    an error counts as a failure in a row, an answer ends the run of failures. The
    watcher's validators and schedule are kept (this read was no conditional GET)."""
    events: list[IngestEvent] = []
    for feed in dict.fromkeys(feeds):
        got = list(ingest(store, [], feeds=[feed], marking=marking, timeout=timeout,
                          clock=clock))
        events += got
        now = clock() if clock else datetime.now(UTC)
        before = store.watches.states([feed]).get(feed, WatchState(feed))
        broken = next((e.error for e in got if e.name == feed and e.error), None)
        if broken is not None:
            state = replace(before, last_poll=now, failures=before.failures + 1,
                            result=f"error: {broken.message}", failed_entries=0)
        else:
            added = sum(1 for e in got if e.result is not None and e.result.status == "added")
            failed = sum(1 for e in got if e.error is not None)
            words = f"{added} new" if got else "no new entries"
            if failed:
                words += f", {failed} failed"
            state = replace(before, last_poll=now, failures=0, result=words,
                            new_reports=before.new_reports + added, failed_entries=failed)
        store.watches.save(state, now=now)
    return events
