"""Searching for a pattern that can only match at the end of a text, from near its end.

Rules often ask what the words just before a position are ("... has been" before a verb,
a comma before a name) with a pattern ending in ``$``. Python's engine tries such a
pattern at every position of the text before the one where it matches, so the cost grows
with the text, not with the few words asked about. When the part of every match before
its trailing whitespace is at most ``longest`` characters, no match can start earlier
than that many characters before the text's last non-space character; the search starts
there. ``pos`` keeps the text's own indices, and ``\\b`` and look-behinds still see the
characters before it, so the match is the very one a search of the whole text finds
(tests/pipeline/test_tail.py).
"""

from __future__ import annotations

import re


def search_tail(rx: re.Pattern[str], text: str, longest: int) -> re.Match[str] | None:
    """``rx.search(text)``, for a pattern whose matches end at the end of ``text`` (``$``)
    and hold at most ``longest`` characters before their trailing whitespace."""
    return rx.search(text, max(0, len(text.rstrip()) - longest))


def search_end(pattern: str, text: str, longest: int) -> re.Match[str] | None:
    """``search_tail`` for a pattern written where it is used (compiled once, by re's own
    cache): ``re.search(pattern, text)`` from near the text's end."""
    return search_tail(re.compile(pattern), text, longest)
