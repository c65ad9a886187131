"""The phrase after a speech verb: its early end (the first stop within 120 characters
that is no full stop) gives the span the clause pattern alone gives."""

from __future__ import annotations

import random
import re

from intex.pipeline.attribution.speakers import Speakers

CLAUSE = re.compile(r"((?:[^,;:.()\"“”]|(?<=\b[A-Z])\.(?=[A-Z]\.)|(?<=\b[A-Z]\.[A-Z])\.|"
                    r"(?<=\bRep)\.|(?<=\bReps)\.|(?<=\bSen)\.|"
                    r"(?<=\bGen)\.|(?<=\bLt)\.|(?<=\bCol)\.|(?<=\bMaj)\.|(?<=\bDr)\.|"
                    r"(?<=\bMr)\.|(?<=\bMs)\.|(?<=\bMrs)\.|(?<=\bGov)\.|(?<=\bAdm)\.)"
                    r"{1,120})")


class _Text:
    text = ""


def _pattern_alone(text: str, pos: int, end: int) -> tuple[int, int]:
    m = CLAUSE.match(text[pos:end])
    return (pos, pos + (m.end(1) if m else 0))


def test_phrase_after_spans_are_the_patterns() -> None:
    holder = _Text()
    parts = ["a", "b ", "Rep", "Gen", "U", "S", ".", ",", ";", ":", "(", ")", '"', "“", "”",
             " ", "\n", "Mr", "Dr", "x" * 50, "Lt", "A.B.", "é", "Adm", "said"]
    rng = random.Random(11)
    cases = [("Rep. Lee, who chairs it", 0, 30), ("Gen. Oleksandr Syrskyi.", 0, 23),
             ("x" * 300, 5, 290), ("", 0, 0), ("the U.S. envoy (Kim)", 0, 20), ("abc", 2, 1)]
    cases += [(t, rng.randint(0, len(t)), rng.randint(0, len(t) + 2))
              for t in ("".join(rng.choice(parts) for _ in range(rng.randint(0, 30)))
                        for _ in range(20_000))]
    for text, pos, end in cases:
        holder.text = text
        assert Speakers._phrase_after(holder, pos, end) == _pattern_alone(text, pos, end), \
            (text, pos, end)  # type: ignore[arg-type]
