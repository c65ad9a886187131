"""The use cases that the CLI, the web UI and TAXII share. No formatting, no argument parsing."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any, BinaryIO

from intex.errors import (
    ConfigError,
    EmptyInput,
    ExportError,
    IntexError,
    NotFound,
    PermissionDenied,
)
from intex.extraction import Extraction, run
from intex.ingest import Failure, Fetcher, FetchSettings, expand
from intex.ingest.formats import RawInput, decode
from intex.model import TLP, Document, Marking, Partner, Review, ReviewState, Role, User
from intex.pipeline import Pipeline, build_pipeline
from intex.pipeline.claims import EXTRACTOR
from intex.store import ClaimFilter, ClaimRow, IngestResult, Store, open_store
from intex.store.ledger import SORTS, Page
from intex.store.partners import Credentials
from intex.store.sight import Sight

# what the front ends (cli, web, taxii) read the ledger through; they import no deeper
__all__ = [
    "SORTS", "ClaimFilter", "ClaimRow", "ClaimView", "Credentials", "Found", "ImportEvent",
    "IngestEvent", "IngestResult", "Page", "ReportView", "Sight", "Store", "add_partner",
    "add_user", "bundle_text", "claim_view", "export_bundle", "export_for", "extract_bytes",
    "extract_input", "extract_inputs", "find", "import_bundles", "ingest", "ingest_texts",
    "ledger", "ledger_page", "object_markings", "open_ledger", "publish", "reextract",
    "remove_user", "report_view", "review_claim", "sight", "store_extractions", "store_inputs",
    "subject_terms",
]


def open_ledger(url: str) -> Store:
    """The ledger at a SQLAlchemy URL, migrated to this version's schema."""
    return open_store(url)


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    return build_pipeline()


def extract_bytes(data: bytes, *, name: str, published: date | None = None,
                  url: str | None = None, content_type: str | None = None,
                  max_bytes: int = 5_000_000) -> Extraction:
    """Decode and extract one report; raises an InputError naming ``name`` when it is none."""
    raw = decode(data, name, content_type, max_bytes=max_bytes)
    fmt = "html" if raw.format == "html" else "text"
    return run(default_pipeline(), raw.text, format=fmt, url=url or raw.url,
               published=published or raw.published, title=raw.title, source_name=name)


# --- ingest ---------------------------------------------------------------------------


@dataclass(frozen=True)
class IngestEvent:
    """What became of one input: a stored result, or the one error naming it."""

    name: str
    result: IngestResult | None = None
    error: IntexError | None = None


def ingest(store: Store, inputs: Sequence[str], *, feeds: Sequence[str] = (),
           marking: Marking | None = None, max_bytes: int = 5_000_000, timeout: float = 20.0,
           stdin: BinaryIO | None = None, batch: int = 25,
           clock: Callable[[], datetime] | None = None) -> Iterator[IngestEvent]:
    """Read, extract and store each input; one bad input never stops the others.

    Inputs stream through: reports are stored in batches of ``batch``, each in its own
    savepoint, so memory stays flat however long the run and a crash loses at most one
    batch (which a re-run then stores: ingesting is idempotent). ``clock`` gives the
    time recorded as each batch's ingest time (now, unless a test fixes it).
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
    return store_extractions(store, extract_inputs(items), marking=marking, batch=batch,
                             clock=clock)


def extract_inputs(items: Iterable[RawInput | Failure],
                   pipeline: Pipeline | None = None,
                   ) -> Iterator[tuple[str, Extraction | IntexError]]:
    """Each decoded input through the pipeline: (name, extraction or the error naming it)."""
    pipeline = pipeline or default_pipeline()
    for item in items:
        if isinstance(item, Failure):
            yield item.name, item.error
            continue
        yield item.name, extract_input(pipeline, item)


def extract_input(pipeline: Pipeline, item: RawInput) -> Extraction | IntexError:
    """One decoded input's extraction, or EmptyInput when the page holds no article text."""
    fmt = "html" if item.format == "html" else "text"
    ex = run(pipeline, item.text, format=fmt, url=item.url, published=item.published,
             title=item.title, source_name=item.name)
    if not ex.document.text.strip():
        return EmptyInput("no article text found", subject=item.name)
    return ex


