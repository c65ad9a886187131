"""The store: one class, one transaction per report, model objects in and out."""

from __future__ import annotations

import hashlib
import json
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Engine,
    and_,
    bindparam,
    case,
    create_engine,
    exists,
    func,
    literal,
    make_url,
    or_,
    select,
)
from sqlalchemy.exc import SQLAlchemyError

from intex.errors import NotFound, StoreError
from intex.model import (
    TLP,
    Claim,
    Document,
    Entity,
    Extraction,
    Marking,
    Partner,
    Review,
    ReviewState,
    SourceRef,
    Span,
    apply_corrections,
)
from intex.model.vocabulary import canonical_unit
from intex.store import driver, near_duplicates, prepared
from intex.store import schema as t
from intex.store.bulk import insert_missing_rows, insert_rows
from intex.store.chunks import chunks
from intex.store.objects import Describe, add_index, described
from intex.store.sight import Sight
from intex.store.upsert import put
from intex.store.utc import aware

if TYPE_CHECKING:
    from intex.store.ledger import Page

GRADES = "ABCDEF"
NEAR_DUPLICATE = 0.5


@dataclass(frozen=True)
class IngestResult:
    report_id: str
    status: str  # added | unchanged
    claims: int = 0
    near_duplicate_of: str | None = None


@dataclass(frozen=True)
class ClaimFilter:
    subject: str | None = None
    # alternatives per word of the subject, each group must match: (("troops",
    # "soldiers"), ("north korea", "north korean")); made by the service from ``subject``
    subject_terms: tuple[tuple[str, ...], ...] = ()
    source: str | None = None
    status: str | None = None
    location: str | None = None
    since: str | None = None
    until: str | None = None
    review: str | None = None
    report: str | None = None
    claim: str | None = None
    language: str | None = None  # the report's, e.g. "en"
    tlp: str | None = None  # claims marked at exactly this level (a TLP name: "AMBER")
    ids: tuple[str, ...] = ()  # these claims only
    fold: bool = True  # one row per origin
    # count "repeated by N reports" for each row (False: every row says 1; for callers
    # that count echoes themselves or never show them)
    repeats: bool = True
    limit: int = 1000
    # who is reading: claims (and reports) their marking hides are never loaded, nor
    # counted in "repeated by N reports"; None reads everything (the CLI, the owner)
    sight: Sight | None = None


@dataclass(frozen=True)
class ClaimRow:
    claim: Claim
    report_id: str
    title: str | None
    published: date | None
    site: str | None
    review: str
    origin: str
    repeats: int  # distinct reports carrying this origin
    grades: dict[str, str] = field(default_factory=dict)
    extractor: str | None = None
    marking: Marking = Marking()  # the claim's own, else its report's
    language: str | None = None


@dataclass(frozen=True)
class ExportRows:
    """What a partner bundle is made of, as the ledger holds it (claims uncorrected)."""

    documents: tuple[Document, ...]
    entities: tuple[Entity, ...]
    claims: tuple[tuple[Claim, str, Marking | None, Review | None], ...]  # claim, report, mark
    mentions: tuple[tuple[str, str], ...]  # (report id, entity id)
    recorded: dict[str, datetime]
    grades: dict[str, str]


def open_store(url: str, *, migrate: bool = True, describe: Describe | None = None) -> Store:
    """The store at a SQLAlchemy URL: ``sqlite:///PATH`` or ``postgresql://...``."""
    from intex.store import postgres

    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    url = postgres.driver_url(url)
    try:
        engine = create_engine(url, future=True, pool_pre_ping=not url.startswith("sqlite"))
    except ModuleNotFoundError as err:
        raise StoreError(f"no database driver for this URL ({err.name} is not installed; "
                         "for PostgreSQL: pip install 'intex[postgres]')",
                         subject=_safe(url)) from err
    except (SQLAlchemyError, ValueError) as err:
        raise StoreError(f"cannot open database: {err}", subject=_safe(url)) from err
    if engine.dialect.name == "sqlite":
        from intex.store import sqlite

        sqlite.configure(engine)
    store = Store(engine, describe)
    if migrate:
        store.migrate()
    return store


def _safe(url: str) -> str:
    """The URL without its password, to name in messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (SQLAlchemyError, ValueError):
        return url


def _lock_ledger(conn) -> None:  # noqa: ANN001
    if conn.dialect.name == "postgresql":  # SQLite's BEGIN IMMEDIATE serialises writers
        from intex.store import postgres

        postgres.lock_ledger(conn)


def _claim_sources(conn, ids: list[str]) -> dict[str, list[SourceRef]]:  # noqa: ANN001
    """Each claim's source chain, in order, by claim id."""
    cs = t.claim_sources
    out: dict[str, list[SourceRef]] = {}
    for chunk in chunks(ids, 500):
        for s in conn.execute(select(cs).where(cs.c.claim_id.in_(chunk))
                              .order_by(cs.c.claim_id, cs.c.position)):
            out.setdefault(s.claim_id, []).append(SourceRef(s.name, s.entity_id, s.kind))
    return out


