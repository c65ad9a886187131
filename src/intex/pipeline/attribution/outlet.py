"""The outlet that publishes a page, for claims the report makes in its own voice."""

from __future__ import annotations

import re

from intex.gazetteer.canonical import canonical_ministry
from intex.pipeline.attribution.short_forms import expanded
from intex.pipeline.html import HTML_TAG

_SWITCHER = re.compile(r"(?:\s*[|/•]?\s*\b(?:ua|en|ru|uk|de|fr|ko|es|it|pt|tr|pl)\b)+\s*$", re.I)
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?"
                        r"(?:by\s+)?(?P<name>[A-Za-z][\w.&' -]{1,60}?)\s*(?:\d{4})?\s*"
                        r"(?:[.,;|]|all rights|$)", re.I)
_DATELINE = re.compile(r"\((?P<name>[A-Z][\w.&' -]{1,40}?)\)\s*(?:--|—|–|-)")
_HOUSE = re.compile(r"\b(?i:subscribe to|support|follow|join)\s+(?P<name>[A-Z][\w.&' -]{1,40}?)"
                    r"(?:\s+on\s+\w+|[!.,]|$)")


def _known(name: str, outlets: dict[str, str]) -> str | None:
    """An outlet the gazetteer knows by the name or its leading words ("Hromadske Radio"
    -> "Hromadske", "AP News" -> "AP")."""
    words = name.strip(" .,:;|-").split()
    for n in range(len(words), 0, -1):
        if n < len(words) and words[n].lower() in ("of", "and", "&", "for", "in", "on"):
            continue  # "The Times of Israel" is not "The Times": the name goes on
        hit = outlets.get(" ".join(words[:n]).lower())
        if hit:
            return hit
    return None


def canonical_outlet(site: str, outlets: dict[str, str]) -> str:
    """A page's site name as the outlet is usually called: "AP News" is the Associated Press."""
    return _known(site, outlets) or site


def report_outlet(site: str | None, raw: str, outlets: dict[str, str]) -> str | None:
    """The outlet whose voice the report is: a wire credited at its top ("By AFP", "AFP /
    22 July 2025", "WASHINGTON (AP) —") on whatever site carries it, else the site."""
    return wire_credit(raw, outlets) or (canonical_outlet(site, outlets) if site else
                                         page_outlet(raw, outlets))


# a document's credit line under the masthead of the page that carries it: "Prepared by
# X | Updated ...", "Issued by X with partners; ...", "This update is produced by X"
_CREDIT_LINE = re.compile(r"(?:(?:this|the)\s+(?:[\w-]+\s+){1,3}(?:is|was)\s+)?(?:prepared|issued|"
                          r"produced|compiled|written|published)\s+by\s+(?:the\s+)?"
                          r"(?P<name>[A-Z][\w'’.&-]*(?:\s+(?:[A-Z][\w'’.&-]*|of|for|the|and|on)){0,7}?)"
                          r"\s*(?:[|;,.(]|\s(?:with|in|from|for|on)\s|$)", re.I)
# who a credit names when the page credits itself: its desk, staff, editors, our team
_OWN_STAFF = re.compile(r"\b(?:desk|team|staff|editors?|editorial|newsroom|bureau|our|us|"
                        r"correspondents?|reporters?|transcripts?)\b", re.I)
# a page saying it carries others' documents as they were issued: "republishes ...
# unchanged", "reproduced situation reports", "Official statements as issued", "We
# reproduce below"; not a copyright's "may not be reproduced"
_RELAY_WORDS = re.compile(r"(?<!not be )\b(?:republish(?:es|ed)|reproduc(?:es|ed|e\s+below)|"
                          r"mirror(?:s|ed)?|as\s+issued|relay(?:s|ed))\b", re.I)


