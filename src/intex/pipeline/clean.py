"""Cleaning: from a scraped page or text to the article, furniture dropped, metadata kept.

Scraped text carries the page around the article: repeated headlines, category and date
labels, share buttons, cookie banners, language prompts, "Read also" links, photo
credits. Each rule below describes how pages are built, not one site's wording.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from intex.model import Span
from intex.pipeline.component import component
from intex.pipeline.doc import Doc
from intex.pipeline.time import parse_stamp

SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
ZERO_WIDTH = re.compile(r"[\u200b-\u200d\ufeff\u00ad]")
BULLET = re.compile(r"^\s*(?:[•●▪■◦‣∙·*–—-]|\d{1,2}[.)])\s+")

SHARE_WORDS = {
    "facebook", "twitter", "x", "telegram", "whatsapp", "viber", "kakao", "kakaotalk",
    "kakaostory", "band", "line", "print", "email", "e-mail", "mail", "copy", "link",
    "copy link", "share", "shares", "tweet", "linkedin", "reddit", "pinterest", "vk",
    "-", "+", "a", "a-", "a+", "font", "size", "url", "flipboard", "bluesky", "threads",
}
LABELS = {
    "category", "categories", "publication date", "published", "date", "updated", "tags",
    "tag", "share", "share this", "share this article", "comments", "comment", "advertisement",
    "ad", "sponsored", "menu", "search", "home", "news", "top news", "latest news",
    "most read", "popular", "trending", "related", "related news", "related articles",
    "read also", "read more", "see also", "more on this", "photo", "video", "listen",
    "points of attention", "key points", "in brief", "summary", "subscribe", "newsletter",
    "sign in", "log in", "login", "register", "back to top", "print version", "source",
}
FURNITURE = [
    re.compile(p, re.I) for p in (
        r"^(read (also|more)|see also|also read|related( news| articles?| stories)?|more on"
        r" this|recommended|watch( also)?|listen( also)?)\b\s*[:|>»-]",
        r"^(read (also|more)|see also|also read)\b",
        r"\bcookies?\b.*\b(consent|accept|use|policy|agree|settings)\b",
        r"\b(consent|accept|agree)\b.*\bcookies?\b",
        r"\b(prefer|switch to|go to|available in)\b.*\b(english|ukrainian|russian|korean|"
        r"version|language)\b.*\??$",
        r"^(would you like to switch|switch language|change language)",
        r"^(photo|image|video|picture|illustration|graphic|infographic)s?\s*(credit)?\s*[:|/-]",
        r"\b(photo|image|pictured)\s*(credit|by)\s*:?",
        r"\((photo|image|video)\s*[:/]?[^)]*\)\s*$",
        r"^(getty images|afp|ap photo|reuters/|epa|efe)\b",
        r"^©|\bcopyright\b|all rights reserved|^\(c\)\s",
        r"^(subscribe|sign up|follow us|join us|support us|donate|become a (member|patron))\b",
        r"\b(subscribe to|sign up for)\b.*\b(newsletter|channel|updates|telegram)\b",
        r"^(advertisement|sponsored content|ad)$",
        r"^(share|share on|share this|tweet this)\b.{0,40}$",
        r"^(comments?|leave a comment|add comment|\d+ comments?)$",
        r"^(if you (found|notice|see) (a|an) (error|mistake|typo)|found a typo)",
        r"^(tags?|keywords?|topics?)\s*:",
        r"^(by|author|written by|reporting by|editing by|edited by)\s*:?\s+[A-Z][\w.'-]+"
        r"(\s+[A-Z][\w.'-]+){0,3}(\s*(,|and|;)\s*[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){0,3})*\.?$",
        r"^(reporting|editing|writing|additional reporting) by\b",
        r"^(updated|published|posted|last updated|publication date|date)\s*:?\s*"
        r".{0,40}\d.{0,30}$",
        r"^\d{1,2}:\d\d(\s*(am|pm|a\.m\.|p\.m\.))?$",
        r"^\(ATTN:[^)]*\)?$",
    )
]
LANGUAGE_SWITCH = re.compile(r"^(?:(?:[a-z]{2}|eng|rus|укр|рус)(?![^\W\d_])\s*[|/·•]?\s*){2,12}$",
                             re.I)  # "ua en de fr es pl ja": whole two-letter codes only
# wire-service update tags: "(2nd LD)" before a headline, "(ATTN: UPDATES with ...)" lines
WIRE_TAG = re.compile(r"^\((?:\d+(?:st|nd|rd|th)\s+LD|LEAD|URGENT|UPDATE\s*\d*)\)\s*", re.I)


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = ZERO_WIDTH.sub("", text)
    lines = [SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines)


def is_share_line(line: str) -> bool:
    words = re.split(r"[\s,|/·•]+", line.lower().strip())
    words = [w for w in words if w]
    return bool(words) and len(words) <= 12 and all(w in SHARE_WORDS for w in words)


def is_furniture(line: str) -> bool:
    low = line.lower().rstrip(":").strip()
    if low in LABELS or is_share_line(line) or LANGUAGE_SWITCH.match(line):
        return True
    return any(rx.search(line) for rx in FURNITURE)


def _canon(line: str) -> str:
    return re.sub(r"\W+", " ", line.lower()).strip()


class Cleaner:
    """Keeps the article's lines, in order, and what the furniture reveals about it."""

    def __init__(self, outlets: dict[str, str] | None = None) -> None:
        self.outlets = outlets or {}

    def __call__(self, doc: Doc) -> Doc:
        raw = doc.raw
        if doc.format == "html":
            from intex.pipeline.html import extract_page

            page = extract_page(raw, doc.url)
            if page is not None:
                raw = (page.title + "\n\n" if page.title else "") + page.text
                doc.site = doc.site or page.site
                doc.language = page.language
                doc.page_published = page.published
                doc.url = doc.url or page.url
            else:
                raw = re.sub(r"<[^>]+>", "\n", raw)  # no article found: keep what text there is
        self.clean_text(doc, normalize(raw))
        return doc

    def clean_text(self, doc: Doc, text: str) -> None:
        lines = text.split("\n")
        title: str | None = None
        kept: list[str] = []
        seen: set[str] = set()
        expect_date = False
        stamp: date | None = None
        for line in lines:
            if not line:
                continue
            low = line.lower().rstrip(":").strip()
            if low in ("publication date", "published", "date", "updated", "posted"):
                expect_date = True
                continue
            maybe = parse_stamp(line) if len(line) <= 60 else None
            if maybe is not None and (expect_date or _is_stamp_line(line)):
                stamp = stamp or maybe
                expect_date = False
                continue
            expect_date = False
            line = WIRE_TAG.sub("", line)
            self._sniff_site(doc, line)
            if is_furniture(line):
                continue
            if title is None and len(line) <= 300:
                title = line
                seen.add(_canon(line))
                kept.append(line)
                continue
            key = _canon(line)
            if key in seen and len(key) > 30:
                continue  # headline or caption printed again
            if len(key) > 30:
                seen.add(key)
            kept.append(BULLET.sub("", line))
        out, paragraphs = [], []
        pos = 0
        for line in kept:
            paragraphs.append(Span(pos, pos + len(line), line))
            out.append(line)
            pos += len(line) + 2
        doc.text = "\n\n".join(out)
        doc.paragraphs = paragraphs
        doc.title = doc.title or title
        if doc.page_published is None:
            doc.page_published = stamp

    def _sniff_site(self, doc: Doc, line: str) -> None:
        if doc.site or not self.outlets:
            return
        m = re.search(r"\(([A-Z][\w.&' -]{1,40}?)\)\s*(?:--|—|–|-)", line) or \
            re.search(r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?:by\s+)?([A-Z][\w.&' -]{1,40})", line,
                      re.I) or \
            re.search(r"^source:\s*([A-Z][\w.&' -]{1,60}?)\s*(?:,|$)", line, re.I) or \
            re.search(r"website of (?:the\s+)?([A-Z][\w.&' -]{1,60}?)\.?$", line) or \
            re.match(r"^([A-Z][\w.&' -]{1,40})$", line)
        if m:
            name = self.outlets.get(m.group(1).strip().lower().rstrip(". "))
            if name:
                doc.site = name


def _is_stamp_line(line: str) -> bool:
    """A line that holds a date and little else: '29.10.2024 14:03', 'Oct 29, 2024'."""
    rest = re.sub(r"\d+|[\s.,:/|-]|\b(am|pm|utc|gmt|kst|eet|eest|cet|published|updated|posted|"
                  r"on|at|date|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|"
                  r"nov\w*|dec\w*|mon\w*|tue\w*|wed\w*|thu\w*|fri\w*|sat\w*|sun\w*)\b", "",
                  line, flags=re.I)
    return len(rest) <= 3


@component("intex.clean.v1", assigns=("text", "title", "site", "paragraphs", "page_published"))
def make_cleaner(outlets: dict[str, str] | None = None) -> Cleaner:
    if outlets is None:
        from intex.gazetteer import default_gazetteer

        outlets = default_gazetteer().outlet_lookup()
    return Cleaner(outlets)
