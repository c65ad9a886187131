from __future__ import annotations

import codecs
import dataclasses

import pytest

from intex.errors import BinaryInput, EmptyInput, InputError, TooLarge
from intex.ingest import RawInput, decode, detect_format

ENGLISH = "The port authority said 37 barges were stranded after the river rose overnight."
RUSSIAN = ("Мэр города Северск заявил во вторник, что после наводнения без электричества "
           "остались около 12 тысяч жителей. По его словам, спасатели эвакуировали 340 человек "
           "из трёх прибрежных районов, а ущерб оценивается в 45 миллионов рублей.")
FRENCH = ("Le ministère a déclaré que 1 200 élèves ont été évacués après l'incendie survenu "
          "près de l'école, selon la préfecture, qui évoque des dégâts « très importants ».")
CZECH = ("Podle mluvčího hasičů požár skladu v Ostravě zranil čtrnáct lidí a škoda dosáhla "
         "přibližně tří milionů korun.")


def test_plain_utf8_is_text() -> None:
    raw = decode(ENGLISH.encode(), "report.txt")
    assert raw == RawInput(name="report.txt", text=ENGLISH, format="text", encoding="utf-8")


def test_raw_input_is_frozen() -> None:
    raw = decode(ENGLISH.encode(), "report.txt")
    with pytest.raises(dataclasses.FrozenInstanceError):
        raw.text = "changed"  # type: ignore[misc]


@pytest.mark.parametrize("bom, codec", [
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
])
def test_byte_order_mark_decides_and_is_dropped(bom: bytes, codec: str) -> None:
    raw = decode(bom + RUSSIAN.encode(codec), "bom.txt")
    assert raw.text == RUSSIAN
    assert raw.encoding == codec


def test_utf16_with_bom_from_python_codec() -> None:
    raw = decode(ENGLISH.encode("utf-16"), "wide.txt")  # BOM + NUL bytes, still text
    assert raw.text == ENGLISH


def test_utf16_without_bom_is_not_mistaken_for_binary() -> None:
    raw = decode(ENGLISH.encode("utf-16-le"), "wide.txt")
    assert raw.text == ENGLISH


@pytest.mark.parametrize("codec", ["cp1251", "koi8-r"])
def test_legacy_cyrillic_is_guessed(codec: str) -> None:
    raw = decode(RUSSIAN.encode(codec), "ru.txt")
    assert raw.text == RUSSIAN
    assert raw.encoding == codec


@pytest.mark.parametrize("text, codec", [
    (FRENCH, "latin-1"),
    (FRENCH, "cp1252"),
    (CZECH, "cp1250"),
    (CZECH, "iso8859-2"),
])
def test_legacy_latin_text_is_guessed(text: str, codec: str) -> None:
    raw = decode(text.encode(codec), "legacy.txt")
    assert raw.text == text
    assert "\ufffd" not in raw.text


def test_charset_in_content_type_wins_over_guessing() -> None:
    short = "Выпало 30 см снега".encode("cp1251")  # too short for a guess to be safe
    raw = decode(short, "u", "text/plain; charset=windows-1251")
    assert raw.text == "Выпало 30 см снега"
    assert raw.encoding == "cp1251"


def test_meta_charset_in_page_is_used() -> None:
    page = ('<html><head><meta charset="windows-1251"><title>т</title></head>'
            '<body><p>Выпало 30 см снега</p></body></html>').encode("cp1251")
    raw = decode(page, "page.html")
    assert "Выпало 30 см снега" in raw.text
    assert raw.format == "html"


def test_http_equiv_meta_charset_is_used() -> None:
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
            '</head><body><p>Выпало 30 см снега</p></body></html>').encode("koi8-r")
    assert "Выпало 30 см снега" in decode(page, "page.html").text


def test_wrong_single_byte_declaration_loses_to_valid_utf8() -> None:
    raw = decode(FRENCH.encode(), "u", "text/plain; charset=ISO-8859-1")
    assert raw.text == FRENCH
    assert raw.encoding == "utf-8"


def test_unknown_declared_charset_is_ignored() -> None:
    raw = decode(FRENCH.encode(), "u", "text/plain; charset=x-no-such-thing")
    assert raw.text == FRENCH


def test_mixed_encodings_decode_with_replacement() -> None:
    data = (FRENCH.encode() + b" " + "Straße gesperrt".encode("latin-1"))
    raw = decode(data, "mixed.txt")
    assert raw.text.startswith(FRENCH)  # the UTF-8 part survives intact
    assert "Stra\ufffde gesperrt" in raw.text


def test_broken_utf8_declared_still_decodes() -> None:
    data = ENGLISH.encode() + b"\xff\xfe\xfa" + ENGLISH.encode()
    raw = decode(data, "broken.txt", "text/plain; charset=utf-8")
    assert raw.text.count("barges") == 2


@pytest.mark.parametrize("data", [b"", b"   \n\t  \r\n", codecs.BOM_UTF8 + b"  \n"])
def test_empty_or_whitespace_is_empty_input(data: bytes) -> None:
    with pytest.raises(EmptyInput) as caught:
        decode(data, "empty.txt")
    assert caught.value.subject == "empty.txt"
    assert "empty.txt" in str(caught.value)


