"""Page furniture around a report's entities: a mention there names no entity of the story.

A wire's dateline ("SEOUL, April 30 (Yonhap) --"), a time stamp's or a section label's
place, the outlet's own credits and appeals sit on the page, not in the story.
"""

from __future__ import annotations

import re
from functools import lru_cache

from intex.model import Entity, Mention
from intex.pipeline.prefilter import with_start_test

# a wire dateline opening a paragraph: "SEOUL, April 30 (Yonhap) --", "Kyiv (AFP) -",
# "ROME/PORT SUDAN –", "GOMA, Congo (AP) —": the place the story was filed from
DATELINE = re.compile(
    r"^(?:[A-Z][A-Z'’.-]+(?:[ /][A-Z][A-Z'’.-]+)*(?:,[^\n()]{1,30}?)?(?:[ \t]*\([^)\n]{1,40}\))*"
    r"|[A-Z][\w'’.-]+(?:[ /][A-Z][\w'’.-]+)*(?:,[^\n()]{1,30}?)?(?:[ \t]*\([^)\n]{1,40}\))+)"
    r"[ \t]*(?:--|—|–|-)[ \t]")
# "RAWALPINDI:", "Khartoum, MINA –": a dateline with a colon, or crediting an agency by acronym
DATELINE_SHORT = re.compile(r"^(?:[A-Z][A-Z'’.-]{2,}(?:[ /][A-Z][A-Z'’.-]+)*:[ \t]|"
                            r"[A-Z][\w'’.-]+(?:[ /][A-Z][\w'’.-]+)*,[ \t]*[A-Z]{2,6}[ \t]*"
                            r"(?:--|—|–|-)[ \t])")
# what else a stamp line holds: "Wednesday 2 October 2024 06:40, UK"
STAMP_REST = re.compile(r"^[\s\d,.:/|-]*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
                        r"jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|"
                        r"am|pm|gmt|utc|[\s\d,.:/|+-])*$", re.I)
# a line that credits or promotes the outlet rather than reporting: copyright, reprint
# terms, appeals, newsletters, desks, photo credits, "Source: X and news agencies"
OUTLET_FURNITURE = re.compile(
    r"©|\(c\)|copyright|all rights|reprint|hyperlink|materials|unauthori[sz]ed|\bsupport\b|"
    r"patreon|subscribe|newsletter|\breading\b|published by|news desk|\bphoto\b|"
    r"live updates|\bwith (?:agencies|[A-Z]+ and [A-Z]\w+)|"
    # the comment section's rules: "Comments will be moderated by X's editorial team"
    r"\bmoderated\b|\beditorial (?:team|values|policy|standards)\b", re.I)


# a wire's credit in brackets under the story: "(Reporting by the Lakeside Wire Oslo bureau;
# editing by ...)", "(Compiled by the Abuja desk)": who wrote it up, not who is in the story.
# A digest's own line "Compiled by the X desk." names its compiler, which is listed
CREDIT_LINE = re.compile(r"\s*\(\s*(?:additional[ \t]+)?(?:reporting|compiled|editing|"
                         r"writing|written|prepared)[ \t]+by\b", re.I)


# an address or contact line: an e-mail, a web address, a postcode before a town, a press
# office's contact ("Holmens Kanal 42 · 1060 Copenhagen K · fmn@fmn.dk")
CONTACT = re.compile(r"@\w|\bwww\.|https?://|\b(?!19\d\d|20\d\d)\d{4,5}[ \t]+[A-Z][a-z]|"
                     r"(?i:\bmedia (?:requests|enquiries|inquiries)\b|\bpress office\b|"
                     r"\bcontact us\b)")
CONTACT = with_start_test(CONTACT)  # searched in the paragraph of every place named
# "By The Associated Press", "By AFP | May 14, 2025": the credit line over the story
BYLINE = re.compile(r"\s*by\s", re.I)
# nothing but white space (as str.strip() sees it) from a position to the text's end, or in
# a stretch: matched in place instead of copying the report's head or tail to strip it
BLANK_TO_END = re.compile(r"\s*\Z")
BLANK = re.compile(r"\s*")


