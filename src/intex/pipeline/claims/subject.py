"""What a number counts: the noun after it, or one the report left unsaid."""

from __future__ import annotations

import re
from re import _parser as sre_parse  # type: ignore[attr-defined]

from intex.model import Span
from intex.pipeline.claims.cues import CUE_RX, PEOPLE_OUTCOMES, category
from intex.pipeline.claims.tables import row_label, table_header
from intex.pipeline.doc import Doc, Quantity
from intex.pipeline.lexicon import (
    COUNTED,
    NOT_COUNTED,
    PEOPLE,
    SEVERITY,
    WEAPONS,
)
from intex.pipeline.numbers import HEDGE_PHRASE
from intex.pipeline.prefilter import SLOW_SCAN, prefiltered
from intex.pipeline.quantities import clause_subject
from intex.pipeline.time import MONTHS, WEEKDAYS

# a nationality said of a count of people: "400,000 were Thai", "and 101,000 Cambodian"
DEMONYM_AFTER = re.compile(r"\s+(?P<verb>(?:were|are|was)\s+)?(?P<who>[A-Z][a-z]+(?:ese|ians?|ans?|"
                           r"is|i|ish|ch))\b(?!\s+(?:[A-Z]|(?!and\b|or\b)[a-z]+s\b))")
# a noun, then a verb that gives its count: "casualties now stand at 3,000", "whose
# fighters they estimated at 3,000", "Shelters opened for the displaced number 1,097"
_COUNT_VERBS = (r"stand|stands|"
                r"stood|reached|have reached|has reached|total|totals|totalled|totaled|"
                r"exceed|exceeds|exceeded|average|averages|averaged|came to|amounted to|"
                r"passed|topped|surpassed|climbed to|rose to|estimated|estimates|put|puts|placed|"
                r"may number|can number|could number|might number|number|numbered|"
                # a count said as a span or a change: "deaths ran from 200 to 300", "the
                # sites have multiplied from 73 to 108" (the first figure; the second below)
                r"ran from|ranged from|range from|ranges from|rose from|grew from|"
                r"increased from|multiplied from|fell from|dropped from|swelled from|grown from|"
                r"risen from|fallen from|climbed from|jumped from")
COUNT_VERB_BEFORE = re.compile(
    r"\b([A-Za-z]+),?\s+(?=(?:[\w'’-]+,?\s+){0,6}?(?:now\s+|already\s+)?(?:"
    + _COUNT_VERBS + r")\s+(?:at\s+)?$)")
# Every match of COUNT_VERB_BEFORE looks ahead to one of the verbs (perhaps then "at") and
# white space to the text's end: asked first of the text's last characters, so that the
# scan, which tries six words ahead of every word, runs only before such a verb
_COUNT_VERB_END = re.compile(rf"(?:{_COUNT_VERBS})$")
_COUNT_VERB_WIDTH = sre_parse.parse(_COUNT_VERBS).getwidth()[1]


# a body of troops whose size a count verb gives
_FORCE_NOUNS = {"force", "contingent", "garrison", "deployment", "army", "militia"}


def _ends_on_count_verb(before: str) -> bool:
    """Whether ``before`` ends on a verb of COUNT_VERB_BEFORE's list, perhaps then "at",
    and white space: without it, that pattern has no match in ``before``."""
    t = before.rstrip()
    if _COUNT_VERB_END.search(t, max(0, len(t) - _COUNT_VERB_WIDTH)):
        return True
    if not t.endswith("at"):
        return False
    u = t[:-2].rstrip()
    return _COUNT_VERB_END.search(u, max(0, len(u) - _COUNT_VERB_WIDTH)) is not None


POPULATION = re.compile(r"\bpopulation\s+(?:of|at|is|was|stood\s+at|stands\s+at|"
                        r"numbered|reached)\s+$", re.I)
# "a second group of 600", "a first contingent of 400": a batch of people named before
# a place with its share in brackets or after "with": "Ethiopia (45,605)", "Chad with 149,383"
PLACE_BRACKET = re.compile(r"\b(?!(?:Reader\s+)?(?:Comments?|Replies|Reply|Photos?|Videos?|Shares?|"
                           r"Views?|Likes?|Reactions?|Responses?|Notifications?|Messages?)\b)"
                           r"[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*){0,3}\s*\(\s*(?:(?:"
                           + HEDGE_PHRASE + r")\s+)?$")
