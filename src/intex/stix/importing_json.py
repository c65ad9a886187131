"""Bytes from a partner → JSON data, refusing what is too big or too deep before it costs.

The order matters: the size is checked before anything is decoded; the nesting depth is
measured on the bytes, with no recursion, before the parser sees them (Python's ``json``
recurses once per level and has no depth limit of its own); only then is the text parsed,
with hooks that refuse what JSON parsers disagree on (repeated keys, ``NaN``, numbers
too big for a float). :func:`check_sizes` then walks one object at a time, without
recursion, for strings and lists over their limits.
"""

from __future__ import annotations

import json
import math
import re
from array import array
from itertools import accumulate
from typing import Any

from intex.errors import BundleError

#: a JSON string, or an unterminated one running to the end of the input: every quote
#: that opens a string either closes it or ends the scan, so the pass is linear
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*(?:"|\Z)', re.DOTALL)
_NOT_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")
#: an opening bracket is +1, a closing one the byte 0xff: -1 once read as a signed char
_STEP = bytes.maketrans(b"[{]}", b"\x01\x01\xff\xff")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def nesting_depth(data: bytes) -> int:
    """How deeply arrays and objects nest in ``data`` (``{}`` is 1), strings skipped."""
    brackets = _STRING.sub(b"", data).translate(_STEP, _NOT_BRACKET)
    steps = array("b")
    steps.frombytes(brackets)
    return max(0, max(accumulate(steps), default=0))


def load(data: bytes, *, name: str, max_bytes: int, max_depth: int) -> Any:
    """Parse ``data`` as JSON text, or raise one :class:`BundleError` naming ``name``."""
    if len(data) > max_bytes:
        raise BundleError(f"{len(data):,} bytes is over the limit of {max_bytes:,}",
                          subject=name)
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as err:
        raise BundleError(f"not UTF-8 text (byte {err.start})", subject=name) from None
    depth = nesting_depth(data)
    if depth > max_depth:
        raise BundleError(f"JSON nested {depth:,} levels deep; the limit is {max_depth}",
                          subject=name)
    try:
        return json.loads(text, object_pairs_hook=_unique_keys,
                          parse_constant=_no_constant, parse_float=_finite)
    except RecursionError:  # not reached once the depth check has passed; kept as a guard
        raise BundleError("JSON nested too deeply to parse", subject=name) from None
    except ValueError as err:  # JSONDecodeError, and the hooks' refusals
        raise BundleError(f"not valid JSON: {err}", subject=name) from None


def check_sizes(value: Any, *, name: str, where: str | None, max_string: int,
                max_list: int) -> None:
    """Refuse a string longer than ``max_string`` characters, or a list or object with
    more than ``max_list`` items or keys, anywhere in ``value``; ``where`` names it."""
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            _check_string(node, name, where, max_string)
        elif isinstance(node, list):
            if len(node) > max_list:
                raise BundleError(f"a list of {len(node):,} items; the limit is {max_list:,}",
                                  subject=name, object_id=where)
            stack.extend(node)
        elif isinstance(node, dict):
            if len(node) > max_list:
                raise BundleError(f"an object with {len(node):,} properties; the limit is "
                                  f"{max_list:,}", subject=name, object_id=where)
            for key in node:
                _check_string(key, name, where, max_string)
            stack.extend(node.values())


def _check_string(text: str, name: str, where: str | None, max_string: int) -> None:
    if len(text) > max_string:
        raise BundleError(f"a string of {len(text):,} characters; the limit is "
                          f"{max_string:,}", subject=name, object_id=where)
    if not text.isascii() and _LONE_SURROGATE.search(text):
        raise BundleError("a string with an unpaired UTF-16 surrogate escape (not text)",
                          subject=name, object_id=where)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):  # parsers disagree on which value wins: refuse both
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ValueError(f"the key {key[:100]!r} appears twice in one object")
            seen.add(key)
    return out


def _no_constant(word: str) -> Any:
    raise ValueError(f"{word} is not a JSON number")


def _finite(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(f"the number {text[:40]} is too large for a float")
    return number
