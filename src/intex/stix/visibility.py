"""What one partner may see of one object: pure functions, no I/O (property-tested).

The rule is ``Partner.may_see``. An object version is *permitted* to a partner when its
row's marking (``intex.store.objects.row_marking``) and every marking its own
``object_marking_refs`` state pass it. A permitted object is then *served* with every
trace of what is not permitted removed:

- entries of a top-level ``*_refs`` list (a report's ``object_refs``, ``where_sighted_refs``,
  a claim's ``source_refs``) that point to an object not permitted, or whose granular
  marking the partner may not see, are dropped, and so are the granular markings of the
  dropped entries (the others are renumbered); a list left empty hides the object;
- a ``created_by_ref`` to an object not permitted is dropped;
- in a third party's property extension (keyed ``extension-definition--…``), entries of
  a ``*_refs`` list pointing to an object not permitted are dropped (the list too when
  none is left: OpenCTI's ``granted_refs`` name organisations it does not export);
- any other reference to an object not permitted (a relationship's ``source_ref`` or
  ``target_ref``, a sighting's ``sighting_of_ref``, a claim's ``report_ref``, a reference
  nested anywhere deeper) hides the object;
- a granular marking the partner may not see on anything but a list entry hides the object.

A marking definition travels only with what it marks: other than the official TLP
definitions (public), it is served only when some object the partner is served marks
itself or one of its parts with it (``object_marking_refs`` or a granular marking, in
the form served), so a ``REL TO KOR`` statement says nothing of objects hidden from the
partner. A definition marked by another counts for it only when itself served that way
(the least such set: two definitions marking each other and nothing else stay hidden).

"Not permitted" includes "not held here": otherwise whether an object that names an id is
served would tell a partner whether a hidden object with that id exists.

:class:`Sharing` closes the rule over a set of objects: a reference is *allowed* when some
version of its target is itself served (not merely permitted), so that what a partner
gets never refers to an object it cannot get. The set is read through a lookup, so the
same code decides for the TAXII server (versions read from the store) and for ``intex
export --for`` (one bundle in memory): a partner gets the same objects either way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from intex.model import TLP, Marking, Partner

#: a marking-definition id → what it says (None: nothing intex reads, e.g. a copyright)
Resolve = Callable[[str], Marking | None]
#: one stored version of an object: the marking it is kept under, and the object
Version = tuple[Marking, Mapping[str, Any]]
#: ids → every version held of each (ids not held are left out)
Lookup = Callable[[set[str]], Mapping[str, Sequence[Version]]]
#: marking-definition ids → every version of the objects that mark with each (left out:
#: definitions nothing marks with)
Markers = Callable[[set[str]], Mapping[str, Sequence[Version]]]

_ENTRY = re.compile(r"^([a-z0-9_]+_refs)\.\[(\d+)\]$")
_MARKING_KEYS = frozenset({"object_marking_refs", "granular_markings"})


def permitted(partner: Partner, row: Marking, obj: Mapping[str, Any], resolve: Resolve) -> bool:
    """Whether the partner may see this object version at all."""
    if not partner.may_see(row):
        return False
    for ref in _strings(obj.get("object_marking_refs")):
        said = resolve(ref)
        if said is not None and not partner.may_see(said):
            return False
    return True


def references(obj: Mapping[str, Any]) -> set[str]:
    """Every object id the object refers to (markings aside), at any depth."""
    return set(_refs(obj))


def marks(obj: Mapping[str, Any]) -> set[str]:
    """The marking definitions an object marks itself or its parts with, the official
    TLP ones aside (they are public: nothing to withhold)."""
    out = set(_strings(obj.get("object_marking_refs")))
    out.update(r for g in _granular(obj) if isinstance(r := g.get("marking_ref"), str))
    return out - _public()


def travels_with_marks(obj: Mapping[str, Any]) -> bool:
    """Whether the object is a marking definition served only with what it marks."""
    return obj.get("type") == "marking-definition" and str(obj.get("id")) not in _public()


@lru_cache(maxsize=1)
def _public() -> frozenset[str]:
    from intex.stix.importing_markings import WELL_KNOWN

    return frozenset(WELL_KNOWN)


def served(obj: dict[str, Any], partner: Partner, resolve: Resolve,
           allowed: Callable[[str], bool]) -> dict[str, Any] | None:
    """The object as this partner gets it, or None when it must not get it at all.

    ``obj`` must already be :func:`permitted`; ``allowed(id)`` says whether some version
    of that object is. Returns ``obj`` itself when nothing had to change.
    """
    drop: dict[str, set[int]] = {}  # list property -> indices the partner may not see
    for gm in _granular(obj):
        ref = gm.get("marking_ref")
        said = resolve(ref) if isinstance(ref, str) else None
        if said is None or partner.may_see(said):
            continue
        for sel in _strings(gm.get("selectors")):
            entry = _ENTRY.match(sel)
            if entry is None or entry[1] in _MARKING_KEYS \
                    or not isinstance(obj.get(entry[1]), list):
                return None  # a restricted property intex cannot cut out alone
            drop.setdefault(entry[1], set()).add(int(entry[2]))
    out: dict[str, Any] | None = None
    for key, value in obj.items():
        if key in _MARKING_KEYS:
            continue
        if key.endswith("_refs") and isinstance(value, list):
            gone = {i for i in drop.get(key, ()) if i < len(value)} | {
                i for i, r in enumerate(value) if not isinstance(r, str) or not allowed(r)}
            if gone:
                if len(gone) >= len(value):
                    return None
                out = out if out is not None else dict(obj)
                out[key] = [r for i, r in enumerate(value) if i not in gone]
                out = _renumber(out, key, gone)
        elif key.endswith("_ref"):
            if isinstance(value, str) and allowed(value):
                continue
            if key != "created_by_ref":
                return None
            out = out if out is not None else dict(obj)
            del out[key]
        elif key == "extensions" and isinstance(value, dict):
            kept = _extensions(value, allowed)
            if kept is None:
                return None
            if kept is not value:
                out = out if out is not None else dict(obj)
                out[key] = kept
        elif isinstance(value, dict | list) and any(not allowed(ref) for ref in _refs(value)):
            return None
    return obj if out is None else out


def _extensions(value: dict[str, Any], allowed: Callable[[str], bool],
                ) -> dict[str, Any] | None:
    """``extensions`` as served: in a third party's property extension (keyed by its
    ``extension-definition--`` id) a ``*_refs`` list loses the entries not allowed, and
    the list goes when none is left (OpenCTI lists there the organisations an object is
    granted to, which it does not export); any other reference not allowed, there or in
    STIX's own extensions, hides the object (None)."""
    out: dict[str, Any] | None = None
    for name, ext in value.items():
        if not name.startswith("extension-definition--") or not isinstance(ext, dict):
            if any(not allowed(ref) for ref in _refs(ext)):
                return None
            continue
        cut: dict[str, Any] | None = None
        for key, inner in ext.items():
            if key.endswith("_refs") and isinstance(inner, list) \
                    and all(isinstance(r, str) for r in inner):
                left = [r for r in inner if allowed(r)]
                if len(left) < len(inner):
                    cut = cut if cut is not None else dict(ext)
                    if left:
                        cut[key] = left
                    else:
                        del cut[key]
            elif any(not allowed(ref) for ref in _refs({key: inner})):
                return None
        if cut is not None:
            out = out if out is not None else dict(value)
            out[name] = cut
    return value if out is None else out


