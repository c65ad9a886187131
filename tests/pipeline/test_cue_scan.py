"""One scan for many cue lists answers exactly what one ``finditer`` per list answers."""

from __future__ import annotations

import random
import re

from intex.pipeline.claims.cues import CUE_RX, CUE_SCAN
from intex.pipeline.cue_scan import CueScanner
from tests.conftest import DEV


def _one_scan_per_pattern(patterns: dict[str, re.Pattern[str]], text: str, start: int,
                          end: int) -> list[tuple[str, int, int]]:
    found = [(name, m.start(), m.end()) for name, rx in patterns.items()
             for m in rx.finditer(text, start, end)]
    return sorted(found, key=lambda f: (f[1], list(patterns).index(f[0])))


def _scanned(scanner: CueScanner, text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(name, m.start(), m.end()) for name, m in scanner.finditer(text, start, end)]


def test_overlapping_cues_of_different_lists_are_all_found() -> None:
    patterns = {"casualties": re.compile(r"\b(?:killed or wounded|wounded)\b", re.I),
                "killed": re.compile(r"\b(?:killed)\b", re.I),
                "wounded": re.compile(r"\b(?:wounded)\b", re.I)}
    scanner = CueScanner(patterns, re.compile(r"\b(?:killed or wounded|killed|wounded)\b",
                                              re.I))
    text = "Shelling killed or wounded 40; 12 were wounded, none killed."
    assert _scanned(scanner, text, 0, len(text)) == \
        _one_scan_per_pattern(patterns, text, 0, len(text))
    assert ("killed", 9, 15) in _scanned(scanner, text, 0, len(text))
    # a window that starts and ends inside words sees the same boundaries a scan does
    assert _scanned(scanner, text, 10, 38) == _one_scan_per_pattern(patterns, text, 10, 38)


def test_status_cues_in_corpus_windows_match_a_scan_per_status() -> None:
    rng = random.Random(5)
    checked = 0
    for path in sorted(DEV.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for _ in range(40):
            start = rng.randrange(len(text))
            end = min(len(text), start + rng.randrange(1, 400))
            expected = _one_scan_per_pattern(CUE_RX, text, start, end)
            assert _scanned(CUE_SCAN, text, start, end) == expected, (path.name, start, end)
            checked += bool(expected)
    assert checked > 500  # the windows did hold cues