def _line_of(text: str, s: int, e: int) -> tuple[int, str]:
    start = text.rfind("\n", 0, s) + 1
    end = text.find("\n", e)
    return start, text[start:end if end >= 0 else len(text)]


def in_furniture(m: Mention, entity: Entity, text: str, site: str | None = None) -> bool:
    """A mention in the page's furniture names no entity of the story: the dateline's place,
    a stamp's or a category label's place, the outlet's own credits and appeals."""
    start, line = _line_of(text, m.start, m.end)
    if CREDIT_LINE.match(line):
        return True
    d_end = _dateline_end(line)
    if d_end is not None and m.end - start <= d_end:
        return True
    if entity.type == "ORG" and BLANK_TO_END.match(text, start + len(line)) and \
            len(line.split()) <= 6 and not _ends_a_sentence(line):
        return True  # a name signing off the page on its own: "Mi'raj News Agency (MINA)"
    rest = (line[:m.start - start] + line[m.end - start:]).strip()
    if entity.type == "ORG" and entity.kind in ("outlet", "organization") and \
            BLANK.fullmatch(text, 0, start) and len(rest.split()) <= 2 and \
            not _ends_a_sentence(line):
        return True  # the masthead over the page: "Al Arabiya English", "THE IRRAWADDY"
    if entity.kind == "company" and SHARE_LINE.search(line):
        return True  # "Share: Facebook Twitter", "Follow X Wire on WhatsApp": the page's buttons
    if _menu_cell(line, m.start - start, m.end - start):
        return True  # "Home | Colombia | Venezuela | Ecuador": a site's menu, not the story
    if entity.type in ("GPE", "LOC") and _contact(line):
        return True  # "17 route des Morillons, 1211 Geneva | www.iom.int": the address
    if entity.type in ("GPE", "LOC") and rest and STAMP_REST.match(rest) and \
            re.search(r"\d{1,2}:\d\d|\b(?:19|20)\d\d\b", rest):
        return True
    if entity.type in ("GPE", "LOC") and not rest.strip(" .|") and \
            not _body_began(text, start):
        return True  # "Africa", "Ukraine": a section label above the story
    if entity.type in ("GPE", "LOC") and _section_label(line, m.start - start, m.end - start):
        return True  # "Africa | 17/01/2023 - 16:48 | AFP", "South Asia Desk — LIVE"
    if entity.kind == "outlet" and entity.name == site and re.match(r"(?i)source:", line):
        return True  # "Source: X and news agencies" under X's own story
    outlet = entity.kind == "outlet" or entity.type == "ORG" and \
        entity.kind == "organization" and _credited(entity.name, text)
    if not outlet:
        return False
    if entity.kind != "outlet" and (DESK_OF.match(line, m.end - start) and
                                    not COMPILER.match(line) or
                                    BLANK.fullmatch(text, 0, m.start)):
        return True  # "By the X desk", "from the X newsroom", "X | World desk | 27 May"
    return bool(OUTLET_FURNITURE.search(line) or _byline(line) or
                len(line.split()) <= len(m.text.split()) + 2)


# an organization the gazetteer does not know that the page credits as its publisher: its
# masthead opening the first line, its copyright, its desk or newsroom ("X | World desk",
# "(c) 2021 X", "Copyright 2019 The X", "Translated by the X desk", "from the X newsroom").
# Its name in the page's credits and appeals is then the outlet's furniture, like a known
# outlet's; "Compiled by the X desk." names a digest's compiler, which is listed
DESK_OF = re.compile(r"[ \t]+(?:desk|newsroom|bureaus?)\b", re.I)
COMPILER = re.compile(r"\s*compiled[ \t]+by\b", re.I)


