"""The working state a pipeline passes from component to component."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter
from typing import Any

from intex.model import Claim, Entity, Mention, Span

_start = attrgetter("start")  # a paragraph's first character, for bisect


@dataclass
class Quantity:
    """A number found in the text, before it becomes a claim."""

    value: float
    value_max: float | None
    approx: bool
    span: Span  # the number expression, hedge included
    unit: str | None = None
    unit_span: Span | None = None
    vague: bool = False
    percent: bool = False
    currency: str | None = None


@dataclass
class Doc:
    """A report on its way through the pipeline. Components fill its fields in order."""

    raw: str
    format: str = "text"  # text | html
    url: str | None = None
    published: date | None = None  # given by the caller; wins over what the page says
    # added by components
    text: str = ""
    title: str | None = None
    site: str | None = None
    language: str | None = None
    page_published: date | None = None
    paragraphs: list[Span] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    quantities: list[Quantity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    user: dict[str, Any] = field(default_factory=dict)  # room for outside components

    @property
    def reference_date(self) -> date | None:
        return self.published or self.page_published

    def sentence_of(self, pos: int) -> int:
        """Index of the sentence holding character ``pos`` (binary search)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if pos < s.start:
                hi = mid - 1
            elif pos >= s.end:
                lo = mid + 1
            else:
                return mid
        return max(0, min(lo, len(self.sentences) - 1))

    def paragraph_of(self, pos: int) -> int:
        """Index of the paragraph holding character ``pos``, or -1 (between two, or
        outside them all). Binary search: paragraphs are in order and do not overlap."""
        i = bisect_right(self.paragraphs, pos, key=_start) - 1
        if i >= 0 and pos < self.paragraphs[i].end:
            return i
        return -1