PLACE_WITH = re.compile(r"(?:,|\band|\bof|\bby|\bto|\bin)\s+(?:the\s+)?"
                        r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
                        r"\s+with\s+(?:(?:" + HEDGE_PHRASE + r")\s+)?$")
# a verb that puts a count on its object: "put total losses at around 18,900"
PUT_AT = re.compile(r"\b(?:put|puts|putting|placed|places|placing|estimated|estimates|"
                    r"estimating|pegged|pegs)\s+(?P<np>(?:[\w'’-]+\s+){1,6}?)at\s+"
                    r"(?:(?:" + HEDGE_PHRASE + r")\s+)?$", re.I)
GROUP_OF = re.compile(r"\b(?:group|contingent|batch|wave|detachment|rotation)\s+of\s+$", re.I)
# a verb that takes the count as its object: "Russian crews abandoned 1,113", "we struck 40"
FOLLOW_ON_BEFORE = re.compile(
    r"\b(?:abandoned|captured|seized|destroyed|damaged|downed|sank|sunk|struck|shot\s+down|"
    r"intercepted|lost)\s+(?:(?:a\s+further|" + HEDGE_PHRASE + r")\s+)?$", re.I)


def comparable(a: float, b: float) -> bool:
    """Two figures for the same count differ by less than an order of magnitude."""
    lo, hi = sorted((abs(a), abs(b)))
    return lo > 0 and hi / lo < 10


def topic_noun(doc: Doc, sent: Span) -> tuple[str | None, str | None]:
    """'North Korean soldiers are fighting in Kursk. The Pentagon put the figure at 10,900':
    the people or weapons the sentence before spoke of, when it counted nothing."""
    si = doc.sentence_of(sent.start)
    if si <= 0:
        return None, None
    prev = doc.sentences[si - 1]
    if doc.paragraph_of(prev.start) != doc.paragraph_of(sent.start):
        return None, None
    for m in re.finditer(r"\b((?:[A-Z][\w-]*\s+){0,2}([a-z]+s))\b", prev.text):
        word = m.group(2)
        if (word in PEOPLE or word in WEAPONS) and word not in NOT_COUNTED:
            return word, m.group(1)
    return None, None


def colon_list_unit(text: str, sent: Span, q: Quantity) -> str | None:
    """'The drones were destroyed over these regions: 126 over Kursk, 91 over Moscow':
    figures listed by place after a colon count the noun the introduction names."""
    head = text[sent.start:q.span.start]
    colon = head.rfind(":")
    if colon < 0 or not re.match(r"\s+(?:each\s+)?(?:over|in|near|at|on|across|from)\s",
                                 text[q.span.end:q.span.end + 12]):
        return None
    nouns = [w.lower() for w in re.findall(r"[A-Za-z][\w-]*", head[:colon])
             if w.lower() in COUNTED and w.lower() not in NOT_COUNTED]
    return nouns[-1] if nouns else None


# what ``subject_of`` and ``elided_subject`` read around a number, compiled once
_PART_OF_WHOLE = re.compile(r"^(?:out\s+)?of\s+(?:(?:the|its|their|all)\s+)?"
                            r"(?:\d[\d,.]*(?:\s*(?:k|thousand|million))?\s+)?")
_FROM_NAMES = re.compile(r"\s*from\s+((?:[A-Z][\w'’-]*\s?)+)")
_OF_THEM = re.compile(r"\s+of\s+(?:them|whom|those|these|which|the\s+(?:returned|freed|released|"
                      r"exchanged|rescued|evacuated|dead|killed|wounded|injured|detained|"
                      r"captured|missing))\b")
_NOUN_BRACKET = re.compile(r"\b([a-z]+)\s*\((?:about|around|some|over|nearly)?\s*$")
_WERE_WHAT = re.compile(r"\s+(?:were|are|was)\s+(?:also\s+|all\s+)?([A-Za-z]+(?:\s+[A-Za-z]+)?)\b"
                        r"(?!\s+(?:by|in|at|to|from|with|on)\b)")