def _link_feed(conn, feed: str, report_id: str) -> None:  # noqa: ANN001
    """Record that ``feed`` brought ``report_id`` (once: the ledger lock is held)."""
    rf = t.report_feeds
    if conn.execute(select(rf.c.feed).where(rf.c.feed == feed,
                                             rf.c.report_id == report_id)).first() is None:
        conn.execute(rf.insert().values(feed=feed, report_id=report_id))


def origin_key(c: Claim, cluster_id: str) -> str:
    first = c.sources[0].name.lower() if c.sources and c.sources[0].kind != "outlet" \
        else cluster_id
    raw = json.dumps([first, c.value, c.value_max, canonical_unit(c.unit), c.status])
    return hashlib.sha1(raw.encode()).hexdigest()


class Store:
    """``describe`` (see ``objects.Describe``) is what a stored STIX object refers to and
    whether its served form can only be itself: kept with each row ``keep_stix`` writes
    (without it, rows are described when first served)."""

    def __init__(self, engine: Engine, describe: Describe | None = None) -> None:
        from intex.store.audit import AuditLog
        from intex.store.logins import LoginFailures
        from intex.store.partners import Partners
        from intex.store.source_marks import SourceMarks
        from intex.store.sync_state import SyncState
        from intex.store.users import Users
        from intex.store.watch import Watches

        self.engine = engine
        self.describe = describe
        self.partners = Partners(engine)
        self.users = Users(engine)
        self.watches = Watches(engine)
        self.source_marks = SourceMarks(engine)
        self.sync_state = SyncState(engine)
        self.audit = AuditLog(engine)
        self.login_failures = LoginFailures(engine)
        # a store dropped without close() still closes its pooled connections cleanly
        weakref.finalize(self, engine.dispose)

    # the names the TAXII server authenticates through
    def partner_login(self, name: str, password: str) -> Partner | None:
        return self.partners.login(name, password)

    def partner_by_key(self, key: str) -> Partner | None:
        return self.partners.by_key(key)

    def migrate(self) -> None:
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location",
                            str(resources.files("intex.store") / "migrations"))
        try:
            with self.engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
        except SQLAlchemyError as err:
            raise StoreError(f"migration failed: {err}") from err

    def close(self) -> None:
        self.engine.dispose()

    # writing ------------------------------------------------------------------
    def add(self, ex: Extraction, *, extractor: str, marking: Marking | None = None,
            now: datetime | None = None) -> IngestResult:
        """Store one extracted report in one transaction; the same report twice changes nothing."""
        with self.engine.begin() as conn:
            _lock_ledger(conn)
            return self._add(conn, ex, extractor, marking or Marking(), now or datetime.now(UTC))

    def add_many(self, items: Iterable[tuple[Extraction, Marking | None]], *, extractor: str,
                 now: datetime | None = None, partner: str | None = None,
                 claim_marks: Mapping[str, Marking] | None = None,
                 feeds: Mapping[str, str] | None = None,
                 ) -> list[IngestResult | StoreError]:
        """Store a batch in one transaction, each report inside its own savepoint.

        A report the database refuses is rolled back alone (its slot holds the error);
        a crash loses at most the batch, never half a report. ``feeds`` names, by report
        id, the feed each report came from: the report is linked to it, whether it was
        added now or already held (a report in two feeds counts in both).
        """
        out: list[IngestResult | StoreError] = []
        now = now or datetime.now(UTC)
        with self.engine.begin() as conn:
            _lock_ledger(conn)
            for ex, marking in items:
                try:
                    with driver.savepoint(conn):
                        got = self._add(conn, ex, extractor, marking or Marking(), now,
                                        partner, claim_marks or {})
                        feed = (feeds or {}).get(ex.document.id)
                        if feed:
                            _link_feed(conn, feed, got.report_id)
                        out.append(got)
                except SQLAlchemyError as err:
                    out.append(StoreError(f"not stored: {err.__class__.__name__}: "
                                          f"{str(err).splitlines()[0][:200]}",
                                          subject=ex.document.source_name or ex.document.id))
        return out

    def _add(self, conn, ex: Extraction, extractor: str, marking: Marking,  # noqa: ANN001
             now: datetime, partner: str | None = None,
             claim_marks: Mapping[str, Marking] | None = None) -> IngestResult:
        doc = ex.document
        sig = ex.signature
        q = _ingest_queries()
        found = prepared.rows(conn, q.known_url if doc.url else q.known, {
            "id": doc.id, "content_hash": doc.content_hash, "url": doc.url})
        if found:
            return IngestResult(found[0][0], "unchanged")
        dup_of, cluster, best = None, doc.id, 0.0
        # a bounded number of earlier reports, whatever the size of the story's cluster
        cands, room = near_duplicates.candidates(conn, ex.bands)
        for rid, fp, cl in cands:
            sim = _similarity(sig, _decode(fp))
            if sim >= NEAR_DUPLICATE and sim > best:
                dup_of, cluster, best = rid, cl, sim
        insert_rows(conn, t.reports, [dict(
            id=doc.id, content_hash=doc.content_hash, url=doc.url, title=doc.title,
            published=doc.published, language=doc.language, site=doc.site,
            source_name=doc.source_name, format=doc.format, text=doc.text,
            extractor=extractor, ingested_at=now, tlp=marking.tlp.name,
            releasable_to=",".join(marking.releasable_to) or None, cluster_id=cluster,
            fingerprint=_encode(sig), raw=ex.raw, raw_format=ex.raw_format, partner=partner)])
        if room:
            insert_rows(conn, t.report_bands, [{"band": b, "report_id": doc.id} for b in room])
        if dup_of:
            insert_rows(conn, t.near_duplicates, [
                {"report_id": doc.id, "other_id": dup_of, "similarity": best},
                {"report_id": dup_of, "other_id": doc.id, "similarity": best}])
        self._content(conn, ex, extractor, cluster, partner=partner,
                      claim_marks=claim_marks or {})
        return IngestResult(doc.id, "added", len(ex.claims), dup_of)

    def _content(self, conn, ex: Extraction, extractor: str, cluster: str,  # noqa: ANN001
                 keep: frozenset[str] = frozenset(), partner: str | None = None,
                 claim_marks: Mapping[str, Marking] | None = None) -> None:
        """Entities, mentions, claims and sources of one report (claims in ``keep`` stay)."""
        doc = ex.document
        claims = [c for c in ex.claims if c.id not in keep]
        self._entities(conn, ex)
        known = {e.id for e in ex.entities}
        if ex.mentions:
            insert_rows(conn, t.mentions, [
                {"report_id": doc.id, "entity_id": m.entity_id, "start": m.start,
                 "end": m.end, "text": m.text, "why": m.why} for m in ex.mentions
                if m.entity_id in known])
        if claims:
            from intex.store import subjects

            keys = [subjects.key(c.subject, c.unit) for c in claims]
            numbers = subjects.ids(conn, ((c.subject, c.unit) for c in claims))
            insert_rows(conn, t.claims, [
                {"id": c.id, "report_id": doc.id, "value": c.value,
                 "value_max": c.value_max, "approx": c.approx, "unit": c.unit,
                 "subject": c.subject, "status": c.status, "location": c.location,
                 "date": c.date, "modality": c.modality,
                 "evidence_start": c.evidence.start, "evidence_end": c.evidence.end,
                 "evidence": stored_evidence(doc.text, c.evidence), "vague": c.vague,
                 "extractor": extractor,
                 "origin": origin_key(c, cluster), "partner": partner,
                 "subject_id": numbers[k],
                 "at": claim_at(c.date, doc.published), "first_source": first_source(c),
                 **_claim_mark(claim_marks, c.id)} for c, k in zip(claims, keys, strict=True)])
        sources = [{"claim_id": c.id, "position": i, "name": s.name,
                    "entity_id": s.entity_id, "kind": s.kind}
                   for c in claims for i, s in enumerate(c.sources)]
        if sources:
            insert_rows(conn, t.claim_sources, sources)
        from intex.store.entities import apply_links

        apply_links(conn, doc.id)  # an analyst's merges and splits outlive re-extraction

    def _entities(self, conn, ex: Extraction) -> None:  # noqa: ANN001
        # canonical entities are shared by every report: the first writer's row stands
        insert_missing_rows(conn, t.entities, ["id"], [
            {"id": e.id, "name": e.name, "type": e.type, "kind": e.kind,
             "country": e.country} for e in {e.id: e for e in reversed(ex.entities)}.values()])
        q = _ingest_queries()
        ids = [e.id for e in ex.entities]
        seen = {(r[0], r[1]) for r in prepared.rows(conn, q.known_aliases, {"ids": ids})}
        rows = []
        for e in ex.entities:
            for m in e.mentions:
                if (e.id, m.text) not in seen:
                    seen.add((e.id, m.text))
                    rows.append({"entity_id": e.id, "alias": m.text, "why": m.why})
        insert_missing_rows(conn, t.aliases, ["entity_id", "alias"], rows)

    def reextract(self, rerun: Callable[[str, str, Document], Extraction], *, extractor: str,
                  everything: bool = False) -> Iterator[tuple[str, int]]:
        """Read stored reports again with a newer extractor, one transaction per report.

        Claims an analyst reviewed are kept as they are; the rest are replaced.
        Yields (report id, claims now) per report re-read.
        """
        with self.engine.connect() as conn:
            q = select(t.reports.c.id)
            if not everything:
                q = q.where(t.reports.c.extractor != extractor)
            ids = [r[0] for r in conn.execute(q.order_by(t.reports.c.id))]
        for rid in ids:
            with self.engine.begin() as conn:
                _lock_ledger(conn)
                row = conn.execute(select(t.reports).where(t.reports.c.id == rid)).one()
                doc = _document(row)
                ex = rerun(row.raw if row.raw is not None else row.text,
                           row.raw_format or "text", doc)
                reviewed = frozenset(r[0] for r in conn.execute(
                    select(t.reviews.c.claim_id)
                    .join(t.claims, t.claims.c.id == t.reviews.c.claim_id)
                    .where(t.claims.c.report_id == rid)))
                old = select(t.claims.c.id).where(t.claims.c.report_id == rid,
                                                  t.claims.c.id.not_in(reviewed))
                conn.execute(t.claim_sources.delete().where(t.claim_sources.c.claim_id.in_(old)))
                conn.execute(t.claims.delete().where(t.claims.c.report_id == rid,
                                                     t.claims.c.id.not_in(reviewed)))
                conn.execute(t.mentions.delete().where(t.mentions.c.report_id == rid))
                if ex.document.text != row.text:  # kept claims quote the text they were in
                    for kept in conn.execute(select(
                            t.claims.c.id, t.claims.c.evidence_start, t.claims.c.evidence_end)
                            .where(t.claims.c.report_id == rid, t.claims.c.evidence == "")).all():
                        conn.execute(t.claims.update().where(t.claims.c.id == kept.id).values(
                            evidence=row.text[kept.evidence_start:kept.evidence_end]))
                conn.execute(t.reports.update().where(t.reports.c.id == rid).values(
                    text=ex.document.text, extractor=extractor,
                    title=ex.document.title or row.title))
                if ex.document.id != rid:
                    raise StoreError("a re-read must keep the report's id", subject=rid)
                self._content(conn, ex, extractor, row.cluster_id, keep=reviewed)
                yield rid, len(ex.claims)

    def mark(self, object_id: str, marking: Marking) -> str:
        """Set a report's or a claim's marking; a claim's own marking overrides its report's.

        Returns "report" or "claim", whichever the id named."""
        rel = ",".join(marking.releasable_to) or None
        with self.engine.begin() as conn:
            for kind, table in (("report", t.reports), ("claim", t.claims)):
                done = conn.execute(table.update().where(table.c.id == object_id).values(
                    tlp=marking.tlp.name, releasable_to=rel))
                if done.rowcount:
                    return kind
        raise NotFound("no report or claim with this id", subject=object_id)

    def keep_stix(self, objects: Iterable[dict[str, Any]], *, partner: str | None,
                  now: datetime | None = None,
                  markings: Mapping[str, Marking] | None = None) -> tuple[int, int]:
        """Keep STIX objects verbatim, one row per (id, modified); returns (new, already held).

        Looked up and inserted in batches (a sync keeps hundreds of thousands)."""
        now = now or datetime.now(UTC)
        o = t.stix_objects
        rows: dict[tuple[str, str], dict[str, Any]] = {}
        kept: dict[tuple[str, str], Mapping[str, Any]] = {}
        total = 0
        for obj in objects:
            total += 1
            key = (str(obj["id"]), str(obj.get("modified") or obj.get("created") or ""))
            if key in rows:
                continue
            m = (markings or {}).get(key[0])
            kept[key] = obj
            rows[key] = {
                "id": key[0], "modified": key[1], "type": str(obj["type"]),
                "spec_version": obj.get("spec_version"),
                "json": json.dumps(obj, sort_keys=True, ensure_ascii=False), "partner": partner,
                "received_at": now, "tlp": m.tlp.name if m else None,
                "releasable_to": ",".join(m.releasable_to) if m and m.releasable_to else None,
                "plain": None, "refs": None}
        ids = sorted({k[0] for k in rows})
        with self.engine.begin() as conn:
            # by id, the key's first column: SQLite scans the whole key for a row-value IN
            for chunk in chunks(ids, 500):
                for found in conn.execute(select(o.c.id, o.c.modified).where(
                        o.c.id.in_(chunk))):
                    rows.pop((found.id, found.modified), None)
            index = self._describe(rows, kept)
            # one row per version, whoever stores it first (two TAXII POSTs at once)
            new = insert_missing_rows(conn, o, ["id", "modified"], list(rows.values()))
            if index is not None:
                add_index(conn, *index)
        return new, total - new

    def _describe(self, rows: dict[tuple[str, str], dict[str, Any]],
                  objects: Mapping[tuple[str, str], Mapping[str, Any]],
                  ) -> tuple[list[dict[str, str]], list[dict[str, str]]] | None:
        """Fill each new row's ``plain`` and ``refs``; its reference index rows."""
        if self.describe is None or not rows:
            return None
        refs: list[dict[str, str]] = []
        marks: list[dict[str, str]] = []
        for key, row in rows.items():
            row["plain"], row["refs"], more_refs, more_marks = described(
                key, self.describe(objects[key]))
            refs += more_refs
            marks += more_marks
        return refs, marks

    def held_objects(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The latest version held of each of these STIX ids (those held at all)."""
        out: dict[str, tuple[str, dict[str, Any]]] = {}
        with self.engine.connect() as conn:
            for chunk in chunks(sorted(set(ids)), 500):
                for row in conn.execute(select(t.stix_objects.c.id, t.stix_objects.c.modified,
                                               t.stix_objects.c.json)
                                        .where(t.stix_objects.c.id.in_(chunk))):
                    if row.id not in out or row.modified > out[row.id][0]:
                        out[row.id] = (row.modified, json.loads(row.json))
        return {k: v for k, (_, v) in out.items()}

    def held_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these STIX ids some version is held of."""
        out: set[str] = set()
        with self.engine.connect() as conn:
            for chunk in chunks(sorted(set(ids)), 500):
                out |= {r[0] for r in conn.execute(
                    select(t.stix_objects.c.id).where(t.stix_objects.c.id.in_(chunk)).distinct())}
        return out

    def grade(self, name: str, grade: str, now: datetime | None = None) -> None:
        grade = grade.upper()
        if grade not in GRADES or len(grade) != 1:
            raise StoreError(f"grade {grade!r} is not on the A-F scale", subject=name)
        with self.engine.begin() as conn:
            put(conn, t.source_grades, ["name"],
                {"name": name, "grade": grade, "at": now or datetime.now(UTC)})

    def review(self, claim_id: str, state: ReviewState, *, reviewer: str | None = None,
               note: str | None = None, corrections: dict[str, object] | None = None,
               now: datetime | None = None) -> None:
        with self.engine.begin() as conn:
            if conn.execute(select(t.claims.c.id).where(t.claims.c.id == claim_id)).first() is None:
                raise NotFound("no such claim", subject=claim_id)
            put(conn, t.reviews, ["claim_id"], {
                "claim_id": claim_id, "state": state.value, "reviewer": reviewer,
                "at": now or datetime.now(UTC), "note": note,
                "corrections": json.dumps(corrections) if corrections else None})

    # reading ------------------------------------------------------------------
    def grades(self) -> dict[str, str]:
        with self.engine.connect() as conn:
            return {r[0]: r[1] for r in conn.execute(select(t.source_grades.c.name,
                                                            t.source_grades.c.grade))}

    def claims(self, f: ClaimFilter = ClaimFilter()) -> list[ClaimRow]:
        from intex.store.ledger import conditions, visible

        c, r = t.claims, t.reports
        q = (select(c, evidence_text(), r.c.title, r.c.published, r.c.site, t.reviews.c.state,
                    t.reviews.c.corrections, r.c.language,
                    r.c.tlp.label("report_tlp"), r.c.releasable_to.label("report_rel"))
             .join(r, r.c.id == c.c.report_id)
             .outerjoin(t.reviews, t.reviews.c.claim_id == c.c.id))
        conds = conditions(f, self.engine.dialect.name)
        if conds:
            q = q.where(and_(*conds))
        q = q.order_by(c.c.at, c.c.report_id, c.c.evidence_start, c.c.id)
        grades = self.grades()
        with self.engine.connect() as conn:
            rows = conn.execute(q).all()
            ids = [row.id for row in rows]
            # how many reports the reader may see carry each origin: asked of these
            # origins only (an index lookup each), not counted over the whole ledger
            repeats: dict[str, int] = {}
            for chunk in chunks(sorted({row.origin for row in rows} if f.repeats else ()),
                                 500):
                rq = (select(c.c.origin, func.count(func.distinct(c.c.report_id)))
                      .where(c.c.origin.in_(chunk)).group_by(c.c.origin))
                if f.sight is not None:  # else read off ix_claims_origin_report alone
                    rq = rq.join(r, r.c.id == c.c.report_id).where(visible(f.sight))
                repeats.update((o, n) for o, n in conn.execute(rq))
            srcs = _claim_sources(conn, ids)
        out: list[ClaimRow] = []
        seen: set[str] = set()
        for row in rows:
            if f.fold and row.origin in seen:
                continue
            seen.add(row.origin)
            claim = _claim(row, srcs.get(row.id, []))
            if row.corrections:
                claim, _ = apply_corrections(claim, json.loads(row.corrections).items())
            out.append(ClaimRow(
                claim, row.report_id, row.title, row.published, row.site, row.state or "auto",
                row.origin, repeats.get(row.origin, 1),
                {s.name: grades.get(s.name, "F") for s in claim.sources},
                row.extractor, _marking(row.tlp or row.report_tlp,
                                        row.releasable_to if row.tlp else row.report_rel),
                row.language))
            if len(out) >= f.limit:
                break
        return out

    def export_rows(self, f: ClaimFilter = ClaimFilter()) -> ExportRows:
        """Reports, entities and raw claims (with reviews and markings) for a STIX export."""
        rows = self.claims(replace(f, fold=False, limit=max(f.limit, 10**9), repeats=False))
        report_ids = sorted({r.report_id for r in rows})
        claim_ids = [r.claim.id for r in rows if r.claim.id]
        docs: list[Document] = []
        recorded: dict[str, datetime] = {}
        with self.engine.connect() as conn:
            for chunk in chunks(report_ids, 500):
                for row in conn.execute(select(t.reports).where(t.reports.c.id.in_(chunk))):
                    docs.append(_document(row))
                    recorded[row.id] = aware(row.ingested_at)
            raw: dict[str, Claim] = {}
            marks: dict[str, Marking | None] = {}
            srcs = _claim_sources(conn, claim_ids)
            for chunk in chunks(claim_ids, 500):
                for row in conn.execute(select(t.claims, evidence_text())
                                        .join(t.reports, t.reports.c.id == t.claims.c.report_id)
                                        .where(t.claims.c.id.in_(chunk))):
                    raw[row.id] = _claim(row, srcs.get(row.id, []))
                    marks[row.id] = Marking(TLP[row.tlp], tuple(
                        c for c in (row.releasable_to or "").split(",") if c)) \
                        if row.tlp else None
            reviews = {r.claim_id: _review(r) for chunk in chunks(claim_ids, 500)
                       for r in conn.execute(select(t.reviews).where(
                           t.reviews.c.claim_id.in_(chunk)))}
            pairs = sorted({(m[0], m[1]) for chunk in chunks(report_ids, 500)
                            for m in conn.execute(select(t.mentions.c.report_id,
                                                         t.mentions.c.entity_id)
                                                  .where(t.mentions.c.report_id.in_(chunk)))})
            ent_ids = sorted({e for _, e in pairs})
            ents = [Entity(r.id, r.name, r.type, country=r.country, kind=r.kind)
                    for chunk in chunks(ent_ids, 500)
                    for r in conn.execute(select(t.entities).where(t.entities.c.id.in_(chunk)))]
        claims = tuple((raw[r.claim.id], r.report_id, marks.get(r.claim.id),
                        reviews.get(r.claim.id)) for r in rows if r.claim.id in raw)
        # what the ledger knows of when it first held each thing: its report's ingest time
        for claim, report_id, _, _ in claims:
            if claim.id:
                recorded[claim.id] = recorded[report_id]
        for report_id, entity_id in pairs:
            when = recorded[report_id]
            recorded[entity_id] = min(recorded.get(entity_id, when), when)
        return ExportRows(tuple(sorted(docs, key=lambda d: d.id)),
                          tuple(sorted(ents, key=lambda e: e.id)), claims, tuple(pairs),
                          recorded, self.grades())

    def report(self, report_id: str) -> Document:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.reports).where(
                or_(t.reports.c.id == report_id, t.reports.c.id == f"report--{report_id}"))).first()
        if row is None:
            raise NotFound("no such report", subject=report_id)
        return _document(row)

    def near_duplicates(self, report_id: str) -> list[tuple[str, float]]:
        with self.engine.connect() as conn:
            return [(r[0], r[1]) for r in conn.execute(
                select(t.near_duplicates.c.other_id, t.near_duplicates.c.similarity)
                .where(t.near_duplicates.c.report_id == report_id))]

    def entities(self, type_: str | None = None, name: str | None = None,
                 limit: int = 1000, sight: Sight | None = None,
                 ) -> list[tuple[str, str, str, int, int]]:
        """(id, name, type, mentions, reports), most mentioned first; with a ``sight``,
        only what reports that reader may see mention (and only those counted)."""
        e, m = t.entities, t.mentions
        q = (select(e.c.id, e.c.name, e.c.type, func.count().label("n"),
                    func.count(func.distinct(m.c.report_id)).label("r"))
             .join(m, m.c.entity_id == e.c.id).group_by(e.c.id, e.c.name, e.c.type))
        if sight is not None:
            q = q.join(t.reports, t.reports.c.id == m.c.report_id).where(
                sight.condition(t.reports.c.tlp, t.reports.c.releasable_to))
        if type_:
            q = q.where(e.c.type == type_.upper())
        if name:
            q = q.where(or_(func.lower(e.c.name).contains(name.lower()),
                            e.c.id.in_(select(t.aliases.c.entity_id).where(
                                func.lower(t.aliases.c.alias).contains(name.lower())))))
        q = q.order_by(func.count().desc(), e.c.name).limit(limit)
        with self.engine.connect() as conn:
            return [(r[0], r[1], r[2], r[3], r[4]) for r in conn.execute(q)]

    def aliases(self, entity_id: str) -> list[tuple[str, str]]:
        with self.engine.connect() as conn:
            return [(r[0], r[1]) for r in conn.execute(
                select(t.aliases.c.alias, t.aliases.c.why)
                .where(t.aliases.c.entity_id == entity_id))]

    def search(self, words: str, limit: int = 20, sight: Sight | None = None,
               ranked: int = 0) -> list[tuple[str, str | None, str]]:
        """(report id, title, snippet) of the reports that best match, among those a
        ``sight`` allows when given; of words most reports hold, among the ``ranked``
        latest stored matches (``postgres.RANKED`` unless given)."""
        with self.engine.connect() as conn:
            if self.engine.dialect.name == "sqlite":
                from intex.store import sqlite

                where = None if sight is None else sight.condition(
                    t.reports.c.tlp, t.reports.c.releasable_to)
                return sqlite.search(conn, words, limit, where, ranked)
            if self.engine.dialect.name == "postgresql":
                from intex.store import postgres

                where = None if sight is None else sight.condition(
                    t.reports.c.tlp, t.reports.c.releasable_to)
                return postgres.search(conn, words, limit, where, ranked)
            raise StoreError(f"full-text search is not built for {self.engine.dialect.name} yet")

    def counts(self, sight: Sight | None = None, cap: int | None = None) -> dict[str, int]:
        """How many reports, claims and entities the ledger holds (that a sight allows);
        with a ``cap``, each counted only up to ``cap + 1`` (more than ``cap``: "at least"),
        so that the cost stays that of ``cap`` rows however large the ledger."""
        from intex.store.ledger import visible

        r, c, m, e = t.reports, t.claims, t.mentions, t.entities
        seen = sight.condition(r.c.tlp, r.c.releasable_to) if sight is not None else None
        # an entity counts when some report the sight allows mentions it: asked per entity,
        # which stops at its first such mention (a distinct count reads every mention)
        mentioned = exists(select(literal(1)).select_from(m.join(r, r.c.id == m.c.report_id))
                           .where(m.c.entity_id == e.c.id, *([seen] if seen is not None
                                                              else [])))
        asked = {
            "reports": select(literal(1)).select_from(r).where(
                *([seen] if seen is not None else [])),
            "claims": select(literal(1)).select_from(c.join(r, r.c.id == c.c.report_id))
            .where(visible(sight)) if sight is not None else select(literal(1)).select_from(c),
            "entities": select(literal(1)).select_from(e).where(mentioned)
            if sight is not None else select(literal(1)).select_from(e)}
        with self.engine.connect() as conn:
            return {name: conn.execute(select(func.count()).select_from(
                (q if cap is None else q.limit(cap + 1)).subquery())).scalar_one()
                for name, q in asked.items()}

    def page(self, f: ClaimFilter, *, sort: str = "date", descending: bool = False,
             offset: int = 0, limit: int = 50, count_ahead: int | None = None,
             after: str | None = None, before: str | None = None) -> Page:
        """One page of the ledger, sorted, with the total the filter selects (counted up
        to ``count_ahead`` rows past the page, ``ledger.COUNT_AHEAD`` unless given);
        ``offset`` rows in, or after / before a cursor of another page (``ledger.page``)."""
        from intex.store.ledger import COUNT_AHEAD, page

        return page(self, f, sort=sort, descending=descending, offset=offset, limit=limit,
                    count_ahead=COUNT_AHEAD if count_ahead is None else count_ahead,
                    after=after, before=before)

    def mentions(self, report_id: str) -> list[tuple[int, int, str, str, str, str]]:
        """(start, end, text, entity id, entity name, entity type) of a report's mentions."""
        m, e = t.mentions, t.entities
        with self.engine.connect() as conn:
            return [(r[0], r[1], r[2], r[3], r[4], r[5]) for r in conn.execute(
                select(m.c.start, m.c.end, m.c.text, e.c.id, e.c.name, e.c.type)
                .join(e, e.c.id == m.c.entity_id).where(m.c.report_id == report_id)
                .order_by(m.c.start))]

    def reviews(self, claim_ids: Iterable[str]) -> dict[str, Review]:
        """The analyst's word on each of these claims that has one."""
        ids = sorted(set(claim_ids))
        with self.engine.connect() as conn:
            return {r.claim_id: _review(r) for chunk in chunks(ids, 500)
                    for r in conn.execute(select(t.reviews).where(
                        t.reviews.c.claim_id.in_(chunk)))}


