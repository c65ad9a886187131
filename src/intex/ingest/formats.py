"""Bytes to text: refuse what is not a report, pick the encoding, tell text, HTML and feeds apart.

This module is the one seam to charset-normalizer. The order of evidence is: a byte-order
mark, then the charset the server or the page declares, then strict UTF-8, then a guess.
A report with a few broken bytes is still a report, so decoding replaces rather than fails;
only input that is mostly undecodable is refused as binary.

A declared charset is evidence, not an order. One Python does not know ("utf-42",
"x-no-such-thing") is ignored and the bytes decide, as browsers do: a page is not lost
for a typo in its head. A declared UTF-16 or UTF-32 counts only when the bytes have that
shape (NUL bytes, a length the code unit divides, a strict decode); a page whose ``<meta>``
could be read as ASCII is not UTF-16 whatever it says, so the declaration is dropped and
the bytes decide (the WHATWG encoding rules read such a page as UTF-8 too).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from datetime import date

from intex.errors import BinaryInput, EmptyInput, TooLarge

DEFAULT_MAX_BYTES = 5_000_000


@dataclass(frozen=True)
class RawInput:
    """One report input, decoded to text but not yet cleaned."""

    name: str  # what the user named: a path, a URL, "stdin", or a feed entry's link
    text: str
    format: str  # "text" | "html" | "feed"
    url: str | None = None
    title: str | None = None
    published: date | None = None
    encoding: str | None = None  # the codec the bytes were decoded with, when there were bytes
    feed: str | None = None  # the feed it is an entry of, as the user named the feed


def decode(data: bytes, name: str, content_type: str | None = None,
           max_bytes: int = DEFAULT_MAX_BYTES) -> RawInput:
    """Decode one input's bytes; raise an InputError naming ``name`` when they are no report."""
    if len(data) > max_bytes:
        raise TooLarge(f"over the {human_size(max_bytes)} size cap", subject=name)
    if not data.strip():
        raise EmptyInput("empty: nothing to read", subject=name)
    media_type, header_charset = parse_content_type(content_type)
    looks = _binary_signature(data) or _binary_media_type(media_type)
    if looks:
        raise BinaryInput(f"not text: looks like {looks}", subject=name)

    text, encoding = _decode_text(data, header_charset, name)
    if not text.strip():
        raise EmptyInput("empty: nothing to read", subject=name)
    _refuse_garbage(text, name)
    return RawInput(name=name, text=text, format=detect_format(text, media_type),
                    encoding=encoding)


def human_size(n: int) -> str:
    """Sizes in error messages people read."""
    if n < 1_000:
        return f"{n} bytes"
    if n < 1_000_000:
        return f"{n / 1_000:.1f} kB"
    return f"{n / 1_000_000:.1f} MB"


def parse_content_type(content_type: str | None) -> tuple[str | None, str | None]:
    """``text/html; charset=UTF-8`` -> ("text/html", "UTF-8")."""
    if not content_type:
        return None, None
    media, _, params = content_type.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return media.strip().lower() or None, charset


# --- binary -------------------------------------------------------------------------------

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"OggS", "an Ogg audio or video file"),
    (b"ID3", "an MP3 audio file"),
    (b"\x00asm", "a WebAssembly module"),
)

_BINARY_TYPES = {
    "application/pdf": "a PDF document",
    "application/zip": "a ZIP archive",
    "application/gzip": "gzip-compressed data",
    "application/msword": "an old Office document",
}