_AND_END = re.compile(r"\band\s+$")
# a toll is a count of the dead unless it names the hurt ("a toll of 133", "its previous
# toll of 24", "put the combined toll at nearly 100", "Death toll: 29")
_DEATH_TOLL = re.compile(
    r"\b(?:(?:death\s+)?toll|number\s+(?:of\s+(?:the\s+)?)?"
    r"(?:dead|deaths|fatalities|killed))\b(?P<gap>(?:[^.;:]|(?<=\d)\.(?=\d)){0,100}?)\b(?:to|at|"
    r"reached|is|was|stands?|stood|of)\s+(?:(?:" + HEDGE_PHRASE + r")\s+)?$|"
    r"\bdeath\s+toll\s*:\s*(?:(?:" + HEDGE_PHRASE + r")\s+)?$",
    re.I)
_DEAD_TOLL = re.compile(r"death\s+toll|number\s+of\s+(?:the\s+)?dead", re.I)
_HURT_TOLL = re.compile(r"\b(?:injur|wound|hurt|casualt|sick|case|infect|road|economic)", re.I)
_THE_NUMBER_OF_AFTER = re.compile(
    r"^\s+the\s+(?:number|total)\s+of\s+((?:[\w'’-]+\s+){0,3}?([a-z]+))\b")
_LIST_JOIN_END = re.compile(
    r"(?:,|\band|;)\s*(?:(?:another|a\s+further|" + HEDGE_PHRASE + r")\s+)?$")
_COLON_END = re.compile(r"[a-z]\s*:\s*(?:" + HEDGE_PHRASE + r"\s+)?$")
_LIST_BY_NAMED_PLACE = re.compile(
    r"\s+(?:or\s+so\s+)?(?:each\s+)?(?:over|in|near|at|across|around|from|on|to|"
    r"inside|outside)\s+(?:the\s+)?[A-Z]")
_LIST_BY_PLACE = re.compile(r"\s+(?:or\s+so\s+)?(?:in|on|at|from|inside|outside|near)\s+the\s+"
                            r"(?:[a-z]+\s+){0,2}(?:bank|side|camps?|town|city|village|region|area|"
                            r"district|province|border|coast|north|south|east|west)\b")
_ANOTHER_END = re.compile(r"\b(?:another|the\s+other|a\s+further)\s+(?:" + HEDGE_PHRASE + r"\s+)?$",
                          re.I)
# "two others seriously injured", "detained six more", "debris fell at 15 more": more
# of the thing just counted ("more than" compares)
# "another" read as the number's own word ("will pay for another 45")
_ANOTHER_LEAD = re.compile(r"(?:another|a\s+further)\s", re.I)
_OTHERS_AFTER = re.compile(r"\s+(?:others|more)\b(?!\s+than\b)(?=\s*(?:[,.;:)]|$)|\s+(?:were|was|"
                           r"are|is|had|have|has|in|at|on|as|from|to|over|near|who|that|and|or|"
                           r"died|fled|remain|remained|later|still|managed|could|would|will|may|"
                           r"might|back|home|away|out|off|[a-z]+ly)\b)")
_STILL_THERE = re.compile(r"\s+(?:or\s+so\s+)?(?:were|are|was|remain|remained)\s+(?:still\s+)?"
                          r"(?:in|inside|at|on|unaccounted|trapped|stranded|sheltering|living|staying|"
                          r"lying)\b|\s+(?:survived|remain|remained)\b")
_LOWER_WORD = re.compile(r"[a-z][\w-]*")
_PEOPLE_OUTCOME_AFTER = re.compile(
    r"^\s+(?:or\s+so\s+)?(?:others?\s+|more\s+)?(?:(?:were|was|are)\s+being\s+|"
    r"were\s+|had\s+been\s+|have\s+been\s+|has\s+been\s+|was\s+|"
    r"are\s+(?:still\s+)?|had\s+|have\s+|(?:who|that)\s+(?:had\s+|have\s+)?)?"
    r"(?:now\s+|since\s+|already\s+|also\s+|later\s+)?(?:" + SEVERITY + r"\s+)?"
    r"(?:[\"“]?(?:summarily\s+)?executed|killed|wounded|dead|declared\s+dead|injured|hurt|"
    r"captured|missing|still\s+missing|hospitali[sz]ed|treated|died|fled|"
    r"murdered|abducted|kidnapped|detained|arrested|rescued|"
    r"arrived|left\b(?!\s+(?:damaged|behind|abandoned))|crossed|evacuated|"
    r"displaced|forced\s+(?:to\s+(?:flee|leave)|from|out))\b")
