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
from intex.pipeline.prefilter import any_search, prefiltered, split_anchored
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
    prefiltered(re.compile(p, re.I)) for p in (
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
        r"^\(?(reporting|editing|writing|additional reporting) by\b",
        # a credit in brackets closing the story: "(FRANCE 24 with AFP and Reuters)"
        r"^\([\w .'-]{2,30} with (agencies|[A-Z][\w.]*(,? (and )?[A-Z][\w.]*)*)\)$",
        r"^related (topics|tags)\s*:",
        r"^(updated|published|posted|last updated|publication date|date)\s*:?\s*"
        r".{0,40}\d.{0,30}$",
        r"^\d{1,2}:\d\d(\s*(am|pm|a\.m\.|p\.m\.))?$",
        r"^\(ATTN:[^)]*\)?$",
        # captions: "Zelensky at the summit. Photo: Office of the President", credits in
        # brackets, "This photo, released by ..., shows ..."
        r"^(illustrative|file|archive|main|cover)\s+(photo|image|picture)\s*[:|/-]",
        r"[.!?]\s+(photo|image|video|illustration)\s*:\s*[^.]{2,80}$",
        r"\bphoto not for sale\b",
        r"^(this|the|a|in this)\s+(file\s+)?(photo|picture|image|screenshot|screen grab)\b"
        r".{0,300}\)\s*$",
        # fundraising and membership appeals inside the article
        r"\b(support|fund)\s+(independent|our)\s+(journalism|reporting|newsroom)\b",
        r"\b(become a member|join our community|as little as|\$\d+\s+(a|per)\s+month|"
        r"support us on|donate now)\b",
        # an editor's note about the page ("This is a live page", "reconstructed from
        # reporting"), not one that adds what happened ("Editor's note: in the attack
        # Iran fired 16 missiles": the story's own facts, set apart)
        r"^editor['’]s note\b(?!\s*:\s*(?!(?:this|these|all|times|reconstructed|updated|"
        r"the\s+(?:text|story|article|page|report|transcript|figures))\b)[a-z])",
        r"^transcripts? (are|is) produced\b",
        # correction notices: the wrong figure they name is no claim, the right one the
        # story itself states
        # ("Correction, 18 September 2023: An earlier version ...", "CORRECTION (13
        # October): ...": dated); a clarification that only adds a fact ("Clarification:
        # one sailor is missing") names no wrong figure and stays
        r"^(correction|corrections? and clarifications?)\s*([,(][^:\n]{1,40})?"
        r"\s*[:.–—-]",
        r"^clarification\s*([,(][^:\n]{1,40})?\s*[:.–—-].*\b(earlier|error|incorrect|"
        r"misstated|wrongly|previous version|originally)",
        r"^(an earlier version of this|this (story|article|report|item) (has been|was) "
        r"(corrected|amended|updated) to)\b",
        r"^(skip to|go to) (main )?(content|navigation)",
        r"^\[\d+\]\s*https?://\S+$",  # footnote links
        r"\blive updates?, last updated\b|^times are \w+ time\.?$",
        r"^\[(on screen|graphic|caption|lower third|chyron)\b",  # a video's on-screen text
    )
]
# the patterns anchored at the line's start tried as one, at its start (prefilter.py)
FURNITURE_AT_START, FURNITURE_ANYWHERE = split_anchored(FURNITURE)
_FURNITURE_FOUND = any_search(FURNITURE_ANYWHERE)  # the others, one line's words lowered once
# labels of a summary box whose items the body restates: "KEY FIGURES", "Key Takeaways:"
BOX_LABELS = {"key figures", "key points", "key takeaways", "highlights", "in brief",
              "at a glance", "main points", "summary", "what we know", "key facts"}
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# numbers that are not figures: dates, times, years, names like G7 or Su-34
NOT_FIGURES = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?(?:\s*(?:-|–|to|and)\s*\d{{1,2}})?\s+{_MONTH}"
    rf"|\b{_MONTH}\s+\d{{1,2}}(?!\d)(?:st|nd|rd|th)?(?:\s*(?:-|–|to|and)\s*\d{{1,2}})?"
    r"|\b\d{1,2}:\d\d|\b(?:19|20)\d\d\b|\b[A-Za-z]+-?\d+\w*", re.I)
