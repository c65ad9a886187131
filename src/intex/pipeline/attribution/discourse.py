"""Who speaks for the sentences that carry no cue of their own.

A report quotes a party, then goes on with its figures without repeating the cue: the
rest of the paragraph, the items of a list the quote introduces, a statement reproduced
in full under its heading, a transcript speaker's turn, a paragraph between two that quote
the same party. Everything else is the outlet's own reporting. The rules here read the
report as a sequence of paragraphs; ``attributor.py`` reads one sentence at a time.
"""

from __future__ import annotations

import re

from intex.model import SourceRef, Span
from intex.pipeline.attribution.attributor import Attributor
from intex.pipeline.attribution.chain import Attribution
from intex.pipeline.attribution.cues import CAPTION_LABEL, NUMERIC_DATE, UNNAMED_REPORTS
from intex.pipeline.attribution.outlet import carried_document, page_name
from intex.pipeline.attribution.short_forms import in_full
from intex.pipeline.doc import Doc
from intex.pipeline.html import HTML_TAG
from intex.pipeline.time import MONTHS

SAME_SPEAKER_GAP = 3  # paragraphs a statement runs on uncued between two cues of its speaker
# a sentence opening on a time of its own reports another statement than the one before
NEW_FRAME = re.compile(r"^\W*(?:(?:on|in|by|since|until|as of)\s+(?:\w+\s+){0,2}?(?:\d{1,2}|"
                       r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|"
                       r"february|march|april|may|june|july|august|september|october|november|"
                       r"december|\d{4})\b|earlier|later|last|previously|separately|meanwhile|"
                       r"yesterday|before|after)\b", re.I)
# the outlet's own hedge: hearsay it relays without naming anyone, including a report
# put in the passive with no agent ("two were reported killed", "had been reported to")
# and reports it names nobody for ("Reports on Monday said", "Earlier accounts had put")
OWN_HEARSAY = re.compile(r"\b(?:reportedly|allegedly|(?:is|are|was|were)\s+(?:estimated|believed|"
                         r"thought|said|understood)\s+to|(?:is|are|was|were|(?:has|have|had)\s+"
                         r"been)\s+reported(?!\s+(?:by|in|on)\b))\b|"
                         rf"^\W*{UNNAMED_REPORTS.pattern}\s+(?:had\s+)?(?:said|say|says|"
                         r"suggested|suggest|claimed|put|indicated)\b", re.I)
# the outlet reminding readers of background: its own voice, whoever spoke around it
RECAP = re.compile(r"^\W*(?:to recap|recall(?:ing)? that|we recall|as a reminder|for context|"
                   r"for reference|background)\b", re.I)
# background the outlet recalls itself: a hedge on whose count it is ("by some counts"), or
# a clause dating what it recalls to an earlier year (", which began in 2009, has killed",
# "since 2017", "the 2010 bombings, which killed 76"); a year is read against the report's
HISTORY_HEDGE = re.compile(r"\bby\s+(?:some|many|most|other|several|one|independent)\s+"
                           r"(?:counts?|estimates?|accounts?|tallies|tally)\b", re.I)
HISTORY_YEAR = re.compile(r"(?:,\s*(?:which|that|who)\b[^,;:.]*?\b(?:in|since)\s+|\bsince\s+|"
                          r"\bthe\s+|\bin\s+)(?P<year>(?:19|20)\d\d)\b", re.I)
RELATIVE = re.compile(r",\s*(?:which|that|who)\s", re.I)


# a sentence opening on a month: "In April, ...", "In late March 2003, ..."
MONTH_LEAD = re.compile(r"^\W*in\s+(?:early\s+|mid-|late\s+)?(?P<month>[a-z]+)(?:\s+(?P<year>"
                        r"(?:19|20)\d\d))?\s*,", re.I)


def recalls_history(text: str, year: int | None, month: int | None = None) -> bool:
    """The sentence recalls earlier events in the outlet's own voice: a hedge on whose
    count it is, a relative clause or "since" dating what it recalls before the year
    the report was written, or an opening on a month before the report's ("In April, ..."
    in a report of 27 May)."""
    if HISTORY_HEDGE.search(text):
        return True
    lead = MONTH_LEAD.match(text) if year is not None and month is not None else None
    if lead and lead.group("month").lower() in MONTHS:
        when = (int(lead.group("year") or year), MONTHS[lead.group("month").lower()])
        if when < (year, month):
            return True
    if year is None or not RELATIVE.search(text):
        return False
    return any(int(m.group("year")) < year for m in HISTORY_YEAR.finditer(text))


