"""One entity as the ledger knows it, and an analyst's merges and splits of entities.

A merge ("A is B") and a split ("these spellings of A are someone else, C") are kept as
links in ``entity_links`` and applied to the mentions, aliases and claim sources they
concern at once — and again to every report stored or re-read later, so that they
survive re-extraction: the extractor keeps naming A, the ledger keeps saying B (or C).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache

from sqlalchemy import Connection, Engine, Select, and_, func, select

from intex.errors import NotFound, StoreError
from intex.model import Entity
from intex.model.ids import entity_id as make_entity_id
from intex.store import prepared
from intex.store import schema as t
from intex.store.utc import aware

WHOLE = ""  # a link's alias for "every mention of the entity"


@dataclass(frozen=True)
class Link:
    entity_id: str
    alias: str  # WHOLE, or the one spelling moved
    into_id: str
    analyst: str | None
    at: datetime


@dataclass(frozen=True)
class MentionRow:
    report_id: str
    published: date | None
    ingested: datetime
    start: int
    end: int
    text: str
    why: str


class Entities:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # reading ------------------------------------------------------------------------
    def get(self, entity_id: str) -> Entity:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.entities).where(t.entities.c.id == entity_id)).first()
        if row is None:
            raise NotFound("no such entity", subject=entity_id)
        return Entity(row.id, row.name, row.type, country=row.country, kind=row.kind)

    def merged_into(self, entity_id: str) -> str | None:
        """Where a merged entity now lives (None when it was not merged away)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(t.entity_links.c.into_id).where(
                t.entity_links.c.entity_id == entity_id,
                t.entity_links.c.alias == WHOLE)).first()
        return row[0] if row else None

    def links(self, entity_id: str) -> list[Link]:
        """Every merge and split that names this entity, on either side."""
        el = t.entity_links
        with self.engine.connect() as conn:
            rows = conn.execute(select(el).where(
                (el.c.entity_id == entity_id) | (el.c.into_id == entity_id))
                .order_by(el.c.at, el.c.entity_id, el.c.alias))
            return [Link(r.entity_id, r.alias, r.into_id, r.analyst, aware(r.at))
                    for r in rows]

    def mentions(self, entity_id: str) -> list[MentionRow]:
        m, r = t.mentions, t.reports
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(m.c.report_id, r.c.published, r.c.ingested_at, m.c.start, m.c.end,
                       m.c.text, m.c.why)
                .join(r, r.c.id == m.c.report_id).where(m.c.entity_id == entity_id)
                .order_by(r.c.published, m.c.report_id, m.c.start))
            return [MentionRow(x.report_id, x.published, aware(x.ingested_at), x.start,
                               x.end, x.text, x.why) for x in rows]

    def aliases(self, entity_id: str) -> list[tuple[str, str]]:
        """(spelling, why it matched) as first recorded."""
        with self.engine.connect() as conn:
            return [(r[0], r[1]) for r in conn.execute(
                select(t.aliases.c.alias, t.aliases.c.why)
                .where(t.aliases.c.entity_id == entity_id).order_by(t.aliases.c.alias))]

    def claims_sourced(self, entity_id: str) -> list[str]:
        """Ids of the claims whose chain of sources names this entity."""
        with self.engine.connect() as conn:
            return sorted({r[0] for r in conn.execute(
                select(t.claim_sources.c.claim_id)
                .where(t.claim_sources.c.entity_id == entity_id))})

    def claims_naming(self, entity_id: str) -> list[str]:
        """Ids of the claims whose evidence sentence mentions this entity."""
        c, m = t.claims, t.mentions
        with self.engine.connect() as conn:
            return sorted({r[0] for r in conn.execute(
                select(c.c.id).join(m, and_(m.c.report_id == c.c.report_id,
                                            m.c.start >= c.c.evidence_start,
                                            m.c.end <= c.c.evidence_end))
                .where(m.c.entity_id == entity_id))})

    def co_mentions(self, entity_id: str, report_ids: Sequence[str]) -> list[tuple[Entity, int]]:
        """Other entities named in these reports, with in how many of them; most first."""
        m, e = t.mentions, t.entities
        counts: dict[str, set[str]] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(report_ids), 500):
                for rid, eid in conn.execute(
                        select(m.c.report_id, m.c.entity_id).distinct().where(
                            m.c.report_id.in_(report_ids[i:i + 500]),
                            m.c.entity_id != entity_id)):
                    counts.setdefault(eid, set()).add(rid)
            ents = {r.id: Entity(r.id, r.name, r.type, country=r.country, kind=r.kind)
                    for r in conn.execute(select(e).where(e.c.id.in_(list(counts))))}
        return sorted(((ents[k], len(v)) for k, v in counts.items() if k in ents),
                      key=lambda p: (-p[1], p[0].name))

    # an analyst's corrections -------------------------------------------------------
    def merge(self, entity_id: str, into_id: str, *, analyst: str | None = None,
              now: datetime | None = None) -> int:
        """Make ``entity_id`` one with ``into_id`` from now on; returns mentions moved."""
        if entity_id == into_id:
            raise StoreError("an entity cannot be merged into itself", subject=entity_id)
        self.get(entity_id)
        self.get(into_id)
        if self.merged_into(into_id):
            raise StoreError("that entity was merged away; merge into where it went",
                             subject=into_id)
        with self.engine.begin() as conn:
            el = t.entity_links
            # links that led to the merged entity lead on to where it goes (one hop, always)
            conn.execute(el.update().where(el.c.into_id == entity_id).values(into_id=into_id))
            conn.execute(el.delete().where(el.c.entity_id == entity_id, el.c.alias == WHOLE))
            conn.execute(el.insert().values(entity_id=entity_id, alias=WHOLE, into_id=into_id,
                                            analyst=analyst, at=now or datetime.now(UTC)))
            return apply_links(conn)

    def split(self, entity_id: str, aliases: Sequence[str], *, name: str,
              type_: str | None = None, analyst: str | None = None,
              now: datetime | None = None) -> tuple[str, int]:
        """Move these spellings of an entity to another one (made when new), from now on.

        Returns the entity they went to and how many mentions moved."""
        source = self.get(entity_id)
        spelled = {a for a, _ in self.aliases(entity_id)}
        wanted = [a for a in dict.fromkeys(aliases) if a]
        if not wanted:
            raise StoreError("name at least one spelling to split off", subject=entity_id)
        unknown = [a for a in wanted if a not in spelled]
        if unknown:
            raise StoreError(f"not a spelling of this entity: {', '.join(unknown)}",
                             subject=entity_id)
        if not name.strip():
            raise StoreError("the entity split off needs a name", subject=entity_id)
        into = make_entity_id(type_ or source.type, name.strip())
        if into == entity_id:
            raise StoreError("the entity split off needs another name", subject=entity_id)
        with self.engine.begin() as conn:
            if conn.execute(select(t.entities.c.id).where(t.entities.c.id == into)).first() \
                    is None:
                conn.execute(t.entities.insert().values(id=into, name=name.strip(),
                                                        type=type_ or source.type))
            el = t.entity_links
            for alias in wanted:
                conn.execute(el.delete().where(el.c.entity_id == entity_id, el.c.alias == alias))
                conn.execute(el.insert().values(entity_id=entity_id, alias=alias, into_id=into,
                                                analyst=analyst, at=now or datetime.now(UTC)))
            return into, apply_links(conn)


