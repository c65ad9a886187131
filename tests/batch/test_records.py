"""Reading a corpus: folders, JSON lines and WARC files to numbered records."""

from __future__ import annotations

import gzip

from intex.batch import plan, read
from intex.ingest import Failure, RawInput
from tests.batch.corpus import BASE, PAGES, urls, write_jsonl, write_warc


def names(items):
    return [i.name for _, i in items if isinstance(i, RawInput)]


def errors(items):
    return [str(i.error) for _, i in items if isinstance(i, Failure)]


def test_a_warc_gives_its_pages_skips_requests_and_redirects_and_names_the_bad(tmp_path):
    (unit,), missing = plan([str(write_warc(tmp_path / "news.warc.gz"))])
    assert unit.kind == "warc" and missing == []
    items = list(read(unit))
    assert names(items) == urls()
    assert errors(items) == [f"{BASE}/logo.png: not text: looks like a PNG image"]
    assert [seq for seq, _ in items] == [(0, n) for n in range(len(PAGES) + 1)]
    first = items[0][1]
    assert isinstance(first, RawInput) and first.url == urls()[0] and first.format == "html"


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
        f"{broken}: broken WARC file: Invalid WARC record, first line: HTTP/1.1 200 OK",
        f"{notwarc}: broken WARC file: Unknown archive format, first line: "
        "['<html>not', 'a', 'WARC', 'file</html>']"]


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
