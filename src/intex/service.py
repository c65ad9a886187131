"""The use cases that the CLI, the web UI and TAXII share. No formatting, no argument parsing."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any, BinaryIO

from intex.errors import ConfigError, EmptyInput, ExportError, IntexError
from intex.extraction import Extraction, run
from intex.ingest import Failure, Fetcher, FetchSettings, expand
from intex.ingest.formats import decode
from intex.model import TLP, Document, Marking, Partner
from intex.pipeline import Pipeline, build_pipeline
from intex.pipeline.claims import EXTRACTOR
from intex.store import ClaimFilter, ClaimRow, IngestResult, Store, open_store
from intex.store.partners import Credentials

# what the front ends (cli, web, taxii) read the ledger through; they import no deeper
__all__ = [
    "ClaimFilter", "ClaimRow", "Credentials", "ImportEvent", "IngestEvent", "IngestResult",
    "Store", "add_partner", "bundle_text", "export_bundle", "export_for", "extract_bytes",
    "import_bundles", "ingest", "ledger", "mark_source", "object_markings", "open_ledger",
    "publish", "reextract", "subject_terms", "unmark_source",
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
           stdin: BinaryIO | None = None, batch: int = 25) -> Iterator[IngestEvent]:
    """Read, extract and store each input; one bad input never stops the others.

    Inputs stream through: reports are stored in batches of ``batch``, each in its own
    savepoint, so memory stays flat however long the run and a crash loses at most one
    batch (which a re-run then stores: ingesting is idempotent).

    ``marking`` None: each report takes the default an analyst set for its feed, else for
    its site (``mark_source``), else TLP:CLEAR.
    """
    pipeline = default_pipeline()
    fetcher = Fetcher(FetchSettings(timeout=timeout, max_bytes=max_bytes))
    pending: list[tuple[str, Extraction, Marking]] = []
    defaults = store.source_marks.all() if marking is None else {}

    def flush() -> Iterator[IngestEvent]:
        results = store.add_many(((ex, m) for _, ex, m in pending), extractor=EXTRACTOR)
        for (name, _, _), res in zip(pending, results, strict=True):
            if isinstance(res, IngestResult):
                yield IngestEvent(name, result=res)
            else:
                yield IngestEvent(name, error=res)
        pending.clear()

    try:
        for item in expand(inputs, feeds=feeds, fetcher=fetcher, max_bytes=max_bytes,
                           stdin=stdin):
            if isinstance(item, Failure):
                yield IngestEvent(item.name, error=item.error)
                continue
            fmt = "html" if item.format == "html" else "text"
            ex = run(pipeline, item.text, format=fmt, url=item.url, published=item.published,
                     title=item.title, source_name=item.name)
            if not ex.document.text.strip():
                yield IngestEvent(item.name, error=EmptyInput("no article text found",
                                                              subject=item.name))
                continue
            pending.append((item.name, ex, marking or default_marking(
                defaults, feed=item.feed, url=item.url or ex.document.url)))
            if len(pending) >= batch:
                yield from flush()
        if pending:
            yield from flush()
    finally:
        fetcher.close()


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
    """Each object's marking as its object_marking_refs state it (TLP and REL TO).

    Objects that name no TLP are left out: whoever serves them decides (the TAXII server
    counts an unmarked object as TLP:AMBER). A marking definition is marked with what it
    states (TLP:RED's definition is RED, ``REL TO KOR`` is releasable to KOR), so that it
    reaches only those who may see what it marks: its presence tells nothing more.
    """
    from intex.stix.markings import parse_releasability, tlp_from_id
    from intex.stix.visibility import resolver

    statements: dict[str, tuple[str, ...]] = {}
    definitions = [o for o in objects if o.get("type") == "marking-definition"]
    for obj in definitions:
        if obj.get("definition_type") == "statement":
            rel = parse_releasability(str(obj.get("definition", {}).get("statement", "")))
            if rel:
                statements[str(obj["id"])] = rel
    out: dict[str, Marking] = {}
    said = resolver(definitions)
    for obj in definitions:
        stated = said(str(obj["id"]))
        if stated is not None:
            out[str(obj["id"])] = stated
    for obj in objects:
        refs = [str(r) for r in obj.get("object_marking_refs", [])]
        levels = [lvl for lvl in (tlp_from_id(r) for r in refs) if lvl is not None]
        if obj.get("type") == "marking-definition" or not levels:
            continue
        rel = tuple(sorted({c for r in refs for c in statements.get(r, ())}))
        out[str(obj["id"])] = Marking(max(levels), rel)
    return out


def publish(store: Store, *, clock: Callable[[], datetime] | None = None) -> tuple[int, int]:
    """Make the ledger servable: its current STIX form kept as objects (new, already held).

    Objects are versioned by their ``modified`` time, so publishing an unchanged ledger
    adds nothing and a corrected claim adds its new version."""
    bundle = _export(store, clock=clock)
    objects = bundle["objects"]
    return store.keep_stix(objects, partner=None, markings=object_markings(objects))