# "STATEMENT OF THE MINISTRY OF DEFENCE", "Full text of the statement by the G7 leaders:"
STATEMENT_HEADING = re.compile(
    r"\W*(?:(?:the\s+)?full\s+text\s+of\s+)?(?:the\s+)?(?:joint\s+)?(?:statement|communiqu[eé]|"
    r"press\s+release|declaration|readout|address|information\s+message)\s+(?:of|by|from)\s+"
    r"(?P<who>[^.!?]{3,120}?)\s*[:.]?\s*", re.I)
# the time stamp under a post's author: "07:42", "08:15 AM", "12 March, 07:42"
POST_TIME = re.compile(r"(?:(?:\d{1,2}\s+\w+|" + NUMERIC_DATE + r"),?\s+)?\d{1,2}[:.]\d{2}"
                       r"(?:\s*(?:am|pm|AM|PM))?")
# what follows a post's header line in the page as read: tags, a line break, the time stamp
UNDER_HEADER = re.compile(r"\s*(?:<[^>]+>\s*)*\n\s*(?:<[^>]+>\s*)*" + POST_TIME.pattern
                          + r"\s*(?:<|\n)")
# a short line over a time stamp line, as a digest heads each post
STAMPED_LINE = re.compile(r"^[^\n]{2,120}\n[ \t]*(?:<[^>]+>[ \t]*)*" + POST_TIME.pattern +
                          r"[ \t]*(?:<|$)", re.M)
# "---", "* * *": the end of a reproduced document
LIST_ITEM_START = re.compile(r"\s*(?:up\s+to\s+|about\s+|some\s+|over\s+|more\s+than\s+)?"
                             r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                             r"twelve|a\s+dozen)\b)[^.!?]*(?:[;,.]|\band)?\s*$", re.I)
# a speaker's line in a record of proceedings: a name, then bracketed seat, party or name
SPEAKER_LINE = re.compile(r"(?P<name>(?:The\s+)?[A-Z][\w'’.-]*(?:\s+(?:of|for|the|and|"
                          r"[A-Z][\w'’.-]*)){0,9}?)(?:\s*\([^()\n]{2,60}\)){1,3}")
BARE_SPEAKER = re.compile(r"(?:(?:Mr|Ms|Mrs|Madam|Dr)\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}")
SEPARATOR = re.compile(r"\W*(?:[-–—*_=~#]\s*){3,}\W*")


