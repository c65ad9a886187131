"""Putting reports into the ledger: read, extract, store in batches, read again."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import BinaryIO

from intex.errors import EmptyInput, IntexError
from intex.extraction import Extraction, run
from intex.ingest import Failure, Fetcher, FetchSettings, expand
from intex.ingest.formats import RawInput
from intex.model import Document, Marking
from intex.pipeline.claims import EXTRACTOR
from intex.service.extract import default_pipeline, extract_bytes, extract_inputs
from intex.service.sources import default_marking
from intex.store import IngestResult, Store


@dataclass(frozen=True)
class IngestEvent:
    """What became of one input: a stored result, or the one error naming it."""

    name: str
    result: IngestResult | None = None
    error: IntexError | None = None
    marking: Marking | None = None  # the one a report added was stored under


def ingested(store: Store, events: Sequence[IngestEvent], *, marking: Marking | None = None,
             by: str | None = None, address: str | None = None) -> None:
    """Record an ingest someone asked for in the audit log: what they gave, what came of
    it, under the marking its reports took (so it shows only to who may see them; None:
    the strictest of the markings the events' reports were stored under)."""
    tally = IngestTally()
    for e in events:
        tally.add(e)
    tally.record(store, by=by, address=address, marking=marking)


def recorded(store: Store, events: Iterable[IngestEvent], *, by: str | None,
             address: str | None = None) -> Iterator[IngestEvent]:
    """``events`` passed through as they come, and one audit entry for the run once they
    end, or once the run stops early (an error, an interrupt): what was done is logged."""
    tally = IngestTally()
    try:
        for e in events:
            tally.add(e)
            yield e
    finally:
        tally.record(store, by=by, address=address)


class IngestTally:
    """What an ingest run did, counted as it goes (a batch run holds no list of events)."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.named = 0  # characters of the names kept
        self.events = self.added = self.failed = 0
        self.marking: Marking | None = None

    def add(self, e: IngestEvent) -> None:
        from intex.stix.markings import strictest

        self.events += 1
        self.added += e.result is not None and e.result.status == "added"
        self.failed += e.error is not None
        if self.named < 400:
            self.names.append(e.name)
            self.named += len(e.name) + 2
        if e.marking is not None:
            self.marking = e.marking if self.marking is None \
                else strictest(self.marking, e.marking)

    def record(self, store: Store, *, by: str | None, address: str | None = None,
               marking: Marking | None = None) -> None:
        from intex.service.audit import record

        if not self.events:
            return
        more = self.events - len(self.names)
        subject = ", ".join(self.names)[:400] + (f" and {more} more" if more > 0 else "")
        record(store, "report.ingested", by, subject=subject, address=address,
               marking=marking or self.marking or Marking(),
               detail=f"{self.added} added, {self.events - self.added - self.failed} already "
                      f"held, {self.failed} failed")


def actor(channel: str) -> str:
    """Who a run without a signed-in user is recorded as: the channel and the operating
    system's user ("cli:ana", "watch:intex"); the channel alone when no user is known."""
    import getpass

    try:
        user = getpass.getuser()
    except (OSError, KeyError):
        return channel
    return f"{channel}:{user}" if user else channel


def ingest(store: Store, inputs: Sequence[str], *, feeds: Sequence[str] = (),
           marking: Marking | None = None, max_bytes: int = 5_000_000, timeout: float = 20.0,
           stdin: BinaryIO | None = None, batch: int = 25,
           clock: Callable[[], datetime] | None = None) -> Iterator[IngestEvent]:
    """Read, extract and store each input; one bad input never stops the others.

    Inputs stream through: reports are stored in batches of ``batch``, each in its own
    savepoint, so memory stays flat however long the run and a crash loses at most one
    batch (which a re-run then stores: ingesting is idempotent). ``clock`` gives the
    time recorded as each batch's ingest time (now, unless a test fixes it).

    ``marking`` None: each report takes the default an analyst set for its feed, else for
    its site (``mark_source``), else TLP:CLEAR.
    """
    fetcher = Fetcher(FetchSettings(timeout=timeout, max_bytes=max_bytes))
    try:
        yield from store_inputs(store, expand(inputs, feeds=feeds, fetcher=fetcher,
                                              max_bytes=max_bytes, stdin=stdin),
                                marking=marking, batch=batch, clock=clock)
    finally:
        fetcher.close()


def store_inputs(store: Store, items: Iterable[RawInput | Failure], *,
                 marking: Marking | None = None, batch: int = 25,
                 clock: Callable[[], datetime] | None = None) -> Iterator[IngestEvent]:
    """Extract and store decoded inputs (failures pass through as events), in batches."""
    feeds: dict[str, str | None] = {}

    def remember(items: Iterable[RawInput | Failure]) -> Iterator[RawInput | Failure]:
        for item in items:
            if isinstance(item, RawInput):
                feeds[item.name] = item.feed
            yield item

    return store_extractions(store, extract_inputs(remember(items)), marking=marking,
                             batch=batch, clock=clock, feeds=feeds)


def store_extractions(store: Store, items: Iterable[tuple[str, Extraction | IntexError]], *,
                      marking: Marking | None = None, batch: int = 25,
                      clock: Callable[[], datetime] | None = None,
                      feeds: Mapping[str, str | None] | None = None,
                      ) -> Iterator[IngestEvent]:
    """Store extractions in batches of ``batch`` (a savepoint each); errors pass through.

    ``feeds`` names each input's feed (None: none): each report is linked to its feed,
    which counts it. ``marking`` None: each report takes the default an analyst set for its
    feed, else for its site, else TLP:CLEAR."""
    pending: list[tuple[str, Extraction, Marking]] = []
    defaults = store.source_marks.all() if marking is None else {}
    feed_of = feeds if feeds is not None else {}  # filled as the inputs stream in

    def flush() -> Iterator[IngestEvent]:
        linked = {ex.document.id: feed for name, ex, _ in pending
                  if (feed := feed_of.get(name))}
        results = store.add_many(((ex, m) for _, ex, m in pending), extractor=EXTRACTOR,
                                 now=clock() if clock else None, feeds=linked)
        for (name, _, m), res in zip(pending, results, strict=True):
            if isinstance(res, IngestResult):
                yield IngestEvent(name, result=res,
                                  marking=m if res.status == "added" else None)
            else:
                yield IngestEvent(name, error=res)
        pending.clear()

    for name, got in items:
        if isinstance(got, IntexError):
            yield IngestEvent(name, error=got)
            continue
        pending.append((name, got, marking or default_marking(
            defaults, feed=feed_of.get(name), url=got.document.url)))
        if len(pending) >= batch:
            yield from flush()
    if pending:
        yield from flush()


def count_inputs(inputs: Sequence[str]) -> int | None:
    """How many files the inputs name, for a progress bar; None for URLs or stdin."""
    from pathlib import Path

    from intex.ingest import FOLDER_SUFFIXES

    total = 0
    for spec in inputs:
        p = Path(spec)
        if spec == "-" or "://" in spec:
            return None
        if p.is_dir():
            total += sum(1 for f in p.rglob("*") if f.is_file() and not any(
                part.startswith(".") for part in f.relative_to(p).parts)
                and (f.suffix.lower() in FOLDER_SUFFIXES or not f.suffix))
        else:
            total += 1
    return total


def reextract(store: Store, *, everything: bool = False) -> Iterator[tuple[str, int]]:
    """Read stored reports again with this version's extractor; reviewed claims stay."""
    pipeline = default_pipeline()

    def rerun(raw: str, fmt: str, doc: Document) -> Extraction:
        return run(pipeline, raw, format=fmt, url=doc.url, published=doc.published,
                   title=doc.title, source_name=doc.source_name, report_id=doc.id)

    yield from store.reextract(rerun, extractor=EXTRACTOR, everything=everything)


def ingest_texts(store: Store, items: Sequence[tuple[str, bytes]], *,
                 marking: Marking | None = None, max_bytes: int = 5_000_000,
                 ) -> list[IngestEvent]:
    """Store reports given as bytes (uploads, pasted text): one event per item, in order;
    one that cannot be read gets its error and the others go on."""
    events: list[IngestEvent | None] = []
    good: list[tuple[int, str, Extraction]] = []
    for name, data in items:
        try:
            ex = extract_bytes(data, name=name, max_bytes=max_bytes)
            if not ex.document.text.strip():
                raise EmptyInput("no article text found", subject=name)
        except IntexError as err:
            events.append(IngestEvent(name, error=err))
            continue
        good.append((len(events), name, ex))
        events.append(None)
    results = store.add_many(((ex, marking) for _, _, ex in good), extractor=EXTRACTOR)
    for (at, name, _), res in zip(good, results, strict=True):
        events[at] = IngestEvent(name, result=res) if isinstance(res, IngestResult) \
            else IngestEvent(name, error=res)
    return [e for e in events if e is not None]
