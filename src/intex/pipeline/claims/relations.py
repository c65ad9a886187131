"""How a number stands to the numbers beside it: a part of a total, an item of a list,
an aside, a restatement."""

from __future__ import annotations

import re

from intex.model import Claim, Span
from intex.pipeline.claims.cues import cue_matches, is_modifier
from intex.pipeline.doc import Doc, Quantity
from intex.pipeline.numbers import DIGIT
from intex.pipeline.quantities import breakdown_whole

# a part of the group just counted, read right after a number (matched at its end, in
# place, not on a copy of the rest of the report): "three of them", "95 of whom"
OF_THEM_WHOM_THOSE = re.compile(r"\s+of\s+(?:them|whom|those)\b")
OF_THEM_WHOM = re.compile(r"\s+of\s+(?:them|whom)\b")
OF_THE_ITS_THEIR = re.compile(r"\s+of\s+(?:the|its|their)\b")


# the patterns ``refers_back`` reads, compiled once
# a clause opening "Of the", "Among those", "Out of these" right before the figure
_OF_THE_GROUP_BEFORE = re.compile(r"(?:^|[.;:]\s+|\n)\s*(?:[\"“])?(?:of|among|out\s+of)\s+"
                                  r"(?:the|those|these)\s+(?:(?:more\s+than|over|about|some|nearly)"
                                  r"\s+)?$", re.I)


def refers_back(c: Claim, text: str) -> bool:
    """A figure stated before, named again as a known group ("Of the 3 million people now
    displaced, ...") or asked about ("Is a billion dollars enough?")."""
    ev = c.evidence.text.rstrip()
    if ev.endswith("?"):
        return True
    before = text[max(0, c.evidence.start - 2):value_start(c, text)]
    return bool(_OF_THE_GROUP_BEFORE.search(before))


def value_start(c: Claim, text: str) -> int:
    """Where the claim's figure starts in its sentence (its first digit or number word)."""
    ev = text[c.evidence.start:c.evidence.end]
    m = DIGIT.search(ev)
    return c.evidence.start + (m.start() if m else 0)


def in_title(c: Claim, doc: Doc) -> bool:
    """The headline: the first paragraph, or the paragraph holding the title after a
    masthead and section labels."""
    if not doc.paragraphs:
        return False
    i = doc.paragraph_of(c.evidence.start)
    if i == 0:
        return True
    title = (doc.title or "").strip()
    return bool(title) and i < 8 and doc.paragraphs[i].text.strip() == title


# the patterns ``headline_line`` reads, compiled once
# a line closed like a sentence, a quote or a label
_CLOSED_LINE_END = re.compile(r"[.!?\"”’');:,]$")
# "1) ", "(2. ", "- ", "• ": a list's item, not a headline
_LIST_ITEM_MARK = re.compile(r"\(?\d+[).]\s|[-–•*]\s")


def headline_line(c: Claim, doc: Doc) -> bool:
    """A line of its own without a full stop: a headline inside the report ("Three killed",
    a wire message's headline "Death toll rises to 116, with 80 injured - authorities")."""
    text, s, e = doc.text, c.evidence.start, c.evidence.end
    line = text[s:e].strip()
    return (s == 0 or text[s - 1] == "\n") and (e >= len(text) or text[e:e + 1] == "\n") and \
        0 < len(line) < 160 and not _CLOSED_LINE_END.search(line) and \
        "|" not in line and not _LIST_ITEM_MARK.match(line)


def in_summary(c: Claim, doc: Doc) -> bool:
    """Short lead-in paragraphs before the body: bullets of a key-points box."""
    i = doc.paragraph_of(c.evidence.start)
    # (a table's row is no key point: "Claimant | 59 | n/a" may repeat another row's figure)
    return 0 <= i <= len(doc.paragraphs) // 3 and len(doc.paragraphs[i].text) < 220 and \
        doc.paragraphs[i].text == c.evidence.text and "|" not in c.evidence.text


# the patterns ``of_total`` reads, compiled once
# " of ", " out of the ", " of a total of " between the part and the total
_OF_TOTAL_GAP = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+|all\s+|a\s+total\s+of\s+)?")


def of_total(text: str, part: Quantity, total: Quantity) -> bool:
    """'13 of 16 missiles', '17 of the 22 drones': a part, then the total it is out of."""
    return part.span.end <= total.span.start and bool(
        _OF_TOTAL_GAP.fullmatch(text[part.span.end:total.span.start]))