def attribute_sentences(doc: Doc, att: Attributor) -> list[Attribution]:
    """Who asserts each sentence. A sentence without a cue keeps the party quoted
    before it in its paragraph (or above a list it belongs to, or under the heading of a
    statement reproduced in full); failing that, the party the paragraph names later
    ("Three people were killed. ..., the governor said") or the party quoted on both
    sides of its paragraph; failing that, it is the outlet's own reporting."""
    out: list[Attribution] = []
    paras: list[int] = []
    carried: set[int] = set()
    anchored: set[int] = set()  # a transcript anchor's lines, the outlet's own
    prev: Attribution = Attribution()
    prev_para = -1
    intro = False
    block: list[SourceRef] | None = None
    last_cued: Attribution | None = None  # the sentence before, when it had a cue
    quoted_para = -1
    entry: tuple[int, list[SourceRef]] | None = None  # a live blog entry's heading
    # a record of proceedings names each speaker on a line of their own, more than once
    floor = False  # a speaker named in full has taken the floor
    year = doc.reference_date.year if doc.reference_date else None
    month = doc.reference_date.month if doc.reference_date else None
    speaker_lines = sum(1 for p in doc.paragraphs if SPEAKER_LINE.fullmatch(p.text.strip()))
    document = _carried(doc, att)  # a document the page carries whole: where, whose
    # a digest of posts stamps more than one post; a news page's one section line over its
    # date ("War" / "24.12.2022 12:30") heads no post
    digest = len(STAMPED_LINE.findall(doc.raw)) >= 2
    for si, sent in enumerate(doc.sentences):
        para = doc.paragraph_of(sent.start)
        paras.append(para)
        if document is not None and sent.start >= document[0] and \
                _carried_ends(sent.text, document[2]):
            document = None  # the relaying page's own voice again
        is_title = si == 0 and doc.title is not None and sent.text.strip() == \
            (doc.title or "").strip()
        if SEPARATOR.fullmatch(sent.text):
            block = None
        heading = _statement_heading(att, sent, doc) or \
            (_post_header(att, sent, doc) if digest else None) or \
            (_speaker_line(att, sent, doc) or (_next_speaker(att, sent, doc) if floor else None)
             if speaker_lines > 1 else None)
        floor = floor or bool(heading and speaker_lines > 1 and SPEAKER_LINE.fullmatch(
            sent.text.strip()))
        if heading:
            block = heading
        a = att.sentence(sent, para, is_title)
        a.chain = in_full(a.chain, doc.entities, doc.text)  # "NORTHCOM said": the command in full
        for c in a.cues:
            c.refs = in_full(c.refs, doc.entities, doc.text)
        if a.explicit and block and speaker_lines > 1 and block[0].kind == "person" and \
                all(r.name != block[0].name for r in a.chain):
            # "Reports on Sunday claimed ..." in a member's speech: the member relays them
            a.told.append(block[0])
            a.chain = a.chain_at(a.cue_end, [])
        in_list = intro and is_list_item(sent.text)
        if intro and prev_para == para - 1 and prev is last_cued and not in_list:
            quoted_para = para  # "X wrote on Telegram:" then the paragraph X wrote
        intro = in_list or sent.text.rstrip().endswith(":")
        if not a.chain and att.anchor_para == para:
            # "HOST: The fleet had four such ships." A transcript's anchor speaks for the
            # outlet, however the guest's turns around the line read; a cue later in the
            # anchor's own paragraph may still name whom the anchor quotes
            anchored.add(si)
            a = Attribution(att.outlet(), False, how="anchor")
        if not a.chain:
            keep = bool(prev.chain) and (in_list or prev_para == para or quoted_para == para) \
                and (in_list or not OWN_HEARSAY.search(sent.text)) \
                and not recalls_history(sent.text, year, month)
            if keep:
                carried.add(si)
                a = Attribution(list(prev.chain), False, how="carried")
            elif entry is not None and entry[0] == para:
                # a live blog's entry heading "Air Force: 45 of 60 drones downed" speaks
                # for the paragraph under it
                carried.add(si)
                a = Attribution(list(entry[1]), False, how="carried")
            elif (si == 0 or paras[si - 1] != para) and \
                    (dropped := _dropped_heading(att, doc, para)) is not None:
                entry = (para, dropped)
                carried.add(si)
                a = Attribution(list(dropped), False, how="carried")
            elif block:
                carried.add(si)
                a = Attribution(list(block), False, how="block")
            elif document is not None and sent.start >= document[0]:
                carried.add(si)
                a = Attribution(list(document[1]), False, how="block")
            else:
                a = Attribution(att.outlet(), False, how="history" if recalls_history(
                    sent.text, year, month) else "outlet")
        att.remember(sent, a)
        if a.explicit and a.cues and a.cues[0].kind == "colon" and not is_title and \
                doc.paragraphs and doc.paragraphs[para].text.strip() == sent.text.strip():
            entry = (para + 1, a.chain)
        if a.chain and a.explicit:
            prev, prev_para = a, para
        last_cued = a if a.explicit else None
        out.append(a)
    _fill_back(doc, out, paras, carried)
    _between_same(doc, out, paras, carried | anchored)
    return out


# the end of a reproduced release: "-30-", "###", "- END -", "ENDS"
END_MARK = re.compile(r"\W*(?:-\s*30\s*-|#{3}|-+\s*ends?\s*-+|ends)\W*", re.I)
# a relaying page's own note: "Our note:", "Editor's note:", "Context:", "Background note"
OWN_NOTE = re.compile(r"\W*(?:our\s+note|editor'?s?’?s?\s+note|note\s+from\s+the\s+editors?|"
                      r"context|background\s+note)\b", re.I)


def _carried(doc: Doc, att: Attributor) -> tuple[int, list[SourceRef], str] | None:
    """A document the page carries whole (outlet.carried_document): where in the text its
    credit or letterhead stands (its start when cleaning dropped the line), the parties
    its author stands for, and the relaying page's own name."""
    found = carried_document(doc.raw)
    if found is None:
        return None
    name, line = found
    at = doc.text.find(line[:40])
    refs = att.listed_name(name) or [SourceRef(name, None, "organization")]
    lines = [ln for ln in HTML_TAG.sub("\n", doc.raw).splitlines() if ln.strip()]
    return max(at, 0), refs, page_name(lines[0]).casefold() if lines else ""


def _carried_ends(text: str, page: str) -> bool:
    """A carried document ends at its end mark, at a note of the relaying page, or where
    the page names itself again ("CONTEXT (Example Wire): ...", "Example Wire background")."""
    head = text.strip()[:80]
    return bool(END_MARK.fullmatch(text.strip()) or OWN_NOTE.match(head) or
                (page and page in head.casefold()))