@lru_cache(maxsize=1)
def _links() -> Select[tuple[str, str, str]]:
    """Every merge and split, whole-entity merges first (built once: every report asks)."""
    el = t.entity_links
    return select(el.c.entity_id, el.c.alias, el.c.into_id).order_by(el.c.alias)


def apply_links(conn: Connection, report_id: str | None = None) -> int:
    """Apply every merge and split to one report's rows (or all); returns mentions moved.

    A split moves the mentions written that way; a claim source moves with them when
    its report no longer names the old entity at all."""
    m, cs, c = t.mentions, t.claim_sources, t.claims
    links = prepared.rows(conn, _links(), {})  # whole-entity merges first
    if not links:
        return 0
    names = dict(conn.execute(select(t.entities.c.id, t.entities.c.name).where(
        t.entities.c.id.in_({x[2] for x in links}))).all())
    moved = 0
    for old, alias, into in links:
        where = [m.c.entity_id == old]
        if alias != WHOLE:
            where.append(m.c.text == alias)
        if report_id is not None:
            where.append(m.c.report_id == report_id)
        touched = [r[0] for r in conn.execute(select(m.c.report_id).distinct().where(*where))]
        moved += conn.execute(m.update().where(*where).values(entity_id=into)).rowcount
        # a spelling moves, and the entity's whole list of spellings on a merge
        for spelling, why in conn.execute(select(t.aliases.c.alias, t.aliases.c.why).where(
                t.aliases.c.entity_id == old,
                *([t.aliases.c.alias == alias] if alias != WHOLE else []))).all():
            if conn.execute(select(t.aliases.c.alias).where(
                    t.aliases.c.entity_id == into, t.aliases.c.alias == spelling)).first() is None:
                conn.execute(t.aliases.insert().values(entity_id=into, alias=spelling, why=why))
            conn.execute(t.aliases.delete().where(t.aliases.c.entity_id == old,
                                                  t.aliases.c.alias == spelling))
        claims = select(c.c.id).where(c.c.report_id.in_(touched)) if alias != WHOLE else \
            select(c.c.id) if report_id is None else select(c.c.id).where(
                c.c.report_id == report_id)
        if alias != WHOLE:
            still = select(m.c.report_id).where(m.c.entity_id == old)
            claims = claims.where(c.c.report_id.not_in(still))
        conn.execute(cs.update().where(cs.c.entity_id == old, cs.c.claim_id.in_(claims))
                     .values(entity_id=into, name=names.get(into, cs.c.name)))
    return moved


def mention_counts(engine: Engine, entity_ids: Sequence[str]) -> dict[str, int]:
    with engine.connect() as conn:
        return dict(conn.execute(select(t.mentions.c.entity_id, func.count()).where(
            t.mentions.c.entity_id.in_(list(entity_ids))).group_by(t.mentions.c.entity_id))
            .all())
