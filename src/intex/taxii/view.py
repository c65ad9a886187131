"""One partner's view of the collection: store reads + the pure rules of ``visibility``.

Pages are read past a cursor (``seq``) in the store's order; within a page, objects are
chosen by ``match[version]`` among the versions this partner may see (so "last" is the
latest version *it* may see, and a newer hidden version leaves no trace), then served
through :func:`visibility.served`.

With an ``audience`` (``taxii.served``), the view reads the collection as it stood at
``upto``, serves the forms kept for that audience as they are and keeps the ones it
works out from the object. Plain rows (``stix_objects.plain``) served as stored keep no
form: whether they are is read from their columns and what is known of the ids they
name, on every pass, which costs less than writing a form per row and reading it back;
a page of them is a read and a concatenation either way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from intex.model import Partner
from intex.stix import visibility
from intex.stix.visibility import resolver
from intex.store import jsontext
from intex.store.objects import Held, Match, Objects, plain_levels
from intex.taxii.params import Params, version_of
from intex.taxii.served import index_references

__all__ = ["Page", "Served", "View", "resolver"]


class Served(NamedTuple):
    """A row and what goes on the wire of it (a tuple: a page makes a thousand)."""

    row: Held
    text: str  # what goes on the wire

    @property
    def obj(self) -> dict[str, Any]:
        """The object as served (parsed from the text: most callers need only the text)."""
        obj = jsontext.loads(self.text)
        assert isinstance(obj, dict)
        return obj

    @property
    def version(self) -> str:
        # a row's ``modified`` is the object's modified or created, "" when it has neither
        return self.row.modified or _taxii_time(self.row.date_added)


def _taxii_time(at: datetime) -> str:
    from intex.taxii.params import stamp

    return stamp(at)


@dataclass
class Page:
    items: list[Served]
    more: bool
    cursor: int  # seq of the last item returned (the next page starts after it)


class View:
    """``known`` carries what was learnt of which ids are served to this partner from one
    request to the next, while the collection does not change (see ``Server.view``)."""

    def __init__(self, objects: Objects, partner: Partner, resolve: visibility.Resolve | None,
                 known: dict[str, bool] | None = None, not_from: str | None = None, *,
                 audience: str | None = None, upto: int | None = None) -> None:
        self.objects = objects
        self.partner = partner
        self.not_from = not_from
        self.audience = audience
        self.upto = upto
        self._resolve = resolve
        self._known: dict[str, bool] = {} if known is None else known
        #: per (tlp, releasable_to, type, plain): whether such a plain row is permitted
        self._passes: dict[tuple[str | None, str | None, str, str], bool] = {}
        self._sharing: visibility.Sharing | None = None
        self._served: dict[tuple[str, str], Served | None] = {}
        #: the only version of an object, parsed, from rows in hand (see ``_lookup``)
        self._in_hand: dict[str, visibility.Version] = {}

    @property
    def resolve(self) -> visibility.Resolve:
        """What marking definitions say (read only when a form has to be worked out)."""
        if self._resolve is None:
            self._resolve = resolver(self.objects.marking_definitions(self.upto))
        return self._resolve

    @property
    def sharing(self) -> visibility.Sharing:
        if self._sharing is None:
            self._sharing = visibility.Sharing(self.partner, self.resolve, self._lookup,
                                               self._known, markers=self._markers)
        return self._sharing

    def _lookup(self, ids: set[str]) -> dict[str, list[visibility.Version]]:
        """Every version of these objects the partner's markings allow. An object whose
        only version is a row in hand (read for this view, the same rule applied in SQL,
        and no other version held) is not read again."""
        out: dict[str, list[visibility.Version]] = {
            i: [self._in_hand[i]] for i in ids if i in self._in_hand}
        wanted = ids - out.keys() if out else ids
        if not wanted:
            return out
        for oid, rows in self.objects.versions(self.partner, wanted, upto=self.upto).items():
            for r in rows:
                obj = jsontext.loads(r.json)
                if isinstance(obj, dict):
                    out.setdefault(oid, []).append((r.marking, obj))
        return out

    def _markers(self, ids: set[str]) -> dict[str, list[visibility.Version]]:
        index_references(self.objects, self.objects.top() if self.upto is None else self.upto)
        out: dict[str, list[visibility.Version]] = {}
        for ref, rows in self.objects.marked_by(self.partner, ids, upto=self.upto).items():
            for r in rows:
                obj = jsontext.loads(r.json)
                if isinstance(obj, dict):
                    out.setdefault(ref, []).append((r.marking, obj))
        return out

    # the rule, per version --------------------------------------------------------------
    def _permitted(self, row: Held) -> dict[str, Any] | None:
        obj = jsontext.loads(row.json)
        if not isinstance(obj, dict):
            return None
        marking = row.marking
        if not row.several:  # its only version: what a lookup of its id would read
            self._in_hand[row.id] = (marking, obj)
        return obj if self.sharing.permitted(marking, obj) else None

    def serve(self, rows: Iterable[Held]) -> None:
        """Work out, once, what this partner gets of each row (or take the kept form).

        Plain rows served as stored (:meth:`_plain`) keep no form: they are decided from
        their columns on every pass, which costs less than writing a form per row and
        reading it back; but one that names an id nothing read so far had decided keeps
        "" (deciding that id read the database: a later pass need not again). The forms
        of the rows worked out from the object are kept."""
        served = self._served
        fresh = []
        for r in rows:
            key = (r.id, r.modified)
            if key in served:
                continue
            if r.kept is not None:
                served[key] = None if r.form is None else Served(r, r.form or r.json)
            else:
                fresh.append(r)
        if not fresh:
            return
        fresh, learnt = self._plain(fresh)
        if not fresh:
            self._keep([(r.seq, "") for r in learnt])
            return
        objs = [(r, self._permitted(r)) for r in fresh]
        refs: set[str] = set()
        for _, obj in objs:
            if obj is not None:
                refs |= self.sharing.needs(obj)
        self.sharing.learn(refs)
        for row, obj in objs:
            if obj is not None and visibility.travels_with_marks(obj) \
                    and not self.sharing.allowed(row.id):
                obj = None  # a definition nothing served marks with
            out = None if obj is None else visibility.served(
                obj, self.partner, self.resolve, self.sharing.allowed)
            if not row.several:
                # its only version: whether it is served is whether the object is, which
                # a later row referring to it would otherwise read and work out again
                self.sharing.known.setdefault(row.id, out is not None)
            if out is None:
                served[(row.id, row.modified)] = None
            else:
                text = row.json if out is obj else jsontext.dumps(out)
                served[(row.id, row.modified)] = Served(row, text)
        self._keep([(r.seq, "") for r in learnt] + [(r.seq, self._form(r)) for r in fresh])

    def _keep(self, forms: list[tuple[int, str | None]]) -> None:
        if forms and self.audience is not None and self.upto is not None:
            self.objects.keep_forms(self.audience, self.upto, forms)

    def _plain(self, rows: list[Held]) -> tuple[list[Held], list[Held]]:
        """Serve, without reading them, the plain rows (``visibility.shape``, said when
        they were written) that are served as stored: each permitted, and everything it
        refers to allowed — known, or another such row of this batch (the greatest set
        whose references stay inside it, known allowed ones aside). The others are
        worked out from the object: returns them, and the rows served here that name
        an id learnt here (read from the database, not known before)."""
        known, passes = self._known, self._passes
        alive: list[Held] = []
        outs: list[list[str]] = []
        for r in rows:
            plain, refs = r.plain, r.refs
            if plain is None or refs is None:
                continue
            key = (r.tlp, r.releasable_to, r.type, plain)  # few distinct over many rows
            ok = passes.get(key)
            if ok is None:
                ok = passes[key] = visibility.plain_permitted(
                    self.partner, r.marking, plain_levels(plain))
            if ok and known.get(r.id) is not False:
                alive.append(r)
                outs.append(refs.split() if refs else [])
        if not alive:
            return rows, []
        ids = {r.id for r in alive}
        named = set().union(*outs)
        unknown = {x for x in named - ids if x not in known}  # not ``- known.keys()``: O(known)
        if unknown:
            self.sharing.learn(unknown)
        # a reference outside the rows left that is not known served drops its row
        barred = {x for x in named - ids if not known.get(x, False)}
        while barred:
            kept = [i for i, out in enumerate(outs) if barred.isdisjoint(out)]
            if len(kept) == len(alive):
                break
            alive, outs = [alive[i] for i in kept], [outs[i] for i in kept]
            ids = {r.id for r in alive}
            barred = {x for x in named - ids if not known.get(x, False)}
        served = self._served
        for r in alive:
            served[(r.id, r.modified)] = Served(r, r.json)
            known[r.id] = True  # some version of it is served
        learnt = [r for r, out in zip(alive, outs, strict=True)
                  if not unknown.isdisjoint(out)] if unknown else []
        if len(alive) == len(rows):
            return [], learnt
        done = set(map(id, alive))  # the rows themselves: a batch may hold one twice
        return [r for r in rows if id(r) not in done], learnt

    def _form(self, row: Held) -> str | None:
        """How a served row is kept: None hidden, "" as stored, else the trimmed text."""
        s = self._served[(row.id, row.modified)]
        return None if s is None else "" if s.text is row.json else s.text

    def served(self, row: Held) -> Served | None:
        return self._served.get((row.id, row.modified))

    # choosing versions ---------------------------------------------------------------
    def _chooser(self, rows: list[Held], versions: tuple[str, ...]) -> Callable[[Held], bool]:
        if versions == ("all",):
            self.serve(rows)
            return lambda r: self.served(r) is not None
        # most objects have one version: the row in hand is all there is to choose from
        several = {r.id for r in rows if r.several}
        every = self.objects.versions(self.partner, several, self.audience, self.upto) \
            if several else {}
        for r in rows:
            if r.id not in several:
                every[r.id] = [r]
        self.serve(r for vs in every.values() for r in vs)
        self.serve(rows)
        keep: set[tuple[str, str]] = set()
        wanted = {v for v in (version_of(x) for x in versions) if v is not None}
        for vs in every.values():
            if len(vs) == 1 and not wanted:  # one version: kept whatever is asked
                if self.served(vs[0]) is not None:
                    keep.add((vs[0].id, vs[0].modified))
                continue
            seen = [(self._when(s), r) for r in vs if (s := self.served(r)) is not None]
            if not seen:
                continue
            seen.sort(key=lambda p: (p[0], p[1].seq))
            if "all" in versions:
                keep |= {(r.id, r.modified) for _, r in seen}
            if "last" in versions:
                keep.add((seen[-1][1].id, seen[-1][1].modified))
            if "first" in versions:
                keep.add((seen[0][1].id, seen[0][1].modified))
            keep |= {(r.id, r.modified) for when, r in seen if when in wanted}
        return lambda r: (r.id, r.modified) in keep

    def _when(self, s: Served) -> datetime:
        return version_of(s.version) or s.row.date_added

    # pages ---------------------------------------------------------------------------
    def page(self, p: Params, cursor: int, *, ids: tuple[str, ...] = ()) -> Page:
        """Up to ``p.limit`` served objects past ``cursor``, and whether more exist."""
        match = Match(added_after=p.added_after, types=p.types, ids=ids or p.ids,
                      spec_versions=p.spec_versions, not_from=self.not_from, upto=self.upto)
        items: list[Served] = []
        pos = cursor
        chunk = max(50, p.limit + 1)  # a full page and one more to tell whether more exist
        while True:
            rows = self.objects.after(self.partner, pos, match, chunk, self.audience)
            if not rows:
                return Page(items, False, items[-1].row.seq if items else cursor)
            if p.versions == ("last",) and all(r.cached and not r.several for r in rows):
                # the common page: one version each, forms kept (hidden ones not read)
                for row in rows:
                    if len(items) == p.limit:
                        return Page(items, True, items[-1].row.seq)
                    items.append(Served(row, row.form or row.json))
                pos = rows[-1].seq
                continue
            if p.versions == ("last",) and not any(r.several for r in rows):
                # one version each: served or not, nothing to choose between
                self.serve(rows)
                for row in rows:
                    if (served := self.served(row)) is None:
                        continue
                    if len(items) == p.limit:
                        return Page(items, True, items[-1].row.seq)
                    items.append(served)
                pos = rows[-1].seq
                continue
            chosen = self._chooser(rows, p.versions)
            for row in rows:
                if not chosen(row):
                    continue
                if len(items) == p.limit:
                    return Page(items, True, items[-1].row.seq)
                served = self.served(row)
                assert served is not None
                items.append(served)
            pos = rows[-1].seq
