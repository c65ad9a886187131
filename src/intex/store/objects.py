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

Served forms (0012): what a partner class (an *audience*: the part of an agreement the
rule reads) gets of a row is kept in ``served_forms`` once worked out, so that a page is
a read and a concatenation. The forms of an audience are right for the collection up to
``served_audiences.upto``; rows are never changed once stamped, so only new rows can
change a form, and :meth:`Objects.advance` drops, before the audience moves on, every
form that a new row can change: the forms of the new ids and of everything that refers
to them, transitively (``stix_refs``), the forms of what marks with a new marking
definition, and those of the definitions a changed object marks with (``stix_marks``: a
definition travels only with what it marks). Forms are only ever written for the
``upto`` they were worked out at (:meth:`Objects.keep_forms` checks it under the
audience's row lock), so a form worked out before a change never lands after it.

Rows described when written (0020): ``keep_stix``, given a ``Describe``, writes each
row's reference index (``stix_refs``, ``stix_marks``, by row key) in the transaction
that stores it, and says in the row whether what a partner gets of it can only be the
row as stored or nothing (``plain``, ``refs``), which every GET decides from those
columns alone: a plain row served as stored keeps no form (``taxii.view``), so the first
pass of a partner class writes forms only for the rows worked out from the object. Rows
written without one are found (``refs`` IS NULL, a partial index) and described when
first served.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Engine,
    String,
    and_,
    bindparam,
    exists,
    false,
    func,
    literal,
    null,
    or_,
    select,
    text,
    type_coerce,
)

from intex.model import TLP, Marking, Partner
from intex.store import jsontext
from intex.store import schema as t
from intex.store.bulk import insert_missing_rows
from intex.store.chunks import chunks
from intex.store.upsert import insert_missing
from intex.store.utc import aware

#: what a row with no TLP of its own counts as (a partner's unmarked object)
UNMARKED = TLP.AMBER
#: ... except marking definitions, which carry no intelligence of their own
UNMARKED_DEFINITION = TLP.CLEAR

_o = t.stix_objects
_f, _a, _r, _m = t.served_forms, t.served_audiences, t.stix_refs, t.stix_marks
_CHUNK = 500
#: past this many ids to drop, an audience's forms are dropped whole
_MOST_DROPPED = 20_000

#: what a stored object refers to, the marking definitions (other than the official TLP
#: ones) it marks itself or parts with, and, when its served form can only be the object
#: itself or nothing, the TLP levels its official markings state (None: not so plain)
Describe = Callable[[Mapping[str, Any]], tuple[Iterable[str], Iterable[str],
                                               tuple[TLP, ...] | None]]


def described(key: tuple[str, str], said: tuple[Iterable[str], Iterable[str],
                                                 tuple[TLP, ...] | None],
              ) -> tuple[str | None, str, list[dict[str, str]], list[dict[str, str]]]:
    """A row's ``plain`` and ``refs`` columns and its index rows (``stix_refs``,
    ``stix_marks``) from what ``Describe`` said of its object. A row whose references
    cannot be written space-separated is left to be worked out when served."""
    refs, marks, plain = sorted(set(said[0])), sorted(set(said[1])), said[2]
    id_, modified = key
    plain_col, refs_col = None, ""  # "": described, its form worked out when served
    if plain is not None and all(r and r.split() == [r] for r in refs):
        plain_col, refs_col = ",".join(t.name for t in plain), " ".join(refs)
    return (plain_col, refs_col,
            [{"id": id_, "modified": modified, "ref": r} for r in refs or [""]],
            [{"id": id_, "modified": modified, "ref": r} for r in marks])


def add_index(conn: Any, refs: list[dict[str, str]], marks: list[dict[str, str]]) -> None:
    """Write reference index rows (in the caller's transaction)."""
    for chunk in chunks(refs, 2000):
        insert_missing_rows(conn, _r, ["id", "modified", "ref"], chunk)
    for chunk in chunks(marks, 2000):
        insert_missing_rows(conn, _m, ["id", "modified", "ref"], chunk)


