"""The quick tests claim rules ask before a slow scan refuse only texts the scan finds
nothing in: the same answers, over every number of the corpus and pieced-together text."""

from __future__ import annotations

import random
import re
from pathlib import Path

from intex.pipeline.claims.subject import COUNT_VERB_BEFORE, _ends_on_count_verb

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _refused_but_found(before: str) -> bool:
    return not _ends_on_count_verb(before) and COUNT_VERB_BEFORE.search(before) is not None


def test_count_verb_guard_refuses_only_texts_without_a_match():
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(CORPUS.rglob("*"))
             if p.suffix in (".txt", ".html")]
    assert len(texts) > 100
    found = 0
    for text in texts:
        for m in re.finditer(r"\d", text):
            before = text[max(0, m.start() - 300):m.start()]
            assert not _refused_but_found(before), before
            found += _ends_on_count_verb(before) and COUNT_VERB_BEFORE.search(before) is not None
    assert found > 20  # the corpus holds the construction: the guard let it through
    parts = ["casualties", "now", "stand", "stood", "at", "total", "have reached",
             "may number", "numbered", "came to", "put", "Estimated", "estimated", "x", ",",
             " ", "  ", "\n", "\t", "\u00a0", ""]
    rng = random.Random(11)
    for _ in range(30_000):
        before = "".join(rng.choice(parts) + rng.choice((" ", "", "\n", "  "))
                         for _ in range(rng.randint(1, 9)))
        assert not _refused_but_found(before), repr(before)
