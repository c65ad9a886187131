"""Entities as an analyst reads them: aliases and why, merge and split."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from intex.errors import NotFound
from intex.model import Entity, Marking, User
from intex.service.access import sees, sight_of
from intex.store import ClaimFilter, ClaimRow, Store
from intex.store.entities import Link, MentionRow


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
    seen = [m for m in every if sees(user, report_marks[m.report_id])]

    def rows(ids: list[str]) -> list[ClaimRow]:
        return store.claims(ClaimFilter(ids=tuple(ids), fold=False, limit=10**9,
                                        sight=sight_of(user))) if ids else []

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
    return store.entities(type_=type_, name=name, limit=limit, sight=sight_of(user))


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
                   analyst: str | None = None, address: str | None = None,
                   user: User | None = None) -> int:
    """Make one entity of two, from now on (re-extraction keeps to it). Returns the
    mentions moved that ``user`` may see (None: the command line, every one).

    The audit entry is marked with what it concerns: the strictest marking of the reports
    and claims that name either entity, so that no reader of the log who may not see
    all of those learns of the merge, nor how many mentions it moved."""
    from intex.service.audit import record
    from intex.store.entities import Entities

    book = Entities(store.engine)
    seen = _visible(store, user, book.mentions(entity_id))
    moved = book.merge(entity_id, into_id, analyst=analyst)
    record(store, "entity.merged", analyst, subject=entity_id, address=address,
           marking=concerning(store, entity_id, into_id),
           detail=f"into {into_id}; {moved} mentions moved")
    return seen


def split_entity(store: Store, entity_id: str, aliases: Sequence[str], *, name: str,
                 type_: str | None = None, analyst: str | None = None,
                 address: str | None = None, user: User | None = None) -> tuple[str, int]:
    """Move spellings of an entity to another (new or known) entity, from now on.

    Returns the other entity's id and the mentions moved that ``user`` may see (None:
    every one). The audit entry is marked as a merge's is, over both entities."""
    from intex.service.audit import record
    from intex.store.entities import Entities

    book = Entities(store.engine)
    wanted = set(aliases)
    seen = _visible(store, user, [m for m in book.mentions(entity_id) if m.text in wanted])
    other, moved = book.split(entity_id, aliases, name=name, type_=type_, analyst=analyst)
    record(store, "entity.split", analyst, subject=entity_id, address=address,
           marking=concerning(store, entity_id, other),
           detail=f"{', '.join(aliases)} → {other} ({name}); {moved} mentions moved")
    return other, seen


def _visible(store: Store, user: User | None, mentions: Sequence[MentionRow]) -> int:
    from intex.store import markings

    if user is None:
        return len(mentions)
    marks = markings.of_reports(store.engine, {m.report_id for m in mentions})
    return sum(sees(user, marks[m.report_id]) for m in mentions)


def concerning(store: Store, *entity_ids: str) -> Marking:
    """The strictest marking among the reports that mention these entities and the claims
    that name them (TLP:CLEAR when none does): who may see it may see all of them."""
    from intex.stix.markings import strictest
    from intex.store import markings
    from intex.store.entities import Entities

    book = Entities(store.engine)
    reports: set[str] = set()
    claims: set[str] = set()
    for entity_id in entity_ids:
        reports.update(m.report_id for m in book.mentions(entity_id))
        claims.update(book.claims_sourced(entity_id))
        claims.update(book.claims_naming(entity_id))
    found = set(markings.of_reports(store.engine, reports).values())
    if claims:
        found.update(r.marking for r in store.claims(
            ClaimFilter(ids=tuple(sorted(claims)), fold=False, limit=10**9)))
    out = Marking()
    for m in sorted(found, key=lambda m: (m.tlp, m.releasable_to)):
        out = strictest(out, m)
    return out
