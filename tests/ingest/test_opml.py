"""OPML subscription lists: feeds read in order; hostile XML stays inert; bad files named."""

from __future__ import annotations

import pytest

from intex.errors import FeedError
from intex.ingest.opml import read_opml

LIST = b"""<?xml version="1.0" encoding="utf-8"?>
<opml version="2.0"><head><title>Watched</title></head><body>
<outline text="Korea"><outline type="rss" text="Wire" xmlUrl="http://127.0.0.1:9/wire.rss"/>
  <outline type="rss" text="Atom" xmlUrl="http://127.0.0.1:9/news.atom"
           htmlUrl="http://127.0.0.1:9/"/></outline>
<outline type="rss" text="Wire again" xmlUrl="http://127.0.0.1:9/wire.rss"/>
</body></opml>"""

LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>
<opml version="2.0"><body><outline type="rss" text="&h;" xmlUrl="http://127.0.0.1:9/&h;"/>
</body></opml>"""


def test_feeds_in_document_order_each_once():
    assert read_opml(LIST, name="subs.opml") == ["http://127.0.0.1:9/wire.rss",
                                                 "http://127.0.0.1:9/news.atom"]


def test_an_entity_bomb_is_not_expanded():
    (url,) = read_opml(LAUGHS, name="bomb.opml")
    assert len(url) < 100


def test_an_external_entity_is_not_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    xxe = (f'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY s SYSTEM "file://{secret}">]>'
           '<opml version="2.0"><body><outline type="rss" text="&s;" '
           'xmlUrl="http://127.0.0.1:9/&s;"/></body></opml>').encode()
    (url,) = read_opml(xxe, name="xxe.opml")
    assert "TOPSECRET" not in url


@pytest.mark.parametrize("data, message", [
    (b"just some words", "not an OPML subscription list"),
    (b"<html><body><p>a page</p></body></html>", "not an OPML subscription list"),
    (b'<opml version="2.0"><body><outline text="folder"/></body></opml>',
     "the OPML file names no feeds"),
])
def test_bad_files_are_named(data, message):
    with pytest.raises(FeedError) as err:
        read_opml(data, name="subs.opml")
    assert str(err.value) == f"subs.opml: {message}"