# what ``is_aside`` reads around a number, compiled once
_AGED_BEFORE = re.compile(r"\b(?:aged|ages|age)\s+(?:\d+\s*(?:,|and|to|-)\s*)*$")
_PERSON_OF_BEFORE = re.compile(r"\b(?:man|woman|boy|girl|child|person|resident)\s+of\s+$")
_INCLUDING_BEFORE = re.compile(r",\s*(?:including|among\s+them|among\s+whom)\s+[^,;.()]{0,60}$")
_UP_TO_COMMA = re.compile(r"[^;.()]{0,60},")
_PEOPLE_FROM_BEFORE = re.compile(r"\b(?:people|persons|individuals|residents|civilians|"
                                 r"inhabitants)\s+(?:from|of|in)\s+(?:(?:some|about|around|"
                                 r"nearly|almost|over|more\s+than|at\s+least)\s+)?$", re.I)
_HOUSEHOLDS_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:families|households)\b", re.I)
_OR_BEFORE = re.compile(r"\w,\s*or\s+(?:(?:some|about|around|nearly|almost|roughly|over|"
                        r"more\s+than|at\s+least)\s+)?$", re.I)
_DASH_BEFORE = re.compile(r"\s[–—-]\s[^–—.;]{0,30}$")
_UP_TO_DASH = re.compile(r"[^–—.;]{0,50}\s[–—-]\s")
_COMMA_END = re.compile(r",\s*$")
_OF_THEM_ASIDE = re.compile(r"\s+of\s+(?:them|whom)\b[^,;.]{0,40},")

def is_aside(text: str, q: Quantity) -> bool:
    """A number inside a parenthetical that leaves the clause to the figure before it:
    ages ("three children, aged 8, 12 and 17, were killed") and a part of the group
    ("214 civilians, 10 of them children, were evacuated")."""
    before = text[max(0, q.span.start - 30):q.span.start]
    if _AGED_BEFORE.search(before):
        return True
    if _PERSON_OF_BEFORE.search(before):
        return True  # "two people, a woman of 64 and a man of 58, were killed": ages
    if _INCLUDING_BEFORE.search(text[max(0, q.span.start - 90):q.span.start]) and \
            _UP_TO_COMMA.match(text[q.span.end:q.span.end + 61]):
        return True  # "1,640 people, including 104 children and 194 women, had been killed"
    if _PEOPLE_FROM_BEFORE.search(before) and _HOUSEHOLDS_AFTER.match(text, q.span.end):
        return True  # "15,000 individuals from over 2,200 families had fled": who they are
    if _OR_BEFORE.search(before) and _UP_TO_COMMA.match(text[q.span.end:q.span.end + 61]):
        return True  # "107,000 people, or 22,000 families, have fled": the count restated
    if _DASH_BEFORE.search(before) and _UP_TO_DASH.match(text[q.span.end:q.span.end + 60]):
        return True  # "14 million people – three in every ten inhabitants – have fled"
    return bool(_COMMA_END.search(before)) and bool(
        _OF_THEM_ASIDE.match(text[q.span.end:q.span.end + 60]))


# the patterns ``listed_after`` reads, compiled once
# ",", "and", "as well as", "plus", "along with": all that stands between two items
_LIST_JOINER = re.compile(r"\s*(?:,|and|,\s*and|as well as|,\s*as well as|plus|along with|"
                          r",\s*along with)\s*")
_LIST_JOINER_AT_END = re.compile(r"(?:\band|as well as|plus|along with|,)\s*$")
_CLAUSE_BREAK = re.compile(r"[;:.]")


def listed_after(text: str, prev: Quantity, q: Quantity) -> bool:
    """'three tanks, 8 armoured vehicles and 42 artillery systems': siblings in a list,
    also when the first item carries an aside ("70 missiles, ballistic ones among them,
    and over 100 drones"; "728 drones - decoys included - as well as 13 missiles")."""
    end = prev.unit_span.end if prev.unit_span is not None else prev.span.end
    gap = text[end:q.span.start]
    if end > q.span.start or OF_THEM_WHOM_THOSE.match(text, q.span.end):
        return False  # "1,200 cases, three of them fatal": a part, not a sibling
    if _LIST_JOINER.fullmatch(gap):
        return True
    # "30 Leopard tanks, 20 Marder vehicles": the noun phrase between items may be long
    return len(gap.split()) <= 14 and bool(_LIST_JOINER_AT_END.search(gap)) and \
        not _CLAUSE_BREAK.search(gap) \
        and not any(not is_modifier(text, m) for _, m in cue_matches(text, end, q.span.start))


