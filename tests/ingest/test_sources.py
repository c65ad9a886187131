from __future__ import annotations

import io
import sys
from datetime import date
from pathlib import Path

import pytest

from intex.errors import BinaryInput, EmptyInput, FeedError, FetchError, InputError, TooLarge
from intex.ingest import Failure, Fetcher, RawInput, expand

from .conftest import (
    CYRILLIC_TEXT,
    FULL_CONTENT,
    PLAIN_TEXT,
    Site,
    atom_feed,
    marker,
)

REPORT = "Rescuers said 14 people were taken to hospital after the ferry ran aground.\n"
OTHER = "The council said repairs to the 3 damaged piers would cost 2 million euros.\n"


def names(items: list[RawInput | Failure]) -> list[str]:
    return [item.name for item in items]


def failures(items: list[RawInput | Failure]) -> list[Failure]:
    return [item for item in items if isinstance(item, Failure)]


# --- files and folders ------------------------------------------------------------------

def test_file_becomes_one_raw_input(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    [raw] = expand([str(path)])
    assert raw == RawInput(name=str(path), text=REPORT, format="text", encoding="utf-8")


def test_html_file_is_html(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text(f"<!doctype html><html><body><p>{REPORT}</p></body></html>")
    [raw] = expand([str(path)])
    assert isinstance(raw, RawInput) and raw.format == "html"


def test_missing_path_is_a_failure_and_later_inputs_still_come(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(REPORT)
    missing = str(tmp_path / "missing.txt")
    items = list(expand([missing, str(good)]))
    assert names(items) == [missing, str(good)]
    failure = items[0]
    assert isinstance(failure, Failure) and type(failure.error) is InputError
    assert str(failure.error) == f"{missing}: no such file or folder"
    assert isinstance(items[1], RawInput) and items[1].text == REPORT


def test_unreadable_names_are_failures_not_exceptions(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(REPORT)
    too_long = "x" * 5_000
    items = list(expand([too_long, "bad\x00name", str(good)]))
    assert names(items) == [too_long, "bad\x00name", str(good)]
    assert [type(item) for item in items] == [Failure, Failure, RawInput]


def test_bad_files_become_failures_of_the_right_kind(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.5\n" + bytes(range(256)))
    (tmp_path / "big.txt").write_bytes(b"word " * 100)
    (tmp_path / "ok.txt").write_text(REPORT)
    items = list(expand([str(tmp_path / n) for n in ("empty.txt", "scan.txt", "big.txt",
                                                     "ok.txt")], max_bytes=400))
    kinds = [type(item.error) if isinstance(item, Failure) else RawInput for item in items]
    assert kinds == [EmptyInput, BinaryInput, TooLarge, RawInput]
    assert "PDF" in str(failures(items)[1].error)


def test_folder_recurses_in_order_and_skips_hidden_and_foreign_files(tmp_path: Path) -> None:
    root = tmp_path / "reports"
    (root / "b-sub" / "deeper").mkdir(parents=True)
    (root / ".git").mkdir()
    files = {
        "a.txt": REPORT, "b-sub/c.md": OTHER, "b-sub/deeper/d.html": f"<p>{REPORT}</p>",
        "NOTES": OTHER, "e.rss.bak": REPORT, "f.json": "{}", "photo.png": "x",
        ".hidden.txt": REPORT, ".git/HEAD.txt": REPORT, "z.TXT": OTHER,
    }
    for name, text in files.items():
        (root / name).write_text(text)
    items = list(expand([str(root)]))
    assert names(items) == [str(root / n) for n in ("NOTES", "a.txt", "b-sub/c.md",
                                                    "b-sub/deeper/d.html", "z.TXT")]
    assert all(isinstance(item, RawInput) for item in items)


def test_folder_streams_one_file_at_a_time(tmp_path: Path) -> None:
    for number in range(3):
        (tmp_path / f"{number}.txt").write_text(f"Report {number}: {REPORT}")
    stream = expand([str(tmp_path)])
    first = next(stream)
    assert isinstance(first, RawInput) and first.text.startswith("Report 0")
    (tmp_path / "1.txt").write_text("Rewritten after the first was read: 9 boats sank.")
    rest = list(stream)
    assert isinstance(rest[0], RawInput) and rest[0].text.startswith("Rewritten")


def test_folder_with_a_symlink_loop_ends(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(REPORT)
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert names(list(expand([str(tmp_path)]))) == [str(tmp_path / "a.txt")]


def test_feed_file_in_inputs_is_expanded(tmp_path: Path) -> None:
    feed = tmp_path / "wire.rss"
    feed.write_text(f"""<rss version="2.0"><channel><title>t</title>
<item><title>Kessel water</title><pubDate>Tue, 04 Mar 2025 12:30:00 GMT</pubDate>
<description><![CDATA[{FULL_CONTENT}]]></description></item></channel></rss>""")
    [raw] = expand([str(feed)])
    assert isinstance(raw, RawInput)
    assert raw.name == f"{feed}#1" and raw.format == "html" and raw.url is None
    assert raw.title == "Kessel water" and raw.published == date(2025, 3, 4)
    assert "1,450 households" in raw.text


# --- standard input ---------------------------------------------------------------------

def test_dash_reads_the_given_stdin(tmp_path: Path) -> None:
    after = tmp_path / "after.txt"
    after.write_text(OTHER)
    items = list(expand(["-", str(after)], stdin=io.BytesIO(REPORT.encode("utf-16"))))
    assert names(items) == ["stdin", str(after)]
    assert isinstance(items[0], RawInput) and items[0].text == REPORT


def test_dash_reads_sys_stdin_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(REPORT.encode())))
    [raw] = expand(["-"])
    assert isinstance(raw, RawInput) and raw.text == REPORT


def test_stdin_over_the_cap_is_too_large() -> None:
    [failure] = expand(["-"], stdin=io.BytesIO(b"x" * 101), max_bytes=100)
    assert isinstance(failure, Failure) and isinstance(failure.error, TooLarge)
    assert failure.name == "stdin"


# --- URLs and feeds over HTTP -----------------------------------------------------------

@pytest.mark.network
def test_url_input_carries_the_final_url(site: Site, fetcher: Fetcher) -> None:
    [raw] = expand([site.url("/hop/2")], fetcher=fetcher)
    assert isinstance(raw, RawInput)
    assert raw.name == site.url("/hop/2")
    assert raw.url == site.url("/article.html")
    assert raw.format == "html" and "37 barges" in raw.text


@pytest.mark.network
def test_url_inputs_of_every_kind(site: Site, fetcher: Fetcher) -> None:
    urls = [site.url(p) for p in ("/plain.txt", "/nowhere", "/untyped", "/empty.html",
                                  "/cyrillic.txt", "/data.json")]
    items = list(expand(urls, fetcher=fetcher))
    assert names(items) == urls
    plain, missing, untyped, empty, cyrillic, json = items
    assert isinstance(plain, RawInput) and plain.text == PLAIN_TEXT and plain.format == "text"
    assert isinstance(missing, Failure) and isinstance(missing.error, FetchError)
    assert isinstance(untyped, Failure) and isinstance(untyped.error, BinaryInput)
    assert isinstance(empty, Failure) and isinstance(empty.error, EmptyInput)
    assert isinstance(cyrillic, RawInput) and cyrillic.text == CYRILLIC_TEXT
    assert isinstance(json, Failure) and "application/json" in str(json.error)


@pytest.mark.network
def test_makes_its_own_fetcher_with_the_size_cap(site: Site) -> None:
    [failure] = expand([site.url("/huge.txt")], max_bytes=50_000)
    assert isinstance(failure, Failure) and isinstance(failure.error, TooLarge)


@pytest.mark.network
def test_rss_url_input_is_expanded_entry_by_entry(site: Site, fetcher: Fetcher) -> None:
    items = list(expand([site.url("/feed.rss")], fetcher=fetcher))
    assert names(items) == [site.url("/articles/1.html"),
                            site.url("/articles/never-fetched.html"),
                            site.url("/articles/gone.html")]
    linked, full, gone = items

    # a teaser: the linked page is fetched, the entry's metadata kept
    assert isinstance(linked, RawInput)
    assert marker(1) in linked.text and linked.format == "html"
    assert linked.url == site.url("/articles/1.html")
    assert linked.title == "Bridges damaged" and linked.published == date(2025, 3, 3)

    # full content: used as it is, the link never fetched
    assert isinstance(full, RawInput)
    assert full.text == FULL_CONTENT and full.format == "html"
    assert full.title == "Water main burst" and full.published == date(2025, 3, 4)
    assert "/articles/never-fetched.html" not in site.hits

    # a dead link: that entry fails, the others stand
    assert isinstance(gone, Failure) and isinstance(gone.error, FetchError)
    assert "HTTP 404" in str(gone.error)


@pytest.mark.network
def test_feeds_are_expanded_and_a_malformed_one_does_not_stop_the_batch(
        site: Site, fetcher: Fetcher, tmp_path: Path) -> None:
    feed_file = tmp_path / "saved.atom"
    feed_file.write_text(atom_feed(site.base))
    report = tmp_path / "report.txt"
    report.write_text(REPORT)
    items = list(expand([str(report)], fetcher=fetcher,
                        feeds=[site.url("/broken.rss"), str(feed_file), site.url("/feed.rss"),
                               str(tmp_path / "no-such.rss")]))
    assert names(items) == [
        str(report),
        site.url("/broken.rss"),
        site.url("/articles/2.html"), site.url("/articles/never-fetched.html"),
        site.url("/articles/1.html"), site.url("/articles/never-fetched.html"),
        site.url("/articles/gone.html"),
        str(tmp_path / "no-such.rss"),
    ]
    broken = items[1]
    assert isinstance(broken, Failure) and isinstance(broken.error, FeedError)
    assert broken.error.subject == site.url("/broken.rss")
    atom_linked = items[2]
    assert isinstance(atom_linked, RawInput) and marker(2) in atom_linked.text
    assert atom_linked.title == "Second bridge report"
    assert atom_linked.published == date(2025, 3, 6)
    assert [type(i) for i in items[3:7]] == [RawInput, RawInput, RawInput, Failure]
    assert isinstance(items[-1], Failure)
    assert "no such file or folder" in str(items[-1].error)


@pytest.mark.network
def test_feed_that_is_not_a_feed_is_a_feed_error(site: Site, fetcher: Fetcher) -> None:
    [failure] = expand([], feeds=[site.url("/article.html")], fetcher=fetcher)
    assert isinstance(failure, Failure) and isinstance(failure.error, FeedError)


@pytest.mark.network
def test_feed_entries_without_links(site: Site, fetcher: Fetcher, tmp_path: Path) -> None:
    feed = tmp_path / "bare.rss"
    feed.write_text("""<rss version="2.0"><channel><title>t</title>
<item><title>Short, no link</title><description>Two roads closed.</description></item>
<item><title>Nothing at all</title></item>
<item><title>Binary link</title><link>""" + site.url("/image.png") + """</link></item>
</channel></rss>""")
    short, nothing, binary = expand([], feeds=[str(feed)], fetcher=fetcher)
    assert isinstance(short, RawInput) and short.text == "Two roads closed."
    assert isinstance(nothing, Failure) and isinstance(nothing.error, EmptyInput)
    assert nothing.name == f"{feed}#2"
    assert isinstance(binary, Failure) and isinstance(binary.error, BinaryInput)
    assert binary.name == site.url("/image.png")


def test_non_http_url_is_a_failure_not_a_path(tmp_path: Path) -> None:
    with Fetcher() as fetcher:
        [failure] = expand(["ftp://wire.example/report.txt"], fetcher=fetcher)
    assert isinstance(failure, Failure) and isinstance(failure.error, FetchError)
    assert "only http and https" in str(failure.error)