def _statement_heading(att: Attributor, sent: Span, doc: Doc) -> list[SourceRef] | None:
    """A heading line naming whose statement follows ('STATEMENT OF THE MINISTRY OF
    DEFENCE OF THE RUSSIAN FEDERATION'): its words are that party's until a separator."""
    if len(sent.text) > 160 or doc.paragraphs and \
            doc.paragraphs[doc.paragraph_of(sent.start)].text.strip() != sent.text.strip():
        return None
    m = STATEMENT_HEADING.fullmatch(sent.text)
    if not m:
        return None
    return att.name_refs(sent.start + m.start("who"), sent.start + m.end("who"), sent)


# the patterns ``_dropped_heading`` reads, compiled once
# a short label, a colon, the line it heads ("Air Force: 45 of 60 drones downed")
_LABELLED_LINE = re.compile(r"([^:.!?]{2,40}):\s+\S.{0,160}$")


def _dropped_heading(att: Attributor, doc: Doc, para: int) -> list[SourceRef] | None:
    """The party a live blog's entry heading names ("Air Force: 45 of 60 drones downed")
    when cleaning dropped the heading because the entry restates its figure: the line
    above the paragraph in the page as read, time stamps aside."""
    if para < 0 or not doc.paragraphs:
        return None
    head = doc.paragraphs[para].text.strip()[:60]
    at = doc.raw.find(head) if len(head) >= 20 else -1
    if at <= 0:
        return None
    above = [ln.strip() for ln in HTML_TAG.sub("\n", doc.raw[max(0, at - 400):at])
             .splitlines() if ln.strip() and not POST_TIME.fullmatch(ln.strip())]
    if not above or above[-1] in doc.text:
        return None
    m = _LABELLED_LINE.match(above[-1])
    if not m or CAPTION_LABEL.match(m.group(1)):
        return None
    return att.listed_name(m.group(1))


# a line closed like a sentence or a label
STOP_AT_END = re.compile(r"[.!?:;]\s*$")


def _post_header(att: Attributor, sent: Span, doc: Doc) -> list[SourceRef] | None:
    """A digest of posts: a line naming who posted ("Oleh Syniehubov, head of the
    Kharkiv OVA", "Ukrainian Air Force") over a line giving the time it was posted; the
    post under them is that party's, up to the next header or a separator."""
    if len(sent.text) > 120 or STOP_AT_END.search(sent.text):
        return None
    i = doc.paragraph_of(sent.start)
    if i < 0 or i + 1 >= len(doc.paragraphs) or \
            doc.paragraphs[i].text.strip() != sent.text.strip():
        return None
    # cleaning drops bare time stamps: look for one under the line in the page as read
    if not _over_time_stamp(doc.raw, sent.text.strip()):
        return None
    name_end = sent.start + (sent.text.find(",") if "," in sent.text else len(sent.text))
    return att.name_refs(sent.start, name_end, sent) or att.unlisted_party(sent.start, name_end)


def _speaker_line(att: Attributor, sent: Span, doc: Doc) -> list[SourceRef] | None:
    """A record of proceedings (Hansard, a hearing): a line naming the speaker, with the
    seat, party or office in brackets ("Judith Cummins (Bradford South) (Lab)", "The
    Secretary of State for Defence (Mr Ben Wallace)"); the speech under it is theirs up to
    the next such line."""
    i = doc.paragraph_of(sent.start)
    if i < 0 or doc.paragraphs[i].text.strip() != sent.text.strip():
        return None
    line = sent.text.strip()
    m = SPEAKER_LINE.fullmatch(line)
    if not m:
        return None
    at = sent.start + sent.text.find(line)
    inner = re.search(r"\((?:Mr|Ms|Mrs|Dr|Sir|Dame|Lord|Lady)\.?\s+([^()]+)\)", line)
    if inner:  # "The Secretary of State for Defence (Mr Ben Wallace)": the person
        s = at + inner.start(1)
        return att.name_refs(s, s + len(inner.group(1)), sent) or \
            [SourceRef(inner.group(1).strip(), None, "person")]
    name = m.group("name")
    refs = att.name_refs(at, at + len(name), sent)
    if refs is None and BARE_SPEAKER.fullmatch(name) and not name.startswith("The "):
        refs = [SourceRef(re.sub(r"^(?:Mr|Ms|Mrs|Madam|Dr)\s+", "", name), None, "person")]
    return refs