@dataclass(frozen=True, slots=True)
class Shape:
    """What the rule reads of an object besides its row's marking, worked out once when
    it is stored: what it refers to (:func:`references`), the definitions it marks with
    (:func:`marks`), and, when its served form can only be the stored object itself or
    nothing, the TLP levels its own (official) markings state (``plain``; None: the form
    must be worked out from the object; see :func:`plain_permitted`)."""

    refs: frozenset[str]
    marks: frozenset[str]
    plain: tuple[TLP, ...] | None


def shape(obj: Mapping[str, Any]) -> Shape:
    """The :class:`Shape` of an object: plain when it has no granular marking, marks with
    no definition but the official TLP ones, is no definition that travels with what it
    marks, and is served unchanged once everything it refers to is allowed."""
    refs, marked = frozenset(references(obj)), frozenset(marks(obj))
    whole = obj if isinstance(obj, dict) else dict(obj)
    if marked or "granular_markings" in obj or travels_with_marks(obj) \
            or served(whole, _NOBODY, _official, lambda _: True) is not whole:
        return Shape(refs, marked, None)
    stated = (_official(r) for r in _strings(obj.get("object_marking_refs")))
    return Shape(refs, marked, tuple(sorted({m.tlp for m in stated if m is not None})))


def plain_permitted(partner: Partner, row: Marking, plain: Iterable[TLP]) -> bool:
    """:func:`permitted`, for a plain object (:func:`shape`): its row's marking and the
    levels its official markings state. A plain object so permitted is served as it is
    stored when everything it refers to is allowed, which is all :func:`served` then
    asks; otherwise it is worked out as any other."""
    return partner.may_see(row) and all(partner.may_see(Marking(tlp)) for tlp in plain)


