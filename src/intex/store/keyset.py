"""Paging the ledger by position, not by count: a cursor holds the sort key of a page's
last (or first) row, and the next page is the rows after it in ledger order.

Page 1,000 by OFFSET reads and drops 49,950 rows first; after a cursor, the walk along
the sort's index starts at the cursor's key. Rows stored between two requests land where
their keys put them: a walk by cursor never repeats a row, nor misses one that was there
when it began.

The order's keys may be NULL (``claims.at`` of a claim without any date,
``first_source`` of one without a named source). SQLite sorts NULL first, PostgreSQL
last, each the other way round when descending; "after" says the same here, so that the
cursor walks each backend's own order. A row value comparison ``(a, b) > (x, y)`` would
drop every row with a NULL key, so "after" is spelled out key by key.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, false, or_, true, tuple_

from intex.errors import InputError


def encode(sort: str, descending: bool, values: Sequence[Any]) -> str:
    """A cursor: opaque to its reader, URL-safe."""
    raw = json.dumps([sort, int(descending), list(values)], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode(cursor: str, sort: str, descending: bool, keys: int) -> list[Any]:
    """The key values a cursor holds; one from another sort or order is refused."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        got_sort, got_desc, values = json.loads(raw)
        ok = (got_sort == sort and bool(got_desc) == descending
              and isinstance(values, list) and len(values) == keys
              and all(v is None or isinstance(v, (str, int, float)) for v in values))
    except (ValueError, TypeError):
        ok = False
    if not ok:
        raise InputError("not a cursor of this ledger's order (sort and direction): "
                         "start again from the first page", subject=cursor[:60])
    return list(values)


def nulls_first(dialect: str, descending: bool) -> bool:
    """Where this backend puts NULL keys in the walk's order."""
    return (dialect == "sqlite") != descending


def _later(key: Any, value: Any, descending: bool, first: bool) -> Any:
    if value is None:  # after NULL: the values, when NULL comes first; else nothing
        return key.is_not(None) if first else false()
    beyond = key < value if descending else key > value
    return beyond if first else or_(beyond, key.is_(None))


def _same(key: Any, value: Any) -> Any:
    return key.is_(None) if value is None else key == value


def after(keys: Sequence[Any], values: Sequence[Any], *, descending: bool,
          first: bool) -> Any:
    """Rows after the one whose keys hold ``values`` (walking ``descending`` or not,
    NULL keys ``first`` or last)."""
    terms = []
    for i, (key, value) in enumerate(zip(keys, values, strict=True)):
        equal = [_same(k, v) for k, v in zip(keys[:i], values[:i], strict=True)]
        terms.append(and_(*equal, _later(key, value, descending, first)))
    return or_(*terms)


def stretches(keys: Sequence[Any], values: Sequence[Any], *, descending: bool,
              first: bool) -> list[Any]:
    """Conditions, in walking order, that together hold every row after ``values``: each
    lets the backend start its index walk at the cursor rather than at the beginning (an
    OR with IS NULL would not). When no key after the first can be NULL, the whole key
    compared as a row value starts the walk at the cursor's very row (sorted by date,
    thousands of claims share a day); else the first key does, at the start of its
    value's run."""
    key, value = keys[0], values[0]
    if value is None:
        return [true()] if first else [key.is_(None)]
    if all(getattr(k, "nullable", True) is False for k in keys[1:]) \
            and all(v is not None for v in values[1:]):
        # a row with a NULL first key drops out here: before the cursor when NULL comes
        # first, else in the stretch of NULLs after it
        whole, there = tuple_(*keys), tuple_(*values)
        from_here = whole < there if descending else whole > there
    else:
        from_here = key <= value if descending else key >= value
    return [from_here] if first else [from_here, key.is_(None)]