def _next_speaker(att: Attributor, sent: Span, doc: Doc) -> list[SourceRef] | None:
    """Once a record has named its speakers in full, a line with a bare name ("Judith
    Cummins", "Mr Speaker") hands the floor to them."""
    line = sent.text.strip()
    i = doc.paragraph_of(sent.start)
    if i < 0 or doc.paragraphs[i].text.strip() != line or not BARE_SPEAKER.fullmatch(line):
        return None
    at = sent.start + sent.text.find(line)
    return att.name_refs(at, at + len(line), sent) or [
        SourceRef(re.sub(r"^(?:Mr|Ms|Mrs|Madam)\s+(?=[A-Z]\w+\s+[A-Z])", "", line), None,
                  "person")]


def _over_time_stamp(raw: str, line: str) -> bool:
    """Whether ``line`` stands somewhere in ``raw`` with a time stamp on the line under it.
    Found with str.find and one compiled pattern: a pattern per line would flush re's cache."""
    at = raw.find(line)
    while at >= 0:
        if UNDER_HEADER.match(raw, at + len(line)):
            return True
        at = raw.find(line, at + 1)
    return False


def _fill_back(doc: Doc, attrs: list[Attribution], paras: list[int], carried: set[int]) -> None:
    """A paragraph often states a figure first and its source a sentence later: the
    uncued sentences before a paragraph's first cue take that cue's chain. Not when the
    cue opens a new time frame ("On Saturday, X said ...": another statement) or the
    figure is the outlet's own hearsay ("reportedly", "is estimated")."""
    later: Attribution | None = None
    for si in range(len(attrs) - 1, -1, -1):
        if si + 1 < len(attrs) and paras[si + 1] != paras[si]:
            later = None
        a = attrs[si]
        text = doc.sentences[si].text
        if a.explicit:
            later = None if NEW_FRAME.match(text) else a
        elif later is not None and si not in carried and not OWN_HEARSAY.search(text) and \
                a.how != "history":
            attrs[si] = Attribution(list(later.chain), False, how="fill")


def _between_same(doc: Doc, attrs: list[Attribution], paras: list[int],
                  carried: set[int]) -> None:
    """A paragraph with no cue between two paragraphs that quote the same party goes on
    with that party's statement ("The ministry said ... / [figures] / It added ..."),
    unless a heading between them starts another item or the sentence opens a frame of
    its own (another date, a recap of background)."""
    explicit = [si for si, a in enumerate(attrs) if a.explicit and a.chain]
    for si, a in enumerate(attrs):
        if a.explicit or si in carried or (a.chain and a.chain[0].kind != "outlet") or \
                a.how == "history":
            continue
        before = [j for j in explicit if j < si and paras[j] < paras[si]]
        after = [j for j in explicit if j > si and paras[j] > paras[si]]
        if not before or not after:
            continue
        b, f = before[-1], after[0]
        if paras[si] - paras[b] > SAME_SPEAKER_GAP or paras[f] - paras[si] > SAME_SPEAKER_GAP:
            continue
        if attrs[b].chain[0].name != attrs[f].chain[0].name:
            continue
        if any(paras[j] == paras[si] for j in explicit):
            continue  # the paragraph quotes someone else: its other sentences are its own
        if any(_is_heading(doc.paragraphs[p].text) for p in range(paras[b] + 1, paras[f])):
            continue  # a section heading between them starts another story
        text = doc.sentences[si].text
        if NEW_FRAME.match(text) or OWN_HEARSAY.search(text) or RECAP.match(text):
            continue
        attrs[si] = Attribution(list(attrs[b].chain), False, how="between")


def _is_heading(text: str) -> bool:
    """A short line with no closing stop: a section heading or a table caption."""
    t = text.strip()
    return 0 < len(t) < 90 and not re.search(r"[.!?:;…\"”’)]$", t) and "|" not in t


def is_list_item(sentence: str) -> bool:
    """'tanks – 11,321', '- civilians: 120': a label and a figure under a list intro."""
    # bullets cleaning dropped: "36,000 rounds of 105 mm ammunition;", "four howitzers"
    # a longer item that says what its figure is for closes with the list's semicolon:
    # "about 250 soldiers of a signal battalion, to run communications across the area;"
    return (len(sentence) < 90 and bool(re.search(r"[-–—:]\s*(?:about|around|some|over)?\s*"
                                                  r"\d[\d,. ]*\W*$|^\s*[-•*]\s", sentence) or
                                        re.match(LIST_ITEM_START, sentence))) or (
        len(sentence) < 240 and sentence.rstrip().endswith(";") and
        bool(re.match(LIST_ITEM_START, sentence.lstrip(" -•*"))))