TIME_LINE = re.compile(r"^\d{1,2}:\d\d(\s*(am|pm|a\.m\.|p\.m\.))?$", re.I)
# words of a site's navigation bar: "Home World Europe Economy Sports Video Live TV"
NAV_WORDS = {
    "home", "news", "world", "politics", "economy", "business", "sports", "sport", "video",
    "videos", "live", "tv", "opinion", "culture", "society", "war", "feed", "newsletters",
    "newsletter", "podcasts", "podcast", "listen", "support", "us", "become", "a", "member",
    "contacts", "documents", "multimedia", "structure", "activity", "ministry", "photo",
    "research", "publications", "press", "donate", "interactive", "maps", "investigations",
    "all", "europe", "asia", "analysis", "features", "lifestyle", "science", "tech",
    "technology", "health", "entertainment", "regions", "region", "statements", "inter-korea",
    "national", "defense", "defence", "latest", "project", "edition",
    "english", "official", "website", "media", "about", "contact", "menu", "search",
}
LANGUAGE_NAMES = {"english", "українська", "українською", "русский", "русская", "deutsch",
                  "français", "español", "italiano", "polski", "日本語", "한국어", "中文",
                  "english edition", "english version", "eng", "ukr", "rus"}
NAV_SEPARATOR = re.compile(r"\s+(?:\||>|»|›|/|•|·)\s+")
LANGUAGE_SWITCH = re.compile(r"^(?:(?:[a-z]{2}|eng|rus|укр|рус)(?![^\W\d_])\s*[|/·•]?\s*){2,12}$",
                             re.I)  # "ua en de fr es pl ja": whole two-letter codes only
# wire-service update tags: "(2nd LD)" before a headline, "(ATTN: UPDATES with ...)" lines
WIRE_TAG = re.compile(r"^\((?:\d+(?:st|nd|rd|th)\s+LD|LEAD|URGENT|UPDATE\s*\d*)\)\s*", re.I)


# the patterns the line tests below run on every line, compiled once
_SHARE_SPLIT = re.compile(r"[\s,|/·•]+")
_SHARE_WORD = re.compile(r"[^\s,|/·•]+")  # what _SHARE_SPLIT leaves: a word
_NAV_PART_END = re.compile(r"\d|[.!?,;:]$")
_NAV_WORD = re.compile(r"[^\W\d_][\w-]*")
_NAV_STOP = re.compile(r"[.!?,;]")
_NON_WORD = re.compile(r"\W+")
_STAMP_WORDS = re.compile(
    r"\d+|[\s.,:/|-]|\b(am|pm|utc|gmt|kst|eet|eest|cet|published|updated|posted|"
    r"on|at|date|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|"
    r"nov\w*|dec\w*|mon\w*|tue\w*|wed\w*|thu\w*|fri\w*|sat\w*|sun\w*)\b", re.I)


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = ZERO_WIDTH.sub("", text)
    lines = [SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines)


def is_share_line(line: str) -> bool:
    first = _SHARE_WORD.search(line.lower())  # a paragraph of prose fails on its first word
    if first is None or first.group(0) not in SHARE_WORDS:
        return False
    words = _SHARE_SPLIT.split(line.lower().strip())
    words = [w for w in words if w]
    return bool(words) and len(words) <= 12 and all(w in SHARE_WORDS for w in words)


def is_nav_line(line: str) -> bool:
    """A breadcrumb or a menu: 'War > Politics > Diplomacy', 'News | Ukraine War | Opinion',
    'Home World Europe Economy Sports Video Live TV', 'English | Українська'."""
    parts = [p.strip() for p in NAV_SEPARATOR.split(line) if p.strip()]
    if all(p.lower() in LANGUAGE_NAMES for p in parts):
        return True
    short = 7 if parts and parts[0].lower() in NAV_WORDS else 4  # "News / Statements of ..."
    if len(parts) >= 2 and all(len(p.split()) <= short and not _NAV_PART_END.search(p)
                               for p in parts):
        return True
    if _NAV_STOP.search(line):  # a sentence: no menu (tested before its words are listed)
        return False
    words = _NAV_WORD.findall(line.lower())
    return len(words) >= 4 and sum(w in NAV_WORDS for w in words) / len(words) >= 0.6


