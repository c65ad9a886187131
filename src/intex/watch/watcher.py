"""Polling watched feeds and pages: conditional GET, new entries only, state in the ledger.

A poll of one URL asks with the validators of the last full answer (If-None-Match,
If-Modified-Since). 304: nothing to do. A feed: only entries not taken before are read
(the store remembers them), so a restart neither fetches their pages again nor ingests
them again. A page: it is one report. An error pushes the URL's next poll back, doubling
per error in a row up to a cap; a success puts it back on its interval. When a feed's
entry could not be read, the validators are not kept, so the next poll reads the feed
again and retries that entry (and only it).

A round fetches over threads, one per host (at most ``concurrency`` at a time), each
host's URLs in turn (so the per-host pace holds and a slow host holds up only its own
URLs); extraction, storing and recording run on the calling thread, as each URL's
answer arrives. A request in flight longer than its budget (``request_budget``) no
longer holds up the round: the round ends without it, that host's other URLs carry
over, and later rounds skip the host until the answer comes (then they settle it).

Notifications go through the outbox (store/watch.py): written with the poll's record,
sent afterwards, marked sent; what a crash left unsent is sent when the watcher starts.
Sent ones are deleted ``keep_sent`` seconds later, at the start of a round.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from intex import service
from intex.errors import InputError, IntexError, NotifyError
from intex.ingest import Failure, Fetched, Fetcher, FetchSettings, RawInput, decode, parse_feed
from intex.ingest.opml import read_opml
from intex.ingest.sources import entry_input
from intex.model import Marking, WatchState
from intex.service import ClaimFilter, Store
from intex.watch.notify import Notifier, encode, payload
from intex.watch.schedule import Clock, HostPacer, Sleep, backoff

OPML_MAX_BYTES = 5_000_000
RETRY_FIRST = 60.0  # seconds before a failed notification is tried again (doubling)
RETRY_CAP = 3600.0


@dataclass(frozen=True)
class WatchOptions:
    every: float = 900.0  # seconds between polls of one URL
    max_backoff: float = 6 * 3600.0  # the longest wait after errors in a row
    host_interval: float = 1.0  # seconds between two requests to one host
    subjects: tuple[str, ...] = ()  # notify about new claims on these (none: every claim)
    marking: Marking | None = None
    max_bytes: int = 5_000_000
    timeout: float = 20.0
    concurrency: int = 8  # hosts fetched from at once
    notify_attempts: int = 10  # tries of one notification before it is given up
    # how long a round waits for one request (None: the timeout and 5 s more; a server
    # can outlast the timeout, say by dripping its headers, or a name lookup hang)
    request_budget: float | None = None
    keep_sent: float = 7 * 86400.0  # seconds a sent notification stays in the outbox

    @property
    def budget(self) -> float:
        return self.timeout + 5.0 if self.request_budget is None else self.request_budget


@dataclass(frozen=True)
class PollEvent:
    """One poll of one URL: its new state and what came of it."""

    state: WatchState
    added: tuple[str, ...] = ()  # ids of the reports added
    failed: tuple[IntexError, ...] = ()  # entries that could not be read or stored
    error: IntexError | None = None  # the URL itself could not be polled
    notified: int = 0  # claims put in the outbox for the hooks
    notify_errors: tuple[NotifyError, ...] = ()


@dataclass(frozen=True)
class Delivery:
    """Notifications from the outbox sent apart from a poll: left by an earlier run (at
    start) or tried again after failing (at the start of a round)."""

    sent: int = 0
    errors: tuple[NotifyError, ...] = ()


@dataclass
class _Answer:
    """What a fetching thread got for one URL (read on the calling thread)."""

    url: str
    at: datetime  # when the answer came (after any wait for the host)
    fetched: Fetched | None = None
    items: list[RawInput | Failure] = field(default_factory=list)
    error: InputError | None = None
    crash: BaseException | None = None


class _HostRun:
    """One host's URLs in one round, fetched in turn on a thread of their own."""

    def __init__(self, host: str, urls: list[str]) -> None:
        self.host = host
        self.urls = urls
        self.thread: int | None = None
        self.requested: float | None = None  # monotonic start of the request in flight
        self.finished = threading.Event()
        self.left_behind = threading.Event()  # the round stopped waiting for it
        self._slot: threading.Semaphore | None = None
        self._lock = threading.Lock()

    def overdue(self, now: float, budget: float) -> bool:
        started = self.requested
        return started is not None and now - started > budget

    def hold(self, slot: threading.Semaphore) -> None:
        slot.acquire()
        with self._lock:
            self._slot = slot

    def free(self) -> None:
        """Give back its slot (once): when it finishes, or when it is left behind, so a
        hanging host does not keep other hosts waiting for a thread."""
        with self._lock:
            slot, self._slot = self._slot, None
        if slot is not None:
            slot.release()


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


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