def carried_document(raw: str) -> tuple[str, str] | None:
    """A document a page carries whole under its own masthead: a digest, mirror or relay
    that says it reproduces others' situation reports or releases, and says whose this one
    is on a credit line near its top ("Prepared by ACAPS | Updated ...", "Issued by OCHA
    with partners") or with the issuer's letterhead over "NEWS RELEASE". Returns the
    author and the line that names it; the document's own statements are the author's,
    not the relaying page's. A credit to the page's own desk or staff ("Compiled by the
    Review's desk") names no other author."""
    lines = [ln.strip() for ln in HTML_TAG.sub("\n", raw).splitlines() if ln.strip()]
    if len(lines) < 3 or not any(_RELAY_WORDS.search(ln) for ln in lines[:8] + lines[-8:]):
        return None
    masthead = page_name(lines[0])
    for ln in lines[1:8]:
        m = _CREDIT_LINE.match(ln)
        if m is None or len(ln) > 200:
            continue
        name = m.group("name").strip()
        if len(name) < 2 or _OWN_STAFF.search(name) or name.casefold() in masthead.casefold() \
                or masthead.casefold() in name.casefold():
            continue
        return name, ln
    if _letterhead(lines[:3]):
        return None  # the page is the release itself
    for i, ln in enumerate(lines[1:8], 1):
        issuer = _letterhead(lines[i:i + 3])
        if issuer:
            return issuer, ln
    return None


def page_name(first_line: str) -> str:
    """The page's own name on its first line, what follows a dash or bar aside."""
    line = _SWITCHER.sub("", HTML_TAG.sub(" ", first_line)).strip(" .|-=")
    return _MASTHEAD_SEPARATOR.split(line)[0].strip(" .|-=")


def wire_credit(raw: str, outlets: dict[str, str]) -> str | None:
    """A known outlet credited for the report near its top: a byline of the outlet alone
    ("By AFP", "By The Associated Press"), an outlet and a date ("AFP / 22 July 2025"),
    a dateline ("BEIRUT (Reuters) —"). The site that republishes a wire story does not
    speak for it; the annotation guide makes the dateline's outlet the report's."""
    # a dash written as markup's entity: "(AP) &mdash;" is "(AP) —"
    lines = [ln.strip() for ln in _DASH_ENTITY.sub("—", HTML_TAG.sub("\n", raw))
             .splitlines() if ln.strip()]
    for ln in lines[:40]:
        m = _BYLINE.fullmatch(ln) or _DATELINE.search(ln[:200])
        if m:
            hit = _known(m.group("name") or m.group("dated"), outlets)
            if hit:
                return hit
        # a wire agency's name alone on the author line, or in brackets in a short
        # byline: "AFP", "Washington, April 20 (AFP) Apr 20, 2024"
        paren = _WIRE_IN_BYLINE.search(ln) if len(ln) <= 80 else None
        hit = _known(paren.group("name") or paren.group("name2") if paren else ln, outlets) \
            if paren or \
            len(ln) <= 30 else None
        if hit in WIRES:
            return hit
    for ln in lines[:40]:
        # "N'DJAMENA (ANP/AFP) —": a dateline crediting two agencies, the national one
        # relaying the world one; the world wire wrote the story
        m = _JOINT_DATELINE.search(ln[:200])
        if m:
            known = [hit for part in m.group("names").split("/")
                     if (hit := _known(part, outlets))]
            wires = [hit for hit in known if hit in WIRES]
            if wires or known:
                return (wires or known)[-1]
    for ln in lines[:40]:
        # "Abuja, March 6 (IANS) At least 47 ...": a dateline crediting an agency no list
        # knows, by the short capitals agencies go by
        m = _AGENCY_DATELINE.match(ln)
        if m:
            # "KANO, May 3 (DEP) -" under a "DELTA EVENING POST" masthead: the page's own
            # agency by its short form, named in full as the masthead or copyright has it
            return _known(m.group("name"), outlets) or \
                expanded(m.group("name"), _own_names(lines)) or m.group("name")
    for ln in lines[:10]:
        # a translation: "Original: Radio Example (City), 13 May 2025. Translated by ...":
        # the outlet that first published it speaks, not the one that translated it
        m = _ORIGINAL.search(ln) or _ORIGINAL_AT.search(ln)
        if m:
            return _known(m.group("name"), outlets) or m.group("name").strip()
    for ln in lines[-12:]:
        # "Reporting by Reuters / Example Foundation" at the foot: a wire's copy
        m = _REPORTING_BY.match(ln)
        if m and _known(m.group("name"), outlets) in WIRES:
            return _known(m.group("name"), outlets)
    return None


def _own_names(lines: list[str]) -> list[str]:
    """The names a page gives itself: its masthead, its copyright line."""
    names = [page_name(lines[0])] if lines else []
    for ln in lines[-12:]:
        m = _COPYRIGHT.search(ln)
        if m:
            names.append(m.group("name").strip())
    return names