def is_furniture(line: str) -> bool:
    low = line.lower().rstrip(":").strip()
    if low in LABELS or is_share_line(line) or LANGUAGE_SWITCH.match(line) or is_nav_line(line):
        return True
    if FURNITURE_AT_START is not None and FURNITURE_AT_START.match(line):
        return True
    return _FURNITURE_FOUND(line)


def _canon(line: str) -> str:
    return _NON_WORD.sub(" ", line.lower()).strip()


class Cleaner:
    """Keeps the article's lines, in order, and what the furniture reveals about it."""

    def __init__(self, outlets: dict[str, str] | None = None) -> None:
        self.outlets = outlets or {}

    def __call__(self, doc: Doc) -> Doc:
        raw = doc.raw
        if doc.format == "html":
            from intex.pipeline.html import HTML_TAG, extract_page

            page = extract_page(raw, doc.url)
            if page is not None:
                raw = (page.title + "\n\n" if page.title else "") + page.text
                doc.site = doc.site or page.site
                doc.language = page.language
                doc.page_published = page.published
                doc.url = doc.url or page.url
            else:
                raw = HTML_TAG.sub("\n", raw)  # no article found: keep what text there is
        self.clean_text(doc, normalize(raw))
        return doc

    def is_masthead(self, line: str) -> bool:
        """The site's own name atop the page: 'UNIAN ua | en | ru', 'THE KYIV INDEPENDENT',
        'euronews.', 'espreso.tv', 'Ukrainian National News Agency'."""
        name = _EDITION_CODES.sub("", line)
        name = name.strip(" .|").lower()
        if name in self.outlets or _DOMAIN.fullmatch(name):
            return True
        if _OUTLET_WORD_AT_END.search(name) and len(name.split()) <= 4:
            return True
        words = line.split()
        return line.isupper() and len(words) <= 6 and not _DIGIT_OR_STOP.search(line)

    def clean_text(self, doc: Doc, text: str) -> None:
        lines = text.split("\n")
        head = [WIRE_TAG.sub("", ln) for ln in lines[:40] if ln]
        canon = [_canon(ln) for ln in head]  # once per line, not once per comparison
        canon_of = dict(zip(head, canon, strict=True))  # and not again for the body below
        # a headline is printed twice at the top of most pages: that line is the title
        repeated = {canon[i] for i, ln in enumerate(head) if len(ln.split()) >= 4 and
                    canon[i] in canon[i + 1:i + 8]}
        if not repeated:  # else the longest line above the body that is not a sentence
            heads = []
            for ln in head:
                if len(ln) > 200 or (len(ln) >= 100 and re.search(r"[.?!\]]$", ln)):
                    break  # the body has begun
                if not ln.endswith(".") and not is_furniture(ln) and not self.is_masthead(ln) \
                        and len(ln.split()) >= 4:
                    heads.append(ln)
            repeated = {_canon(max(heads, key=len))} if heads else set()
        title: str | None = None
        title_key: str | None = None
        kept: list[str] = []
        boxed: set[int] = set()  # summary-box items and live-entry headlines, by kept index
        in_box = entry_head = False
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
            # the cheap test first: dateparser runs only for a line that could be a stamp
            maybe = parse_stamp(line) if len(line) <= 60 and (
                expect_date or _is_stamp_line(line)) else None
            if maybe is not None:
                stamp = stamp or maybe
                expect_date = False
                continue
            expect_date = False
            line = WIRE_TAG.sub("", line)
            self._sniff_site(doc, line)
            if low.rstrip(":") in BOX_LABELS:
                in_box = True
                continue
            if TIME_LINE.match(line):  # a live page's entry: its headline comes next
                entry_head = True
                continue
            if is_furniture(line):
                continue
            # a live entry's first line is its headline only when shaped like one: an entry
            # written as a paragraph ("15:45 / The ministry says 303 ...") is the news itself
            if (entry_head and _entry_headline(line)) or (in_box and BULLET.match(line)):
                boxed.add(len(kept))
            else:
                in_box = False
            entry_head = False
            if title is None and self.is_masthead(line):
                continue
            if title is None and not _headline_like(line, repeated):
                kept.append(line)  # a label or stamp above the headline; the body will tell
                continue
            if title is None and len(line) <= 300:
                title = _segment_title(line)
                title_key = canon_of[line] if line in canon_of else _canon(line)
                seen.add(title_key)
                kept.append(line)
                continue
            key = canon_of[line] if line in canon_of else _canon(line)
            # the headline printed again (<title> then <h1>), however short; other short
            # lines ("Ukraine", "Video") may recur for good reason
            if key == title_key or (key in seen and len(key) > 30):
                continue  # headline or caption printed again
            if len(key) > 30:
                seen.add(key)
            kept.append(BULLET.sub("", line))
        kept = _drop_restated(kept, boxed)
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
        m = _SITE_IN_BRACKETS.search(line) or _SITE_COPYRIGHT.search(line) or \
            _SITE_SOURCE.search(line) or _SITE_WEBSITE.search(line) or _SITE_ALONE.match(line)
        if m:
            name = self.outlets.get(m.group(1).strip().lower().rstrip(". "))
            if name:
                doc.site = name