_PEOPLE_OUTCOME_BEFORE = re.compile(
    r"\b(?:killing|wounding|injuring|killed|injured|wounded|displaced|"
    r"displacing|uprooted|uprooting)\s+(?:at\s+least\s+|another\s+|"
    r"about\s+|some\s+|nearly\s+|more\s+than\s+|over\s+|an\s+estimated\s+|"
    r"around\s+)?$")
_FROM_HOMES = re.compile(r"^\s+(?:people\s+)?from\s+their\s+homes\b")
_IN_TREATMENT = re.compile(r"^\s+(?:more\s+)?(?:are\s+)?receiving\s+treatment\b")
_THINGS_OUTCOME_AFTER = re.compile(
    r"^\s+(?:others?\s+|more\s+)?(?:were\s+|was\s+|had\s+been\s+|have\s+been\s+)?"
    r"(?:left\s+)?(?:destroyed|seized|captured|abandoned|damaged|shot down|"
    r"intercepted|suppressed|downed|lost|sunk|fell\s+into)\b|"
    r"^\s+as\s+(?:destroyed|damaged|abandoned|captured)\b")
_OTHERS_OR_MORE = re.compile(r"^\s+(?:others?|more)\b")
_ANOTHER_OR_FURTHER_END = re.compile(r"\b(?:another|a\s+further)\s+$")
_NUMBER_OF_BEFORE = re.compile(r"\bnumber\s+of\s+((?:[\w'’-]+\s+){0,3}?([a-z]+))\b[^.]*$")
_CHANGED_COUNT = re.compile(
    r"\b(?:their|its|the)\s+(?:number|numbers|total|figure|count|tally|toll|"
    r"contingent|strength|size)\b[^.]{0,80}$|\b(?:raising|bringing|pushing|"
    r"taking|putting)\s+the\s+(?:total|number|figure|count|toll)\b|"
    r"\b(?:rose|risen|rising|increased|increasing|grown|grew|growing|reached|"
    r"reaching|climbed|climbing|jumped|fell|falling|dropped|dropping|declined|"
    r"passed|topped|exceeded|surpassed|raised\s+it|"
    r"declining)\s+(?:to\s+)?$|"
    # "multiplied from 73 to 108": the new figure counts what the old one counted
    r"\bfrom\s+(?:" + HEDGE_PHRASE + r"\s+)?\d[\d,.]*(?:\s+(?:thousand|million|billion))?"
    r"\s+to\s+(?:" + HEDGE_PHRASE + r"\s+)?$|"
    # "45,680 casualties in November, up from 41,980": the earlier level
    r"\b(?:up|down|rising|falling|higher|lower)\s+from\s+(?:" + HEDGE_PHRASE +
    r"\s+)?$",
    re.I)
_FOR_WHOM_AFTER = re.compile(r"^\s*(?:for|of|among)\s+(?:the\s+)?"
                             r"((?:[\w'’-]+\s+){0,3}?([a-z]+))\b")


# up to three capitalised words (a demonym, a name) right before a noun
_NAMES_BEFORE = re.compile(r"(?:\b[A-Z][\w'’-]*[ \t]+){1,3}$")
# words capitalised at a sentence's or a line's start that are no names: function words, a
# total's own words, and the calendar's (time.py's months and weekdays)
_NOT_NAMES = frozenset(
    "the a an its their his her this that these those some all any both many most other "
    "in on at by for from with of to and or but as after before during since while when "
    "about around nearly almost only total overall combined new".split()) | \
    frozenset(MONTHS) | frozenset(WEEKDAYS)