@lru_cache(maxsize=256)
def plain_levels(plain: str) -> tuple[TLP, ...]:
    """The TLP levels a row's ``plain`` column states."""
    return tuple(TLP[name] for name in plain.split(",") if name)


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


@lru_cache(maxsize=256)  # built once per agreement: a request reads a few statements
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


class Held(NamedTuple):
    """One stored version of one object, as TAXII serves it. A tuple in the order the
    page query reads its columns, so that a page of rows is made without a per-field
    step (a page holds a thousand of them)."""

    seq: int
    id: str
    modified: str  # "" when the object has neither modified nor created
    type: str
    spec_version: str | None
    json: str
    #: ``date_added`` as the driver gave it (SQLite: text; see :attr:`date_added`)
    added: datetime | str
    tlp: str | None
    releasable_to: str | None
    #: written with the row (0020): see ``schema.stix_objects``
    plain: str | None = None
    refs: str | None = None
    #: read with an audience: the seq of its kept form (None: none kept), and the form
    #: (None: hidden from it; "": the stored text; else the trimmed text)
    kept: int | None = None
    form: str | None = None
    #: read by ``after``: whether some other version of the object is held
    several: bool = True

    @property
    def cached(self) -> bool:
        """Whether a served form is kept for the audience it was read with."""
        return self.kept is not None

    @property
    def date_added(self) -> datetime:
        added = self.added
        if isinstance(added, str):
            return _added(added)
        return aware(added)

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
    #: only rows stamped up to this seq (a view of the collection as it stood)
    upto: int | None = None


_COLUMNS = (_o.c.seq, _o.c.id, _o.c.modified, _o.c.type, _o.c.spec_version, _o.c.json,
            _o.c.date_added, _o.c.tlp, _o.c.releasable_to, _o.c.plain, _o.c.refs)


def _held(row: Any) -> Held:
    """A row of ``_COLUMNS`` (and, from ``Objects._select``, its kept form and whether
    other versions exist) as :class:`Held`; SQLite's ``date_added`` text is read when
    asked for (SQLite keeps no zone; intex writes UTC)."""
    return Held(*row)


@lru_cache(maxsize=1024)  # one date_added per stamp: few distinct values over many rows
def _added(text: str) -> datetime:
    at = datetime.fromisoformat(text)
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)


class _Plan:
    """A page statement, compiled once. On SQLite, whose driver takes positional
    parameters, the rows are read straight from the driver (``driver.fetchall``) when
    every parameter but the page's own is plain text or a number (nothing for a type to
    convert): SQLAlchemy's result rows cost more than SQLite's own work on a page."""

    def __init__(self, stmt: Any, dialect: Any) -> None:
        self.stmt = stmt
        self.sql: str | None = None
        if dialect.name != "sqlite":
            return
        state = stmt.compile(dialect=dialect).construct_expanded_state(
            {"cursor": 0, "n": 0})
        values = state.parameters
        if state.positiontup is None or not all(
                v is None or type(v) in (str, int) for v in values.values()):
            return
        self.sql, self.order, self.values = state.statement, state.positiontup, values

    def rows(self, conn: Any, given: dict[str, Any]) -> list[Held]:
        if self.sql is None:
            return [_held(r) for r in conn.execute(self.stmt, given).all()]
        from intex.store import driver

        values = {**self.values, **given}
        return list(map(Held._make, driver.fetchall(conn, self.sql,
                                                    [values[k] for k in self.order])))