# the patterns ``page_outlet`` reads, compiled once
# a press release's "From: Prime Minister's Office, ..." line
# (or an e-mail edition's sender, "From: The Brief <letter@example.org>")
_FROM_LINE = re.compile(r"From:\s*(?P<name>[A-Z][\w'’.& -]{2,60}?)\s*"
                        r"(?:,|\band\b|<[^<>@\s]+@[^<>]+>|$).*")
# a newsletter's foot naming the publisher whose staff write it
_WRITTEN_BY_STAFF = re.compile(r"\bis\s+(?:written|produced|compiled|edited|published)\s+by\s+"
                               r"the\s+(?P<name>[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,4})\s+"
                               r"(?:staff|team|newsroom|editors|desk)\b")
# a host page's field label ("Format:", "Posted:")
_METADATA_FIELD = re.compile(r"\b(?:Format|Posted|Published|Country)\s*:")
# a dash, bar or colon between a masthead's name and what follows it
_MASTHEAD_SEPARATOR = re.compile(r"\s+[—–|-]\s+|:\s")
_NAME_WORD = re.compile(r"[\w'’.&-]+")


def page_outlet(raw: str, outlets: dict[str, str]) -> str | None:
    """Who publishes a page whose cleaning found no site name: its masthead (the first
    line, language switcher aside), a copyright footer, a wire dateline. A masthead the
    gazetteer does not know still counts when the page names itself again further down
    ("Subscribe to X on Telegram")."""
    lines = [ln.strip() for ln in raw.splitlines() if ln.strip()]
    if not lines:
        return None

    def known(name: str) -> str | None:
        return _known(name, outlets)

    # a host page's metadata naming the report's author: "Format: Situation Report |
    # Source: OCHA | Posted: 25 Mar 2022" on ReliefWeb
    for ln in lines[:30]:
        if len(ln) > 200:
            break  # the article has begun: a "Source:" below is a table's or a photo's
        m = _AUTHOR_LINE.search(ln)
        if m and (len(ln) < 40 or _METADATA_FIELD.search(ln)):
            return known(m.group("name")) or m.group("name").strip()

    issuer = _letterhead(lines)
    if issuer:
        return issuer
    masthead = _SWITCHER.sub("", HTML_TAG.sub(" ", lines[0])).strip(" .|-")
    if masthead and len(masthead) <= 60:
        hit = known(masthead)
        if hit:
            return hit
    for ln in lines[-30:]:
        for rx in (_COPYRIGHT, _DATELINE):
            m = rx.search(ln)
            if m:
                hit = known(m.group("name"))
                if hit:
                    return hit
    for ln in lines[:40]:
        m = _DATELINE.search(ln)
        if m and known(m.group("name")):
            return known(m.group("name"))
    # "Example Brief — Morning newsletter, 12 March": the name before the dash
    masthead = _MASTHEAD_SEPARATOR.split(masthead)[0].strip()
    words = masthead.split()
    if 0 < len(words) <= 4 and all(w[:1].isupper() and _NAME_WORD.fullmatch(w)
                                   for w in words):
        for ln in lines[1:]:
            m = _HOUSE.search(ln)
            if m and m.group("name").strip().casefold() == masthead.casefold():
                # "LAO ĐỘNG" over "Follow Lao Động on Google News": as the page spells it
                return m.group("name").strip()
    # a masthead the page names itself by again, as a sentence's subject or on its
    # copyright line: "HILL COUNTRY DIGEST" over "Hill Country Digest is compiled by ...",
    # "LA VOZ DEL VALLE" over "(c) La Voz del Valle."
    if 1 < len(words) <= 6:
        for ln in lines[1:]:
            own = _COPYRIGHT.search(ln)
            if own and own.group("name").strip().casefold() == masthead.casefold():
                return own.group("name").strip()
            if ln.casefold().startswith(masthead.casefold() + " ") and \
                    ln[len(masthead) + 1:len(masthead) + 2].islower() and \
                    ln[:len(masthead)] != masthead.upper():
                return ln[:len(masthead)]
    # a newsletter its publisher's staff write: "Morning Muster is written by the Example
    # Letter staff"; else the sender an e-mail edition names: "From: The Brief <...>"
    for ln in lines[-12:]:
        m = _WRITTEN_BY_STAFF.search(ln)
        if m:
            return known(m.group("name")) or m.group("name").strip()
    # a press release's publisher: "From: Prime Minister's Office, 10 Downing Street"
    for ln in lines[:40]:
        m = _FROM_LINE.fullmatch(ln)
        if m:
            return known(m.group("name")) or m.group("name").strip()
    # names no list knows: "© 2023 Example News. All rights reserved.", "Source: Example
    # and news agencies", a masthead of one short name ("RFI", "ONLINE.UA")
    for ln in lines[-30:]:
        m = _COPYRIGHT.search(ln) or _SOURCE_LINE.fullmatch(ln)
        if m and _NAME_SHAPE.fullmatch(m.group("name").strip()) and \
                not _NOT_OUTLET.search(m.group("name")) and \
                not (_COMPANY.search(m.group("name")) and _MASTHEAD_SHAPE.fullmatch(masthead)):
            # "© Mediacorp Pte Ltd" under a "CNA" masthead: the owner, not the outlet
            return m.group("name").strip()
    if _MASTHEAD_SHAPE.fullmatch(masthead) and not _NOT_OUTLET.search(masthead):
        return masthead
    if _CAPITALS_MASTHEAD.fullmatch(masthead) and not _NOT_OUTLET.search(masthead):
        # "NACALA CORRIDOR RELIEF BULLETIN" over a bulletin: a longer name in capitals
        # ending in what a publication calls itself, named in title case
        return masthead.title()
    named = _MASTHEAD_SECTION.fullmatch(lines[0])
    if named and not _NOT_OUTLET.search(named.group("name")) and \
            not _SECTION.fullmatch(named.group("name")):
        # "Bay Bulletin | Questions & answers": the site's name, then the kind of piece
        return known(named.group("name")) or named.group("name")
    if _named_masthead(lines):
        return lines[0].strip()
    # the outlet signing its own staff's byline: "By Asia Pacific Desk staff, with agency
    # reports", "By the Example Post newsroom"
    for ln in lines[:12]:
        m = _STAFF_BYLINE.match(ln)
        if m and not _NOT_OUTLET.search(m.group("name")):
            return known(m.group("name")) or m.group("name").strip()
    return None