@lru_cache(maxsize=256)
def _credited(name: str, text: str) -> bool:
    n = re.escape(name)
    first = text.lstrip().split("\n", 1)[0].strip()
    return re.match(rf"(?i:{n})[ \t]*(?:[|–—-][ \t]|$)", first) is not None or re.search(
        rf"(?i:©|\(c\)|copyright)[ \t]*(?:(?:19|20)\d\d[ \t]+)?(?:[Tt]he[ \t]+)?{n}\b|"
        rf"\b{n}[ \t]+(?i:desk|newsroom|bureaus?)\b", text) is not None


# a prompt to share the page or follow the outlet, where platforms are buttons, not parties
SHARE_LINE = re.compile(r"(?i)^\s*(?:share|follow|like this)\b|\bshare (?:on|this|via)\b|"
                        r"\bfollow (?:us|[A-Z][\w ]{0,30}) on\b")
# a site's menu or a row of share buttons: four or more cells between bars, no figure in any
# (a flattened table's row holds its figures)
MENU_BAR = re.compile(r"[ \t]*[|·•][ \t]*")


def _menu_cell(line: str, s: int, e: int) -> bool:
    """Whether line[s:e] is a whole cell of a menu line ("News | Ukraine | World | Live",
    or cells set apart by wide spaces: "Home   Africa   Health")."""
    if "|" not in line and "·" not in line and "•" not in line:
        cells = WIDE_GAP.split(line.strip())
        return len(cells) >= 4 and not any(c.isdigit() for c in line) and \
            line[s:e].strip() in cells
    cells = MENU_BAR.split(line.strip())
    if len(cells) < 4 or any(c.isdigit() for c in line):
        return False
    before, after = line[:s].rstrip(" \t"), line[e:].lstrip(" \t")
    return (before == "" or before[-1] in "|·•") and (after == "" or after[0] in "|·•")


WIDE_GAP = re.compile(r"[ \t]{3,}")
# a place that labels the page's section or desk, or the clock its times keep: "Africa |
# 17/01/2023 - 16:48 | AFP", "South Asia Desk — LIVE", "All times East Africa"
DESK_AFTER = re.compile(r"[ \t]+(?:[Dd]esk|DESK)\b")
TIMES_BEFORE = re.compile(r"\b[Aa]ll[ \t]+times[ \t]+$")
# the outlet's own web address after a promotion: "Follow our coverage at apnews.com/hub"
DOMAIN = re.compile(r"\b[a-z0-9-]+\.(?:com|org|net|int)(?:/|\b)")


def _section_label(line: str, s: int, e: int) -> bool:
    if DESK_AFTER.match(line, e) or TIMES_BEFORE.search(line, 0, s):
        return True
    if DOMAIN.search(line) and re.match(r"\s*(?:[Ff]ollow|[Rr]ead|[Ff]or more|[Mm]ore)\b", line):
        return True
    # the label opens a short line of bars whose cells hold a time stamp
    return not line[:s].strip() and line[e:].lstrip().startswith("|") and \
        len(line.split()) <= 10 and bool(re.search(r"\d{1,2}:\d\d", line))


def _ends_a_sentence(line: str) -> bool:
    """Whether the line's last mark ends a clause ("... said.", "Contact:")."""
    last = line.rstrip()[-1:]
    return last != "" and last in ".!?:;,"


# A paragraph names several places and bodies: what its line holds is read once.
@lru_cache(maxsize=1024)
def _dateline_end(line: str) -> int | None:
    d = DATELINE.match(line) or DATELINE_SHORT.match(line)
    return d.end() if d else None


@lru_cache(maxsize=1024)
def _contact(line: str) -> bool:
    return CONTACT.search(line) is not None


def _body_began(text: str, pos: int) -> bool:
    """Whether a paragraph of running prose comes before pos."""
    for para in text[:pos].split("\n\n"):
        if len(para.split()) >= 12 and re.search(r"[.!?\"”]$", para.strip()):
            return True
    return False


def _byline(line: str) -> bool:
    """'By The Irrawaddy 28 June 2023': a short credit line, not 'By Wednesday morning, ...'."""
    return bool(BYLINE.match(line)) and len(line.split()) <= 8 and \
        not re.search(r"[.;]\s*$", line.strip())