# the patterns ``moved_out`` reads, compiled once
# "moved", "taken", "relocated" (a hedge may follow) right before the figure
_MOVING_VERB_BEFORE = re.compile(r"\b(?:moved|moving|taken|took|brought|bringing|relocated)\s+"
                                 r"(?:(?:some|about|around|nearly|over|more\s+than|almost)"
                                 r"\s+)?$", re.I)
_AWAY_FROM_AFTER = re.compile(r"\s+(?:out\s+of|away\s+from|from)\b")


def moved_out(text: str, sent: Span, q: Quantity) -> bool:
    """'authorities moved 7,531 people out of the north': people taken away from danger."""
    end = q.unit_span.end if q.unit_span is not None else q.span.end
    before = text[max(sent.start, q.span.start - 30):q.span.start]
    return bool(_MOVING_VERB_BEFORE.search(before)) and \
        bool(_AWAY_FROM_AFTER.match(text[end:end + 20]))


# the patterns ``with_next`` reads, compiled once
# " with ", " of some " between the units and the count they hold
_WITH_GAP = re.compile(r"\s+(?:with|of)\s+(?:possibly\s+|some\s+|about\s+|around\s+)?")


def with_next(text: str, q: Quantity, nxt: Quantity) -> bool:
    """'two units with up to 12,000 troops are being prepared': the verb after both."""
    end = q.unit_span.end if q.unit_span is not None else q.span.end
    return end <= nxt.span.start and bool(_WITH_GAP.fullmatch(text[end:nxt.span.start]))


# the patterns ``among_whole`` reads, compiled once
# " were (also) among (the) " between a part and the whole
_AMONG_GAP = re.compile(r"\s+(?:were|was|are|is)\s+(?:also\s+)?among\s+(?:the\s+)?")


def among_whole(text: str, q: Quantity, whole: Quantity) -> bool:
    """'six officers were among more than 20 servicemen killed': a part of the next count."""
    end = q.unit_span.end if q.unit_span is not None else q.span.end
    return end <= whole.span.start and bool(_AMONG_GAP.fullmatch(text[end:whole.span.start]))


# the patterns ``changed_to`` reads, compiled once
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)
_TO_GAP = re.compile(r"\s+to\s+")


def changed_to(text: str, q: Quantity, nxt: Quantity) -> bool:
    """'from 74,000 to 55,000 personnel': a change over time whose first figure has the
    second's noun."""
    return bool(_FROM_BEFORE.search(text[max(0, q.span.start - 8):q.span.start])) \
        and bool(_TO_GAP.fullmatch(text[q.span.end:nxt.span.start]))


# the patterns ``shares_noun`` reads, compiled once
# the first count's own modifier, then "and"/"or" (a hedge may follow) before the second
_MODIFIER_AND_GAP = re.compile(r"\s+(?:[a-z][\w-]*\s+){1,2}(?:and|or)\s+(?:(?:about|around|some|"
                               r"nearly|almost|"
                               r"over|more\s+than|at\s+least)\s+)?")


def shares_noun(text: str, q: Quantity, nxt: Quantity) -> bool:
    """'About 40 northbound and 57 southbound vessels': two counts, each with its own
    modifier, of the one noun said after the second."""
    return nxt.unit_span is not None and bool(
        _MODIFIER_AND_GAP.fullmatch(text[q.span.end:nxt.span.start]))


# the patterns ``spelled_out`` reads, compiled once
_SENTENCE_BREAK = re.compile(r"[.;!?]")
# ":", "namely", "i.e.", "comprising" (a hedge may follow) right before the first item
_NAMELY_AT_END = re.compile(r"(?::|\bnamely|\bi\.\s?e\.|\bthat is|\bspecifically|\bcomprising|"
                            r"\bconsisting of|"
                            r"\bbroken down as)\s*,?\s*(?:(?:more than|over|about|around|some|"
                            r"nearly|almost|"
                            r"at least|up to|roughly)\s+)?$", re.I)