class Objects:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        # SQLite keeps date_added as text: read it as text and parse each distinct value
        # once (SQLAlchemy's per-row conversion costs more than the rest of a page)
        added = type_coerce(_o.c.date_added, String) if engine.dialect.name == "sqlite" \
            else _o.c.date_added
        self._columns = (*_COLUMNS[:6], added, *_COLUMNS[7:])
        #: statements built once per agreement and filters (a request reads a few)
        self._pages: dict[tuple[Any, ...], Any] = {}
        #: every row stamped up to this seq is indexed (see ``unindexed``)
        self._indexed = 0
        #: (upto, ids held in several versions), see :meth:`several`
        self._several: tuple[int | None, frozenset[str]] = (None, frozenset())

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
                last = aware(last)
                added = max(added, last + timedelta(microseconds=1))
            start = (top or 0) + 1
            conn.execute(
                _o.update().where(_o.c.id == bindparam("b_id"),
                                  _o.c.modified == bindparam("b_modified"))
                .values(seq=bindparam("b_seq"), date_added=added),
                [{"b_id": r.id, "b_modified": r.modified, "b_seq": start + i}
                 for i, r in enumerate(rows)])
        return len(rows)

    def stamp_top(self, now: datetime) -> int:
        """:meth:`stamp`, then :meth:`top`: one read when nothing waits to be stamped."""
        with self.engine.connect() as conn:
            top, waiting = conn.execute(select(
                func.max(_o.c.seq),
                select(_o.c.id).where(_o.c.seq.is_(None)).limit(1).scalar_subquery())).one()
        if waiting is None:
            return int(top or 0)
        self.stamp(now)
        return self.top()

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
        if m.upto is not None:
            where.append(_o.c.seq <= m.upto)
        return where

    def _select(self, audience: str | None, several: bool = False,
                known: bool = False) -> Any:
        """The row columns, and with an audience its kept form (rows it is kept hidden
        from are left out: nothing is served of them) and whether other versions exist
        (``known``: left to :meth:`several`, read as False here)."""
        columns: list[Any] = list(self._columns)
        if several:
            other = _o.alias("other")
            columns += [null(), null(), false() if known else exists().where(
                other.c.id == _o.c.id, other.c.modified != _o.c.modified)]
        if audience is None:
            return select(*columns), []
        if several:
            columns[-3:-1] = [_f.c.seq, _f.c.json]
        else:
            columns += [_f.c.seq, _f.c.json]
        joined = _o.outerjoin(_f, and_(_f.c.audience == audience, _f.c.seq == _o.c.seq))
        return (select(*columns).select_from(joined),
                [or_(_f.c.seq.is_(None), _f.c.json.is_not(None))])

    def after(self, partner: Partner, cursor: int, m: Match, n: int,
              audience: str | None = None) -> list[Held]:
        """Up to ``n`` rows the partner's markings allow, past ``cursor``, in ``seq`` order."""
        key = (partner, m, audience)
        stmt = self._pages.get(key)
        if stmt is None:
            if len(self._pages) > 200:
                self._pages.clear()
            query, kept = self._select(audience, several=True, known=m.upto is not None)
            stmt = self._pages[key] = _Plan(query.where(
                _o.c.seq > bindparam("cursor"), *self._where(partner, m), *kept)
                .order_by(_o.c.seq).limit(bindparam("n")), self.engine.dialect)
        with self.engine.connect() as conn:
            rows = stmt.rows(conn, {"cursor": cursor, "n": n})
        if m.upto is not None and rows and (several := self.several(m.upto)):
            rows = [r._replace(several=True) if r.id in several else r for r in rows]
        return rows

    def several(self, upto: int) -> frozenset[str]:
        """The ids held in more than one version, among the rows stamped up to ``upto``
        (and perhaps some written since: a row said to have others is only chosen among
        the versions read, so more is never wrong). Read whole once, then, as the
        collection grows, only for the ids of rows stamped since: a page asks this of
        its rows instead of probing every row's id for another version."""
        at, ids = self._several
        if at is None:
            with self.engine.connect() as conn:
                ids = frozenset(conn.execute(select(_o.c.id).group_by(_o.c.id)
                                             .having(func.count() > 1)).scalars())
        elif upto > at:
            with self.engine.connect() as conn:
                new = conn.execute(select(_o.c.id).where(_o.c.seq > at, _o.c.seq <= upto)
                                   ).scalars().all()
            ids = ids | self.with_versions(new)
        else:
            return ids
        self._several = (upto, ids)
        return ids

    def versions(self, partner: Partner, ids: Iterable[str], audience: str | None = None,
                 upto: int | None = None) -> dict[str, list[Held]]:
        """Every stamped version of these objects that the partner's markings allow."""
        out: dict[str, list[Held]] = {}
        key = (partner, Match(upto=upto), audience, "versions")
        stmt = self._pages.get(key)
        if stmt is None:
            if len(self._pages) > 200:
                self._pages.clear()
            query, kept = self._select(audience)
            stmt = self._pages[key] = query.where(
                _o.c.id.in_(bindparam("ids", expanding=True)),
                *self._where(partner, Match(upto=upto)), *kept).order_by(_o.c.seq)
        with self.engine.connect() as conn:
            for chunk in chunks(sorted(set(ids)), _CHUNK):
                for r in conn.execute(stmt, {"ids": chunk}).all():
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

    def marking_definitions(self, upto: int | None = None) -> list[dict[str, Any]]:
        """Every marking definition held (to read markings with; never served from here),
        or those stamped up to ``upto``."""
        query = select(_o.c.json).where(_o.c.type == "marking-definition")
        if upto is not None:
            query = query.where(_o.c.seq <= upto)
        with self.engine.connect() as conn:
            return [jsontext.loads(r.json) for r in conn.execute(query)]

    # served forms (0012) --------------------------------------------------------------
    def top(self) -> int:
        """The last ``seq`` given (0: none)."""
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.max(_o.c.seq))).scalar_one() or 0)

    def unindexed(self, upto: int, n: int = 5000) -> list[tuple[str, str, str]]:
        """Up to ``n`` stamped rows (id, modified, text), up to ``upto``, whose references
        are not indexed: rows ``keep_stix`` wrote without ``describe`` (or before 0020).
        Rows up to a ``upto`` found all indexed stay so (a stamped row never changes, and
        later ones are stamped past it): they are not looked at again."""
        if upto <= self._indexed:
            return []
        with self.engine.connect() as conn:  # off a partial index: rows not described
            return [(r.id, r.modified, r.json) for r in conn.execute(
                select(_o.c.id, _o.c.modified, _o.c.json)
                .where(_o.c.refs.is_(None), _o.c.seq > self._indexed, _o.c.seq <= upto)
                .order_by(_o.c.seq).limit(n))]

    def indexed(self, upto: int) -> None:
        """Say that every row stamped up to ``upto`` is indexed (see :meth:`unindexed`)."""
        self._indexed = max(self._indexed, upto)

    def add_refs(self, rows: Iterable[tuple[tuple[str, str], Any]]) -> None:
        """Index rows ``keep_stix`` did not: per row key, what ``Describe`` says of its
        object (its ``plain`` and ``refs`` columns are filled too), in one transaction."""
        refs: list[dict[str, str]] = []
        marks: list[dict[str, str]] = []
        columns = []
        for key, said in rows:
            plain, ids, more_refs, more_marks = described(key, said)
            refs += more_refs
            marks += more_marks
            columns.append({"b_id": key[0], "b_modified": key[1], "b_plain": plain,
                            "b_refs": ids})
        with self.engine.begin() as conn:
            add_index(conn, refs, marks)
            if columns:
                conn.execute(_o.update().where(_o.c.id == bindparam("b_id"),
                                               _o.c.modified == bindparam("b_modified"))
                             .values(plain=bindparam("b_plain"), refs=bindparam("b_refs")),
                             columns)

    def marked_by(self, partner: Partner, ids: Iterable[str], upto: int | None = None,
                  ) -> dict[str, list[Held]]:
        """Per marking definition, every stamped version the partner's markings allow of
        the objects that mark with it (the rows must be indexed: :meth:`add_refs`)."""
        out: dict[str, list[Held]] = {}
        joined = _m.join(_o, and_(_o.c.id == _m.c.id, _o.c.modified == _m.c.modified))
        stmt = select(_m.c.ref, *self._columns).select_from(joined) \
            .where(_m.c.ref.in_(bindparam("ids", expanding=True)),
                   *self._where(partner, Match(upto=upto))).order_by(_o.c.seq)
        with self.engine.connect() as conn:
            for chunk in chunks(sorted(set(ids)), _CHUNK):
                for r in conn.execute(stmt, {"ids": chunk}).all():
                    out.setdefault(r[0], []).append(_held(r[1:]))
        return out

    def audience_upto(self, audience: str) -> int | None:
        with self.engine.connect() as conn:
            return conn.execute(select(_a.c.upto).where(_a.c.audience == audience)).scalar()

    def advance(self, audience: str, top: int) -> None:
        """Make the audience's kept forms right for the rows up to ``top``: drop every
        form a row stamped since its ``upto`` can change, then move ``upto``. The rows up
        to ``top`` must be indexed (:meth:`add_refs`)."""
        with self.engine.begin() as conn:
            upto = conn.execute(select(_a.c.upto).where(_a.c.audience == audience)
                                .with_for_update()).scalar()
            if upto is None:  # nothing kept for it yet
                insert_missing(conn, _a, ["audience"], [{"audience": audience, "upto": top}])
                return
            if upto >= top:
                return
            new = conn.execute(select(_o.c.id, _o.c.type).where(_o.c.seq > upto,
                                                                 _o.c.seq <= top)).all()
            changed = _affected(conn, {r.id for r in new},
                                {r.id for r in new if r.type == "marking-definition"})
            forms = _f.delete().where(_f.c.audience == audience)
            if changed is None:
                conn.execute(forms)
            else:
                for chunk in chunks(sorted(changed), _CHUNK):
                    conn.execute(forms.where(_f.c.seq.in_(
                        select(_o.c.seq).where(_o.c.id.in_(chunk), _o.c.seq.is_not(None)))))
            conn.execute(_a.update().where(_a.c.audience == audience).values(upto=top))

    def audiences(self) -> list[str]:
        """The audiences forms are kept for."""
        with self.engine.connect() as conn:
            return sorted(conn.execute(select(_a.c.audience)).scalars())

    def forget_audiences(self, keep: Iterable[str]) -> int:
        """Drop the kept forms of every audience but ``keep``; how many audiences went.
        (A form is never wrong to drop: the next request works it out again.)"""
        keep = set(keep)
        with self.engine.begin() as conn:
            gone = [a for a in conn.execute(select(_a.c.audience)).scalars() if a not in keep]
            for chunk in chunks(gone, _CHUNK):
                conn.execute(_f.delete().where(_f.c.audience.in_(chunk)))
                conn.execute(_a.delete().where(_a.c.audience.in_(chunk)))
        return len(gone)

    def keep_forms(self, audience: str, upto: int,
                   forms: Iterable[tuple[int, str | None]]) -> bool:
        """Keep forms worked out for the collection up to ``upto``; only while that is
        still the audience's ``upto`` (False: they were not kept)."""
        rows = [{"audience": audience, "seq": seq, "json": form} for seq, form in forms]
        if not rows:
            return True
        with self.engine.begin() as conn:
            now = conn.execute(select(_a.c.upto).where(_a.c.audience == audience)
                               .with_for_update()).scalar()
            if now != upto:
                return False
            for chunk in chunks(rows, 2000):
                insert_missing_rows(conn, _f, ["audience", "seq"], chunk)
        return True

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


def _affected(conn: Any, ids: set[str], definitions: set[str]) -> set[str] | None:
    """The objects whose served forms new rows of ``ids`` can change (None: more than
    ``_MOST_DROPPED``, when dropping everything is cheaper): the new ids; whatever marks
    with a new definition (what its marking says may change); then, transitively, every
    object that refers to a changed one (it may lose or gain that reference) and every
    definition a changed one marks with (it travels only with what it marks)."""
    seen = set(ids)
    for chunk in chunks(sorted(definitions), _CHUNK):
        seen.update(conn.execute(select(_m.c.id).where(_m.c.ref.in_(chunk)).distinct())
                    .scalars())
    todo = set(seen)
    while todo:
        if len(seen) > _MOST_DROPPED:
            return None
        found: set[str] = set()
        for chunk in chunks(sorted(todo), _CHUNK):
            found.update(conn.execute(
                select(_r.c.id).where(_r.c.ref.in_(chunk)).distinct()).scalars())
            found.update(conn.execute(
                select(_m.c.ref).where(_m.c.id.in_(chunk)).distinct()).scalars())
        todo = found - seen
        seen |= todo
    return seen
