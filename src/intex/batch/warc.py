"""WARC files record by record, surviving damage: the one seam to warcio.

A ``.warc.gz`` holds one gzip member per record (what WARC writers and Common Crawl
make). Members are read here one at a time, each at a known byte offset, and handed to
warcio as plain records, so damage stays local: a member cut short (the file ends inside
it) or corrupt is one bad record named by file and offset, and reading goes on at the
next member. A file gzipped as a whole (one member, many records) and plain ``.warc``
files are streamed through warcio, which reads them as far as they are sound.

What a record becomes:
- a report (RawInput): an HTTP 2xx response, or a resource record, of a page type;
- skipped, counted by reason: requests, metadata, warcinfo and revisit records, responses
  that are not HTTP (dns:), other statuses (redirects, 404s), other media types;
- a failure naming it: damaged records, HTTP headers without a status, payloads that are
  no text, over the size cap or empty.
"""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from intex.errors import InputError, TooLarge
from intex.ingest import Failure, RawInput, decode
from intex.ingest.formats import human_size, parse_content_type

CHUNK = 1 << 16
HEADROOM = 1 << 20  # bytes of WARC and HTTP headers a member may hold besides its payload
GZIP_MAGIC = b"\x1f\x8b\x08"
_TARGET = re.compile(rb"\r\nWARC-Target-URI:[ \t]*(\S+)")
PAGE_TYPES = {None, "text/html", "application/xhtml+xml", "text/plain",
              "application/octet-stream", "binary/octet-stream"}


@dataclass(frozen=True)
class Skipped:
    """A record that is no report and no fault (a request, a redirect, a stylesheet)."""

    name: str
    reason: str


Item = RawInput | Failure | Skipped


def read_warc(path: str, max_bytes: int, *, opened: str | None = None) -> Iterator[Item]:
    """The records of one WARC file, in order; named by ``path``, read from ``opened``
    when that is given (the file as an executor finds it)."""
    try:
        with open(opened or path, "rb") as handle:
            if path.lower().endswith(".gz") and handle.read(3) == GZIP_MAGIC:
                handle.seek(0)
                yield from _members(handle, path, max_bytes)
            else:
                handle.seek(0)
                yield from _stream(handle, path, max_bytes)
    except OSError as exc:
        yield Failure(path, InputError(f"cannot read: {exc.strerror or exc}", subject=path))


def _where(path: str, offset: int) -> str:
    return f"{path} at byte {offset}"


def _members(handle: BinaryIO, path: str, max_bytes: int) -> Iterator[Item]:
    """Member by member; a file that turns out to be gzipped whole is streamed instead."""
    cap = max_bytes + HEADROOM
    lost = False  # after a corrupt member, until one reads again: say it once
    for offset, data, problem in _split(handle, cap):
        where = _where(path, offset)
        if problem is not None and problem.startswith("corrupt"):
            if not lost:
                yield Failure(where, InputError(f"WARC record unreadable: gzip member {problem}; "
                                                "reading on at the next member", subject=where))
            lost = True
            continue
        lost = False
        if problem == "over the cap" and offset == 0 and _records_in(data) > 1:
            handle.seek(0)  # one member holding the whole file: let warcio stream it
            yield from _stream(handle, path, max_bytes)
            return
        got = list(_stream(io.BytesIO(data), path, max_bytes, base=offset, member=True))
        if problem == "over the cap" and got and isinstance(got[-1], Failure):
            name = got[-1].name  # its payload was left unread: it is too large, not cut
            got[-1] = Failure(name, TooLarge(f"over the {human_size(max_bytes)} size cap",
                                             subject=name))
        if problem == "cut short":
            uri = _TARGET.search(data[:HEADROOM])
            what = f" ({uri.group(1).decode('utf-8', 'replace')})" if uri else ""
            yield Failure(where, InputError(
                f"WARC record cut short{what}: the file ends inside its gzip member",
                subject=where))
            continue
        yield from got