def store_extractions(store: Store, items: Iterable[tuple[str, Extraction | IntexError]], *,
                      marking: Marking | None = None, batch: int = 25,
                      clock: Callable[[], datetime] | None = None) -> Iterator[IngestEvent]:
    """Store extractions in batches of ``batch`` (a savepoint each); errors pass through."""
    pending: list[tuple[str, Extraction]] = []

    def flush() -> Iterator[IngestEvent]:
        results = store.add_many(((ex, marking) for _, ex in pending), extractor=EXTRACTOR,
                                 now=clock() if clock else None)
        for (name, _), res in zip(pending, results, strict=True):
            if isinstance(res, IngestResult):
                yield IngestEvent(name, result=res)
            else:
                yield IngestEvent(name, error=res)
        pending.clear()

    for name, got in items:
        if isinstance(got, IntexError):
            yield IngestEvent(name, error=got)
            continue
        pending.append((name, got))
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


# --- the ledger ------------------------------------------------------------------------

def subject_terms(subject: str) -> tuple[tuple[str, ...], ...]:
    """Each word of a subject with the other words reports use for it.

    Synonyms of the counted thing, and demonyms with their country ("North Korean"
    finds "soldiers from North Korea"); multi-word demonyms are read as one term.
    """
    from intex.gazetteer import default_gazetteer
    from intex.model.vocabulary import synonyms

    g = default_gazetteer()
    words = subject.lower().split()
    out: list[tuple[str, ...]] = []
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            phrase = " ".join(words[i:i + n])
            entries = [e for e in g.lookup(phrase) if e.kind == "country"] if n > 1 or \
                phrase[:1].isalpha() else []
            if len(words[i:i + n]) == n and entries:
                forms = {phrase, entries[0].name.lower()}
                forms |= {a.lower() for a in entries[0].aliases if len(a) > 3}
                out.append(tuple(sorted(forms)))
                i += n
                break
        else:
            w = words[i]
            out.append(tuple(sorted(synonyms(w) | {w})))
            i += 1
    return tuple(out)


def ledger(store: Store, f: ClaimFilter) -> list[ClaimRow]:
    """The ledger's rows for a question, the subject read as an analyst means it."""
    return store.claims(_with_terms(f))


def _with_terms(f: ClaimFilter) -> ClaimFilter:
    """The filter with its subject expanded into the words reports use (subject_terms)."""
    if f.subject and not f.subject_terms:
        return replace(f, subject_terms=subject_terms(f.subject))
    return f


# --- exchange --------------------------------------------------------------------------


def export_bundle(store: Store, f: ClaimFilter | None = None, *,
                  clock: Callable[[], datetime] | None = None) -> dict[str, Any]:
    """The claims a filter selects, with their reports and entities, as a STIX 2.1 bundle.

    The bundle is checked with the official OASIS validator before it is handed out: a
    bundle with errors is refused (ExportError), never written half-valid.
    """
    from intex.stix import ExportClaim, ExportSet, build_bundle, validate

    rows = store.export_rows(_with_terms(f or ClaimFilter(fold=False)))
    export = ExportSet(
        documents=rows.documents, entities=rows.entities,
        claims=tuple(ExportClaim(claim, report_id, marking, rows.grades, review)
                     for claim, report_id, marking, review in rows.claims),
        mentions=rows.mentions, recorded=rows.recorded)
    bundle = build_bundle(export, clock=clock or (lambda: datetime.now(UTC)))
    checked = validate(bundle)
    if not checked.ok:
        raise ExportError(f"the bundle fails the STIX validator: {checked.errors[:3]}")
    return bundle


def bundle_text(bundle: dict[str, Any], *, indent: int | None = None) -> str:
    """A bundle's canonical text: the same ledger gives the same bytes."""
    from intex.stix import dumps

    return dumps(bundle, indent=indent)


@dataclass(frozen=True)
class ImportEvent:
    """What became of one bundle: objects kept, reports and claims added, or the error."""

    name: str
    objects_new: int = 0
    objects_held: int = 0
    reports: int = 0
    claims: int = 0
    error: IntexError | None = None


STIX_TYPES = frozenset({"application/stix+json", "application/taxii+json", "application/json",
                        "text/plain"})