# a body a letterhead names: "MINISTRY OF NATIONAL DEFENCE", "OFFICE OF THE PRESIDENT"
_ISSUER = re.compile(r"(?:MINISTRY|OFFICE|DEPARTMENT|DIRECTORATE|SECRETARIAT|COMMAND|"
                     r"HEADQUARTERS|AGENCY|COMMISSION)\b[A-Z'’.&, -]{0,60}|"
                     r"[A-Z'’.&, -]{2,40}\s(?:MINISTRY|OFFICE|DEPARTMENT|COMMAND|AGENCY)")
_RELEASE = re.compile(r"(?:PRESS|NEWS|MEDIA)\s+(?:RELEASE|STATEMENT)|COMMUNIQU[EÉ]|"
                      r"OFFICIAL STATEMENT|STATEMENT", re.I)


# a body's own name in title case over its release: "Ministry of Defence", "Office of X"
_TITLE_ISSUER = re.compile(r"(?:Ministry|Office|Department|Directorate|Secretariat|Command|"
                           r"Headquarters|Agency|Commission)\s+(?:of|for)\s+(?:the\s+)?"
                           r"[A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|of|and|for|the)){0,5}")


def _letterhead(lines: list[str]) -> str | None:
    """A press release's letterhead: capitals lines over "PRESS RELEASE" naming the body
    that issues it ("REPUBLIC OF X" / "MINISTRY OF NATIONAL DEFENCE"): the body speaks in
    the release's own voice, not the state above it. A press office after the body's name
    ("X COMMAND - PUBLIC AFFAIRS") is the body's."""
    for i, ln in enumerate(lines[:3]):
        ln = _PRESS_OFFICE.sub("", ln) if ln.isupper() else ln
        if i == 0 and _TITLE_ISSUER.fullmatch(ln) and \
                any(_RELEASE.fullmatch(x.strip(" .:")) for x in lines[1:3]):
            # "Ministry of Defence" / "Press release": the same in title case
            return ln.strip()
        if not ln.isupper() or len(ln) > 70:
            return None
        if _ISSUER.fullmatch(ln.strip()) and any(_RELEASE.match(x) for x in lines[i + 1:i + 3]):
            body = canonical_ministry(_title_case(ln))
            state = _STATE_LINE.fullmatch(lines[i - 1].strip()) if i else None
            # "REPUBLIC OF NIGER" / "MINISTRY OF NATIONAL DEFENCE": a national body, named
            # with its country in brackets as national bodies are
            return f"{body} ({_title_case(state.group('country'))})" if state else body
    return None


