"""The one seam to listparser: an OPML subscription list to the feed URLs it names.

OPML is user input. listparser reads it with lxml's recovering HTML parser, which declares
no entities and fetches nothing: an entity bomb or an external entity stays literal text
(tests/ingest/test_opml.py holds it to that). Bytes only are handed over, never a URL,
so listparser never goes to the network itself.
"""

from __future__ import annotations

from intex.errors import FeedError


def read_opml(data: bytes, *, name: str) -> list[str]:
    """The feed URLs of an OPML file, in document order, each once; FeedError naming it."""
    import listparser

    try:
        parsed = listparser.parse(bytes(data))
    except Exception as exc:  # listparser reports problems in ``bozo``; keep that promise
        raise FeedError(f"could not read the OPML file ({type(exc).__name__})",
                        subject=name) from None
    if not str(parsed.get("version") or "").startswith("opml"):
        raise FeedError("not an OPML subscription list", subject=name)
    urls: list[str] = []
    for feed in parsed.get("feeds") or []:
        url = str(feed.get("url") or "").strip()
        if url and url not in urls:
            urls.append(url)
    if not urls:
        raise FeedError("the OPML file names no feeds", subject=name)
    return urls