def _official(ref: str) -> Marking | None:
    """What an official TLP marking definition says (None: any other id)."""
    from intex.stix.importing_markings import WELL_KNOWN

    tlp = WELL_KNOWN.get(ref)
    return None if tlp is None else Marking(tlp)


_NOBODY = Partner("nobody", TLP.CLEAR)  # served() reads a partner only for granular marks


def resolver(definitions: Iterable[Mapping[str, Any]]) -> Resolve:
    """Marking-definition id → what it says: the official TLP ids (2.0 and 1.0) and any
    held definition that states a TLP or intex's ``REL TO`` grammar."""
    from intex.stix.importing_markings import MarkingReader

    reader = MarkingReader({str(d.get("id")): dict(d) for d in definitions})
    cache: dict[str, Marking | None] = {}

    def resolve(ref: str) -> Marking | None:
        if ref not in cache:
            said = reader.said([ref])
            cache[ref] = None if said.tlp is None and not said.releasable_to else \
                Marking(said.tlp if said.tlp is not None else TLP.CLEAR, said.releasable_to)
        return cache[ref]

    return resolve


class Sharing:
    """What one partner gets of the objects a lookup holds, closed under references.

    ``markers`` says which objects mark with a definition (see :func:`travels_with_marks`).
    ``known`` (id → allowed) may be shared between instances over the same, unchanged
    set of objects and the same partner; it only ever grows.
    """

    def __init__(self, partner: Partner, resolve: Resolve, lookup: Lookup,
                 known: dict[str, bool] | None = None, *, markers: Markers) -> None:
        self.partner = partner
        self.resolve = resolve
        self.lookup = lookup
        self.markers = markers
        self.known: dict[str, bool] = {} if known is None else known

    def permitted(self, row: Marking, obj: Mapping[str, Any]) -> bool:
        return permitted(self.partner, row, obj, self.resolve)

    def allowed(self, ref: str) -> bool:
        """Whether some version of ``ref`` is served (call :meth:`learn` first)."""
        return self.known.get(ref, False)

    def needs(self, obj: Mapping[str, Any]) -> set[str]:
        """What must be learnt before serving ``obj``: what it refers to, and itself when
        it is a definition served only with what it marks."""
        refs = references(obj)
        if travels_with_marks(obj):
            refs.add(str(obj.get("id")))
        return refs

    def served(self, row: Marking, obj: dict[str, Any]) -> dict[str, Any] | None:
        """The version as this partner gets it, or None (see :func:`served`)."""
        if not self.permitted(row, obj):
            return None
        self.learn(self.needs(obj))
        if travels_with_marks(obj) and not self.allowed(str(obj.get("id"))):
            return None
        return served(obj, self.partner, self.resolve, self.allowed)

    def learn(self, refs: Iterable[str]) -> None:
        """Decide, for each id not yet known, whether some version of it is served.

        Every object the undecided ones reach is read (breadth first, a batch a level),
        with, for a definition that travels with what it marks, the objects that mark
        with it. Then the greatest set that serves itself is kept: start from everything
        permitted and drop what still refers to something dropped, until nothing moves.
        Cycles (a report and its claims name each other) stay in when nothing outside
        them is hidden. Such definitions enter only once something kept marks with them,
        growing from none (a least set: marking each other is not enough).
        """
        pending: dict[str, list[dict[str, Any]]] = {}
        marked_by: dict[str, list[dict[str, Any]]] = {}  # definition -> versions marking it
        todo = set(refs) - self.known.keys()
        while todo:
            found = self.lookup(todo)
            reach: set[str] = set()
            flagged: set[str] = set()
            for ref in todo:
                versions = [dict(obj) for row, obj in found.get(ref, ())
                            if self.permitted(row, obj)]
                if not versions:
                    self.known[ref] = False
                    continue
                pending[ref] = versions
                for obj in versions:
                    reach |= references(obj)
                if any(travels_with_marks(obj) for obj in versions):
                    flagged.add(ref)
            if flagged:
                got = self.markers(flagged)
                for ref in flagged:
                    marked_by[ref] = [dict(obj) for row, obj in got.get(ref, ())
                                      if self.permitted(row, obj)]
                    for obj in marked_by[ref]:
                        reach.add(str(obj.get("id")))
                        reach |= references(obj)
            todo = reach - self.known.keys() - pending.keys()
        marked: set[str] = set()
        while True:
            alive = self._serving(pending, {r for r in pending if r not in marked_by
                                            or r in marked})

            def ok(ref: str, alive: set[str] = alive) -> bool:
                return ref in alive or self.known.get(ref, False)

            now = {d for d, objs in marked_by.items() if any(
                ok(str(o.get("id"))) and (s := served(o, self.partner, self.resolve, ok))
                is not None and d in marks(s) for o in objs)}
            if now <= marked:
                break
            marked |= now
        for ref in pending:
            self.known[ref] = ref in alive

    def _serving(self, pending: dict[str, list[dict[str, Any]]], start: set[str]) -> set[str]:
        """The greatest part of ``start`` whose objects serve themselves."""
        alive = set(start)

        def ok(ref: str) -> bool:
            return ref in alive or self.known.get(ref, False)

        moved = True
        while moved:
            moved = False
            for ref in sorted(alive):
                if not any(served(o, self.partner, self.resolve, ok) is not None
                           for o in pending[ref]):
                    alive.discard(ref)
                    moved = True
        return alive