@dataclass(frozen=True)
class _IngestQueries:
    """The statements every stored report runs, built once: building a statement costs
    more than SQLAlchemy's compiled cache saves when it is rebuilt per report."""

    known: Any
    known_url: Any
    known_entities: Any
    known_aliases: Any


@lru_cache(maxsize=1)
def _ingest_queries() -> _IngestQueries:
    r = t.reports.c
    same = [r.id == bindparam("id"), r.content_hash == bindparam("content_hash")]
    return _IngestQueries(
        known=select(r.id).where(or_(*same)),
        known_url=select(r.id).where(or_(*same, r.url == bindparam("url"))),
        known_entities=select(t.entities.c.id).where(
            t.entities.c.id.in_(bindparam("ids", expanding=True))),
        known_aliases=select(t.aliases.c.entity_id, t.aliases.c.alias).where(
            t.aliases.c.entity_id.in_(bindparam("ids", expanding=True))))


def _encode(sig: tuple[int, ...]) -> str:
    return "".join(f"{v:016x}" for v in sig)


def _decode(text: str) -> list[int]:
    return [int(text[i:i + 16], 16) for i in range(0, len(text), 16)]


def _similarity(a: tuple[int, ...], b: list[int]) -> float:
    """Share of equal MinHash values: an estimate of the texts' Jaccard similarity."""
    return sum(x == y for x, y in zip(a, b, strict=False)) / max(len(a), 1)


