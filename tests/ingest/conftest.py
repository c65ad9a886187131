"""A real HTTP server on loopback serving invented reports, feeds and misbehaving endpoints."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from intex.ingest import Fetcher, FetchSettings
from tests.liveserver import Answer, Site, SiteHandler, http_site

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Flooding closes river port</title></head>
<body><article><h1>Flooding closes river port</h1>
<p>The harbour authority of Varnel said on Monday that 37 barges were stranded after the
river rose 2.4 metres overnight.</p>
<p>Officials estimated losses at about 1.2 million euros.</p></article></body></html>
"""

PLAIN_TEXT = ("Local officials in Dunmore said 18 schools stayed closed on Tuesday after a "
              "storm cut power to about 6,000 homes.\n")

CYRILLIC_TEXT = ("Мэр города Северск заявил во вторник, что после наводнения без электричества "
                 "остались около 12 тысяч жителей. По его словам, спасатели эвакуировали 340 "
                 "человек из трёх прибрежных районов.\n")


def entry_article(number: int) -> str:
    """The page a short feed entry links to; its text is findable by ``marker(number)``."""
    return (f"<!DOCTYPE html><html><head><title>Report {number}</title></head><body><article>"
            f"<h1>Report {number}</h1><p>{marker(number)}: inspectors counted {number * 11} "
            "damaged bridges in the northern district.</p></article></body></html>")


def marker(number: int) -> str:
    return f"Linked report number {number}"


FULL_CONTENT = (
    "<p>Full feed content: the water board of Kessel reported that 1,450 households were "
    "without drinking water for three days after a main burst under the ring road.</p>"
    "<p>Engineers replaced 60 metres of pipe, the board said, and tankers delivered about "
    "90,000 litres of water to the affected streets while repairs went on.</p>"
    "<p>The board expects the cost of the repair to reach 800,000 euros and said that a "
    "review of the older mains in the district would begin next month.</p>")


def rss_feed(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Invented Wire</title><link>{base}/</link><description>test</description>
<item><title>Bridges damaged</title><link>{base}/articles/1.html</link>
  <pubDate>Mon, 03 Mar 2025 09:00:00 GMT</pubDate><description>Short teaser.</description></item>
<item><title>Water main burst</title><link>{base}/articles/never-fetched.html</link>
  <pubDate>Tue, 04 Mar 2025 12:30:00 GMT</pubDate><description>Another teaser.</description>
  <content:encoded><![CDATA[{FULL_CONTENT}]]></content:encoded></item>
<item><title>Gone story</title><link>{base}/articles/gone.html</link>
  <pubDate>Wed, 05 Mar 2025 08:00:00 GMT</pubDate><description>Teaser.</description></item>
</channel></rss>
"""


def atom_feed(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Invented Atom</title>
<id>urn:intex:test</id><updated>2025-03-06T10:00:00Z</updated>
<entry><title>Second bridge report</title><link href="{base}/articles/2.html"/>
  <id>urn:intex:test:2</id><updated>2025-03-06T10:00:00Z</updated>
  <published>2025-03-06T10:00:00Z</published><summary>A teaser only.</summary></entry>
<entry><title>Water board update</title><link href="{base}/articles/never-fetched.html"/>
  <id>urn:intex:test:3</id><updated>2025-03-07T10:00:00Z</updated>
  <content type="html"><![CDATA[{FULL_CONTENT}]]></content></entry>
</feed>
"""


def _routes(site: Site) -> None:
    base = site.base
    html, plain = "text/html; charset=utf-8", "text/plain; charset=utf-8"
    site.routes.update({
        "/article.html": Answer(body=ARTICLE_HTML.encode()),
        "/plain.txt": Answer(body=PLAIN_TEXT.encode(), content_type=plain),
        "/cyrillic.txt": Answer(body=CYRILLIC_TEXT.encode("cp1251"),
                                content_type="text/plain; charset=windows-1251"),
        "/feed.rss": Answer(body=rss_feed(base).encode(),
                            content_type="application/rss+xml"),
        "/feed.atom": Answer(body=atom_feed(base).encode(),
                             content_type="application/atom+xml"),
        "/broken.rss": Answer(body=b"<?xml version='1.0'?><rss version='2.0'><channel>&&&",
                              content_type="application/rss+xml"),
        "/articles/1.html": Answer(body=entry_article(1).encode()),
        "/articles/2.html": Answer(body=entry_article(2).encode()),
        "/huge.txt": Answer(body=b"word " * 40_000, content_type=plain),
        "/huge-stream.txt": Answer(body=b"word " * 40_000, content_type=plain, length=False),
        "/image.png": Answer(body=PNG, content_type="image/png"),
        "/untyped": Answer(body=PNG, content_type=None),
        "/data.json": Answer(body=b'{"reports": 3}', content_type="application/json"),
        "/empty.html": Answer(body=b"", content_type=html),
        "/to-ftp": Answer(status=302, headers={"Location": "ftp://127.0.0.1/file.txt"}),
    })
    for hops in range(1, 9):
        target = f"/hop/{hops - 1}" if hops > 1 else "/article.html"
        site.routes[f"/hop/{hops}"] = Answer(status=302, headers={"Location": target})


class _Handler(SiteHandler):
    """The site's routes, and two endpoints that answer too slowly."""

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        if self.path == "/slow":
            self.site.hits.append(self.path)
            self.site.stop.wait(5)  # far past the tests' timeout; ends early at teardown
            return self.answer(Answer(PLAIN_TEXT.encode(), content_type="text/plain"))
        if self.path == "/drip":
            self.site.hits.append(self.path)
            return self._drip()
        super().do_GET()

    def _drip(self) -> None:
        """Each byte comes quickly enough for a read timeout; the whole takes too long."""
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "40")
        self.end_headers()
        for _ in range(40):
            if self.site.stop.wait(0.1):
                return
            self.wfile.write(b"x")
            self.wfile.flush()


@pytest.fixture(scope="session")
def site() -> Iterator[Site]:
    with http_site(handler=_Handler) as site:
        _routes(site)
        yield site


@pytest.fixture
def settings() -> FetchSettings:
    """Short limits so the slow and huge endpoints fail fast."""
    return FetchSettings(timeout=0.5, max_bytes=50_000, max_redirects=5)


@pytest.fixture
def fetcher(settings: FetchSettings) -> Iterator[Fetcher]:
    with Fetcher(settings) as fetcher:
        yield fetcher