def test_over_the_cap_is_too_large() -> None:
    with pytest.raises(TooLarge) as caught:
        decode(b"word " * 300, "big.txt", max_bytes=1_000)
    assert "big.txt" in str(caught.value) and "1.0 kB" in str(caught.value)


def test_at_the_cap_is_fine() -> None:
    assert decode(b"a" * 1_000, "exact.txt", max_bytes=1_000).text == "a" * 1_000


@pytest.mark.parametrize("data, looks", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
    (b"GIF89a\x01\x00\x01\x00", "GIF image"),
])
def test_known_binary_formats_are_named(data: bytes, looks: str) -> None:
    with pytest.raises(BinaryInput) as caught:
        decode(data + bytes(range(256)), "file.bin")
    assert looks in str(caught.value)
    assert caught.value.subject == "file.bin"


def test_nul_laden_data_is_binary() -> None:
    data = b"header\x00\x00\x01\x02\x00record\x00\x00\x00\x07\x00data" * 20
    with pytest.raises(BinaryInput, match="NUL"):
        decode(data, "dump.dat")


def test_control_characters_are_binary() -> None:
    data = bytes([1, 2, 3, 4, 5, 6, 0x0E, 0x0F, 0x10, 0x11, 65, 66]) * 50
    with pytest.raises(BinaryInput, match="control characters"):
        decode(data, "ctl.dat")


def test_mostly_undecodable_declared_utf8_is_binary() -> None:
    data = bytes([0xC0, 0xC1, 0xF8, 0x41, 0xFE, 0xFF]) * 200  # never valid UTF-8
    with pytest.raises(BinaryInput, match="undecodable"):
        decode(data, "noise.dat", "text/plain; charset=utf-8")


def test_binary_content_type_is_refused_before_decoding() -> None:
    with pytest.raises(BinaryInput, match="image/png"):
        decode(b"not really an image but served as one", "pic", "image/png")


def test_binary_errors_are_input_errors() -> None:
    with pytest.raises(InputError):
        decode(b"%PDF-1.4", "doc.pdf")


# --- format -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("<!DOCTYPE html><title>x</title><p>Two dead.</p>", "html"),
    ("  \n<html><body>Two dead.</body></html>", "html"),
    ("<body><p>Two dead.</p></body>", "html"),
    ("<div><p>Two dead.</p><p>Three hurt.</p><a href='/x'>more</a></div>", "html"),
    ('<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>', "feed"),
    ('<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>', "feed"),
    ('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>', "feed"),
    ("<feed><item>not atom without its namespace</item></feed>", "text"),
    ("Officials said 3 < 5 and 7 > 2 in the count.", "text"),
    ("# Notes\n\nThe mayor said <b>twelve</b> buses were lost.", "text"),
])
def test_format_is_sniffed(text: str, expected: str) -> None:
    assert detect_format(text) == expected
    assert decode(text.encode(), "sniffed").format == expected


@pytest.mark.parametrize("content_type, expected", [
    ("text/html; charset=utf-8", "html"),
    ("application/xhtml+xml", "html"),
    ("application/rss+xml", "feed"),
    ("application/atom+xml", "feed"),
    ("text/plain", "text"),
])
def test_content_type_decides_format(content_type: str, expected: str) -> None:
    assert decode(b"Two buses were lost in the fire.", "typed", content_type).format == expected


def test_generic_xml_content_type_is_sniffed() -> None:
    rss = b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>'
    assert decode(rss, "u", "application/xml").format == "feed"
    assert decode(b"Just words.", "u", "text/xml").format == "text"


@pytest.mark.parametrize("declared", ["utf-16", "UTF-16LE", "utf-32"])
def test_wide_charset_declared_in_an_ascii_readable_page_is_dropped(declared: str) -> None:
    # the <meta> could be read as ASCII, so the page is not UTF-16/32 whatever it says
    page = (f'<html><head><meta charset="{declared}"><title>Port</title></head>'
            f"<body><p>{FRENCH}</p></body></html>")
    raw = decode(page.encode("utf-8"), "page.html")
    assert raw.encoding == "utf-8"
    assert FRENCH in raw.text


def test_wide_charset_in_content_type_over_utf8_bytes_is_dropped() -> None:
    raw = decode(ENGLISH.encode(), "u", "text/plain; charset=utf-16")
    assert raw.text == ENGLISH
    assert raw.encoding == "utf-8"


def test_wide_charset_in_content_type_is_used_when_the_bytes_fit() -> None:
    raw = decode(RUSSIAN.encode("utf-16-be"), "wide.txt", "text/plain; charset=utf-16-be")
    assert raw.text == RUSSIAN
    assert raw.encoding == "utf-16-be"


@pytest.mark.parametrize("declared", ["utf-42", "UTF-338", "no-such-charset"])
def test_nonsense_charset_declared_in_page_falls_back_to_the_bytes(declared: str) -> None:
    page = (f'<html><head><meta charset="{declared}"></head>'
            f"<body><p>{RUSSIAN}</p></body></html>")
    raw = decode(page.encode("cp1251"), "ru.html")
    assert RUSSIAN in raw.text
    assert raw.encoding == "cp1251"
