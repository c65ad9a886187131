"""The one seam to trafilatura and htmldate: main text and metadata of an HTML page;
and the pattern of a markup tag, for rules that read the page as read (``Doc.raw``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

# a markup tag ('<td class="x">', '</p>') left in a page's text
HTML_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class PageText:
    text: str
    title: str | None
    published: date | None
    site: str | None
    language: str | None
    url: str | None


def extract_page(html: str, url: str | None = None) -> PageText | None:
    """Main text and metadata of a page; None when the page holds no article text."""
    import trafilatura
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # signals do not mix with threads
    doc = trafilatura.bare_extraction(
        html, url=url, include_comments=False, include_tables=True, favor_precision=False,
        with_metadata=True, config=config, deduplicate=False)
    if doc is None:
        return None
    text = (doc.text or "").strip()
    if not text:
        return None
    published = _parse_iso(doc.date) or find_date(html, url)
    return PageText(text=text, title=doc.title or None, published=published,
                    site=doc.sitename or None, language=doc.language or None,
                    url=doc.url or url)


def find_date(html: str, url: str | None = None) -> date | None:
    from htmldate import find_date as _find

    try:
        found = _find(html, url=url, original_date=True, extensive_search=False)
    except (ValueError, TypeError):
        return None
    return _parse_iso(found)


def _parse_iso(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None