def spelled_out(text: str, prev: Quantity, q: Quantity) -> bool:
    """'fired 300 drones and missiles at Israel: 170 drones, ...', 'shot down 249 targets,
    namely 211 drones': the first item of a breakdown of the total counted just before."""
    end = prev.unit_span.end if prev.unit_span is not None else prev.span.end
    if end > q.span.start:
        return False
    gap = text[end:q.span.start]
    return len(gap.split()) <= 12 and not _SENTENCE_BREAK.search(gap) and \
        bool(_NAMELY_AT_END.search(gap))


# the patterns ``described`` reads, compiled once
# ", (that were) fired at", "launched from": a participle on the counted thing
_FIRED_AT_AFTER = re.compile(r"\s*,?\s*(?:(?:that|which)\s+(?:were|was|had been|have been)\s+)?"
                             r"(?:fired|launched|aimed|sent)\s+(?:at|from|toward|towards|against|"
                             r"by)\b", re.I)


def described(text: str, q: Quantity) -> bool:
    """'six ballistic missiles, fired at Israel', 'missiles that were launched from Yemen':
    a participle describing the counted thing, not what the sentence says became of it."""
    end = q.unit_span.end if q.unit_span is not None else q.span.end
    return bool(_FIRED_AT_AFTER.match(text[end:end + 60]))


# the patterns ``part_of`` reads, compiled once
# "(in total,) including", "of whom", "among them": all that stands between whole and part
_INCLUDING_GAP = re.compile(r"(?:\s+in\s+(?:total|all)|\s+overall|\s+altogether)?"
                            r"[\s,(]*(?:including|among them|among whom|among those|of whom|"
                            r"of which|incl\.)\s*", re.I)
# the parts a group is said to be, with a bare copula: "the three dead were two Filipinos
# and one Vietnamese", "the 12 wounded included nine soldiers"
_WERE_GAP = re.compile(r"\s+(?:were|included|comprised|consisted\s+of)\s+", re.I)
_ANY_BREAK = re.compile(r"[.;:!?]")
_INCLUDING_AT_END = re.compile(r"(?:,|\s[–—-])\s*(?:among them|among whom|including|of whom)\s*$",
                               re.I)
_COMMA_GAP = re.compile(r"\s*,\s*")


def part_of(text: str, prev: Quantity, q: Quantity) -> bool:
    """'34 civilians, including two children', '12, three of them children': a part of
    the group counted just before (its noun may stand before it: "the number of people
    killed has risen to 143, three of them children")."""
    end = prev.unit_span.end if prev.unit_span is not None and \
        prev.unit_span.end > prev.span.end else prev.span.end
    if end > q.span.start:
        return False
    gap = text[end:q.span.start]
    return bool(_INCLUDING_GAP.fullmatch(gap)) or (
        prev.unit_span is not None and prev.unit_span.start >= prev.span.end and
        bool(_WERE_GAP.fullmatch(gap))) or (
        # "about 60 dead in five municipalities of the region, among them seven former
        # fighters": the connector closes a longer phrase on the whole
        len(gap.split()) <= 20 and not _ANY_BREAK.search(gap) and
        bool(_INCLUDING_AT_END.search(gap))) or (
        bool(_COMMA_GAP.fullmatch(gap)) and
        bool(OF_THEM_WHOM.match(text, q.span.end)))


def split_whole(text: str, qs: list[Quantity], qi: int) -> Quantity | None:
    """The total, counted before in the sentence, that the figure ``qs[qi]`` and the
    figures after that total split between them ("some 900 people were flown out, over 600
    by the navy and over 250 by allies"): they add up to it."""
    for k in range(qi - 1, -1, -1):
        whole = qs[k]
        if whole.unit and whole.unit_span is not None and not whole.percent and \
                not whole.currency and whole.unit_span.start >= whole.span.end:
            # the parts name no noun of their own after them ("73 of which were shot down,
            # with 10 drones" splits no total of 90 missiles)
            rest = [(x.span.start, x.value) for x in qs[k + 1:]
                    if not x.percent and (x.unit_span is None or
                                          x.unit_span.start < x.span.start)]
            end = whole.unit_span.end
            return whole if breakdown_whole(text, (end, whole.value), qs[qi].span.start,
                                             rest) else None
    return None
