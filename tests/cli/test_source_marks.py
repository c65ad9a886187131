"""Default markings per feed and per site (`intex source mark`), applied by `intex ingest`
when it is given no --tlp/--rel; explicit flags win; a feed's default wins over its
entries' site's."""

from __future__ import annotations

import os
import subprocess
import sys

from intex import service
from intex.model import TLP, Marking

INTEX = [sys.executable, "-m", "intex"]
BODY = ("The regional governor said on Tuesday that {n} people had been evacuated from "
        "villages along the river after the dam was damaged, and that emergency crews were "
        "working through the night to reinforce the embankments near the town centre. "
        "Officials said the water level had risen by almost two metres since Monday "
        "morning, and that a further {m} residents had been told to be ready to leave. The "
        "regional emergency service said its teams had checked every house in the lower "
        "streets and that nobody had been reported missing so far.")


def run(*args: str, db):
    return subprocess.run([*INTEX, *args, "--db", str(db)], capture_output=True, timeout=300,
                          env=dict(os.environ, COLUMNS="300"))


def feed(path, host: str, start: int) -> str:
    items = "".join(
        f"<item><title>Flood update {n}</title><link>https://{host}/flood/{n}</link>"
        f"<description><![CDATA[<p>{BODY.format(n=1000 + n, m=200 + n)}</p>]]></description>"
        "</item>" for n in range(start, start + 2))
    path.write_text(f'<rss version="2.0"><channel><title>wire</title>{items}</channel></rss>')
    return str(path)


def markings(db) -> dict[str, Marking]:
    store = service.open_ledger(f"sqlite:///{db}")
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql("select url, id from reports").all()
    return {url or rid: store.report(rid).marking for url, rid in rows}


def test_feed_and_site_defaults_apply_when_no_flag_is_given(tmp_path):
    db = tmp_path / "l.db"
    marked_feed = feed(tmp_path / "marked.rss", "www.example.org", 1)
    site_feed = feed(tmp_path / "site.rss", "news.example.org", 3)
    flagged_feed = feed(tmp_path / "flagged.rss", "example.org", 5)
    other_feed = feed(tmp_path / "other.rss", "elsewhere.net", 7)
    (tmp_path / "plain.txt").write_text("Flood\n\n" + BODY.format(n=9, m=10))

    out = run("source", "mark", "--site", "https://www.Example.org/any/page", "--tlp", "amber",
              "--rel", "UKR,KOR", db=db)
    assert out.returncode == 0, out.stderr
    assert b"site example.org: TLP:AMBER REL TO KOR, UKR" in out.stdout
    assert run("source", "mark", "--feed", marked_feed, "--tlp", "green", db=db).returncode == 0
    listed = run("source", "marks", db=db).stdout.decode()
    assert "example.org" in listed and "marked.rss" in listed

    for f in (marked_feed, site_feed, other_feed):
        assert run("ingest", "-q", "--feed", f, db=db).returncode == 0
    assert run("ingest", "-q", "--feed", flagged_feed, "--tlp", "red", db=db).returncode == 0
    assert run("ingest", "-q", str(tmp_path / "plain.txt"), db=db).returncode == 0

    got = markings(db)
    assert len(got) == 9
    for url, m in got.items():
        if "www.example.org" in url:  # the feed's own default wins over the site's
            assert m == Marking(TLP.GREEN), url
        elif "news.example.org" in url:  # a subdomain takes its site's default
            assert m == Marking(TLP.AMBER, ("KOR", "UKR")), url
        elif "//example.org" in url:  # an explicit flag wins over every default
            assert m == Marking(TLP.RED), url
        else:  # no default anywhere: CLEAR
            assert m == Marking(TLP.CLEAR), url

    assert run("source", "unmark", "--site", "example.org", db=db).returncode == 0
    assert "example.org" not in run("source", "marks", db=db).stdout.decode().replace(
        "marked.rss", "")
    again = run("source", "unmark", "--site", "example.org", db=db)
    assert again.returncode != 0 and b"example.org" in again.stderr
    both = run("source", "mark", "--site", "a.org", "--feed", marked_feed, "--tlp", "red",
               db=db)
    assert both.returncode != 0 and b"one feed" in both.stderr


def test_default_marking_rule():
    defaults = {("feed", "https://wire.example/rss"): Marking(TLP.GREEN),
                ("site", "example.org"): Marking(TLP.AMBER),
                ("site", "news.example.org"): Marking(TLP.AMBER_STRICT)}
    rule = service.default_marking
    assert rule(defaults, feed="https://wire.example/rss",
                url="https://news.example.org/a") == Marking(TLP.GREEN)
    assert rule(defaults, feed=None, url="https://news.example.org/a").tlp is TLP.AMBER_STRICT
    assert rule(defaults, feed=None, url="https://live.news.example.org/a").tlp is \
        TLP.AMBER_STRICT  # the nearest parent domain that has one
    assert rule(defaults, feed=None, url="https://example.org/a").tlp is TLP.AMBER
    assert rule(defaults, feed=None, url="https://notexample.org/a") == Marking()
    assert rule(defaults, feed="other", url=None) == Marking()
