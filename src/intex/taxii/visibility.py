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

"Not permitted" includes "not held here": otherwise whether an object that names an id is
served would tell a partner whether a hidden object with that id exists.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from intex.model import Marking, Partner

#: a marking-definition id → what it says (None: nothing intex reads, e.g. a copyright)
Resolve = Callable[[str], Marking | None]

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


def _refs(value: object) -> Iterator[str]:
    """Every id in a ``*_ref`` / ``*_refs`` value, at any depth, markings excluded."""
    if isinstance(value, dict):
        for key, inner in value.items():
            if not isinstance(key, str) or key in _MARKING_KEYS or key == "marking_ref":
                continue
            if key.endswith("_ref") and isinstance(inner, str):
                yield inner
            elif key.endswith("_refs") and isinstance(inner, list):
                for ref in inner:
                    if isinstance(ref, str):
                        yield ref
                    else:
                        yield from _refs(ref)
            elif isinstance(inner, dict | list):  # nothing else can hold a reference
                yield from _refs(inner)
    elif isinstance(value, list):
        for inner in value:
            if isinstance(inner, dict | list):
                yield from _refs(inner)