def import_bundles(store: Store, sources: Sequence[str], *, partner: str | None = None,
                   max_bytes: int = 50_000_000, timeout: float = 20.0,
                   ) -> Iterator[ImportEvent]:
    """Take STIX 2.1 bundles (files or URLs) from a partner into the ledger.

    Every object is kept verbatim (one row per id and version, so a bundle sent twice
    changes nothing); reports and claims intex understands also enter the ledger, with
    the partner recorded and their markings kept. A refused bundle changes nothing.
    """
    from pathlib import Path

    fetcher = Fetcher(FetchSettings(timeout=timeout, max_bytes=max_bytes,
                                    allowed_types=STIX_TYPES))
    try:
        for src in sources:
            try:
                if "://" in src:
                    data = fetcher.fetch(src).data
                else:
                    path = Path(src)
                    if not path.is_file():
                        raise EmptyInput("no such file", subject=src)
                    data = path.read_bytes()
                yield take_bundle(store, data, name=src, partner=partner, max_bytes=max_bytes)
            except IntexError as err:
                yield ImportEvent(src, error=err)
    finally:
        fetcher.close()


def take_bundle(store: Store, data: bytes, *, name: str, partner: str | None,
                max_bytes: int = 50_000_000) -> ImportEvent:
    """One bundle's bytes into the ledger (see import_bundles); raises BundleError."""
    from intex.pipeline import fingerprint
    from intex.stix.importing import Limits, read_bundle

    got = read_bundle(data, name=name, limits=Limits(max_bytes=max_bytes))
    # every object as its own marking refs state it; reports and claims as read (they
    # inherit and default where the refs are silent)
    marks = object_markings(got.objects)
    marks.update({r.stix_id: r.document.marking for r in got.reports})
    marks.update({c.stix_id: c.marking for c in got.claims if c.stix_id})
    new, held = store.keep_stix(got.objects, partner=partner, markings=marks)
    by_report: dict[str, list[Any]] = {}
    for c in got.claims:
        by_report.setdefault(c.report_stix_id or "", []).append(c)
    items, claim_marks = [], {}
    for rep in got.reports:
        claims = by_report.get(rep.stix_id, [])
        for c in claims:
            if c.claim.id and c.marking != rep.document.marking:
                claim_marks[c.claim.id] = c.marking
        sig = fingerprint.minhash(rep.document.text)
        items.append((Extraction(rep.document, (), (), tuple(c.claim for c in claims), None,
                                 "stix", tuple(sig), tuple(fingerprint.bands(sig))),
                      rep.document.marking))
    results = store.add_many(items, extractor=f"stix-import/{partner or 'file'}",
                             partner=partner, claim_marks=claim_marks)
    added = [r for r in results if isinstance(r, IngestResult) and r.status == "added"]
    return ImportEvent(name, new, held, len(added), sum(r.claims for r in added))


def add_partner(store: Store, partner: Partner, *, password: str | None = None,
                remote_user: str | None = None, remote_secret: str | None = None,
                ) -> Credentials:
    """Register a partner; RED is never shared, whatever the agreement says."""
    if partner.max_tlp is TLP.RED:
        raise ConfigError("TLP:RED is never shared; the highest agreement is AMBER+STRICT",
                          subject=partner.name)
    return store.partners.add(partner, password=password, remote_user=remote_user,
                              remote_secret=remote_secret)


def object_markings(objects: Sequence[dict[str, Any]]) -> dict[str, Marking]:
    """Each object's marking as its object_marking_refs state it (TLP and REL TO), read
    as the importer reads them: the TLP 2.0 and 1.0 ids, OpenCTI's AMBER+STRICT, and the
    bundle's own definitions that state a TLP or intex's ``REL TO`` grammar.

    Marking definitions themselves, and objects that name no TLP, are left out: whoever
    serves them decides (the TAXII server counts an unmarked object as TLP:AMBER).
    """
    from intex.stix.importing_markings import MarkingReader

    reader = MarkingReader({str(o["id"]): o for o in objects
                            if o.get("type") == "marking-definition"})
    out: dict[str, Marking] = {}
    for obj in objects:
        if obj.get("type") == "marking-definition":
            continue
        said = reader.said(str(r) for r in obj.get("object_marking_refs", []))
        if said.tlp is not None:
            out[str(obj["id"])] = Marking(said.tlp, said.releasable_to)
    return out


