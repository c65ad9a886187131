"""Default markings per feed and per site."""

from __future__ import annotations

from intex.errors import ConfigError
from intex.model import Marking
from intex.store import Store


def feed_key(spec: str) -> str:
    """How a feed is named in default markings: its URL as given, a file by its full path."""
    from pathlib import Path

    spec = spec.strip()
    return spec if "://" in spec or spec == "-" else str(Path(spec).expanduser().resolve())


def site_key(host_or_url: str) -> str:
    """A site by its host name, lower case, without ``www.``."""
    from urllib.parse import urlsplit

    text = host_or_url.strip().lower()
    host = (urlsplit(text).hostname or "") if "://" in text else text.split("/")[0]
    return host.removeprefix("www.").rstrip(".")


def default_marking(defaults: dict[tuple[str, str], Marking], *, feed: str | None,
                    url: str | None) -> Marking:
    """The marking a report gets when the command names none: its feed's default, else
    its site's (the host or the nearest parent domain set), else TLP:CLEAR."""
    if feed is not None and ("feed", feed_key(feed)) in defaults:
        return defaults[("feed", feed_key(feed))]
    host = site_key(url) if url and "://" in url else ""
    while host:
        if ("site", host) in defaults:
            return defaults[("site", host)]
        host = host.partition(".")[2] if "." in host else ""
    return Marking()


def mark_source(store: Store, *, marking: Marking, feed: str | None = None,
                site: str | None = None, by: str | None = None) -> tuple[str, str]:
    """Set the default marking of a feed or a site; returns (kind, name) as stored. The
    audit entry carries that marking: it says what the source's reports will be."""
    from intex.service.audit import record

    kind, name = _source(feed, site)
    store.source_marks.set(kind, name, marking)
    record(store, "source.marked", by, subject=f"{kind} {name}", marking=marking,
           detail=marking.label())
    return kind, name


def unmark_source(store: Store, *, feed: str | None = None, site: str | None = None,
                  by: str | None = None) -> tuple[str, str]:
    from intex.service.audit import record

    kind, name = _source(feed, site)
    was = store.source_marks.all().get((kind, name))
    store.source_marks.remove(kind, name)
    record(store, "source.unmarked", by, subject=f"{kind} {name}", marking=was)
    return kind, name


def _source(feed: str | None, site: str | None) -> tuple[str, str]:
    if (feed is None) == (site is None):
        raise ConfigError("name one feed (--feed) or one site (--site)")
    return ("feed", feed_key(feed)) if feed is not None else ("site", site_key(site or ""))
