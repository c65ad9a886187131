"""Reading a corpus: folders, JSON lines and WARC files to numbered records."""

from __future__ import annotations

import gzip
import io
from collections import Counter
from pathlib import Path

from intex.batch import Unit, plan, read
from intex.batch.warc import Skipped
from intex.ingest import Failure, RawInput
from tests.batch.corpus import BASE, PAGES, urls, write_jsonl, write_warc


def names(items):
    return [i.name for _, i in items if isinstance(i, RawInput)]


def errors(items):
    return [str(i.error) for _, i in items if isinstance(i, Failure)]


def skipped(items):
    return [(i.name, i.reason) for _, i in items if isinstance(i, Skipped)]


def test_a_warc_gives_its_pages_skips_requests_and_redirects_and_names_the_bad(tmp_path):
    (unit,), missing = plan([str(write_warc(tmp_path / "news.warc.gz"))])
    assert unit.kind == "warc" and missing == []
    items = list(read(unit))
    assert names(items) == urls()
    assert errors(items) == [f"{BASE}/logo.png: not text: looks like a PNG image"]
    assert [seq for seq, _ in items] == [(0, n) for n in range(len(items))]
    reasons = Counter(reason for _, reason in skipped(items))
    assert reasons == {"warcinfo record": 1, "request record": len(PAGES), "HTTP 301": 1,
                       "not a page (text/css)": 1}
    first = next(i for _, i in items if isinstance(i, RawInput))
    assert first.url == urls()[0] and first.format == "html"


def test_a_broken_warc_keeps_the_records_before_the_break(tmp_path):
    whole = write_warc(tmp_path / "news.warc.gz", bad=False).read_bytes()
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(whole + gzip.compress(b"HTTP/1.1 200 OK\r\nnot a WARC record\r\n\r\n"))
    notwarc = tmp_path / "page.warc"
    notwarc.write_bytes(b"<html>not a WARC file</html>")
    units, _ = plan([str(broken), str(notwarc)])
    items = [item for unit in units for item in read(unit)]
    assert names(items) == urls()
    assert errors(items) == [
        f"{broken} at byte {len(whole)}: broken WARC file: Unknown archive format, first "
        "line: ['HTTP/1.1', '200', 'OK']",
        f"{notwarc}: broken WARC file: Unknown archive format, first line: "
        "['<html>not', 'a', 'WARC', 'file</html>']"]


def page(n: int) -> bytes:
    return (f"<html><head><title>Report {n}</title></head><body><article><p>Officials said "
            f"{10 * n + 7} homes were damaged in the shelling of the town overnight, the "
            "regional governor told reporters on Monday.</p></article></body></html>").encode()


def response(writer, uri: str, body: bytes, ctype: str = "text/html; charset=utf-8",
             status: str = "200 OK") -> None:
    from warcio.statusandheaders import StatusAndHeaders

    headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                  length=len(body), http_headers=headers))


def five_pages(path: Path) -> list[int]:
    """Five pages, one gzip member each; the byte offset of each member."""
    from warcio.warcwriter import WARCWriter

    offsets = []
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for n in range(5):
            offsets.append(handle.tell())
            response(writer, f"{BASE}/p{n}.html", page(n))
    return offsets


