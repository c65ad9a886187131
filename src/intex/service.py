"""The use cases that the CLI, the web UI and TAXII share. No formatting, no argument parsing."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time
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
from intex.model import (
    TLP,
    Claim,
    Document,
    Entity,
    Marking,
    Partner,
    Review,
    ReviewState,
    Role,
    Span,
    User,
)
from intex.model.estimate import BriefSection, Estimate, Sighting, brief_changes, fold_echoes
from intex.pipeline import Pipeline, build_pipeline
from intex.pipeline.claims import EXTRACTOR
from intex.store import ClaimFilter, ClaimRow, IngestResult, Store, open_store
from intex.store.entities import Link, MentionRow
from intex.store.ledger import SORTS, Page
from intex.store.partners import Credentials, SyncState
from intex.store.sight import Sight

# what the front ends (cli, web, taxii) read the ledger through; they import no deeper
__all__ = [
    "SORTS", "ClaimFilter", "ClaimRow", "ClaimView", "Credentials", "Found", "ImportEvent",
    "IngestEvent", "IngestResult", "Page", "ReportView", "Sight", "Store", "add_partner",
    "add_user", "bundle_text", "claim_view", "export_bundle", "export_for", "extract_bytes",
    "extract_input", "extract_inputs", "find", "import_bundles", "ingest", "ingest_texts",
    "export_for_user", "ledger", "ledger_page", "mark_source", "object_markings", "open_ledger",
    "publish", "reextract",
    "remove_user", "report_view", "review_claim", "sight", "store_extractions", "store_inputs",
    "subject_terms", "unmark_source",
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
                      clock: Callable[[], datetime] | None = None,
                      feeds: Mapping[str, str | None] | None = None,
                      ) -> Iterator[IngestEvent]:
    """Store extractions in batches of ``batch`` (a savepoint each); errors pass through.

    ``marking`` None: each report takes the default an analyst set for its feed (``feeds``
    names each input's feed), else for its site, else TLP:CLEAR."""
    pending: list[tuple[str, Extraction, Marking]] = []
    defaults = store.source_marks.all() if marking is None else {}

    def flush() -> Iterator[IngestEvent]:
        results = store.add_many(((ex, m) for _, ex, m in pending), extractor=EXTRACTOR,
                                 now=clock() if clock else None)
        for (name, _, _), res in zip(pending, results, strict=True):
            if isinstance(res, IngestResult):
                yield IngestEvent(name, result=res)
            else:
                yield IngestEvent(name, error=res)
        pending.clear()

    for name, got in items:
        if isinstance(got, IntexError):
            yield IngestEvent(name, error=got)
            continue
        pending.append((name, got, marking or default_marking(
            defaults, feed=(feeds or {}).get(name), url=got.document.url)))
        if len(pending) >= batch:
            yield from flush()
    if pending:
        yield from flush()


def feed_key(spec: str) -> str:
    """How a feed is named in default markings: its URL as given, a file by its full path."""
    from pathlib import Path

    spec = spec.strip()
    return spec if "://" in spec or spec == "-" else str(Path(spec).expanduser().resolve())


def site_key(host_or_url: str) -> str:
    """A site by its host name, lower case, without ``www.``."""
    from urllib.parse import urlsplit

    text = host_or_url.strip().lower()
    host = (urlsplit(text).hostname or "") if "://" in text else text.split("/")[0]
    return host.removeprefix("www.").rstrip(".")


def default_marking(defaults: dict[tuple[str, str], Marking], *, feed: str | None,
                    url: str | None) -> Marking:
    """The marking a report gets when the command names none: its feed's default, else
    its site's (the host or the nearest parent domain set), else TLP:CLEAR."""
    if feed is not None and ("feed", feed_key(feed)) in defaults:
        return defaults[("feed", feed_key(feed))]
    host = site_key(url) if url and "://" in url else ""
    while host:
        if ("site", host) in defaults:
            return defaults[("site", host)]
        host = host.partition(".")[2] if "." in host else ""
    return Marking()


def mark_source(store: Store, *, marking: Marking, feed: str | None = None,
                site: str | None = None) -> tuple[str, str]:
    """Set the default marking of a feed or a site; returns (kind, name) as stored."""
    kind, name = _source(feed, site)
    store.source_marks.set(kind, name, marking)
    return kind, name


def unmark_source(store: Store, *, feed: str | None = None, site: str | None = None,
                  ) -> tuple[str, str]:
    kind, name = _source(feed, site)
    store.source_marks.remove(kind, name)
    return kind, name


def _source(feed: str | None, site: str | None) -> tuple[str, str]:
    if (feed is None) == (site is None):
        raise ConfigError("name one feed (--feed) or one site (--site)")
    return ("feed", feed_key(feed)) if feed is not None else ("site", site_key(site or ""))


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


# --- what a reader may see --------------------------------------------------------------


def _sees(user: User | None, marking: Marking) -> bool:
    # no user: the ledger's owner at the command line, who sees all of it
    return user is None or user.may_see(marking)


def _sight(user: User | None) -> Sight | None:
    return None if user is None else sight(user)


# --- estimates over time, and the brief ---------------------------------------------------


@dataclass(frozen=True)
class Timeline:
    """Every estimate about a subject the user may see, one per origin, earliest first."""

    subject: str
    estimates: tuple[Estimate, ...]
    undated: tuple[Sighting, ...]  # one copy of each origin with no date: not on the axis
    statuses: tuple[tuple[str, int], ...]  # every status the subject has, with its origins
    status: str | None = None  # the one shown, when one was chosen


def _sightings(store: Store, f: ClaimFilter, user: User | None) -> list[Sighting]:
    rows = store.claims(_with_terms(replace(f, fold=False, limit=max(f.limit, 10**9),
                                            sight=_sight(user))))
    return [Sighting(r.claim, r.report_id, r.title, r.published, r.origin, r.marking, r.review)
            for r in rows if r.review != "rejected"]


def timeline(store: Store, subject: str, *, user: User | None = None,
             status: str | None = None) -> Timeline:
    """Estimates of a subject over time (the subject read as ``intex claims --subject``
    reads it); echoes of one origin are one estimate with its repeats counted among the
    reports the user may see; rejected claims are left out."""
    seen = _sightings(store, ClaimFilter(subject=subject), user)
    per_status: dict[str, set[str]] = {}
    for s in seen:
        per_status.setdefault(s.claim.status, set()).add(s.origin)
    if status:
        seen = [s for s in seen if s.claim.status == status]
    estimates, undated = fold_echoes(seen)
    return Timeline(subject, tuple(estimates), tuple(undated), tuple(sorted(
        ((k, len(v)) for k, v in per_status.items()), key=lambda p: (-p[1], p[0]))), status)


def common_subjects(store: Store, *, user: User | None = None, n: int = 12,
                    ) -> list[tuple[str, int]]:
    """The subjects the ledger counts most often (as reports most often word them), with
    how many claims; what a user may see only."""
    from intex.model.estimate import subject_key
    from intex.store import subjects

    counts: dict[str, dict[str, int]] = {}
    for text, k in subjects.common(store.engine, _sight(user)):
        probe = Claim(0, None, False, None, text, "other", None, (), None, "asserted",
                      Span(0, 0, ""))
        counts.setdefault(subject_key(probe), {})[text] = k
    ranked = sorted(counts.values(), key=lambda forms: (-sum(forms.values()), min(forms)))
    return [(max(sorted(forms), key=lambda f: forms[f]), sum(forms.values()))
            for forms in ranked[:n]]


@dataclass(frozen=True)
class Brief:
    """New and changed estimates per subject since a day: the "points of attention"."""

    since: date
    made: datetime
    subject: str | None
    sections: tuple[BriefSection, ...]


def brief(store: Store, since: date | None = None, *, user: User | None = None,
          subject: str | None = None, clock: Callable[[], datetime] | None = None) -> Brief:
    """What the ledger learnt since ``since``, for the whole ledger or one subject: new
    estimates, changed ones (with the figure they replace), and analysts' corrections.
    Without a day: the four weeks up to the latest estimate the user may see."""
    from datetime import timedelta

    from intex.store import markings

    seen = _sightings(store, ClaimFilter(subject=subject), user)
    estimates, _ = fold_echoes(seen)
    if since is None:
        latest = max((e.when for e in estimates), default=None)
        since = (latest - timedelta(days=28)) if latest else date.today()
    corrected = markings.corrected_since(store.engine, datetime.combine(since, time(), UTC))
    return Brief(since, (clock or (lambda: datetime.now(UTC)))(), subject,
                 tuple(brief_changes(estimates, since, corrected)))


# --- exchange --------------------------------------------------------------------------


def export_bundle(store: Store, f: ClaimFilter | None = None, *,
                  clock: Callable[[], datetime] | None = None,
                  profile: str = "stix") -> dict[str, Any]:
    """The claims a filter selects, with their reports and entities, as a STIX 2.1 bundle.

    The bundle is checked with the official OASIS validator before it is handed out: a
    bundle with errors is refused (ExportError), never written half-valid. ``profile``
    "misp" writes each claim as a complete note in core STIX only (docs/stix.md).
    """
    bundle = _export(store, f, clock=clock)
    return bundle if profile == "stix" else _profiled(bundle, profile)


def _profiled(bundle: dict[str, Any], profile: str) -> dict[str, Any]:
    from intex.stix import validate
    from intex.stix.misp_profile import PROFILES, misp_profile

    if profile not in PROFILES:
        raise ConfigError(f"unknown export profile; one of {', '.join(PROFILES)}",
                          subject=profile)
    out = misp_profile(bundle) if profile == "misp" else bundle
    checked = validate(out)
    if not checked.ok:
        raise ExportError(f"the {profile} bundle fails the STIX validator: "
                          f"{checked.errors[:3]}")
    return out


def _export(store: Store, f: ClaimFilter | None = None, *,
            clock: Callable[[], datetime] | None = None) -> dict[str, Any]:
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


def export_for(store: Store, partner: str, f: ClaimFilter | None = None, *,
               clock: Callable[[], datetime] | None = None,
               profile: str = "stix") -> dict[str, Any]:
    """The bundle :func:`export_bundle` makes, as ``partner``'s agreement lets it see it.

    Each object is judged by the marking it would be published under, through the same
    rule and closure the TAXII server applies (``intex.stix.visibility``): the partner
    gets exactly what it would GET from ``intex serve`` of the same ledger."""
    from intex.stix import bundle_of, validate
    from intex.stix.visibility import share
    from intex.store.objects import row_marking

    who = store.partners.get(partner)
    bundle = _export(store, f, clock=clock)
    marks = object_markings(bundle["objects"])

    def marking(obj: Mapping[str, Any]) -> Marking:
        m = marks.get(str(obj.get("id")))
        return row_marking(m.tlp.name if m else None,
                           ",".join(m.releasable_to) if m else None, str(obj.get("type")))

    out = bundle_of(share(bundle["objects"], who, marking))
    checked = validate(out)
    if not checked.ok:
        raise ExportError(f"the bundle for {partner} fails the STIX validator: "
                          f"{checked.errors[:3]}")
    return out if profile == "stix" else _profiled(out, profile)


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
                max_bytes: int = 50_000_000, held: frozenset[str] = frozenset(),
                ) -> ImportEvent:
    """One bundle's bytes into the ledger (see import_bundles); raises BundleError.

    ``held``: ids of objects the ledger holds already, which the bundle may refer to
    without carrying them (a sync takes a collection in parts)."""
    from intex.pipeline import fingerprint
    from intex.stix.importing import Limits, read_bundle

    got = read_bundle(data, name=name, limits=Limits(max_bytes=max_bytes), held=held)
    # every object as its own marking refs state it; reports and claims as read (they
    # inherit and default where the refs are silent)
    marks = object_markings(got.objects)
    marks.update({r.stix_id: r.document.marking for r in got.reports})
    marks.update({c.stix_id: c.marking for c in got.claims if c.stix_id})
    new, already = store.keep_stix(got.objects, partner=partner, markings=marks)
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
    return ImportEvent(name, new, already, len(added), sum(r.claims for r in added))


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

    Objects that name no TLP are left out: whoever serves them decides (the TAXII server
    counts an unmarked object as TLP:AMBER). A marking definition is marked with what it
    states (TLP:RED's definition is RED, ``REL TO KOR`` is releasable to KOR), so that it
    reaches only those who may see what it marks: its presence tells nothing more.
    """
    from intex.stix.importing_markings import MarkingReader
    from intex.stix.visibility import resolver

    definitions = [o for o in objects if o.get("type") == "marking-definition"]
    reader = MarkingReader({str(o["id"]): o for o in definitions})
    out: dict[str, Marking] = {}
    said = resolver(definitions)
    for obj in definitions:
        stated = said(str(obj["id"]))
        if stated is not None:
            out[str(obj["id"])] = stated
    for obj in objects:
        if obj.get("type") == "marking-definition":
            continue
        read = reader.said(str(r) for r in obj.get("object_marking_refs", []))
        if read.tlp is not None:
            out[str(obj["id"])] = Marking(read.tlp, read.releasable_to)
    return out


def publish(store: Store, *, clock: Callable[[], datetime] | None = None) -> tuple[int, int]:
    """Make the ledger servable: its current STIX form kept as objects (new, already held).

    Objects are versioned by their ``modified`` time, so publishing an unchanged ledger
    adds nothing and a corrected claim adds its new version."""
    bundle = _export(store, clock=clock)
    objects = bundle["objects"]
    return store.keep_stix(objects, partner=None, markings=object_markings(objects))


# --- entities ----------------------------------------------------------------------------


@dataclass(frozen=True)
class AliasSeen:
    """A spelling the ledger met an entity under, and why it was taken to be that entity."""

    text: str
    why: str  # as the extractor recorded it: alias | role | demonym | pattern | ner ...
    explained: str  # the same, for a reader
    mentions: int


@dataclass(frozen=True)
class EntityPage:
    entity: Entity
    aliases: tuple[AliasSeen, ...]
    asserts: tuple[ClaimRow, ...]  # claims whose chain of sources names it
    about: tuple[ClaimRow, ...]  # claims whose evidence names it, that it is no source of
    co_mentioned: tuple[tuple[Entity, int], ...]  # entity, reports naming both
    over_time: tuple[tuple[str, int], ...]  # (YYYY-MM, mentions), months with none included
    undated: int  # mentions in reports with no publication date (not over time)
    reports: int
    mentions: int
    links: tuple[Link, ...]  # merges and splits that name it


def entity_moved(store: Store, entity_id: str) -> str | None:
    """Where an entity merged away now lives; None when it was not."""
    from intex.store.entities import Entities

    return Entities(store.engine).merged_into(entity_id)


def entity_page(store: Store, entity_id: str, *, user: User | None = None,
                co_limit: int = 25) -> EntityPage:
    """One entity as the user may see it; NotFound when nothing of it is visible."""
    from intex.store import markings
    from intex.store.entities import Entities

    book = Entities(store.engine)
    entity = book.get(entity_id)
    every = book.mentions(entity_id)
    report_marks = markings.of_reports(store.engine, {m.report_id for m in every})
    seen = [m for m in every if _sees(user, report_marks[m.report_id])]

    def rows(ids: list[str]) -> list[ClaimRow]:
        return store.claims(ClaimFilter(ids=tuple(ids), fold=False, limit=10**9,
                                        sight=_sight(user))) if ids else []

    asserts = rows(book.claims_sourced(entity_id))
    sourced = {r.claim.id for r in asserts}
    about = [r for r in rows(book.claims_naming(entity_id)) if r.claim.id not in sourced]
    if not seen and not asserts:
        raise NotFound("no such entity", subject=entity_id)
    spellings: dict[str, int] = {}
    for m in seen:
        spellings[m.text] = spellings.get(m.text, 0) + 1
    aliases = tuple(AliasSeen(text, why, explain_alias(entity, text, why), spellings[text])
                    for text, why in book.aliases(entity_id) if text in spellings)
    reports = sorted({m.report_id for m in seen})
    co = book.co_mentions(entity_id, reports)[:co_limit]
    return EntityPage(entity, tuple(sorted(aliases, key=lambda a: (-a.mentions, a.text))),
                      tuple(asserts), tuple(about), tuple(co), _by_month(seen),
                      sum(m.published is None for m in seen), len(reports),
                      len(seen), tuple(book.links(entity_id)))


def _by_month(mentions: Sequence[MentionRow]) -> tuple[tuple[str, int], ...]:
    counts: dict[str, int] = {}
    for m in mentions:
        if m.published is not None:
            counts[f"{m.published:%Y-%m}"] = counts.get(f"{m.published:%Y-%m}", 0) + 1
    if not counts:
        return ()
    first, last = min(counts), max(counts)
    year, month = int(first[:4]), int(first[5:])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        key = f"{year:04d}-{month:02d}"
        out.append((key, counts.get(key, 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(out)


_WHY = {
    "role": "role title: the office this entity held where the report used it",
    "demonym": "demonym: the adjective or people of the country",
    "pattern": "name pattern: written like a name of this type, not in the gazetteer",
    "ner": "named-entity recogniser",
    "metonymy": "place name standing for its government",
    "analyst": "moved here by an analyst",
}


def explain_alias(entity: Entity, text: str, why: str) -> str:
    """Why a spelling names an entity, in words: the gazetteer entry it matched and how."""
    from intex.gazetteer import default_gazetteer
    from intex.gazetteer.normalize import CYRILLIC, key

    if why != "alias":
        return _WHY.get(why, why)
    entry = default_gazetteer().entries.get(entity.id)
    if text == entity.name:
        return "canonical name"
    if entry is None:
        return "alias"
    listed = [entry.name, *entry.aliases]
    if text in listed:
        return "gazetteer alias"
    if CYRILLIC.search(text):
        return "transliteration of a gazetteer name"
    same = next((a for a in listed if key(a) == key(text)), None)
    if same is not None:
        return f"spelling variant of “{same}” (case, accents or punctuation)"
    return "gazetteer alias (matched by its words)"


def entity_list(store: Store, *, user: User | None = None, type_: str | None = None,
                name: str | None = None, limit: int = 200) -> list[tuple[str, str, str, int, int]]:
    """(id, name, type, mentions, reports) of entities in reports the user may see."""
    return store.entities(type_=type_, name=name, limit=limit, sight=_sight(user))


def entity_named(store: Store, text: str, *, user: User | None = None) -> str:
    """The id of the entity an analyst names by its id or its exact name (any case);
    NotFound, naming the text, when none or several fit."""
    text = text.strip()
    if not text:
        raise NotFound("name an entity", subject="(empty)")
    try:
        return entity_page(store, text, user=user).entity.id
    except NotFound:
        pass  # not an id (or not one the user may see): a name, then
    found = entity_list(store, user=user, name=text, limit=50)
    exact = [e for e in found if e[1].casefold() == text.casefold()]
    if len(exact) != 1:
        raise NotFound("no entity of that name or id" if not exact else
                       "several entities have that name: give the id", subject=text)
    return exact[0][0]


def merge_entities(store: Store, entity_id: str, into_id: str, *,
                   analyst: str | None = None) -> int:
    """Make one entity of two, from now on (re-extraction keeps to it); mentions moved."""
    from intex.store.entities import Entities

    return Entities(store.engine).merge(entity_id, into_id, analyst=analyst)


def split_entity(store: Store, entity_id: str, aliases: Sequence[str], *, name: str,
                 type_: str | None = None, analyst: str | None = None) -> tuple[str, int]:
    """Move spellings of an entity to another (new or known) entity, from now on.

    Returns the other entity's id and the mentions moved."""
    from intex.store.entities import Entities

    return Entities(store.engine).split(entity_id, aliases, name=name, type_=type_,
                                        analyst=analyst)


# --- sharing -----------------------------------------------------------------------------


@dataclass(frozen=True)
class PartnerState:
    partner: Partner
    syncs: tuple[SyncState, ...]  # per collection pulled from it: when, and what came of it


def partners(store: Store) -> list[PartnerState]:
    """Every partner with its agreement and how its syncs went."""
    return [PartnerState(p, tuple(store.partners.syncs(p.name))) for p in store.partners.all()]


@dataclass(frozen=True)
class SharePreview:
    """What a partner would get of the ledger, counted among what the user may see."""

    partner: Partner
    reports: int
    reports_withheld: int
    claims: int
    claims_withheld: int
    by_tlp: tuple[tuple[str, int, int], ...]  # (TLP label, claims shared, withheld)
    sample: tuple[ClaimRow, ...]
    withheld: tuple[tuple[ClaimRow, str], ...]  # a claim kept back, and why


def withheld_because(partner: Partner, marking: Marking) -> str | None:
    """Why ``partner.may_see`` refuses a marking, in words (None when it does not).

    The rule is asked, not restated: first of the level alone, then of the list."""
    if partner.may_see(marking):
        return None
    if partner.revoked:
        return "the partner is revoked"
    if not partner.may_see(Marking(marking.tlp)):
        if marking.tlp is TLP.RED:
            return "TLP:RED is never shared"
        if marking.tlp is TLP.AMBER_STRICT:
            return "TLP:AMBER+STRICT stays inside the organisation"
        return f"TLP:{marking.tlp.label} is above the agreement (TLP:{partner.max_tlp.label})"
    return f"releasable to {', '.join(marking.releasable_to)} only"


def share_preview(store: Store, name: str, *, user: User | None = None,
                  sample: int = 8) -> SharePreview:
    """What ``Partner.may_see`` (the rule TAXII serves by) lets this partner have: a claim
    goes when its marking and its report's both pass (TAXII hides a claim whose report it
    hides). Counted among what the user may see, by the same two markings."""
    from intex.store import markings

    partner = store.partners.get(name)
    reports = [m for m in markings.every_report(store.engine).values() if _sees(user, m)]
    claims = [(cid, m, rm) for cid, (m, rm) in markings.every_claim(store.engine).items()
              if _sees(user, m) and _sees(user, rm)]
    tally: dict[TLP, list[int]] = {}
    shared: list[str] = []
    kept: list[tuple[str, str]] = []
    for cid, m, rm in claims:
        reason = withheld_because(partner, m)
        if reason is None and (why := withheld_because(partner, rm)) is not None:
            reason = f"its report is withheld: {why}"
        tally.setdefault(m.tlp, [0, 0])[reason is not None] += 1
        if reason is None:
            shared.append(cid)
        else:
            kept.append((cid, reason))

    def rows(ids: Sequence[str]) -> dict[str, ClaimRow]:
        found = store.claims(ClaimFilter(ids=tuple(ids), fold=False)) if ids else []
        return {r.claim.id: r for r in found if r.claim.id}

    shown = rows(shared[:sample])
    held = rows([cid for cid, _ in kept[:sample]])
    return SharePreview(
        partner, sum(partner.may_see(m) for m in reports),
        sum(not partner.may_see(m) for m in reports), len(shared), len(kept),
        tuple((lvl.label, tally[lvl][0], tally[lvl][1]) for lvl in sorted(tally)),
        tuple(shown[c] for c in shared[:sample] if c in shown),
        tuple((held[c], why) for c, why in kept[:sample] if c in held))


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


def export_for_user(store: Store, user: User, f: ClaimFilter | None = None,
               clock: Callable[[], datetime] | None = None) -> dict[str, Any]:
    """The STIX bundle of ``export_bundle``, holding only what the user may see."""
    return export_bundle(store, replace(f or ClaimFilter(fold=False), sight=sight(user)),
                         clock=clock)
