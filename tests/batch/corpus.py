"""A small news corpus written for these tests: pages as a crawler fetched them, kept as a
WARC file (the way Common Crawl's news crawl keeps them), as JSON lines, and served over
loopback HTTP for `intex ingest` to fetch the same bytes."""

from __future__ import annotations

import io
import json
from pathlib import Path

BASE = "http://news.invalid"

PAGES: dict[str, tuple[str, str]] = {
    "/2026/10/troops.html": (
        "Spy agency: more North Korean troops reach Russia",
        "<p>South Korea's National Intelligence Service said on Tuesday that about 3,000 "
        "North Korean troops had been sent to Russia's far east for training since early "
        "October.</p><p>The agency told lawmakers that a further 2,000 soldiers were expected "
        "to follow by December, according to a committee member at the closed briefing.</p>"),
    "/2026/10/drones.html": (
        "Air force: 41 of 52 drones shot down overnight",
        "<p>Ukraine's air force said on Sunday that it had shot down 41 of the 52 drones that "
        "Russia launched overnight against the Kyiv and Odesa regions.</p><p>The regional "
        "governor said two people were injured by falling debris and 14 homes were damaged."
        "</p>"),
    "/2026/10/aid.html": (
        "Germany pledges new air defence package",
        "<p>Germany will send Ukraine a further air defence package worth 500 million euros, "
        "the defence minister said in Berlin on Thursday.</p><p>The package includes 12 "
        "launchers and about 300 missiles, to be delivered before the end of the year, he "
        "said.</p>"),
    "/2026/10/floods.html": (
        "Flooding closes river port in Varnel",
        "<p>The harbour authority of Varnel said on Monday that 37 barges were stranded after "
        "the river rose 2.4 metres overnight.</p><p>Officials estimated the losses at about "
        "1.2 million euros and said about 400 dock workers had been sent home.</p>"),
    "/2026/10/troops-copy.html": (  # a syndicated copy: a near-duplicate of the first
        "More North Korean troops reach Russia, spy agency says",
        "<p>South Korea's National Intelligence Service said on Tuesday that about 3,000 "
        "North Korean troops had been sent to Russia's far east for training since early "
        "October.</p><p>The agency told lawmakers that a further 2,000 soldiers were expected "
        "to follow by December, according to a committee member at the closed briefing.</p>"
        "<p>Reporting by the wire desk.</p>"),
}


def html(path: str) -> bytes:
    title, body = PAGES[path]
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}'
            f"</title></head><body><article><h1>{title}</h1>{body}</article></body></html>"
            ).encode()


def urls(base: str = BASE) -> list[str]:
    return [base + p for p in PAGES]


def write_warc(path: Path, base: str = BASE, *, bad: bool = True) -> Path:
    """The pages as response records (with a request record before each, a redirect and a
    stylesheet, as crawlers keep them) and, with ``bad``, an image served as a page."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for n, p in enumerate(PAGES):
            uri = base + p
            req = StatusAndHeaders(f"GET {p} HTTP/1.1", [("Host", "news.invalid")],
                                   is_http_request=True)
            writer.write_record(writer.create_warc_record(uri, "request", http_headers=req))
            headers = StatusAndHeaders("200 OK", [
                ("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            body = html(p)
            writer.write_record(writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), length=len(body),
                http_headers=headers))
            if n == 1:
                moved = StatusAndHeaders("301 Moved Permanently", [
                    ("Location", uri)], protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(
                    base + "/old-link", "response", payload=io.BytesIO(b""), length=0,
                    http_headers=moved))
            if n == 2 and bad:  # an image the server called a page: a bad record
                img = StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                       protocol="HTTP/1.1")
                png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
                writer.write_record(writer.create_warc_record(
                    base + "/logo.png", "response", payload=io.BytesIO(png), length=len(png),
                    http_headers=img))
            if n == 3:  # a stylesheet, as crawlers keep them: no report, skipped
                css = StatusAndHeaders("200 OK", [("Content-Type", "text/css")],
                                       protocol="HTTP/1.1")
                sheet = b"article { max-width: 40em }"
                writer.write_record(writer.create_warc_record(
                    base + "/style.css", "response", payload=io.BytesIO(sheet),
                    length=len(sheet), http_headers=css))
    return path


def write_jsonl(path: Path, base: str = BASE) -> Path:
    lines = [json.dumps({"url": base + p, "html": html(p).decode()}) for p in PAGES]
    lines.insert(2, "{not json")
    path.write_text("\n".join(lines) + "\n")
    return path


def write_damaged(folder: Path, base: str = BASE) -> tuple[Path, int, Path, int]:
    """Two gzipped WARC files of the pages, each damaged in one record: one cut short
    inside its last gzip member (a download that stopped), one with zeroes in the middle
    of its second member (a disk error). Returns each file with the damaged offset."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    whole = folder / "whole.warc.gz"
    offsets = []
    with whole.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for p in PAGES:
            offsets.append(handle.tell())
            headers = StatusAndHeaders("200 OK", [
                ("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            body = html(p)
            writer.write_record(writer.create_warc_record(
                base + p, "response", payload=io.BytesIO(body), length=len(body),
                http_headers=headers))
        end = handle.tell()
    data = whole.read_bytes()
    whole.unlink()
    cut = folder / "cut.warc.gz"
    cut.write_bytes(data[:offsets[-1] + (end - offsets[-1]) // 2])
    broken = bytearray(data)
    middle = offsets[1] + (offsets[2] - offsets[1]) // 2
    broken[middle:middle + 32] = bytes(32)
    corrupt = folder / "corrupt.warc.gz"
    corrupt.write_bytes(bytes(broken))
    return cut, offsets[-1], corrupt, offsets[1]