class Watcher:
    """Polls ``urls`` into ``store``; ``clock`` and ``sleep`` are injectable for tests."""

    def __init__(self, store: Store, urls: Sequence[str], options: WatchOptions | None = None,
                 *, notifier: Notifier | None = None, clock: Clock | None = None,
                 sleep: Sleep | None = None) -> None:
        self.store = store
        self.options = options or WatchOptions()
        self.clock: Clock = clock or (lambda: datetime.now(UTC))
        self.sleep: Sleep = sleep or time.sleep
        self._pace = HostPacer(self.options.host_interval, self.clock, self.sleep)
        self.fetcher = Fetcher(FetchSettings(timeout=self.options.timeout,
                                             max_bytes=self.options.max_bytes),
                               pace=self._paced)
        self._hosts: dict[str, _HostRun] = {}  # each host's latest run (busy until finished)
        self._answers: queue.Queue[_Answer] = queue.Queue(maxsize=2 * self.options.concurrency)
        self._slots = threading.Semaphore(max(1, self.options.concurrency))
        self._closed = threading.Event()
        self.notifier = notifier or Notifier(fetcher=self.fetcher)
        self.urls = list(dict.fromkeys(urls))
        held = store.watches.states(self.urls)
        self._states = {u: held.get(u, WatchState(u)) for u in self.urls}

    def close(self) -> None:
        self._closed.set()
        self.fetcher.close()

    def busy_hosts(self) -> set[str]:
        """Hosts with a request still in flight from a round that stopped waiting for it."""
        return {h for h, run in self._hosts.items() if not run.finished.is_set()}

    def left_behind(self) -> set[str]:
        """The URLs rounds skip until their host answers: its request outlasted its
        budget (a host that throttles or hangs), so the round stopped waiting for it."""
        busy = self.busy_hosts()
        return {u for u in self.urls if host_of(u) in busy}

    def states(self) -> list[WatchState]:
        return [self._states[u] for u in self.urls]

    def run(self, *, once: bool = False, rounds: int | None = None,
            ) -> Iterator[PollEvent | Delivery]:
        """Send what an earlier run left in the outbox, then poll until stopped (or for
        ``rounds`` rounds), sleeping until the next URL is due.

        ``once``: one round that polls every URL now (the caller, cron say, is the
        schedule), except those waiting out a backoff after errors."""
        yield from self._report(self.deliver(retry=False))
        if once:
            yield from self.round(everything=True)
            return
        done = 0
        while True:
            yield from self.round()
            done += 1
            if rounds is not None and done >= rounds:
                return
            # a busy host's URLs wait for its answer: the next round is due for the others,
            # and one budget later at the latest, to take that answer
            busy = self.busy_hosts()
            now = self.clock()
            upcoming = [s.next_poll or now for u, s in self._states.items()
                        if host_of(u) not in busy]
            if busy:
                upcoming.append(now + timedelta(seconds=self.options.budget))
            if upcoming:
                wait = (min(upcoming) - now).total_seconds()
                if wait > 0:
                    self.sleep(wait)

    def round(self, *, everything: bool = False) -> Iterator[PollEvent | Delivery]:
        """Poll each URL that is due (``everything``: each one not backing off), hosts in
        parallel; first try again the notifications that failed before."""
        yield from self._report(self.deliver(retry=True))
        self.prune()
        # hosts busy now sit this round out; answers already in are settled before the
        # due URLs are chosen (a host not busy has handed in all its answers)
        busy = self.busy_hosts()
        for answer in self._arrived():
            yield self._settle(answer)
        now = self.clock()
        due = [u for u in self.urls if host_of(u) not in busy and (
            self._states[u].due(now) or (everything and self._states[u].failures == 0))]
        for answer in self._fetch_all(due):
            yield self._settle(answer)

    def poll(self, url: str) -> PollEvent:
        """Poll one URL now, on this thread."""
        return self._settle(self._fetch(url))

    # fetching: on the pool's threads ------------------------------------------------

    def _fetch_all(self, urls: list[str]) -> Iterator[_Answer]:
        """The answers for ``urls`` (of hosts not busy) as they arrive, one thread per host,
        and the late answers of hosts an earlier round stopped waiting for.

        A host whose request has been in flight longer than its budget is left behind:
        this round stops waiting for it, its thread stops after that request, and its
        other URLs carry over (still due); the answer, whenever it comes, is settled by
        the round then running. Until it comes, rounds skip the host."""
        hosts: dict[str, list[str]] = {}
        for url in urls:
            hosts.setdefault(host_of(url), []).append(url)
        runs = [self._start(host, host_urls) for host, host_urls in hosts.items()]
        budget = self.options.budget
        try:
            while True:
                try:
                    answer = self._answers.get(timeout=0.05)
                except queue.Empty:
                    answer = None
                if answer is not None:
                    if answer.crash is not None:
                        raise answer.crash
                    yield answer
                    continue
                now = time.monotonic()
                for run in runs:
                    if not run.finished.is_set() and run.overdue(now, budget):
                        run.left_behind.set()
                        run.free()
                if all(run.finished.is_set() or run.left_behind.is_set() for run in runs):
                    break
            yield from self._arrived()  # those that came in the meantime
        finally:
            for run in runs:  # a round cut short (the caller stopped) starts nothing more
                run.left_behind.set()

    def _arrived(self) -> Iterator[_Answer]:
        """The answers waiting to be settled, without waiting for more."""
        while True:
            try:
                answer = self._answers.get_nowait()
            except queue.Empty:
                return
            if answer.crash is not None:
                raise answer.crash
            yield answer

    def _start(self, host: str, urls: list[str]) -> _HostRun:
        run = _HostRun(host, urls)
        self._hosts[host] = run

        def work() -> None:
            run.thread = threading.get_ident()
            try:
                run.hold(self._slots)
                for url in run.urls:
                    if run.left_behind.is_set() or self._closed.is_set():
                        return
                    answer = self._fetch(url)
                    run.requested = None
                    while not self._closed.is_set():
                        try:
                            self._answers.put(answer, timeout=0.1)
                            break
                        except queue.Full:
                            continue
            finally:
                run.free()
                run.finished.set()

        threading.Thread(target=work, name=f"intex-watch-{host}", daemon=True).start()
        return run

    def _paced(self, url: str) -> None:
        """Wait for the host's pace, then note when its request starts (its budget runs)."""
        self._pace(url)
        run = self._hosts.get(host_of(url))
        if run is not None and run.thread == threading.get_ident():
            run.requested = time.monotonic()

    def _fetch(self, url: str) -> _Answer:
        state, opts = self._states[url], self.options
        try:
            got = self.fetcher.fetch(url, etag=state.etag, modified=state.last_modified)
            at = self.clock()
            if got.not_modified:
                return _Answer(url, at, got)
            raw = decode(got.data, url, got.content_type, opts.max_bytes)
            if raw.format != "feed":  # a watched page is its own "feed": it brought the report
                return _Answer(url, at, got, [replace(raw, url=got.url, feed=url)])
            return _Answer(url, at, got, [replace(item, feed=url)
                                          if isinstance(item, RawInput) else item
                                          for item in self._fresh_entries(url, got.data,
                                                                          got.url)])
        except InputError as err:
            return _Answer(url, self.clock(), error=err)
        except Exception as exc:  # handed to the calling thread, raised there
            return _Answer(url, self.clock(), crash=exc)

    def _fresh_entries(self, url: str, data: bytes, final_url: str) -> Iterator[RawInput | Failure]:
        entries = parse_feed(data, final_url, name=url)
        keyed = [(e.url or f"{url}#{e.title or n}", e) for n, e in enumerate(entries, 1)]
        seen = self.store.watches.seen(url, [k for k, _ in keyed])
        fetcher: Callable[[], Fetcher] = lambda: self.fetcher  # noqa: E731
        for key, entry in keyed:
            if key not in seen:
                yield entry_input(entry, key, fetcher, self.options.max_bytes)

    # storing and recording: on the calling thread -----------------------------------

    def _settle(self, answer: _Answer) -> PollEvent:
        url, now, opts = answer.url, answer.at, self.options
        state = self._states[url]
        got = answer.fetched
        if answer.error is not None or got is None:
            failures = state.failures + 1
            wait = backoff(opts.every, failures, opts.max_backoff)
            err = answer.error or InputError("no answer", subject=url)
            return self._record(replace(
                state, last_poll=now, next_poll=now + timedelta(seconds=wait),
                failures=failures, result=f"error: {err.message}", failed_entries=0),
                error=err)
        if got.not_modified:
            return self._record(self._ok(state, now, "not modified"))
        watches, hooked = self.store.watches, self.notifier.active
        left = watches.taking(url) if hooked else set()  # by a poll cut short
        if hooked:
            watches.begin_taking(url, [i.name for i in answer.items], self.clock())
        events = list(service.store_inputs(self.store, answer.items, marking=opts.marking,
                                           clock=self.clock))
        added = tuple(e.result.report_id for e in events
                      if e.result is not None and e.result.status == "added")
        failed = tuple(e.error for e in events if e.error is not None)
        if added or failed:  # a feed read again with nothing new stores nothing
            service.ingested(self.store, events, by=service.actor("watch"))
        taken = [e.name for e in events if e.result is not None]
        words = f"{len(added)} new" if events else "no new entries"
        if failed:
            words += f", {len(failed)} failed"
        new = replace(self._ok(state, now, words), new_reports=state.new_reports + len(added),
                      failed_entries=len(failed))
        if not failed:  # else read the whole feed again next time, to retry those entries
            new = replace(new, etag=got.header("etag"),
                          last_modified=got.header("last-modified"))
        # the reports to tell about: those added now, and those a poll cut short stored
        fresh = list(added) + [e.result.report_id for e in events if e.result is not None
                               and e.result.status != "added" and e.name in left]
        messages, claims = self._messages(url, fresh) if hooked and fresh else ([], 0)
        event = self._record(new, entries=taken, added=added, failed=failed,
                             notified=claims, messages=messages)
        if not messages:
            return event
        delivery = self.deliver(retry=False)
        return replace(event, notify_errors=delivery.errors)

    def _messages(self, url: str, report_ids: list[str],
                  ) -> tuple[list[tuple[str | None, str, str]], int]:
        """The outbox rows (subject, hook, JSON) for new claims in these reports, and how
        many claims they carry."""
        rows: list[tuple[str | None, str, str]] = []
        claims = 0
        for subject in self.options.subjects or (None,):
            found = [row for rid in report_ids for row in service.ledger(
                self.store, ClaimFilter(subject=subject, report=rid, fold=False))]
            if found:
                claims += len(found)
                body = encode(payload(url, subject, found))
                rows.extend((subject, hook, body) for hook in self.notifier.hooks)
        return rows, claims

    def _ok(self, state: WatchState, now: datetime, result: str) -> WatchState:
        return replace(state, last_poll=now, failures=0, result=result, failed_entries=0,
                       next_poll=now + timedelta(seconds=self.options.every))

    def _record(self, state: WatchState, *, entries: Sequence[str] = (),
                messages: Sequence[tuple[str | None, str, str]] = (), **what: object,
                ) -> PollEvent:
        self.store.watches.save(state, entries=entries, now=state.last_poll,
                                messages=messages)
        self._states[state.url] = state
        return PollEvent(state, **what)  # type: ignore[arg-type]

    # the outbox ----------------------------------------------------------------------

    def deliver(self, *, retry: bool = True) -> Delivery:
        """Send the outbox's unsent notifications for this watcher's hooks, marking each
        sent as the hook takes it. Those that failed before are tried again only with
        ``retry``, once their wait (a minute, doubling per failure, at most an hour) is
        over; after ``notify_attempts`` failures one is given up (and stays unsent)."""
        if not self.notifier.active:
            return Delivery()
        watches, now = self.store.watches, self.clock()
        sent, errors, after = 0, [], 0
        while True:
            batch = watches.pending(self.notifier.hooks, after=after,
                                    max_attempts=self.options.notify_attempts)
            if not batch:
                break
            for note in batch:
                after = note.id
                if note.attempts and not (retry and note.tried_at is not None and (
                        now - note.tried_at).total_seconds() >= backoff(
                            RETRY_FIRST, note.attempts - 1, RETRY_CAP)):
                    continue
                err = self.notifier.deliver(note.hook, note.payload)
                if err is None:
                    watches.sent(note.id, self.clock())
                    sent += 1
                else:
                    watches.failed(note.id, str(err), self.clock())
                    errors.append(err)
        return Delivery(sent, tuple(errors))

    def prune(self) -> int:
        """Delete notifications sent more than ``keep_sent`` seconds ago; how many."""
        return self.store.watches.prune_sent(
            self.clock() - timedelta(seconds=self.options.keep_sent))

    @staticmethod
    def _report(delivery: Delivery) -> Iterator[Delivery]:
        if delivery.sent or delivery.errors:
            yield delivery
