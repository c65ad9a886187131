"""The STIX objects a TAXII server serves, read the way TAXII reads them.

Rows of ``stix_objects`` (written by ``Store.keep_stix``) get a TAXII order when they are
first served: :meth:`Objects.stamp` gives every row not yet stamped the next ``seq`` and
one ``date_added``, inside a write transaction, so ``seq`` grows in the order rows became
visible to readers. A cursor "after seq N" therefore never skips a row that commits late
nor repeats one: rows not yet stamped are invisible, and are stamped after everything
already seen.

Every read takes the partner and applies the marking part of its agreement in SQL
(:func:`visible_clause`), so that an object a partner may not see is not even read for it:
a hidden object and a missing one cost the same.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Engine,
    and_,
    bindparam,
    false,
    func,
    literal,
    or_,
    select,
    text,
)

from intex.model import TLP, Marking, Partner
from intex.store import jsontext
from intex.store import schema as t

#: what a row with no TLP of its own counts as (a partner's unmarked object)
UNMARKED = TLP.AMBER
#: ... except marking definitions, which carry no intelligence of their own
UNMARKED_DEFINITION = TLP.CLEAR

_o = t.stix_objects
_CHUNK = 500


def row_marking(tlp: str | None, releasable_to: str | None, type_: str) -> Marking:
    """The marking a ``stix_objects`` row stands under: its columns, the defaults above
    where it has no TLP."""
    return _row_marking(tlp, releasable_to, type_ == "marking-definition")


@lru_cache(maxsize=4096)  # a few distinct markings over many rows
def _row_marking(tlp: str | None, releasable_to: str | None, definition: bool) -> Marking:
    if tlp is None:
        level = UNMARKED_DEFINITION if definition else UNMARKED
    else:
        level = TLP[tlp]
    codes = tuple(c.strip() for c in (releasable_to or "").split(",") if c.strip())
    return Marking(level, codes)


def visible_clause(partner: Partner) -> ColumnElement[bool]:
    """``row_marking(...)`` passes ``partner.may_see`` — as SQL. The TLP part and the
    releasability part of ``may_see`` are independent, so each is asked of the rule itself
    (no second copy of it here): which levels pass, and which country codes."""
    levels = [lvl.name for lvl in TLP if partner.may_see(Marking(lvl))]
    if not levels:
        return false()
    effective = func.coalesce(_o.c.tlp, literal(UNMARKED.name))
    tlp_ok: ColumnElement[bool] = effective.in_(levels)
    if UNMARKED_DEFINITION.name in levels:
        tlp_ok = or_(tlp_ok, and_(_o.c.tlp.is_(None), _o.c.type == "marking-definition"))
    codes = [c for c in partner.countries if len(c) == 3 and c.isalpha()]
    padded = literal(",") + func.replace(_o.c.releasable_to, " ", "") + literal(",")
    rel_ok = or_(_o.c.releasable_to.is_(None), _o.c.releasable_to == "",
                 *[padded.like(f"%,{c.upper()},%") for c in codes
                   if partner.may_see(Marking(TLP.CLEAR, (c.upper(),)))])
    return and_(tlp_ok, rel_ok)


@dataclass(frozen=True, slots=True)
class Held:
    """One stored version of one object, as TAXII serves it."""

    seq: int
    id: str
    modified: str  # "" when the object has neither modified nor created
    type: str
    spec_version: str | None
    json: str
    date_added: datetime
    tlp: str | None
    releasable_to: str | None

    @property
    def marking(self) -> Marking:
        return row_marking(self.tlp, self.releasable_to, self.type)


@dataclass(frozen=True, slots=True)
class Match:
    """The SQL-side filters of a TAXII request (versions are chosen by the caller)."""

    added_after: datetime | None = None
    types: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()
    spec_versions: tuple[str, ...] = ()
    #: leave out every object this partner sent (any version of it: the ledger's own
    #: re-published version of a report it sent is still its report) — a push to it
    not_from: str | None = None


_COLUMNS = (_o.c.seq, _o.c.id, _o.c.modified, _o.c.type, _o.c.spec_version, _o.c.json,
            _o.c.date_added, _o.c.tlp, _o.c.releasable_to)


def _held(row: Any) -> Held:
    seq, id_, modified, type_, spec_version, text, added, tlp, releasable_to = row
    if added.tzinfo is None:  # SQLite keeps no zone; intex writes UTC
        added = added.replace(tzinfo=UTC)
    return Held(seq, id_, modified, type_, spec_version, text, added, tlp, releasable_to)


class Objects:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def stamp(self, now: datetime) -> int:
        """Give rows not yet served their ``seq`` and ``date_added``; returns how many.

        One ``date_added`` per call, strictly after every earlier one (so a client that
        read a whole collection may ask ``added_after`` its last ``date_added`` and miss
        nothing), and no per-row step that would count hidden rows between visible ones.
        """
        with self.engine.connect() as conn:
            if conn.execute(select(_o.c.id).where(_o.c.seq.is_(None)).limit(1)).first() is None:
                return 0
        with self.engine.begin() as conn:
            if conn.dialect.name == "postgresql":  # SQLite serialises writers already
                conn.execute(text("SELECT pg_advisory_xact_lock(20260005)"))
            top, last = conn.execute(select(func.max(_o.c.seq), func.max(_o.c.date_added))).one()
            rows = conn.execute(select(_o.c.id, _o.c.modified).where(_o.c.seq.is_(None))
                                .order_by(_o.c.received_at, _o.c.id, _o.c.modified)).all()
            if not rows:
                return 0
            added = now.astimezone(UTC)
            if last is not None:
                last = last if last.tzinfo else last.replace(tzinfo=UTC)
                added = max(added, last + timedelta(microseconds=1))
            start = (top or 0) + 1
            conn.execute(
                _o.update().where(_o.c.id == bindparam("b_id"),
                                  _o.c.modified == bindparam("b_modified"))
                .values(seq=bindparam("b_seq"), date_added=added),
                [{"b_id": r.id, "b_modified": r.modified, "b_seq": start + i}
                 for i, r in enumerate(rows)])
        return len(rows)

    def _where(self, partner: Partner, m: Match) -> list[ColumnElement[bool]]:
        where = [_o.c.seq.is_not(None), visible_clause(partner)]
        if m.added_after is not None:
            where.append(_o.c.date_added > m.added_after.astimezone(UTC))
        if m.types:
            where.append(_o.c.type.in_(m.types))
        if m.ids:
            where.append(_o.c.id.in_(m.ids))
        if m.spec_versions:  # a 2.1 bundle's objects without spec_version (SCOs) are 2.1
            where.append(func.coalesce(_o.c.spec_version, "2.1").in_(m.spec_versions))
        if m.not_from is not None:
            sent = _o.alias("sent")
            where.append(_o.c.id.not_in(select(sent.c.id).where(sent.c.partner == m.not_from)))
        return where

    def after(self, partner: Partner, cursor: int, m: Match, n: int) -> list[Held]:
        """Up to ``n`` rows the partner's markings allow, past ``cursor``, in ``seq`` order."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(*_COLUMNS).where(_o.c.seq > cursor,
                                                        *self._where(partner, m))
                                .order_by(_o.c.seq).limit(n))
            return [_held(r) for r in rows]

    def versions(self, partner: Partner, ids: Iterable[str]) -> dict[str, list[Held]]:
        """Every stamped version of these objects that the partner's markings allow."""
        out: dict[str, list[Held]] = {}
        wanted = sorted(set(ids))
        with self.engine.connect() as conn:
            for i in range(0, len(wanted), _CHUNK):
                rows = conn.execute(select(*_COLUMNS).where(
                    _o.c.id.in_(wanted[i:i + _CHUNK]), *self._where(partner, Match()))
                    .order_by(_o.c.seq))
                for r in rows:
                    out.setdefault(r.id, []).append(_held(r))
        return out

    def with_versions(self, ids: Iterable[str]) -> set[str]:
        """Which of these objects are held in more than one version (any marking)."""
        out: set[str] = set()
        wanted = sorted(set(ids))
        with self.engine.connect() as conn:
            for i in range(0, len(wanted), _CHUNK):
                out.update(conn.execute(
                    select(_o.c.id).where(_o.c.id.in_(wanted[i:i + _CHUNK]))
                    .group_by(_o.c.id).having(func.count() > 1)).scalars())
        return out

    def sent_by(self, partner: str, ids: Iterable[str]) -> set[str]:
        """Which of these ids this partner sent (some version of)."""
        wanted = sorted(set(ids))
        out: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(wanted), _CHUNK):
                out |= {r[0] for r in conn.execute(select(_o.c.id).where(
                    _o.c.id.in_(wanted[i:i + _CHUNK]), _o.c.partner == partner).distinct())}
        return out

    def marking_definitions(self) -> list[dict[str, Any]]:
        """Every marking definition held (to read markings with; never served from here)."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(_o.c.json).where(_o.c.type == "marking-definition"))
            return [jsontext.loads(r.json) for r in rows]

    # statuses of TAXII POSTs ---------------------------------------------------------
    def add_status(self, status: dict[str, Any], *, partner: str, collection: str,
                   at: datetime) -> None:
        with self.engine.begin() as conn:
            conn.execute(t.taxii_statuses.insert().values(
                id=status["id"], partner=partner, collection=collection,
                request_timestamp=at, json=json.dumps(status, sort_keys=True)))

    def status(self, status_id: str, partner: str) -> dict[str, Any] | None:
        """A status, only for the partner whose POST it reports on."""
        s = t.taxii_statuses
        with self.engine.connect() as conn:
            row = conn.execute(select(s.c.json).where(s.c.id == status_id,
                                                      s.c.partner == partner)).first()
        return None if row is None else dict(json.loads(row.json))