def _document(row) -> Document:  # noqa: ANN001
    rel = tuple(c for c in (row.releasable_to or "").split(",") if c)
    return Document(id=row.id, text=row.text, content_hash=row.content_hash, title=row.title,
                    published=row.published, language=row.language, url=row.url,
                    site=row.site, source_name=row.source_name, format=row.format,
                    marking=Marking(TLP[row.tlp], rel))


def _marking(tlp: str, rel: str | None) -> Marking:
    return Marking(TLP[tlp], tuple(c for c in (rel or "").split(",") if c))


def _claim_mark(marks: Mapping[str, Marking] | None, claim_id: str | None) -> dict[str, object]:
    m = (marks or {}).get(claim_id or "")
    if m is None:
        return {"tlp": None, "releasable_to": None}
    return {"tlp": m.tlp.name, "releasable_to": ",".join(m.releasable_to) or None}


def _review(row) -> Review:  # noqa: ANN001
    corrections = json.loads(row.corrections) if row.corrections else {}
    return Review(row.claim_id, ReviewState(row.state), row.reviewer, aware(row.at), row.note,
                  tuple((k, json.dumps(v)) for k, v in sorted(corrections.items())))


def _claim(row, sources: list[SourceRef]) -> Claim:  # noqa: ANN001
    return Claim(value=row.value, value_max=row.value_max, approx=row.approx, unit=row.unit,
                 subject=row.subject, status=row.status, location=row.location,
                 sources=tuple(sources), date=row.date, modality=row.modality,
                 evidence=Span(row.evidence_start, row.evidence_end, row.evidence_text),
                 vague=row.vague, id=row.id)