def _binary_signature(data: bytes) -> str | None:
    """What well-known binary format the bytes start with, if any."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            if magic == b"BZh" and not data[3:4].isdigit():
                continue  # plain text may start with "BZh"
            if magic == b"ID3" and len(data) > 3 and data[3] > 4:
                continue
            return what
    if data[:4] == b"RIFF" and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file"}.get(data[8:12],
                                                                          "an AVI video")
    if data[4:8] == b"ftyp":
        return "an MP4 or HEIF media file"
    return None


def _binary_media_type(media_type: str | None) -> str | None:
    if not media_type:
        return None
    kind = media_type.split("/", 1)[0]
    if kind in ("image", "audio", "video", "font"):
        return f"{'an' if kind in ('image', 'audio') else 'a'} {kind} file ({media_type})"
    return _BINARY_TYPES.get(media_type)


_SPACE = re.compile(r"\s")
# category Cc less the controls text may carry (tab, newlines, form feed, escape)
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")


def _refuse_garbage(text: str, name: str) -> None:
    """Refuse decoded text that is mostly control or replacement characters."""
    sample = text[:200_000]
    visible = len(sample) - len(_SPACE.findall(sample)) or 1
    replaced = sample.count("\ufffd")
    if replaced / visible > 0.3:
        raise BinaryInput("not text: looks like binary data (mostly undecodable bytes)",
                          subject=name)
    controls = len(_CONTROLS.findall(sample))
    if controls / visible > 0.1:
        raise BinaryInput("not text: looks like binary data (many control characters)",
                          subject=name)


# --- encodings ----------------------------------------------------------------------------

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_META_CHARSET = re.compile(
    rb"""<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""")

# one valid UTF-8 sequence of two to four bytes, or a byte that cannot start one
_UTF8_MULTI = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_NON_ASCII = re.compile(rb"[\x80-\xff]")


def _decode_text(data: bytes, header_charset: str | None, name: str) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace"), codec

    declared = _codec(header_charset) or _codec(_declared_in_document(data))
    if declared and _is_wide(declared) and not _fits_wide(data, declared):
        declared = None  # bytes that are not UTF-16/32 cannot be read as it: the bytes decide
    wide = declared if declared and _is_wide(declared) else _utf16_without_bom(data)
    if wide:
        return data.decode(wide, errors="replace"), wide
    if b"\x00" in data:
        raise BinaryInput("not text: contains NUL bytes, looks like binary data", subject=name)

    utf8 = _strict(data, "utf-8")
    if declared:
        # A declared single-byte charset loses to bytes that are valid UTF-8 with non-ASCII
        # sequences: servers often send a default charset header for every page.
        if utf8 is not None and declared != "utf-8" and _NON_ASCII.search(data):
            return utf8, "utf-8"
        for codec in dict.fromkeys((_superset(declared), declared)):
            text = _strict(data, codec)
            if text is not None:
                return text, codec
        # the declaration is wrong or the bytes are mixed; look at the bytes instead
    if utf8 is not None:
        return utf8, "utf-8"
    if _mostly_utf8(data):
        return data.decode("utf-8", errors="replace"), "utf-8"
    guessed = _guess_encoding(data)
    if guessed:
        return data.decode(guessed, errors="replace"), guessed
    fallback = declared or "utf-8"
    return data.decode(fallback, errors="replace"), fallback


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _codec(charset: str | None) -> str | None:
    """The Python codec for a declared charset, or None if Python does not know it."""
    if not charset:
        return None
    try:
        info = codecs.lookup(charset)
    except LookupError:
        return None
    return info.name if getattr(info, "_is_text_encoding", True) else None  # not base64 etc.


def _superset(codec: str) -> str:
    """Browsers read these labels as their Windows supersets; so do we, when the bytes allow."""
    return {"iso8859-1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252",
            "iso8859-9": "cp1254", "tis-620": "cp874"}.get(codec, codec)


def _is_wide(codec: str) -> bool:
    return codec.startswith(("utf-16", "utf-32", "utf_16", "utf_32"))


def _fits_wide(data: bytes, codec: str) -> bool:
    """Whether bytes without a BOM can be the declared UTF-16/32: every such text holds NUL
    bytes (the high bytes of spaces, digits and line ends), fills whole code units and
    decodes strictly."""
    unit = 4 if "32" in codec else 2
    return b"\x00" in data and len(data) % unit == 0 and _strict(data, codec) is not None


def _declared_in_document(data: bytes) -> str | None:
    head = data[:4096]
    found = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return found.group(1).decode("ascii") if found else None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: nearly every other byte is NUL (for Latin-script text)."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _mostly_utf8(data: bytes) -> bool:
    """Mixed input: mostly valid UTF-8 with some stray bytes from another encoding."""
    valid = _UTF8_MULTI.findall(data)
    valid_bytes = sum(len(seq) for seq in valid)
    stray = len(_NON_ASCII.findall(data)) - valid_bytes
    return bool(valid) and valid_bytes > 2 * stray


# Encodings reports are actually written in, most widespread first. charset-normalizer often
# finds several equally clean readings; it should not pick Celtic ISO-8859-14 for French.
# ISO-8859-2 goes before its Windows cousin: a tie means no byte used the Windows-only range.
_COMMON = ("utf_8", "cp1252", "cp1251", "iso8859_2", "cp1250", "cp1254", "cp1253", "cp1257",
           "cp1255", "cp1256", "cp1258", "koi8_r", "koi8_u", "iso8859_5", "iso8859_7",
           "iso8859_15", "gb18030", "gbk", "gb2312", "big5", "shift_jis", "cp932", "euc_jp",
           "iso2022_jp", "euc_kr", "cp949", "cp874", "tis_620")


def _guess_encoding(data: bytes) -> str | None:
    """Ask charset-normalizer; among equally clean readings prefer common encodings."""
    from charset_normalizer import from_bytes

    try:
        matches = list(from_bytes(data[:200_000]))
    except Exception:  # a guesser's crash must not lose the report; fall back instead
        return None
    if not matches:
        return None

    def rank(names: list[str]) -> int:
        return min((_COMMON.index(n) for n in names if n in _COMMON), default=len(_COMMON))

    least = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos <= least + 0.01]
    common = [m for m in tied if rank(m.could_be_from_charset) < len(_COMMON)] or tied
    best = max(common, key=lambda m: (round(m.coherence, 2), -rank(m.could_be_from_charset)))
    names = sorted((n for n in best.could_be_from_charset if n in _COMMON), key=_COMMON.index)
    return _codec(names[0] if names else best.encoding)


# --- formats ------------------------------------------------------------------------------

_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}
_TEXT_TYPES = {"text/plain", "text/markdown"}

_FEED_START = re.compile(
    r"<rss[\s>]|<rdf:RDF[\s>]|<feed\s[^>]*xmlns(?::\w+)?\s*=\s*[\"']http://www\.w3\.org/2005/Atom",
    re.I)
_HTML_START = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.I)
_HTML_TAG = re.compile(
    r"</?(?:p|div|span|a|br|hr|li|ul|ol|h[1-6]|table|tr|td|th|article|section|header|footer|"
    r"nav|main|img|figure|strong|em|b|i|blockquote|script|style|meta|link|title)\b[^<>]*>",
    re.I)


def detect_format(text: str, media_type: str | None = None) -> str:
    """"html", "feed" or "text", from a decisive content type or else from the text itself."""
    if media_type in _HTML_TYPES:
        return "html"
    if media_type in _FEED_TYPES:
        return "feed"
    if media_type in _TEXT_TYPES:
        return "text"
    head = text[:4096].lstrip("\ufeff \t\r\n")
    if _FEED_START.search(head):
        return "feed"
    if _HTML_START.search(head):
        return "html"
    sample = text[:20_000]
    tags = _HTML_TAG.findall(sample)
    if len(tags) >= 3 and sum(map(len, tags)) >= 0.03 * len(sample):
        return "html"
    return "text"
