from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from intex.errors import FeedError
from intex.ingest import FeedEntry, parse_feed

from .conftest import FULL_CONTENT, atom_feed, rss_feed

BASE = "http://wire.example"


def test_rss_entries_in_order_with_links_titles_dates() -> None:
    entries = parse_feed(rss_feed(BASE).encode(), f"{BASE}/feed.rss")
    assert [e.url for e in entries] == [f"{BASE}/articles/1.html",
                                        f"{BASE}/articles/never-fetched.html",
                                        f"{BASE}/articles/gone.html"]
    assert [e.title for e in entries] == ["Bridges damaged", "Water main burst", "Gone story"]
    assert [e.published for e in entries] == [date(2025, 3, 3), date(2025, 3, 4),
                                              date(2025, 3, 5)]


def test_full_content_wins_over_the_summary() -> None:
    entries = parse_feed(rss_feed(BASE).encode(), f"{BASE}/feed.rss")
    assert entries[0].html == "Short teaser."
    assert entries[1].html is not None
    assert "1,450 households" in entries[1].html and "Another teaser" not in entries[1].html


def test_atom_entries() -> None:
    entries = parse_feed(atom_feed(BASE).encode(), f"{BASE}/feed.atom")
    assert entries[0] == FeedEntry(url=f"{BASE}/articles/2.html", title="Second bridge report",
                                   published=date(2025, 3, 6),
                                   html="<p>A teaser only.</p>\n")  # Atom text, escaped
    assert entries[1].html == FULL_CONTENT
    assert entries[1].published == date(2025, 3, 7)  # from <updated> when not published


def test_rdf_feed() -> None:
    rdf = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://wire.example/"><title>RDF wire</title>
  <link>http://wire.example/</link><description>d</description></channel>
<item rdf:about="http://wire.example/r/9"><title>Ferry delayed</title>
  <link>http://wire.example/r/9</link><dc:date>2025-02-11</dc:date>
  <description>Two ferries were held in port.</description></item>
</rdf:RDF>"""
    [entry] = parse_feed(rdf, None)
    assert entry == FeedEntry(url="http://wire.example/r/9", title="Ferry delayed",
                              published=date(2025, 2, 11),
                              html="Two ferries were held in port.")


def test_relative_links_resolve_against_the_feed_url() -> None:
    rss = (b'<rss version="2.0"><channel><title>t</title><item><title>a</title>'
           b"<link>/news/7.html</link><description>d</description></item></channel></rss>")
    [entry] = parse_feed(rss, "https://wire.example/feeds/all.rss")
    assert entry.url == "https://wire.example/news/7.html"


def test_legacy_encoding_declared_in_the_feed() -> None:
    rss = ('<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel>'
           "<title>Лента</title><item><title>Паводок в Северске</title><link>http://w.example/1"
           "</link><description>Эвакуировано 340 человек.</description></item></channel></rss>"
           ).encode("cp1251")
    [entry] = parse_feed(rss, None)
    assert entry.title == "Паводок в Северске"
    assert entry.html == "Эвакуировано 340 человек."


def test_plain_text_content_becomes_escaped_html() -> None:
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:t</id>
<updated>2025-01-01T00:00:00Z</updated><entry><title>x</title><id>urn:t:1</id>
<updated>2025-01-01T00:00:00Z</updated>
<content type="text">Costs rose &lt;5% in 2024.

Officials expect more.</content></entry></feed>"""
    [entry] = parse_feed(atom, None)
    assert entry.html == "<p>Costs rose &lt;5% in 2024.</p>\n<p>Officials expect more.</p>\n"


def test_entry_without_link_or_date_or_text() -> None:
    rss = b'<rss version="2.0"><channel><title>t</title><item><title>Only a title</title>' \
          b"</item></channel></rss>"
    assert parse_feed(rss, None) == [FeedEntry(url=None, title="Only a title", published=None,
                                               html=None)]


def test_valid_feed_without_entries_is_empty_not_an_error() -> None:
    rss = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
    assert parse_feed(rss, "http://wire.example/empty.rss") == []


def test_bozo_feed_with_entries_is_still_used() -> None:
    rss = (b'<rss version="2.0"><channel><title>t</title><item><title>Dam & levee</title>'
           b"<link>http://wire.example/5</link><description>Sandbags ran out.</description>"
           b"</item></channel></rss>")  # the bare "&" makes it malformed XML
    [entry] = parse_feed(rss, None)
    assert entry.url == "http://wire.example/5"
    assert entry.html == "Sandbags ran out."


def test_malformed_feed_is_a_feed_error_naming_it() -> None:
    url = "http://wire.example/broken.rss"
    with pytest.raises(FeedError, match="malformed feed") as caught:
        parse_feed(b"<?xml version='1.0'?><rss version='2.0'><channel>&&&", url)
    assert caught.value.subject == url


@pytest.mark.parametrize("data", [
    b"Ten people were rescued from the roof.",
    b"<html><body><p>An article, not a feed.</p></body></html>",
])
def test_not_a_feed_is_a_feed_error(data: bytes) -> None:
    with pytest.raises(FeedError) as caught:
        parse_feed(data, None, name="reports/latest.xml")
    assert str(caught.value).startswith("reports/latest.xml: ")


def test_bytes_are_never_taken_for_a_file_name(tmp_path: Path) -> None:
    secret = tmp_path / "secret.rss"
    secret.write_bytes(rss_feed(BASE).encode())
    with pytest.raises(FeedError):
        parse_feed(str(secret).encode(), None)