def claim_at(claim_date: str | None, published: date | None) -> str:
    """A claim's place on the time axis (``claims.at``): its own date when it has a year
    (not a bare "MM-DD"), else its report's publication day, else "9999"."""
    if claim_date is not None and len(claim_date) != 5:
        return claim_date
    return published.isoformat() if published else "9999"


def first_source(c: Claim) -> str:
    """What sorting by source orders a claim by: its first source's name lower-cased,
    "~" (after every letter) when it has none (``claims.first_source``, 0018)."""
    return c.sources[0].name.lower() if c.sources else "~"


#: a quote is read back from its report's text only when it ends within this many
#: characters of the start: PostgreSQL decompresses and walks a text's prefix up to the
#: quote for each claim read, which costs ~2 ms a claim deep in a 200,000-character live
#: blog (a subject's ledger reads hundreds); quotes further in keep a copy (0018)
READ_BACK = 10_000


def stored_evidence(text: str, span: Span) -> str:
    """What ``claims.evidence`` keeps of a claim's evidence: "" when it is its report's
    text between its offsets, within ``READ_BACK`` characters of the start (read back by
    :func:`evidence_text`; 0013, 0018), else a copy."""
    if span.text and 0 <= span.start <= span.end <= min(len(text), READ_BACK) \
            and text[span.start:span.end] == span.text:
        return ""
    return span.text


def evidence_text() -> Any:
    """A claim's evidence, over claims joined to reports: its own copy, else its report's
    text between its offsets (SQL counts characters as Python does)."""
    c, r = t.claims, t.reports
    cut = func.substr(r.c.text, c.c.evidence_start + 1, c.c.evidence_end - c.c.evidence_start)
    return case((c.c.evidence == "", cut), else_=c.c.evidence).label("evidence_text")
