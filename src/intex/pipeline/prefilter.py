"""A cheap test before a regular expression: the words it cannot match without.

Many rules scan every line or sentence for a construction that most lines cannot hold
("cookies ... accept", "Ministry of ..."). Python's engine tries such a pattern at every
position before it fails. Most patterns spell out a word every match contains, or one of
a few words; when none of them is in the text (a plain substring test, far cheaper than
the scan), the pattern cannot match there and is not run at all.

A second test, for scans whose matches hold no such words: the characters a match can
start with, as a look-ahead in front of the pattern, so that the engine tries the whole
pattern only at those positions.

Both are read off the pattern's own parse (CPython's ``re._parser``), so they follow the
rules as they are edited: nothing is written twice. When in doubt (no such words, a
letter outside ASCII that folds, flags that change matching, a Python whose parser looks
otherwise) the pattern simply runs as before. A filtered pattern answers exactly as the
pattern itself does (tests/pipeline/test_prefilter.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from intex.pipeline.alternation import group_marks, split_top

try:  # CPython's own regex parser (3.11+); without it, patterns run unfiltered
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another Python
    _c = sre_parse = None
_LITERAL, _SUBPATTERN, _BRANCH = (getattr(_c, n, None) for n in ("LITERAL", "SUBPATTERN",
                                                                  "BRANCH"))
_REPEATS = tuple(getattr(_c, n, None) for n in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"))
_ASSERT, _ATOMIC = getattr(_c, "ASSERT", None), getattr(_c, "ATOMIC_GROUP", None)
MAX_WORDS = 6  # more words than this cost more to look for than the scan they save
# more words are worth looking for before a scan that is slow to fail: over a whole
# report, or an alternation tried at every position of every sentence
SLOW_SCAN = 12
# the letters outside ASCII that IGNORECASE matches with an ASCII letter ("İ" and "ı" with
# "i", "ſ" with "s", the Kelvin sign with "k"): spelled in ASCII before lower-casing, so
# that a word test never misses what the pattern would match
_FOLDS_TO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
# the last text lowered: a rule set scans one text many times. One tuple, replaced whole,
# so that threads never see one text's lowered form for another.
_last: tuple[str | None, str] = (None, "")


def required_words(rx: re.Pattern[str], max_words: int = MAX_WORDS) -> tuple[str, ...] | None:
    """At most ``max_words`` words one of which every match of ``rx`` contains (lower-cased
    when it ignores case), or None when the parse shows no such list."""
    tree = _parse(rx)
    if tree is None:
        return None
    fold = bool(rx.flags & re.IGNORECASE)
    try:
        words = _seq(tree, fold, max_words)
    except (TypeError, ValueError, AttributeError):  # a parse shaped otherwise
        return None
    if not words or any(not w for w in words):
        return None
    if fold and not all(c.isascii() or c.lower() == c.upper() == c.casefold() == c
                        for w in words for c in w):
        return None  # a letter outside ASCII may match others than lower() gives
    # "dozens" holds "dozen": a text with the longer word has the shorter one too
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


def _parse(rx: re.Pattern[str]) -> list[tuple[Any, Any]] | None:
    if sre_parse is None or rx.flags & (re.LOCALE | re.VERBOSE) or \
            not isinstance(rx.pattern, str):
        return None
    try:
        return list(sre_parse.parse(rx.pattern, rx.flags))
    except re.error:
        return None


def _seq(items: list[tuple[Any, Any]], fold: bool, most: int) -> frozenset[str] | None:
    """The best requirement of a sequence: any of its literal runs, or of its parts that
    every match passes through, whichever has the longest shortest word."""
    found: list[frozenset[str]] = []
    run: list[str] = []

    def close() -> None:
        if run:
            word = "".join(run)
            found.append(frozenset({word.lower() if fold else word}))
            run.clear()

    for op, av in items:
        if op is _LITERAL:
            run.append(chr(av))
            continue
        close()
        inner: frozenset[str] | None = None
        if op is _SUBPATTERN:
            _group, add, remove, sub = av
            if not add and not remove:
                inner = _seq(list(sub), fold, most)
        elif op is _BRANCH:
            alts = [_seq(list(alt), fold, most) for alt in av[1]]
            if all(a is not None for a in alts):
                inner = frozenset().union(*alts)  # type: ignore[arg-type]
        elif op in _REPEATS and op is not None:
            lo, _hi, sub = av
            if lo >= 1:
                inner = _seq(list(sub), fold, most)
        elif op is _ASSERT:
            _direction, sub = av
            inner = _seq(list(sub), fold, most)  # the text holds what a look-around sees
        elif op is _ATOMIC and op is not None:
            inner = _seq(list(av), fold, most)
        if inner and len(inner) > most:
            inner = _minimal(inner)  # "sep" stands for "september" too: 24 months are 12
        if inner and len(inner) <= most:
            found.append(inner)
    close()
    if not found:
        return None
    return max(found, key=lambda ws: (min(map(len, ws)), -len(ws)))


def _minimal(words: frozenset[str]) -> frozenset[str]:
    """``words`` without those holding another of them: a text holding the longer word
    holds the shorter one too, so the test answers alike."""
    return frozenset(w for w in words if not any(o != w and o in w for o in words))


def _lowered(text: str) -> str:
    global _last
    last = _last
    if last[0] is not text:
        low = text.lower() if text.isascii() else text.translate(_FOLDS_TO_ASCII).lower()
        last = _last = (text, low)
    return last[1]


class Prefiltered:
    """``rx`` behind the test for its words; the same methods, the same answers."""

    __slots__ = ("rx", "words", "fold", "pattern", "flags")

    def __init__(self, rx: re.Pattern[str], words: tuple[str, ...]) -> None:
        self.rx = rx
        self.words = words
        self.fold = bool(rx.flags & re.IGNORECASE)
        self.pattern = rx.pattern
        self.flags = rx.flags

    def could_match(self, text: str) -> bool:
        if self.fold:
            last = _last
            text = last[1] if last[0] is text else _lowered(text)
        for w in self.words:  # a loop, not any(): this runs for every line
            if w in text:
                return True
        return False

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        return self.rx.search(text, *args) if self.could_match(text) else None

    def match(self, text: str, *args: int) -> re.Match[str] | None:
        return self.rx.match(text, *args) if self.could_match(text) else None

    def fullmatch(self, text: str, *args: int) -> re.Match[str] | None:
        return self.rx.fullmatch(text, *args) if self.could_match(text) else None

    def finditer(self, text: str, *args: int) -> Iterator[re.Match[str]]:
        return self.rx.finditer(text, *args) if self.could_match(text) else iter(())

    def findall(self, text: str, *args: int) -> list[Any]:
        return self.rx.findall(text, *args) if self.could_match(text) else []

    def __repr__(self) -> str:
        return f"Prefiltered({self.rx!r}, {self.words!r})"


def prefiltered(rx: re.Pattern[str], max_words: int = MAX_WORDS) -> re.Pattern[str]:
    """``rx`` with its word test in front, or ``rx`` itself when it has no such words.
    ``max_words``: how many words are worth looking for before the scan (more for a
    pattern run over a whole report than for one run over each line)."""
    if _anchored(rx):
        return rx  # tried at the start alone, it fails at once by itself
    words = required_words(rx, max_words)
    return rx if words is None else Prefiltered(rx, words)  # type: ignore[return-value]



def any_search(patterns: Sequence[re.Pattern[str]]) -> Callable[[str], bool]:
    """``lambda text: any(rx.search(text) for rx in patterns)``, the same answer with the
    word tests run inline: a rule asking it of every line calls no method per pattern
    whose words the line lacks, and lowers the line once for them all."""
    tests = tuple((rx.words, rx.fold, rx.rx) if isinstance(rx, Prefiltered) else
                  (None, False, rx) for rx in patterns)

    def found(text: str) -> bool:
        low = None
        for words, fold, rx in tests:
            if words is not None:
                if fold:
                    if low is None:
                        low = _lowered(text)
                    seen = low
                else:
                    seen = text
                for w in words:
                    if w in seen:
                        break
                else:
                    continue  # none of its words: it cannot match
            if rx.search(text):
                return True
        return False

    return found

# -- where a match can start ------------------------------------------------------------
_IN, _AT, _ASSERT_NOT, _RANGE, _CATEGORY = (
    getattr(_c, n, None) for n in ("IN", "AT", "ASSERT_NOT", "RANGE", "CATEGORY"))
_CATEGORY_CLASS = {getattr(_c, n): cls for n, cls in (
    ("CATEGORY_DIGIT", r"\d"), ("CATEGORY_SPACE", r"\s"), ("CATEGORY_WORD", r"\w"))
    if hasattr(_c, n)}


def first_chars(rx: re.Pattern[str]) -> str | None:
    """A character class (``[...]``) every match of ``rx`` starts with, read off its
    parse; None when a match may start with anything or be empty."""
    tree = _parse(rx)
    if tree is None:
        return None
    try:
        found = _starts(tree)
    except (TypeError, ValueError, AttributeError):  # a parse shaped otherwise
        return None
    if found is None or found[1]:  # anything, or the empty string
        return None
    return "[" + "".join(sorted(found[0])) + "]"


def _starts(items: list[tuple[Any, Any]]) -> tuple[set[str], bool] | None:
    """(what the sequence's first character may be, whether it may match nothing), or
    None when it may start with any character."""
    out: set[str] = set()
    for op, av in items:
        if op is _AT or op is _ASSERT or op is _ASSERT_NOT:
            continue  # zero width: the next item starts the match
        step: tuple[set[str], bool] | None
        if op is _LITERAL:
            step = ({re.escape(chr(av))}, False)
        elif op is _IN:
            step = _class(av)
        elif op is _SUBPATTERN:
            _group, add, remove, sub = av
            if add == re.IGNORECASE and not remove:  # "(?i:media|press)": both cases
                inner = _starts(list(sub))
                step = None if inner is None else _both_cases(inner)
            else:
                step = None if add or remove else _starts(list(sub))
        elif op is _BRANCH:
            alts = [_starts(list(alt)) for alt in av[1]]
            step = None if any(a is None for a in alts) else (
                set().union(*(a[0] for a in alts if a)), any(a[1] for a in alts if a))
        elif op in _REPEATS and op is not None:
            lo, _hi, sub = av
            inner = _starts(list(sub))
            step = None if inner is None else (inner[0], inner[1] or lo == 0)
        elif op is _ATOMIC and op is not None:
            step = _starts(list(av))
        else:
            step = None  # any character, a back-reference, a conditional: anything
        if step is None:
            return None
        out |= step[0]
        if not step[1]:
            return out, False
    return out, True


# ASCII letters that IGNORECASE also matches with a letter outside ASCII ("ſ", "İ", "K")
_FOLDS_OUTSIDE_ASCII = frozenset("iksIKS")


def _both_cases(found: tuple[set[str], bool]) -> tuple[set[str], bool] | None:
    """The first characters of a part that ignores case inside a pattern that does not:
    each letter in both cases. None when a letter may match one outside ASCII, or the
    class holds a range or a character outside ASCII."""
    out: set[str] = set()
    for c in found[0]:
        if c in _CATEGORY_CLASS.values():
            out.add(c)  # \d \s \w: no case
            continue
        ch = c[1:] if len(c) == 2 and c[0] == "\\" else c  # as re.escape wrote it
        if len(ch) != 1 or not ch.isascii() or ch in _FOLDS_OUTSIDE_ASCII:
            return None
        out |= {re.escape(ch.lower()), re.escape(ch.upper())}
    return out, found[1]


def _class(items: list[tuple[Any, Any]]) -> tuple[set[str], bool] | None:
    out: set[str] = set()
    for op, av in items:
        if op is _LITERAL:
            out.add(re.escape(chr(av)))
        elif op is _RANGE and op is not None:
            lo, hi = av
            out.add(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}")
        elif op is _CATEGORY and op is not None and av in _CATEGORY_CLASS:
            out.add(_CATEGORY_CLASS[av])
        else:
            return None  # a negated class, another category: anything
    return out, False


def with_start_test(rx: re.Pattern[str]) -> re.Pattern[str]:
    """``rx`` behind a look-ahead for the characters a match can start with: the same
    matches and groups, found without trying the whole pattern at every other position.
    A pattern that opens with look-behinds ("(?<![\\w-])said") keeps them first: they
    fail at once inside a word, cheaper than the look-ahead, and both look at the one
    position, so their order changes no match."""
    first = first_chars(rx)
    if first is None:
        return rx
    k = _leading_lookbehinds(rx.pattern)
    head, rest = rx.pattern[:k], rx.pattern[k:]
    if not k or len(split_top(rest)) != 1:  # "(?<!x)a|b": the look-behind is a's alone
        head, rest = "", rx.pattern
    try:
        return re.compile(f"{head}(?={first})(?:{rest})", rx.flags)
    except re.error:
        return rx  # a pattern with global inline flags cannot be wrapped


def _leading_lookbehinds(pattern: str) -> int:
    """How many characters the look-behinds opening ``pattern`` take, one after another
    ("(?<![\\w-])(?<!United )"); 0 when it opens otherwise."""
    at = 0
    while pattern.startswith(("(?<=", "(?<!"), at):
        end = next((i for i, c, depth in group_marks(pattern, at) if c == ")" and depth == 0),
                   None)
        if end is None:
            return 0  # not closed: leave the pattern as it is
        at = end + 1
    return at


def _anchored(rx: re.Pattern[str]) -> bool:
    """Whether every match of ``rx`` starts at the text's start: the parse begins with
    ``^`` (no MULTILINE) or ``\\A`` outside any alternation. "^©|\\bcopyright\\b" begins
    with "^" but is not anchored: its other branches are tried everywhere."""
    if rx.flags & re.MULTILINE:
        return False
    tree = _parse(rx)
    return bool(tree) and tree[0] in ((_c.AT, _c.AT_BEGINNING), (_c.AT, _c.AT_BEGINNING_STRING))


def split_anchored(patterns: Sequence[re.Pattern[str]],
                   ) -> tuple[re.Pattern[str] | None, list[re.Pattern[str]]]:
    """For a rule asking whether *any* of ``patterns`` is found in a line: those anchored
    at the start (``^...``, no MULTILINE) joined into one pattern to ``match`` once at the
    line's start, and the others, to search for one by one. A joined pattern matches a
    line exactly when one of its parts does; the others keep their own filters. Patterns
    whose anchoring the parse does not show, or with other flags, stay with the others."""
    at_start: list[str] = []
    rest: list[re.Pattern[str]] = []
    flags = patterns[0].flags if patterns else 0
    for rx in patterns:
        anchored = rx.flags == flags and _anchored(rx) and "(?P=" not in rx.pattern and \
            not re.search(r"\\\d", rx.pattern)  # no back-references to renumber
        (at_start.append(rx.pattern) if anchored else rest.append(rx))
    if not at_start:
        return None, rest
    return re.compile("|".join(f"(?:{p})" for p in at_start), flags), rest