def _with_names(text: str, start: int, noun: str) -> str:
    """``noun`` with the capitalised words written right before it: "the number of North
    Korean troops ... at 11,000" counts North Korean troops, not troops; "the Russian force
    may number" a Russian force. Capitalised function words ("The", "In") are no names."""
    m = _NAMES_BEFORE.search(text, max(0, start - 60), start)
    if m is None or noun[:1].isupper():
        return noun  # "Killed", "Personnel": a label's word, after its heading
    words = m.group(0).split()
    while words and words[0].lower() in _NOT_NAMES:
        words = words[1:]
    return " ".join([*words, noun])


def subject_of(text: str, q: Quantity) -> str | None:
    """The noun a number counts as written after it ('48 of 61 drones': drones), or the
    currency of a sum."""
    if q.currency:
        return f"{q.currency}"
    if q.unit_span is None:
        return q.unit
    if q.unit_span.start >= q.span.end:
        phrase = text[q.span.end:q.unit_span.end].strip()
        if phrase.startswith("-strong"):
            phrase = phrase[len("-strong"):].strip()  # "the 8,700-strong task force"
        # "48 of 61 drones", "32 out of 44 Shaheds": the part counts the whole's noun,
        # not the whole's number
        phrase = _PART_OF_WHOLE.sub("", phrase)
        m = _FROM_NAMES.match(text, q.unit_span.end)
        if m:
            phrase = f"{phrase} from {m.group(1).strip()}"
        return phrase
    # "put the number of North Korean troops ... at 11,000": the noun said before the number
    return _with_names(text, q.unit_span.start, q.unit_span.text.strip())


# ``elided_subject`` searches the sentence before a number with each of these in turn, and
# most sentences hold none of the words one of them needs (a bracket, "with", "population",
# a verb of estimating): each behind the test for its words, which answers as it does
(_NOUN_BRACKET, PLACE_WITH, GROUP_OF, _DEATH_TOLL, PLACE_BRACKET, POPULATION, _NUMBER_OF_BEFORE,
 _ANOTHER_END) = (prefiltered(rx) for rx in (
    _NOUN_BRACKET, PLACE_WITH, GROUP_OF, _DEATH_TOLL, PLACE_BRACKET, POPULATION,
    _NUMBER_OF_BEFORE, _ANOTHER_END))
PUT_AT, _PEOPLE_OUTCOME_BEFORE, FOLLOW_ON_BEFORE = (
    prefiltered(rx, SLOW_SCAN) for rx in (PUT_AT, _PEOPLE_OUTCOME_BEFORE, FOLLOW_ON_BEFORE))


