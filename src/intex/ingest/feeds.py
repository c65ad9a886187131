"""The one seam to feedparser: RSS, Atom and RDF feeds to a plain list of entries.

feedparser never raises on bad input; it sets ``bozo``. A feed that is slightly broken but
still yields entries is worth reading; one that yields nothing is a FeedError naming it.
"""

from __future__ import annotations

import html
import io
import time
from dataclasses import dataclass
from datetime import date
from typing import Any

from intex.errors import FeedError


@dataclass(frozen=True)
class FeedEntry:
    url: str | None
    title: str | None
    published: date | None
    html: str | None  # the entry's full content, or else its summary


def parse_feed(data: bytes, url: str | None, *, name: str | None = None) -> list[FeedEntry]:
    """Entries of the feed in ``data``; ``url`` resolves relative links, ``name`` (else
    ``url``) names the feed in errors."""
    import feedparser  # type: ignore[import-untyped]

    subject = name or url or "feed"
    # feedparser flags a feed as bozo when it has no XML content type; we know it is XML
    headers = {"content-type": "application/xml"}
    if url:
        headers["content-location"] = url
    try:
        # a stream, not bytes: feedparser would treat bytes as a file name to open
        parsed = feedparser.parse(io.BytesIO(data), response_headers=headers,
                                  resolve_relative_uris=True, sanitize_html=True)
    except Exception as exc:  # feedparser promises not to raise; keep the promise for it
        raise FeedError(f"could not parse the feed ({type(exc).__name__})",
                        subject=subject) from None
    entries = list(parsed.get("entries") or [])
    if not entries:
        if parsed.get("bozo"):
            reason = _short(parsed.get("bozo_exception"))
            raise FeedError(f"malformed feed: {reason}" if reason else "malformed feed",
                            subject=subject)
        if not parsed.get("version"):
            raise FeedError("not an RSS, Atom or RDF feed", subject=subject)
    return [_entry(e) for e in entries]


def _entry(entry: Any) -> FeedEntry:
    return FeedEntry(url=entry.get("link") or None,
                     title=(entry.get("title") or "").strip() or None,
                     published=_date(entry.get("published_parsed") or
                                     entry.get("updated_parsed")),
                     html=_content(entry))


def _content(entry: Any) -> str | None:
    """The longest full-content part, else the summary; plain text escaped to HTML."""
    parts = [(c.get("value") or "", c.get("type") or "") for c in entry.get("content") or []]
    if not any(value.strip() for value, _ in parts):
        detail = entry.get("summary_detail") or {}
        parts = [(entry.get("summary") or "", detail.get("type") or "text/html")]
    value, kind = max(parts, key=lambda p: len(p[0]), default=("", ""))
    if not value.strip():
        return None
    if kind == "text/plain":
        return "".join(f"<p>{html.escape(p.strip())}</p>\n"
                       for p in value.split("\n\n") if p.strip())
    return value


def _date(parsed: time.struct_time | None) -> date | None:
    if not parsed:
        return None
    try:
        return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    except (ValueError, AttributeError):
        return None


def _short(exc: object) -> str:
    text = " ".join(str(getattr(exc, "getMessage", lambda: exc)()).split())
    return text[:120]
