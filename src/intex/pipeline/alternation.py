"""Long word alternations, regrouped so that the regex engine tries few of them at a time.

Python's engine tries the alternatives of ``said|says|told|...`` one by one at every
position, and with case folding it cannot skip those whose first letter differs. Grouped
by first letter, ``s(?:aid|ays)|t(?:old)``, it tries one group per letter. The grouped
pattern matches exactly what the flat one does: alternatives that start with different
letters (case folded) never match at the same place, and within a group, and across any
alternative that does not start with a plain letter, the original order is kept, so the
engine's first-alternative-wins choice is unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator

_GROUPABLE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ")
_QUANTIFIERS = frozenset("*+?{")


def group_marks(pattern: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """Each ``(``, ``)`` and ``|`` of ``pattern`` from ``start`` on that is neither escaped
    nor inside a character class, as (position, character, depth): depth counts the groups
    open after it, so a ``|`` at depth 0 splits the top level and a ``)`` at depth 0 closes
    a group opened at ``start``."""
    depth, i, in_class = 0, start, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += 2 if pattern[i + 1:i + 3] == "^]" else 1 if pattern[i + 1:i + 2] == "]" \
                else 0  # "[]...]", "[^]...]": that bracket is a member
        elif c == "(":
            depth += 1
            yield i, c, depth
        elif c == ")":
            depth -= 1
            yield i, c, depth
        elif c == "|":
            yield i, c, depth
        i += 1


def split_top(pattern: str) -> list[str]:
    """The alternatives of ``pattern`` at its top level (not inside brackets or groups)."""
    out, start = [], 0
    for i, c, depth in group_marks(pattern):
        if c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
    out.append(pattern[start:])
    return out


def _head(alt: str, fold: bool) -> str | None:
    """The plain first character an alternative starts with (case folded when the
    pattern ignores case), if it has one."""
    if not alt or alt[0] not in _GROUPABLE or alt[1:2] in _QUANTIFIERS:
        return None
    return alt[0].lower() if fold else alt[0]


def grouped(pattern: str, *, ignore_case: bool = True) -> str:
    """``pattern`` (a ``|``-joined alternation) regrouped by leading characters,
    recursively; ``ignore_case`` says whether it is compiled with ``re.IGNORECASE``."""
    return "|".join(_group(split_top(pattern), ignore_case))


def _group(alts: list[str], fold: bool) -> list[str]:
    out: list[str] = []
    run: dict[str, list[str]] = {}  # first character -> remainders, in order

    def close_run() -> None:
        # before a barrier (an alternative without a plain first character) and at the
        # end, the run so far is emitted, keeping its place in the order
        for h, rests in run.items():
            inner = _group(rests, fold)
            # one alternative left needs no group of its own: "sep(?:arately)" as "separately"
            out.append(h + inner[0] if len(inner) == 1 else h + "(?:" + "|".join(inner) + ")")
        run.clear()

    for alt in alts:
        head = _head(alt, fold)
        if head is None:
            close_run()
            out.append(alt)
        else:
            run.setdefault(head, []).append(alt[1:])
    close_run()
    return out