def test_a_gzip_member_cut_short_is_a_bad_record_named_by_file_and_offset(tmp_path):
    full = tmp_path / "full.warc.gz"
    at = five_pages(full)
    data = full.read_bytes()
    cut = tmp_path / "cut.warc.gz"  # the download stopped half-way through the fourth
    cut.write_bytes(data[:at[3] + (at[4] - at[3]) // 2])
    items = list(read(Unit(0, str(cut), "warc")))
    assert names(items) == [f"{BASE}/p{n}.html" for n in range(3)]
    assert errors(items) == [f"{cut} at byte {at[3]}: WARC record cut short "
                             f"({BASE}/p3.html): the file ends inside its gzip member"]
    headless = tmp_path / "headless.warc.gz"  # cut inside the gzip header itself
    headless.write_bytes(data[:at[2] + 5])
    items = list(read(Unit(0, str(headless), "warc")))
    assert names(items) == [f"{BASE}/p{n}.html" for n in range(2)]
    assert errors(items) == [f"{headless} at byte {at[2]}: WARC record cut short: the file "
                             "ends inside its gzip member"]


def test_a_corrupt_gzip_member_is_named_and_the_file_goes_on(tmp_path):
    full = tmp_path / "full.warc.gz"
    at = five_pages(full)
    data = bytearray(full.read_bytes())
    middle = at[1] + (at[2] - at[1]) // 2
    data[middle:middle + 40] = bytes(40)  # a disk error in the second record
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(bytes(data))
    items = list(read(Unit(0, str(bad), "warc")))
    assert names(items) == [f"{BASE}/p{n}.html" for n in (0, 2, 3, 4)]
    (err,) = errors(items)
    assert err.startswith(f"{bad} at byte {at[1]}: WARC record unreadable: gzip member "
                          "corrupt (")
    assert err.endswith("reading on at the next member")


def test_a_record_shorter_than_its_length_is_named(tmp_path):
    """A plain WARC whose last record ends before its Content-Length says."""
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "short.warc"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        response(writer, f"{BASE}/p0.html", page(0))
        second = handle.tell()
        response(writer, f"{BASE}/p1.html", page(1))
    path.write_bytes(path.read_bytes()[:-60])  # 4 bytes of record end, 56 of the page
    items = list(read(Unit(0, str(path), "warc")))
    assert names(items) == [f"{BASE}/p0.html"]
    assert errors(items) == [f"{BASE}/p1.html: WARC record cut short: 56 bytes missing "
                             f"({path} at byte {second})"]


def test_other_bad_forms_are_failed_or_skipped_each_for_its_reason(tmp_path):
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "mixed.warc.gz"
    latin = page(1).replace(b"homes", "maisons détruites".encode("latin-1"))
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        response(writer, f"{BASE}/ok.html", page(0))
        # wrong charset: declared UTF-8, written in Latin-1: read as cp1252, kept
        response(writer, f"{BASE}/latin.html", latin)
        # a charset nobody knows: the bytes decide
        response(writer, f"{BASE}/klingon.html", page(2), "text/html; charset=x-klingon")
        bad_status_at = handle.tell()
        response(writer, f"{BASE}/garbled.html", page(3), status="2OO OK")
        response(writer, f"{BASE}/gone.html", b"not here", status="404 Not Found")
        response(writer, f"{BASE}/data.json", b'{"homes": 40}', "application/json")
        response(writer, f"{BASE}/report.pdf", b"%PDF-1.4 ...", "application/pdf")
        response(writer, f"{BASE}/fake.html", b"%PDF-1.4\n" + bytes(range(256)) * 4)
        response(writer, f"{BASE}/empty.html", b"   ")
        dns = b"20261120093000\nexample.invalid. 300 IN A 192.0.2.1\n"
        writer.write_record(writer.create_warc_record(
            "dns:example.invalid", "response", payload=io.BytesIO(dns), length=len(dns),
            warc_content_type="text/dns"))
        writer.write_record(writer.create_warc_record(
            f"{BASE}/ok.html", "metadata", payload=io.BytesIO(b"fetchTimeMs: 120\n"),
            length=17, warc_content_type="application/warc-fields"))
        writer.write_record(writer.create_warc_record(
            f"{BASE}/notes.txt", "resource", payload=io.BytesIO(page(4)),
            length=len(page(4)), http_headers=None, warc_content_type="text/plain"))
    items = list(read(Unit(0, str(path), "warc")))
    assert names(items) == [f"{BASE}/{p}" for p in ("ok.html", "latin.html", "klingon.html",
                                                    "notes.txt")]
    got = {i.name: i for _, i in items if isinstance(i, RawInput)}
    assert "maisons détruites" in got[f"{BASE}/latin.html"].text
    assert got[f"{BASE}/latin.html"].encoding == "cp1252"
    assert errors(items) == [
        f"{BASE}/garbled.html: bad HTTP status line '2OO OK' ({path} at byte {bad_status_at})",
        f"{BASE}/fake.html: not text: looks like a PDF document",
        f"{BASE}/empty.html: empty: nothing to read"]
    assert skipped(items) == [
        (f"{BASE}/gone.html", "HTTP 404"),
        (f"{BASE}/data.json", "not a page (application/json)"),
        (f"{BASE}/report.pdf", "not a page (application/pdf)"),
        ("dns:example.invalid", "not an HTTP response (dns:)"),
        (f"{BASE}/ok.html", "metadata record")]


def test_json_lines_give_one_report_a_line_and_name_the_bad_line(tmp_path):
    path = write_jsonl(tmp_path / "news.jsonl")
    (unit,), _ = plan([str(path)])
    items = list(read(unit))
    assert names(items) == urls()
    (err,) = errors(items)
    assert err.startswith(f"{path}:3: not a report record")


def test_folders_are_read_as_ingest_reads_them_and_missing_inputs_named(tmp_path):
    (tmp_path / "c" / "sub").mkdir(parents=True)
    (tmp_path / "c" / "b.txt").write_text("Officials said 18 schools stayed closed.")
    (tmp_path / "c" / "sub" / "a.html").write_text("<p>About 40 homes were damaged.</p>")
    (tmp_path / "c" / ".hidden.txt").write_text("not read")
    write_warc(tmp_path / "c" / "z.warc.gz")
    units, missing = plan([str(tmp_path / "c"), str(tmp_path / "nope")])
    assert [(u.index, u.path.removeprefix(str(tmp_path)), u.kind) for u in units] == [
        (0, "/c/b.txt", "file"), (1, "/c/sub/a.html", "file"), (2, "/c/z.warc.gz", "warc")]
    assert [str(m.error) for m in missing] == [f"{tmp_path / 'nope'}: no such file or folder"]


def test_a_warc_gzipped_whole_is_read_too(tmp_path):
    """Not one gzip member per record, as WARC writers make, but the file gzipped as a
    whole: its records all come out."""
    from warcio.warcwriter import WARCWriter

    plain = tmp_path / "plain.warc"
    with plain.open("wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        for n in range(3):
            response(writer, f"{BASE}/p{n}.html", page(n))
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(gzip.compress(plain.read_bytes()))
    items = list(read(Unit(0, str(whole), "warc")))
    assert names(items) == [f"{BASE}/p{n}.html" for n in range(3)] and errors(items) == []