def elided_subject(doc: Doc, sent: Span, q: Quantity, earlier: list[Quantity],
                   last_unit: tuple[str | None, str | None]) -> tuple[str | None, str | None]:
    """'an increase in their number to 12,000', 'the total reached 5,000'."""
    before = doc.text[sent.start:q.span.start]
    if _OF_THEM.match(doc.text, q.span.end):
        # "27 of them", "95 of whom": a part of the group counted just before
        for e in reversed(earlier):
            if e.unit:
                return e.unit, subject_of(doc.text, e)
        if last_unit[0]:
            return last_unit
    after = doc.text[q.span.end:sent.end]
    m = _NOUN_BRACKET.search(before)
    if m and m.group(1).lower() in COUNTED and m.group(1).lower() not in NOT_COUNTED:
        # "no new losses of aircraft (357 in total)": the noun before the bracket
        return m.group(1).lower(), m.group(1)
    counted_before = _ends_on_count_verb(before)
    toll = _DEATH_TOLL.search(before) if counted_before else None
    for m in reversed(list(COUNT_VERB_BEFORE.finditer(before)) if counted_before else []):
        if toll is not None and toll.start() < m.start(1):
            # "the toll from an attack on a 35-vehicle convoy rose to eight": the toll's
            # count, not a noun of the phrase that says whose toll it is
            break
        word = m.group(1).lower()
        if word in COUNTED and word not in NOT_COUNTED:
            # "total casualties now stand at around 3,000", "whose fighters they
            # estimated at 3,000": the noun before the verb
            return word, _with_names(before, m.start(1), m.group(1))
        if word in _FORCE_NOUNS:
            # "the force may number 11,000", "the first contingent had been put at 10,000":
            # a body of troops sized by the verb
            return "troops", _with_names(before, m.start(1), m.group(1))
    m = _WERE_WHAT.match(after)
    if m:
        # "833 were Druze", "1,020 were civilians", "six are police officers"
        two = m.group(1).lower()
        one = two.split()[0]
        for phrase, text in ((two, m.group(1)), (one, m.group(1).split()[0])):
            if phrase in PEOPLE and phrase not in NOT_COUNTED and \
                    phrase not in ("dead", "wounded", "injured"):
                return phrase, text
    m = DEMONYM_AFTER.match(after)
    if m and (m.group("verb") or (earlier and _AND_END.search(before))):
        # "500,000 people had been evacuated. Of these, about 400,000 were Thai and
        # 101,000 Cambodian": the people counted before, by nationality
        for e in reversed(earlier):
            if e.unit and category(e) == "people":
                return e.unit, m.group("who")
        if last_unit[0] in PEOPLE:
            return last_unit[0], m.group("who")
    if POPULATION.search(before):
        return "people", "population"  # "a population of around 1.5 million"
    m = _DEATH_TOLL.search(before)
    if m and not (m.group("gap") is not None and _HURT_TOLL.search(
            before, 0, m.end("gap")) and not _DEAD_TOLL.match(before, m.start())):
        # (a plain toll after "4,000 killed or wounded" counts the same casualties)
        return "people", "people killed"  # "the death toll rose to 23"
    m = PUT_AT.search(before)
    if m:
        # "put total Russian personnel losses at around 18,900", "estimated the militia's
        # fighters at 3,000": the last counted word of the object, said before "at"
        words = m.group("np").split()
        for k in range(len(words) - 1, -1, -1):
            w = words[k].lower().strip("'’")
            if w in COUNTED and w not in NOT_COUNTED:
                return w, " ".join(words[max(0, k - 2):]) if k < len(words) - 1 else \
                    " ".join(words[max(0, k - 2):k + 1])
    m = _THE_NUMBER_OF_AFTER.match(after)
    if m and m.group(2) in COUNTED:
        # "bring to about 3,000 the number of soldiers"
        return m.group(2), m.group(1)
    item = colon_list_unit(doc.text, sent, q)
    if item:
        return item, item
    opens = _COLON_END.search(before)
    if (_LIST_JOIN_END.search(before) or opens) and (
            _LIST_BY_NAMED_PLACE.match(after) or _LIST_BY_PLACE.match(after)):
        # "11 drones were shot down over Belgorod, 28 over Voronezh and 17 over Rostov",
        # "17,000 people gone from Jenin camp, 6,000 from Nur Shams", "about 3,000 on the
        # west bank": the items of a list by place count what its first item counts
        for e in reversed(earlier):
            if e.unit:
                return e.unit, subject_of(doc.text, e)
        if opens and last_unit[0]:
            # "Most were downed over the border regions: 30 over Bryansk, 29 over Kursk":
            # a list by place after a colon counts what the sentence before counted
            return last_unit
    if (PLACE_BRACKET.search(before) and re.match(r"\s*\)", after)) or PLACE_WITH.search(before):
        # "reached Ethiopia (45,605) and Libya (1,395)", "ahead of Chad with 149,383": a
        # list of places, each with its share of what was counted before
        for e in reversed(earlier):
            if e.unit:
                return e.unit, subject_of(doc.text, e)
        if last_unit[0]:
            return last_unit
    if _ANOTHER_END.search(before) or _OTHERS_AFTER.match(after) or \
            _ANOTHER_LEAD.match(q.span.text):
        # "Another 226 were lost", "the other 117 were jammed", "the bodies of three
        # others": more of the thing counted just before
        for e in reversed(earlier):
            if e.unit:
                return e.unit, subject_of(doc.text, e)
        if last_unit[0]:
            return last_unit
    if _STILL_THERE.match(after):
        # "about 2,500 were still in the town", "29 survived", "441 were unaccounted
        # for": people counted before, where they are or what became of them
        for e in reversed(earlier):
            if e.unit and category(e) == "people":
                return e.unit, subject_of(doc.text, e)
        if last_unit[0] in PEOPLE:
            return last_unit
    head = table_header(doc, sent, q)
    if head:
        # a flattened table's cell counts what its column's header names
        word = head.lower()
        if word in COUNTED and word not in NOT_COUNTED:
            return word, head
        for w in _LOWER_WORD.findall(word):
            # "Soldiers wounded", "Rebels in group", "Missiles launched": the header's noun
            if (w in COUNTED or (w.endswith("s") and w[:-1] in COUNTED)) and \
                    w not in NOT_COUNTED:
                return w, head
        if any(rx.search(head) for st, rx in CUE_RX.items() if st in PEOPLE_OUTCOMES):
            return "people", f"people {word}"
    row = row_label(doc, sent, q)
    if row:
        return row  # "Tanks | 7,834 | 6" under "Equipment | Total | Past day"
    # ("one has been arrested", "45 were being treated", "one was declared dead")
    if _PEOPLE_OUTCOME_AFTER.match(after) or _PEOPLE_OUTCOME_BEFORE.search(before) \
            or _FROM_HOMES.match(after) or _IN_TREATMENT.match(after):
        # "4,000 killed or wounded", "300 were killed": the people counted go unsaid
        for e in reversed(earlier):
            if e.unit and category(e) == "people":
                return e.unit, subject_of(doc.text, e)
        if last_unit[0] and last_unit[0] in PEOPLE:
            return last_unit
        return "people", None
    if _THINGS_OUTCOME_AFTER.match(after) or FOLLOW_ON_BEFORE.search(before):
        # "3,704 tanks lost, of which 2,635 were destroyed and 534 were seized"
        for e in reversed(earlier):
            if e.unit:
                return e.unit, subject_of(doc.text, e)
        # "the worst month for Russian tanks, with 428 lost": the noun named before it
        nouns = [w for w in _LOWER_WORD.findall(before)
                 if w in WEAPONS and w not in NOT_COUNTED]
        if nouns:
            return nouns[-1], nouns[-1]
        if last_unit[0] and (_OTHERS_OR_MORE.match(after) or
                             _ANOTHER_OR_FURTHER_END.search(before) or
                             not q.value.is_integer() or q.value >= 10):
            # "23 drones were destroyed ... 5 more were downed", "Another 852 were left
            # damaged", "Ukrainian forces captured more than 3,000": a follow-on tally
            # of the thing counted just before
            return last_unit
    if GROUP_OF.search(before) and last_unit[0] in PEOPLE:
        return last_unit  # "a first contingent of 400 officers ... a second group of 600"
    m = _NUMBER_OF_BEFORE.search(before)
    if m:
        if m.group(2).lower() in COUNTED:
            return m.group(2).lower(), m.group(1)
        # "the number of police officers killed ... rose to 12": the noun may come after
        # a word that modifies it; the first counted word of the next few
        words = before[m.start(1):].split()[:4]
        for k, w in enumerate(words[1:], 1):
            w = w.strip(",;").lower()
            if not w.isalpha():
                break
            if w in COUNTED and w not in NOT_COUNTED:
                return w, " ".join(x.strip(",;") for x in words[:k + 1])
    if _CHANGED_COUNT.search(before):
        for e in reversed(earlier):
            # "the figure" restates a count of the same order ("3,000 ... the Pentagon
            # put the figure at 10,000"), not "50 howitzers" beside 10,900 soldiers
            if e.unit and comparable(e.value, q.value):
                return e.unit, subject_of(doc.text, e)
        m = _FOR_WHOM_AFTER.match(after)
        if m and m.group(2) in COUNTED and m.group(2) not in NOT_COUNTED:
            return m.group(2), m.group(1)  # "put the figure at 10.9k for the soldiers"
        if last_unit[0]:
            return last_unit
        if not earlier:
            return topic_noun(doc, sent)
    if clause_subject(doc.text, q.span.start, q.span.end, sent.start):
        # "Iran fired 16 missiles; 11 struck the base", "Of the 17 flown out, nine remain in
        # Germany": the subject of its clause, the thing counted just before
        for e in reversed(earlier):
            if e.unit:
                return e.unit, subject_of(doc.text, e)
        if last_unit[0]:
            return last_unit
    return None, None