def _split(handle: BinaryIO, cap: int) -> Iterator[tuple[int, bytes, str | None]]:
    """(offset, decompressed bytes up to ``cap``, problem) for each gzip member; problem is
    None, "over the cap", "cut short" or "corrupt (...)". After a corrupt member the next
    gzip header in the file is looked for."""
    offset = 0
    pending = handle.read(CHUNK)
    while pending:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        parts: list[bytes] = []
        size, fed, data = 0, len(pending), pending
        try:
            while True:
                if not data:
                    data = handle.read(CHUNK)
                    if not data:
                        yield offset, b"".join(parts), "cut short"
                        return
                    fed += len(data)
                out = inflater.decompress(data, CHUNK * 4)
                data = inflater.unconsumed_tail
                if size < cap:
                    parts.append(out[:cap - size])
                size += len(out)
                if inflater.eof:
                    rest = inflater.unused_data
                    yield offset, b"".join(parts), "over the cap" if size > cap else None
                    offset += fed - len(rest)
                    pending = rest + (b"" if rest else handle.read(CHUNK))
                    break
        except zlib.error as exc:
            yield offset, b"", f"corrupt ({exc})"
            offset, pending = _next_header(handle, offset + 1)


def _next_header(handle: BinaryIO, start: int) -> tuple[int, bytes]:
    """The offset of the next gzip header at or after ``start``, and the bytes from it."""
    handle.seek(start)
    carry, base = b"", start
    while True:
        chunk = handle.read(CHUNK)
        if not chunk:
            return base, b""
        window = carry + chunk
        at = window.find(GZIP_MAGIC)
        if at >= 0:
            handle.seek(base + at)
            return base + at, handle.read(CHUNK)
        carry = window[-2:]
        base += len(window) - len(carry)


def _records_in(data: bytes) -> int:
    return data.count(b"\r\nWARC-Type:") + data.startswith(b"WARC-Type:")


def _stream(handle: BinaryIO, path: str, max_bytes: int, *, base: int = 0,
            member: bool = False) -> Iterator[Item]:
    """warcio over a plain stream; offsets are ``base`` plus warcio's own."""
    from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]
    from warcio.exceptions import ArchiveLoadFailed  # type: ignore[import-untyped]

    records = ArchiveIterator(handle)
    following = base  # where the next record starts, as far as is known
    started = False

    def at() -> str:  # asked only once the record is read: warcio reads to its end
        return _where(path, base if member else base + records.get_record_offset())

    try:
        for record in records:
            started = True
            yield _item(record, path, at, max_bytes)
            if not member:
                following = base + records.get_record_offset() + records.get_record_length()
    except (ArchiveLoadFailed, EOFError, ValueError, OSError) as exc:
        where = _where(path, following)
        yield Failure(where, InputError(f"broken WARC file: {' '.join(str(exc).split())[:200]}",
                                        subject=path if not started and base == 0 and not member
                                        else where))


def _item(record: Any, path: str, at: Callable[[], str], max_bytes: int) -> Item:
    """What one warcio record becomes; ``at()`` says where it is (file and byte offset)."""
    uri = record.rec_headers.get_header("WARC-Target-URI")
    name = uri or at()
    kind = record.rec_type
    if kind not in ("response", "resource"):
        return Skipped(name, f"{kind} record")
    if kind == "response":
        if record.http_headers is None:
            scheme = (uri or "").split(":", 1)[0] or "unknown"
            return Skipped(name, f"not an HTTP response ({scheme}:)")
        status = record.http_headers.get_statuscode() or ""
        if not (len(status) == 3 and status.isdigit()):
            line = record.http_headers.statusline or ""
            return Failure(name, InputError(
                f"bad HTTP status line {line[:80]!r} ({at()})", subject=name))
        if not status.startswith("2"):
            return Skipped(name, f"HTTP {status}")
        ctype = record.http_headers.get_header("Content-Type")
    else:
        ctype = record.rec_headers.get_header("Content-Type")
    media, _ = parse_content_type(ctype)
    if media not in PAGE_TYPES:
        return Skipped(name, f"not a page ({media})")
    try:
        stream = record.content_stream()
        data = stream.read(max_bytes + 1)
        while stream.read(CHUNK):  # the rest, unread, only to learn if it is all there
            pass
    except Exception as exc:  # a broken content encoding, chunking: this record only
        return Failure(name, InputError(
            f"cannot read the payload ({type(exc).__name__}) ({at()})",
            subject=name))
    short = getattr(record.raw_stream, "limit", 0)
    if short:
        return Failure(name, InputError(
            f"WARC record cut short: {short} bytes missing ({at()})",
            subject=name))
    try:
        raw = decode(data, name, ctype, max_bytes)
    except InputError as exc:
        return Failure(name, exc)
    if raw.format == "feed":
        return Failure(name, InputError("a feed, not a report", subject=name))
    return RawInput(name=name, text=raw.text, format=raw.format, url=uri or None,
                    title=raw.title, published=raw.published, encoding=raw.encoding)
