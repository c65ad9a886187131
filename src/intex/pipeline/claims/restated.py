"""A count given again by another party or at another time: "put the figure at 3,000"."""

from __future__ import annotations

import re

from intex.model import Claim
from intex.pipeline.claims.cues import unit_category
from intex.pipeline.doc import Quantity
from intex.pipeline.numbers import HEDGE_PHRASE

# the count named only by a word for a count, right before its figure: "put the figure at
# three thousand", "had earlier put the total at about 100 missiles" ("put the number in
# Kursk at 8,000" says where; "put the number of dead at 100" says what befell them)
PUT_BARE = re.compile(r"\b(?:put|puts|putting|placed|places)\s+(?:the|its|their)\s+"
                      r"(?:\w+\s+)?(?:figure|total|number|count|tally)\s+(?:(?:earlier|first|"
                      r"initially|now|then|later|previously|provisionally|officially)\s+)?"
                      r"at\s+(?:(?:" + HEDGE_PHRASE + r"|between)\s+)?$|"
                      # another party's count of it: "gave a lower count, around 8,600 troops",
                      # "offers a higher figure: 12,000"
                      r"\b(?:gave|gives|give|offered|offers|cited|cites)\s+(?:a|an|its|their)\s+"
                      r"(?:\w+\s+)?(?:figure|total|number|count|tally|estimate)\s*[,:–—-]\s*"
                      r"(?:(?:" + HEDGE_PHRASE + r"|between)\s+)?$", re.I)
# an earlier sentence that names the count as such: "the total is now 10,000", "the
# military's count is that about 180 missiles were launched"
COUNT_WORD = re.compile(r"\b(?:total|count|number|figure|tally)\b", re.I)


def _head(unit: str | None) -> str:
    words = (unit or "").lower().split()
    return words[-1] if words else ""


def restated_from(text: str, sent_start: int, q: Quantity, elided: bool,
                  claims: list[Claim]) -> Claim | None:
    """The earlier claim a bare restatement ("put the total at about 100 missiles") gives
    again: of the same kind of thing (the same head noun when the figure names one), in a
    sentence before this one; one whose sentence names it as a count first, else the first
    such claim of the nearest sentence."""
    m = PUT_BARE.search(text, max(sent_start, q.span.start - 80), q.span.start)
    if m is None:
        return None
    cat, head = unit_category(q.unit), _head(q.unit)
    earlier = [c for c in claims if c.evidence.start < sent_start and c.status != "other"
               and unit_category(c.unit) == cat and (elided or _head(c.unit) == head)]
    if not earlier:
        return None
    named = [c for c in earlier if COUNT_WORD.search(c.evidence.text)]
    if named:
        return named[-1]
    last = earlier[-1].evidence.start
    return next(c for c in earlier if c.evidence.start == last)
