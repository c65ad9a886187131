"""Polling watched feeds and pages: conditional GET, new entries only, state in the ledger.

A poll of one URL asks with the validators of the last full answer (If-None-Match,
If-Modified-Since). 304: nothing to do. A feed: only entries not taken before are read
(the store remembers them), so a restart neither fetches their pages again nor ingests
them again. A page: it is one report. An error pushes the URL's next poll back, doubling
per error in a row up to a cap; a success puts it back on its interval. When a feed's
entry could not be read, the validators are not kept, so the next poll reads the feed
again and retries that entry (and only it).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from intex import service
from intex.errors import InputError, IntexError, NotifyError
from intex.ingest import Failure, Fetcher, FetchSettings, RawInput, decode, parse_feed
from intex.ingest.opml import read_opml
from intex.ingest.sources import entry_input
from intex.model import Marking, WatchState
from intex.service import ClaimFilter, Store
from intex.watch.notify import Notifier, payload
from intex.watch.schedule import Clock, HostPacer, Sleep, backoff

OPML_MAX_BYTES = 5_000_000


@dataclass(frozen=True)
class WatchOptions:
    every: float = 900.0  # seconds between polls of one URL
    max_backoff: float = 6 * 3600.0  # the longest wait after errors in a row
    host_interval: float = 1.0  # seconds between two requests to one host
    subjects: tuple[str, ...] = ()  # notify about new claims on these (none: every claim)
    marking: Marking | None = None
    max_bytes: int = 5_000_000
    timeout: float = 20.0


@dataclass(frozen=True)
class PollEvent:
    """One poll of one URL: its new state and what came of it."""

    state: WatchState
    added: tuple[str, ...] = ()  # ids of the reports added
    failed: tuple[IntexError, ...] = ()  # entries that could not be read or stored
    error: IntexError | None = None  # the URL itself could not be polled
    notified: int = 0  # claims handed to the hooks
    notify_errors: tuple[NotifyError, ...] = ()


def read_sources(specs: Sequence[str]) -> tuple[list[str], list[IntexError]]:
    """The URLs to watch: URLs as given, OPML files as the feeds they list."""
    urls: list[str] = []
    errors: list[IntexError] = []
    for spec in specs:
        if "://" in spec:
            urls.append(spec)
            continue
        path = Path(spec)
        try:
            if not path.is_file():
                raise InputError("no such OPML file", subject=spec)
            if path.stat().st_size > OPML_MAX_BYTES:
                raise InputError("over the 5 MB size cap for an OPML file", subject=spec)
            urls.extend(read_opml(path.read_bytes(), name=spec))
        except OSError as exc:
            errors.append(InputError(f"cannot read: {exc.strerror or exc}", subject=spec))
        except InputError as exc:
            errors.append(exc)
    return list(dict.fromkeys(urls)), errors


class Watcher:
    """Polls ``urls`` into ``store``; ``clock`` and ``sleep`` are injectable for tests."""

    def __init__(self, store: Store, urls: Sequence[str], options: WatchOptions | None = None,
                 *, notifier: Notifier | None = None, clock: Clock | None = None,
                 sleep: Sleep | None = None) -> None:
        self.store = store
        self.options = options or WatchOptions()
        self.clock: Clock = clock or (lambda: datetime.now(UTC))
        self.sleep: Sleep = sleep or time.sleep
        self.fetcher = Fetcher(FetchSettings(timeout=self.options.timeout,
                                             max_bytes=self.options.max_bytes),
                               pace=HostPacer(self.options.host_interval, self.clock,
                                              self.sleep))
        self.notifier = notifier or Notifier(fetcher=self.fetcher)
        self.urls = list(dict.fromkeys(urls))
        held = store.watches.states(self.urls)
        self._states = {u: held.get(u, WatchState(u)) for u in self.urls}

    def close(self) -> None:
        self.fetcher.close()

    def states(self) -> list[WatchState]:
        return [self._states[u] for u in self.urls]

    def run(self, *, once: bool = False, rounds: int | None = None) -> Iterator[PollEvent]:
        """Poll until stopped (or for ``rounds`` rounds), sleeping until the next URL is due.

        ``once``: one round that polls every URL now (the caller, cron say, is the
        schedule), except those waiting out a backoff after errors."""
        if once:
            yield from self.round(everything=True)
            return
        done = 0
        while True:
            yield from self.round()
            done += 1
            if rounds is not None and done >= rounds:
                return
            upcoming = [s.next_poll for s in self._states.values() if s.next_poll]
            if upcoming:
                wait = (min(upcoming) - self.clock()).total_seconds()
                if wait > 0:
                    self.sleep(wait)

    def round(self, *, everything: bool = False) -> Iterator[PollEvent]:
        """Poll each URL that is due (``everything``: each one not backing off)."""
        now = self.clock()
        for url in self.urls:
            state = self._states[url]
            if state.due(now) or (everything and state.failures == 0):
                yield self.poll(url)

    def poll(self, url: str) -> PollEvent:
        state, opts = self._states[url], self.options
        try:
            got = self.fetcher.fetch(url, etag=state.etag, modified=state.last_modified)
            now = self.clock()  # after any wait for the host: when the answer came
            if got.not_modified:
                return self._record(self._ok(state, now, "not modified"))
            raw = decode(got.data, url, got.content_type, opts.max_bytes)
            items: list[RawInput | Failure] | Iterator[RawInput | Failure]
            if raw.format == "feed":
                items = self._fresh_entries(url, got.data, got.url)
            else:
                items = [replace(raw, url=got.url)]
            events = list(service.store_inputs(self.store, items, marking=opts.marking,
                                               clock=self.clock))
        except InputError as err:
            now = self.clock()
            failures = state.failures + 1
            wait = backoff(opts.every, failures, opts.max_backoff)
            return self._record(replace(
                state, last_poll=now, next_poll=now + timedelta(seconds=wait),
                failures=failures, result=f"error: {err.message}"), error=err)
        added = tuple(e.result.report_id for e in events
                      if e.result is not None and e.result.status == "added")
        failed = tuple(e.error for e in events if e.error is not None)
        taken = [e.name for e in events if e.result is not None]
        words = f"{len(added)} new" if events else "no new entries"
        if failed:
            words += f", {len(failed)} failed"
        new = replace(self._ok(state, now, words), new_reports=state.new_reports + len(added))
        if not failed:  # else read the whole feed again next time, to retry those entries
            new = replace(new, etag=got.header("etag"),
                          last_modified=got.header("last-modified"))
        event = self._record(new, entries=taken, added=added, failed=failed)
        return self._notify(event) if added and self.notifier.active else event

    def _fresh_entries(self, url: str, data: bytes, final_url: str) -> Iterator[RawInput | Failure]:
        entries = parse_feed(data, final_url, name=url)
        keyed = [(e.url or f"{url}#{e.title or n}", e) for n, e in enumerate(entries, 1)]
        seen = self.store.watches.seen(url, [k for k, _ in keyed])
        fetcher: Callable[[], Fetcher] = lambda: self.fetcher  # noqa: E731
        for key, entry in keyed:
            if key not in seen:
                yield entry_input(entry, key, fetcher, self.options.max_bytes)

    def _ok(self, state: WatchState, now: datetime, result: str) -> WatchState:
        return replace(state, last_poll=now, failures=0, result=result,
                       next_poll=now + timedelta(seconds=self.options.every))

    def _record(self, state: WatchState, *, entries: Sequence[str] = (), **what: object,
                ) -> PollEvent:
        self.store.watches.save(state, entries=entries, now=state.last_poll)
        self._states[state.url] = state
        return PollEvent(state, **what)  # type: ignore[arg-type]

    def _notify(self, event: PollEvent) -> PollEvent:
        notified = 0
        errors: list[NotifyError] = []
        for subject in self.options.subjects or (None,):
            rows = [row for rid in event.added for row in service.ledger(
                self.store, ClaimFilter(subject=subject, report=rid, fold=False))]
            if rows:
                notified += len(rows)
                errors.extend(self.notifier.send(payload(event.state.url, subject, rows)))
        return replace(event, notified=notified, notify_errors=tuple(errors))