def publish(store: Store, *, clock: Callable[[], datetime] | None = None) -> tuple[int, int]:
    """Make the ledger servable: its current STIX form kept as objects (new, already held).

    Objects are versioned by their ``modified`` time, so publishing an unchanged ledger
    adds nothing and a corrected claim adds its new version."""
    bundle = export_bundle(store, clock=clock)
    objects = bundle["objects"]
    return store.keep_stix(objects, partner=None, markings=object_markings(objects))


# --- people ------------------------------------------------------------------------------


def add_user(store: Store, user: User, password: str) -> None:
    """Create a web UI account; its clearance decides what it sees everywhere."""
    try:
        sight(user)
    except ValueError as err:
        raise ConfigError(str(err), subject=user.name) from None
    store.users.add(user, password)


def remove_user(store: Store, name: str) -> None:
    store.users.remove(name)


def sight(user: User) -> Sight:
    """What a user may see, as the store applies it: the model's rule, level by level."""
    return Sight.of(user.may_see, user.countries)


def ledger_page(store: Store, f: ClaimFilter, *, user: User, sort: str = "date",
                descending: bool = False, offset: int = 0, limit: int = 50) -> Page:
    """One page of the ledger as this user may see it."""
    return store.page(replace(_with_terms(f), sight=sight(user)), sort=sort,
                      descending=descending, offset=offset, limit=limit)


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


# --- what one user reads ------------------------------------------------------------------


@dataclass(frozen=True)
class ReportView:
    """A report as a user may see it: its claims, mentions and near-duplicates."""

    document: Document
    claims: list[ClaimRow]
    mentions: list[tuple[int, int, str, str, str, str]]  # start, end, text, id, name, type
    near: list[tuple[Document, float]]


@dataclass(frozen=True)
class ClaimView:
    row: ClaimRow
    review: Review | None
    document: Document


@dataclass(frozen=True)
class Found:
    reports: list[tuple[str, str | None, str]]  # id, title, snippet
    entities: list[tuple[str, str, str, int, int]]  # id, name, type, mentions, reports


def _visible_report(store: Store, user: User, report_id: str) -> Document:
    doc = store.report(report_id)
    if not user.may_see(doc.marking):
        # what a clearance hides is not there, for this user: the same answer as a typo
        raise NotFound("no such report", subject=report_id)
    return doc


def report_view(store: Store, user: User, report_id: str) -> ReportView:
    doc = _visible_report(store, user, report_id)
    claims = store.claims(ClaimFilter(report=doc.id, fold=False, limit=10_000,
                                      sight=sight(user)))
    near = []
    for other, similarity in store.near_duplicates(doc.id):
        try:
            near.append((_visible_report(store, user, other), similarity))
        except NotFound:
            continue
    return ReportView(doc, claims, store.mentions(doc.id), near)


def claim_view(store: Store, user: User, claim_id: str) -> ClaimView:
    rows = store.claims(ClaimFilter(claim=claim_id, fold=False, sight=sight(user)))
    if not rows:
        raise NotFound("no such claim", subject=claim_id)
    return ClaimView(rows[0], store.reviews([claim_id]).get(claim_id),
                     store.report(rows[0].report_id))


def review_claim(store: Store, user: User, claim_id: str, state: ReviewState, *,
                 corrections: dict[str, object] | None = None, note: str | None = None,
                 ) -> None:
    """An analyst's word on a claim they may see, recorded with their name and the time."""
    if not user.can(Role.ANALYST):
        raise PermissionDenied("reviewing claims needs the analyst role", subject=user.name)
    claim_view(store, user, claim_id)
    if state is ReviewState.CORRECTED and not corrections:
        raise ConfigError("a correction changes at least one field", subject=claim_id)
    store.review(claim_id, state, reviewer=user.name, note=note,
                 corrections=corrections or None)


def find(store: Store, user: User, words: str, limit: int = 20) -> Found:
    """Reports (full text) and entities matching the words, among what the user may see."""
    view = sight(user)
    return Found(store.search(words, limit, sight=view) if words.strip() else [],
                 store.entities(name=words.strip(), limit=limit, sight=view)
                 if words.strip() else [])


def export_for(store: Store, user: User, f: ClaimFilter | None = None,
               clock: Callable[[], datetime] | None = None) -> dict[str, Any]:
    """The STIX bundle of ``export_bundle``, holding only what the user may see."""
    return export_bundle(store, replace(f or ClaimFilter(fold=False), sight=sight(user)),
                         clock=clock)