def share(objects: Sequence[dict[str, Any]], partner: Partner,
          marking: Callable[[Mapping[str, Any]], Marking]) -> list[dict[str, Any]]:
    """What ``partner`` gets of one set of objects (a bundle's), in their order.

    ``marking(obj)`` is the marking the object is kept under (what a TAXII server's row
    says); the marking definitions among ``objects`` say what their ids mean."""
    by_id: dict[str, list[Version]] = {}
    for obj in objects:
        by_id.setdefault(str(obj.get("id")), []).append((marking(obj), obj))
    marked: dict[str, list[Version]] = {}  # definition -> versions that mark with it
    for obj in objects:
        for ref in marks(obj):
            marked.setdefault(ref, []).append((marking(obj), obj))
    definitions = [o for o in objects if o.get("type") == "marking-definition"]
    sharing = Sharing(partner, resolver(definitions),
                      lambda ids: {i: by_id[i] for i in ids if i in by_id},
                      markers=lambda ids: {i: marked[i] for i in ids if i in marked})
    out = []
    for obj in objects:
        got = sharing.served(marking(obj), obj)
        if got is not None:
            out.append(got)
    return out


def without_entries(obj: dict[str, Any], key: str, gone: set[int]) -> dict[str, Any]:
    """A copy of ``obj`` without the entries ``gone`` of its list ``key``, their granular
    markings dropped and the others renumbered to follow their entries."""
    out = dict(obj)
    out[key] = [r for i, r in enumerate(obj[key]) if i not in gone]
    return _renumber(out, key, gone)


def _renumber(obj: dict[str, Any], key: str, gone: set[int]) -> dict[str, Any]:
    """Granular markings after dropping ``obj[key]``'s entries ``gone``."""
    if not obj.get("granular_markings"):
        return obj
    kept_at = {}
    n = 0
    length = len(obj[key]) + len(gone)
    for i in range(length):
        if i not in gone:
            kept_at[i] = n
            n += 1
    marks = []
    for gm in _granular(obj):
        selectors = []
        for sel in _strings(gm.get("selectors")):
            entry = _ENTRY.match(sel)
            if entry is not None and entry[1] == key:
                i = int(entry[2])
                if i in kept_at:
                    selectors.append(f"{key}.[{kept_at[i]}]")
            else:
                selectors.append(sel)
        if selectors:
            marks.append({**gm, "selectors": selectors})
    out = dict(obj)
    if marks:
        out["granular_markings"] = marks
    else:
        del out["granular_markings"]
    return out


def _granular(obj: Mapping[str, Any]) -> list[dict[str, Any]]:
    marks = obj.get("granular_markings")
    return [g for g in marks if isinstance(g, dict)] if isinstance(marks, list) else []


def _strings(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _refs(value: object) -> list[str]:
    """Every id in a ``*_ref`` / ``*_refs`` value, at any depth, markings excluded (a
    walk with a stack: every served object goes through it, some twice)."""
    out: list[str] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, inner in item.items():
                if not isinstance(key, str) or key in _MARKING_KEYS or key == "marking_ref":
                    continue
                if isinstance(inner, str):
                    if key.endswith("_ref"):
                        out.append(inner)
                elif isinstance(inner, list):
                    if key.endswith("_refs"):
                        for ref in inner:
                            if isinstance(ref, str):
                                out.append(ref)
                            elif isinstance(ref, dict | list):
                                stack.append(ref)
                    else:
                        stack.append(inner)
                elif isinstance(inner, dict):  # nothing else can hold a reference
                    stack.append(inner)
        elif isinstance(item, list):
            stack.extend(inner for inner in item if isinstance(inner, dict | list))
    return out
