from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from intex.model.marking import Marking


@dataclass(frozen=True, slots=True)
class Document:
    """A report as intex keeps it: cleaned text (offsets point into it) and metadata."""

    id: str
    text: str
    content_hash: str
    title: str | None = None
    published: date | None = None
    language: str | None = None
    url: str | None = None
    site: str | None = None
    source_name: str | None = None  # where it came from: a path, a URL, "stdin", a feed
    format: str = "text"  # text | html | feed
    extras: tuple[tuple[str, str], ...] = field(default=())
    marking: Marking = Marking()  # how far it may travel: TLP and releasability

    def to_json(self) -> dict[str, object]:
        return {"title": self.title,
                "published": self.published.isoformat() if self.published else None,
                "language": self.language, "url": self.url, "site": self.site}
