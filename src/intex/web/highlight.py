"""A report's text cut into pieces for display: which claims' evidence and which entity
mention each piece belongs to. Pure: offsets in, pieces out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Piece:
    text: str
    claims: tuple[int, ...] = ()  # indexes of the claims whose evidence covers it
    entity: tuple[str, str] | None = None  # (name, type) of the mention covering it
    anchor: int | None = None  # the claim whose evidence starts here (for #ev-N links)


def pieces(text: str, evidence: Sequence[tuple[int, int]],
           mentions: Sequence[tuple[int, int, str, str]]) -> list[Piece]:
    """``evidence``: (start, end) per claim, in claim order; ``mentions``: (start, end,
    entity name, entity type). Spans outside the text are clipped; overlaps nest."""
    n = len(text)
    ev = [(max(0, s), min(n, e)) for s, e in evidence]
    ms = sorted(((max(0, s), min(n, e), name, kind) for s, e, name, kind in mentions
                 if s < e), key=lambda m: (m[0], -m[1]))
    cuts = {0, n}
    for s, e in ev:
        cuts.update((s, e))
    for s, e, _, _ in ms:
        cuts.update((s, e))
    bounds = sorted(c for c in cuts if 0 <= c <= n)
    starts: dict[int, int] = {}
    for i, (s, e) in enumerate(ev):
        if s < e:
            starts.setdefault(s, i)
    out: list[Piece] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        if a >= b:
            continue
        claims = tuple(i for i, (s, e) in enumerate(ev) if s <= a and b <= e)
        entity = next(((name, kind) for s, e, name, kind in ms if s <= a and b <= e), None)
        out.append(Piece(text[a:b], claims, entity, starts.get(a)))
    return out