# the state over a national body's letterhead: "REPUBLIC OF NIGER", "KINGDOM OF THAILAND"
_STATE_LINE = re.compile(r"(?:[A-Z]+\s+){0,3}(?:REPUBLIC|KINGDOM|STATE|SULTANATE|EMIRATE|"
                         r"FEDERATION|CONFEDERATION)\s+OF\s+(?P<country>[A-Z][A-Z' -]{2,40})")


# a body's press office after its name on a letterhead: "X COMMAND PUBLIC AFFAIRS"
_PRESS_OFFICE = re.compile(r"\s*[-–—|,]?\s+(?:PUBLIC\s+AFFAIRS(?:\s+OFFICE)?|"
                           r"PRESS\s+(?:OFFICE|SERVICE|SECTION)|MEDIA\s+(?:RELATIONS|CENT(?:RE|ER)|OFFICE))\s*$")


def _title_case(line: str) -> str:
    """'U.S. NORTHERN COMMAND' -> 'U.S. Northern Command': initials stay capitals."""
    return " ".join(w.lower() if w.lower() in ("of", "the", "for", "and") else
                    w if "." in w.rstrip(".") else w.capitalize() for w in line.split())


def _named_masthead(lines: list[str]) -> bool:
    """A site's name in title case on the first line, page furniture under it (a date
    line, a section trail "Analysis | DR Congo") and the headline after that: "The Maritime
    Executive" / "Published Aug 22, 2012" / "Around 100 barges ... stranded". A headline on
    the first line has the body, not another headline, after its date."""
    if len(lines) < 3:
        return False
    words = lines[0].split()
    if not 1 < len(words) <= 4 or not all(w[:1].isupper() and re.fullmatch(r"[\w'’.&-]+", w)
                                          for w in words) or _NOT_OUTLET.search(lines[0]):
        return False
    if not (re.search(r"\d", lines[1]) or "|" in lines[1]) or len(lines[1]) > 60:
        return False
    for ln in lines[2:5]:
        n = len(ln.split())
        if re.fullmatch(r"[\w ,.:/|-]*\d[\w ,.:/|-]*", ln) and n <= 8:
            continue  # another furniture line: a date, a reading time
        return 5 <= n <= 20 and not re.search(r"[.!?\"”’]\s*$", ln)
    return False


_JOINT_DATELINE = re.compile(r"\((?P<names>[A-Z][\w.&' -]{1,20}(?:/[A-Z][\w.&' -]{1,20})+)\)"
                             r"\s*(?:--|—|–|-)")
_DASH_ENTITY = re.compile(r"&(?:mdash|ndash|#8212|#8211|#x2014|#x2013);")
# the news agencies whose copy other sites carry under their own names
WIRES = {"Reuters", "Associated Press", "AFP", "United Press International", "Anadolu Agency",
         "Xinhua", "dpa"}
# "Washington, April 20 (AFP) Apr 20, 2024": a place, a date and the wire in brackets;
# not a transcript's "QUESTION (Reuters): ..."
_WIRE_IN_BYLINE = re.compile(r"^[^:()]*\d[^:()]*\((?P<name>[A-Z][\w.&' -]{1,30})\)(?!\s*:)|"
                             r"^[^:()]*\((?P<name2>[A-Z][\w.&' -]{1,30})\)(?!\s*:)[^:()]*\d")
# a dateline opening the body: a place, a date, an agency in short capitals, the story
_AGENCY_DATELINE = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2},\s+[A-Z][a-z]{2,8}\.?\s+"
                              r"\d{1,2}\s+\((?P<name>[A-Z]{2,6})\)\s*(?:--|—|–|-|:)?\s*[A-Z0-9]")
# a byline crediting an outlet alone, perhaps with a date: "By AFP", "AFP / 22 July 2025"
_BYLINE = re.compile(r"By\s+(?P<name>[A-Z][\w.&' -]{1,40}?)|(?P<dated>[A-Z][\w.&' -]{1,40}?)\s*"
                     r"[/|]\s*(?:\w+,?\s+)?\d{1,2}\s+\w+,?\s+\d{4}(?:,?\s+\d{1,2}:\d{2})?")
_STAFF_BYLINE = re.compile(r"By\s+(?:the\s+)?(?P<name>[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,4})"
                           r"\s+(?i:(?:live\s+|news\s+)?(?:staff|team|newsroom|reporters|"
                           r"correspondents))\b")