# what is_masthead asks of the lines above the headline, compiled once
_EDITION_CODES = re.compile(r"(?:\s+(?:[a-z]{2}|eng|ukr|rus)\b\s*[|/]?)+$", re.I)
_DOMAIN = re.compile(r"[\w-]+\.(?:tv|ua|net|com|org|info|news)")
_OUTLET_WORD_AT_END = re.compile(r"\b(?:news agency|news|official website|website|edition)$")
_DIGIT_OR_STOP = re.compile(r"\d|[,:;]")
# where a page names the site it is from (``_sniff_site``), compiled once
_SITE_IN_BRACKETS = re.compile(r"\(([A-Z][\w.&' -]{1,40}?)\)\s*(?:--|—|–|-)")
_SITE_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?:by\s+)?"
                             r"([A-Z][\w.&' -]{1,40})", re.I)
_SITE_SOURCE = re.compile(r"^source:\s*([A-Z][\w.&' -]{1,60}?)\s*(?:,|$)", re.I)
_SITE_WEBSITE = re.compile(r"website of (?:the\s+)?([A-Z][\w.&' -]{1,60}?)\.?$")
_SITE_ALONE = re.compile(r"^([A-Z][\w.&' -]{1,40})$")


def _drop_restated(kept: list[str], boxed: set[int]) -> list[str]:
    """A summary-box item or a live entry's headline whose figures the text below restates
    says nothing new: the body carries those figures with their context."""
    from intex.pipeline.numbers import find_numbers

    def figures(line: str) -> set[float]:
        return {n.value for n in find_numbers(NOT_FIGURES.sub(" ", line))}

    if not boxed:
        return kept
    figs = [figures(line) for line in kept]  # once per line, not once per boxed item above it
    out = []
    for i, line in enumerate(kept):
        if i in boxed:
            mine = figs[i]
            later = {v for f in figs[i + 1:] for v in f}
            # small numbers recur by chance; a figure of 10 or more restated is the same one
            if any(v >= 10 for v in mine) and mine <= later:
                continue
        out.append(line)
    return out


def _entry_headline(line: str) -> bool:
    """A live entry's headline: short, and not closed like a sentence of prose."""
    return len(line.split()) <= 20 and not re.search(r"[.;]['\"”’]?$", line)


def _headline_like(line: str, repeated: set[str]) -> bool:
    """Four words or more and not a sentence of the body; a repeated line when there is one."""
    if repeated:
        return _canon(line) in repeated
    return len(line.split()) >= 4 and len(line) <= 300


def _segment_title(line: str) -> str:
    """'Program: Washington Today | Segment: Pentagon says ...' names its story last."""
    m = re.search(r"\b(?:segment|story|headline|title|topic)\s*:\s*(.+)$", line, re.I)
    return m.group(1).strip() if m and "|" in line else line


def _is_stamp_line(line: str) -> bool:
    """A line that holds a date and little else: '29.10.2024 14:03', 'Oct 29, 2024'."""
    rest = _STAMP_WORDS.sub("", line)
    return len(rest) <= 3


@component("intex.clean.v1", assigns=("text", "title", "site", "paragraphs", "page_published"))
def make_cleaner(outlets: dict[str, str] | None = None) -> Cleaner:
    if outlets is None:
        from intex.gazetteer import default_gazetteer

        outlets = default_gazetteer().outlet_lookup()
    return Cleaner(outlets)
