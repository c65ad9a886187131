"""All the matches several word lists' patterns have in a window, in one scan.

A rule that asks "which of these sixteen lists of cues occur here?" would otherwise run
sixteen patterns over the same window, each trying every position. The union of the
lists finds the few positions where any cue starts (overlapping, so that a cue starting
inside another is not skipped); each list's own pattern is tried only there, by
``match`` at that position, which sees the same characters around it as a scan does.
A list's matches do not overlap one another, as its own ``finditer`` keeps them, so the
answer is exactly what running each pattern with ``finditer`` gives
(tests/pipeline/test_cue_scan.py).
"""

from __future__ import annotations

import re
from collections.abc import Mapping


class CueScanner:
    """Scans for each named pattern at once; ``union`` must match wherever any does."""

    def __init__(self, patterns: Mapping[str, re.Pattern[str]],
                 union: re.Pattern[str]) -> None:
        self._patterns = tuple(patterns.items())
        self._union = union

    def finditer(self, text: str, start: int, end: int) -> list[tuple[str, re.Match[str]]]:
        """(name, match) for every match of each pattern in text[start:end], as that
        pattern's ``finditer(text, start, end)`` yields them; ordered by position, then by
        the patterns' order."""
        out: list[tuple[str, re.Match[str]]] = []
        reach = dict.fromkeys((name for name, _ in self._patterns), start)
        search = self._union.search
        pos = start
        while pos < end:
            hit = search(text, pos, end)
            if hit is None:
                break
            at = hit.start()
            for name, rx in self._patterns:
                if at >= reach[name]:
                    m = rx.match(text, at, end)
                    if m is not None:
                        out.append((name, m))
                        reach[name] = m.end() if m.end() > at else at + 1
            pos = at + 1
        return out