_AUTHOR_LINE = re.compile(r"(?:^|\|\s*)Source:\s*(?P<name>[A-Z][\w .&'’-]{1,60}?)\s*(?:\||$)")
_NAME_SHAPE = re.compile(r"[A-Za-z][\w'’.&-]*(?:\s+(?:[A-Z][\w'’.&-]*|of|the|and|for)){0,4}")
_SOURCE_LINE = re.compile(r"Sources?:\s*(?P<name>[A-Z][\w'’.& -]{1,50}?)"
                          r"(?:,|\s+and\s+(?:news\s+)?agencies|\s+and\s+wires)?\s*\.?")
# one short name on the first line, written as a brand is: "RFI", "KYIV POST" (capitals),
# "ONLINE.UA" (a domain), "aNews" (a capital inside); a plain word ("Strike") is a headline
_MASTHEAD_SHAPE = re.compile(r"[A-Z0-9][A-Z0-9'’.&-]{1,20}(?:\s+[A-Z0-9][A-Z0-9'’.&-]*){0,2}"
                             r"|[A-Za-z][\w-]*\.[A-Za-z]{2,}|[a-z]+[A-Z][\w'’&-]*")
# a publication's name in capitals, ending in what a publication calls itself
_CAPITALS_MASTHEAD = re.compile(r"(?:[A-Z][A-Z'’&-]+\s+){1,4}(?:BULLETIN|NEWS|TIMES|POST|REVIEW|"
                                r"WIRE|DIGEST|MONITOR|HERALD|TRIBUNE|JOURNAL|GAZETTE|DAILY|"
                                r"WEEKLY|LEDGER|COURIER|OBSERVER|DISPATCH|CHRONICLE|"
                                r"NEWSLETTER|UPDATE|BRIEF|TELEGRAPH|STANDARD|EXPRESS)")
# a company's legal form: a publisher that owns the outlet the masthead names
_COMPANY = re.compile(r"\b(?:Ltd|Limited|Inc|LLC|Pte|GmbH|plc|Corp|Corporation|Holdings|"
                      r"Group|S\.?A|AG|Co)\.?$", re.I)
_NOT_OUTLET = re.compile(r"\b(?:crown|copyright|rights|cookies?|menu|home|skip|search|"
                         r"subscribe|login|log in|sign in|news agencies|agencies|staff|"
                         r"contents?|main|live|breaking|updated?)\b", re.I)
# a masthead over the kind of piece: "Bay Bulletin | Questions & answers", "X | EXPLAINER"
_SECTION = re.compile(r"(?i:opinion|analysis|explainer|questions?\s*(?:&|and)\s*answers|q\s*&\s*a|"
                      r"live|news|features?|documents?|transcripts?|video(?:\s+transcript)?|"
                      r"comment|commentary|editorial|interview|briefs?|report|reports|"
                      r"situation\s+brief|fact\s*check|world|home)")
_MASTHEAD_SECTION = re.compile(r"(?P<name>[A-Z][\w'’.&-]*(?:\s+(?:[A-Z][\w'’.&-]*|&|of|the)){0,3})"
                               r"\s+\|\s+" + _SECTION.pattern + r"(?:\s+No\.?\s*\d+)?")
# a translation's note saying where the original stands: "[Automatic translation. The
# original article is at Example Daily, 3 May 2012.]"
_ORIGINAL_AT = re.compile(r"\boriginal\s+(?:article|story|report|text|version)\s+(?:is|was|"
                          r"appeared|ran)\s+(?:at|on|in)\s+(?P<name>[A-Z][\w'’.& -]{1,40}?)"
                          r"\s*[(,.;]", re.I)
# a translation's credit line naming the outlet that first published the piece
# ("Original: "Its headline", Example Daily, 1 April 2023": the headline quoted first)
_ORIGINAL = re.compile(r"\bOriginal(?:ly\s+published)?(?:\s+(?:by|in))?\s*:\s*"
                       r"(?:[\"“«][^\"“”«»]{1,200}[\"”»],?\s*)?"
                       r"(?P<name>[A-Z][\w'’.& -]{1,40}?)\s*[(,]")
# a wire's credit at the foot of its copy: "Reporting by Reuters / ...", "(Reporting by AFP)"
_REPORTING_BY = re.compile(r"\(?Reporting\s+by\s+(?P<name>[A-Z][\w.&' -]{1,30}?)\s*(?:[/;,)]|$)")
