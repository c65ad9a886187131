"""Quantities: which numbers in a report count something a ledger wants, and what.

Reads each sentence's numbers (``numbers.py``), drops dates, times, years, ages,
designations and ordinals, joins ranges and hedges, and finds the counted noun after
the number ("3,000 North Korean troops"), in a list label before it
("tanks – 9,200"), or, when it is elided ("raising the total to 12,000"), earlier on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import islice

from intex.gazetteer import Gazetteer, default_gazetteer
from intex.gazetteer.normalize import key
from intex.model import Span
from intex.pipeline.alternation import grouped
from intex.pipeline.component import component
from intex.pipeline.doc import Doc, Quantity
from intex.pipeline.lexicon import (
    COUNTED,
    NOT_COUNTED,
    PEOPLE,
    PLACES,
    SEVERITY,
    STATUS_CUES,
    WEAPONS,
)
from intex.pipeline.multilingual import counted_after
from intex.pipeline.numbers import (
    CURRENCY_WORDS,
    DIGIT,
    EXACT_HEDGES,
    HEDGE_PHRASE,
    HEDGES_BEFORE,
    SCALES,
    UNITS,
    VAGUE,
    VAGUE_RANGES,
    Number,
    find_numbers,
)
from intex.pipeline.prefilter import prefiltered
from intex.pipeline.tail import search_tail
from intex.pipeline.time import find_dates

# "seven over the Rostov region, five over the Kursk region": a count by place, its noun
# given once before
BY_PLACE = re.compile(r"\s+(?:each\s+)?(?:over|in|near|at|across|around|on|from|to)\s+(?:the\s+)?"
                      r"(?:(?:outskirts|edge|skies|coast|district|region|area)\s+(?:of|over)\s+)?"
                      r"[A-Z]")
# a model designation is one word: "A6", "F-16s", "T-72B3", "Shahed-136/131"; so is a
# dotted abbreviation ("150 U.S. personnel", "two U.K. ships")
WORD = re.compile(r"(?:[A-Z]\.){2,}(?![A-Za-z])|[A-Za-z][A-Za-z'’-]*(?:\d+(?:/\d+)*[A-Za-z]*)*|"
                  r"\d+x\d+(?!\w)|\d[\d,.]*|[^\sA-Za-z\d]")
# people counted by what happened to them, the noun unsaid: "three were injured",
# "wounding four", "eight more were injured"
# ("two others were seriously injured", "five more who died in a road accident")
# ("three died inside the hall", "one was declared dead", "45 were being treated",
# "one has been arrested", "a dozen wounded and five killed")
OUTCOME_AFTER = re.compile(r"\s+(?:more\s+|others?\s+)?(?:(?:were|was|have\s+been|had\s+been|"
                           r"has\s+been|are|were\s+being|was\s+being|are\s+being)\s+"
                           r"(?:still\s+)?(?:" + SEVERITY + r"\s+)?(?:killed|injured|"
                           r"wounded|hurt|hospitali[sz]ed|receiving\s+treatment|missing|rescued|"
                           r"evacuated|arrested|detained|treated|declared\s+dead)\b|"
                           r"(?:who|that)\s+(?:had\s+|have\s+)?(?:later\s+)?died\b|"
                           r"(?:had\s+|have\s+)?(?:later\s+)?died\b|"
                           r"(?:killed|dead)\b(?!\s+(?:of|in)\b)|"
                           r"(?:" + SEVERITY + r"\s+)?(?:injured|wounded|hurt)\b"
                           r"(?!\s+(?:of|in)\b))|"
                           r"\s+(?:more\s+)?(?:are\s+)?receiving\s+treatment\b")
# a count a tally reaches, the noun named before it: "bringing the death toll to two"
TALLY_BEFORE = re.compile(r"\b(?:toll|total|tally|count|number\s+of\s+(?:the\s+)?dead)\b"
                          r"[^.;:]{0,100}?\b(?:to|at|reached|stands?|stood)\s+(?:at\s+)?$", re.I)
OUTCOME_BEFORE = re.compile(r"\b(?:killing|wounding|injuring|killed|injured|wounded)\s+"
                            r"(?:at\s+least\s+|another\s+)?$")
HEDGE_RX = re.compile(
    r"(?:^|(?<=[\s(\"“]))(?P<h>" + grouped("|".join(
        re.escape(h) for h in sorted(set(HEDGES_BEFORE), key=len, reverse=True)))
    + r")\s*(?:of\s+)?$", re.I)
# people counted as members of a family or a force ("members" alone counts nothing)
MEMBERS_OF = re.compile(r"\s+(?:[a-z]+\s+)?(?P<members>members)\s+of\s+(?:the\s+|their\s+|his\s+|"
                        r"her\s+|its\s+)?(?:[\w'’-]+\s+){0,2}?(?P<whole>families|family|forces|"
                        r"force|police|army|militia|militias|crew|crews)\b", re.I)
# members of an armed group, a gang or a named body ("11 members of the group", "two EMC
# members", "a hundred members"), not of a parliament, council or other assembly
MEMBERS = re.compile(r"\s+(?:(?:[A-Z][\w'’.-]*|gang|militia|group|rebel|cartel|armed|suspected|"
                     r"alleged|former|senior|known|"
                     r"insurgent|militant|cell)\s+){0,3}(?P<members>members)\b(?!\s+of\s+"
                     r"(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,2}?(?i:parliament|"
                     r"congress|council|committee|board|assembly|senate|house|cabinet|"
                     r"delegation|commission|alliance|union|club|panel|jury|bloc|coalition|"
                     r"group\s+of\s+(?:seven|twenty)|G7|G20|NATO|EU|OPEC|UN)\b)"
                     r"(?!\s+(?:states|countries|nations)\b)")
# counted words that often only measure the noun after "of": "units of equipment"
PARTITIVE_UNITS = {"units", "pieces", "items"}
PARTITIVE_DETERMINERS = {"the", "its", "their", "his", "her", "our", "those", "these"}
RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|and|or)\s*$", re.I)
AGE = re.compile(r"^\s*-?\s*(?:year|yr)s?[- ]old|^\s*years?\s+old|^\s*years\s+of\s+age", re.I)
MODIFIER_OK = re.compile(r"^(?:[A-Z][\w'’./-]*|[a-z][\w-]*(?:ian|ese|ish|ean|an|ed|al|ic|ive|"
                         r"ary|ern|ing|ful|less|ous|ble|ly)|new|more|other|further|additional|"
                         r"extra|foreign|regular|elite|active|former|young|old|small|large|"
                         r"heavy|light|total|combined|enemy|own|pro|anti|long|short|high|low|"
                         r"air|sea|land|ground|combat|war|attack|strike|kamikaze|ballistic|"
                         r"cruise|guided|army|military|civilian|armoured|armored|\d+mm|"
                         r"machine|grenade|patrol|riverine|assault|sniper|rocket|mortar|main|"
                         r"battle|"
                         r"artillery|naval|transport|utility|cargo|fuel|medical|"
                         r"[\w]+-\w+)$")
UNIT_LIST_LABEL = re.compile(r"([A-Za-z][A-Za-z /()-]{1,60}?)\s*(?:[-–—:]|\bat\b|\bto\b)\s*"
                             r"(?:about|around|approximately|some|over|more than|up to)?\s*$")
NUMBER_OF_NOUN = re.compile(r"\b(?:number|total|count|tally)\s+of\s+(?:the\s+)?"
                            r"(?:[\w'’-]+\s+){0,2}?([a-z]+)\b(?![-'’])"
                            r"(?![^.;]*\b(?:number|total)\s+of\b)")
# what text[:start] must end with for UNIT_LIST_LABEL to match there: a cheap test first
LIST_LABEL_ENDS = ("-", "–", "—", ":", "at", "to", "about", "around", "approximately", "some",
                   "over", "more than", "up to")
# "one in four people", "three in every ten inhabitants": a share of a whole, no count
_SMALL = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|a\s+hundred)"
FRACTION_AFTER = re.compile(r"\s+in\s+(?:every\s+)?" + _SMALL + r"\b", re.I)
FRACTION_BEFORE = re.compile(r"\b" + _SMALL + r"\s+in\s+(?:every\s+)?$", re.I)
# verbs that take a count of things as their object and say what became of it: a word
# number after them counts the noun named before ("seized one vessel and sank two")
GOVERNING_BEFORE = re.compile(r"\b(?:sank|sunk|seized|captured|destroyed|downed|shot\s+down|"
                              r"intercepted|abandoned|damaged|killed|wounded|injured|struck|"
                              r"hit|lost)\s+(?:another\s+|a\s+further\s+)?$", re.I)
RISE = re.compile(r"\b(?:rose|risen|rise|rising|increased|increase|increasing|grew|grown|"
                  r"jumped|climbed|fell|fallen|dropped|decreased|declined|doubled|tripled|"
                  r"multiplied|soared|surged|swelled|shrank|shrunk)\b",
                  re.I)


# the size of a place described in passing, not a count of what befell anyone
# ("home to 400,000 displaced people" is who is there now: a count the ledger keeps)
PLACE_SIZE = re.compile(r"\b(?:(?:a|the)\s+(?:[a-z]+\s+)?(?:town|city|village|"
                        r"port|settlement|community)\s+of)\s+(?:(?:some|about|around|roughly|"
                        r"nearly|almost|over|more\s+than|fewer\s+than|an\s+estimated|"
                        r"approximately)\s+)?$", re.I)


# a number that is its clause's subject, the noun said in a count before it: "Three fell
# short, 11 struck the base", "Nine remain in Germany", "Of these, 25 took place in the
# north", "one was shot down", "Around 1.2 million, most of whom fled", "Ten of them were
# members of the police"
_CLAUSE_LEAD = r"(?:only\s+|another\s+|a\s+further\s+|(?:" + HEDGE_PHRASE + r")\s+)?"
CLAUSE_START_BEFORE = re.compile(r"(?:[,;:]\s*|\b(?:and|while|whereas|but)\s+)" + _CLAUSE_LEAD
                                 + r"$", re.I)
SENTENCE_START_BEFORE = re.compile(r"\s*" + _CLAUSE_LEAD, re.I)
CLAUSE_VERB_AFTER = re.compile(
    r"\s+(?:more\s+|others?\s+|of\s+(?:them|those|these)\s+)?(?:then\s+|still\s+|also\s+)?"
    r"(?:were|was|are|have|had|has|remain|remains|remained|fell|struck|hit|landed|"
    r"took\s+place|went|came)\b|"
    r"\s*,\s+(?:most|many|all|some|half|none|several|\d[\d,]*)\s+of\s+whom\b")


def clause_subject(text: str, start: int, end: int, lo: int = 0) -> bool:
    """Whether the number at ``start:end`` begins its clause and a verb follows it."""
    if CLAUSE_VERB_AFTER.match(text, end) is None:
        return False
    if start - lo <= 40 and SENTENCE_START_BEFORE.fullmatch(text, lo, start):
        return True  # the sentence's own subject
    return CLAUSE_START_BEFORE.search(text, max(lo, start - 40), start) is not None


# the people counted are the speakers: who told the story, not what befell anyone
SPEAKERS_AFTER = re.compile(r"(?:\s+(?:in|at|from|of|near|on)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?"
                            r"[\w'’-]+)?\s+(?:said|say|says|told|tell|tells|interviewed|"
                            r"spoke|described|recounted)\b")
SPOKE_TO = re.compile(r"\b(?:spoke|spoken|talked|talking|speaking)\s+(?:to|with)\s+$|"
                      r"\binterviewed\s+$", re.I)


def _hedge(sentence: str, start: int) -> tuple[int, bool] | None:
    m = HEDGE_RX.search(sentence[max(0, start - 30):start])
    if not m:
        return None
    h = m.group("h").lower()
    return start - (len(sentence[max(0, start - 30):start]) - m.start("h")), h not in EXACT_HEDGES


# what ``_is_noise`` reads around a number, compiled once
_PRONOUN_ONE = re.compile(r"\b(?:every|each|any|no|which|the)\s+$", re.I)
_ONE_OF = re.compile(r"\s+of\s+(?:the|them|which|whom|those|these)\b", re.I)
_CAPACITY = re.compile(r"\bcapacity\s+(?:of|for)\s+(?:up\s+to\s+|about\s+|some\s+|around\s+)?$",
                       re.I)
_LETTER_BEFORE = re.compile(r"[A-Za-zА-Яа-я]-?$")
_NAME_BEFORE = re.compile(r"(?<![.!?:]\s)\b[A-Z][a-z]{2,}\s$")
_MONTH_OR_DAY_BEFORE = re.compile(r"\b(?:January|February|March|April|May|June|July|August|"
                                  r"September|October|November|December|Monday|Tuesday|"
                                  r"Wednesday|Thursday|Friday|Saturday|Sunday)\s$")
_MODEL_WORD_BEFORE = re.compile(r"(?<![.!?:]\s)\b(?:[A-Z]{2,4}|Project|Type|Model|Class|Mark|"
                                r"Series)\s$")
_UP_TO_FOUR_DIGITS = re.compile(r"\d{1,4}")
_TWO_ACRONYMS_BEFORE = re.compile(r"[A-Z]{2,}[\W]+[A-Z]{2,}\s$")
_ORDINAL_OR_MEASURE = re.compile(r"^(?:st|nd|rd|th)\b|^[A-Za-z]{1,3}\d|^\d")
_LENGTH_OR_WEIGHT = re.compile(r"^\s*(?:-|–)?\s*(?:mm|cm|km|kg|caliber|calibre|millimet)", re.I)
_TIME_AFTER = re.compile(r"^\s*[:.]\d|^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|hrs\b|h\b|GMT|UTC|"
                         r"Kyiv time)", re.I)
_SLASH_OR_COLON = re.compile(r"[:/]\s*$")
_YEAR = re.compile(r"(?:19|20)\d\d")
_LABEL_BEFORE = re.compile(r"\b(?:No|no|Nr|nr|#|Article|article|Resolution|resolution|Section|"
                           r"section|page|Page|Chapter|chapter|number|Number|Law|law|Decree|decree|"
                           r"Brigade|brigade|Unit|unit|Division|division|Regiment|regiment|Corps|"
                           r"Battalion|Flight|flight|Route|route|Highway|highway|Track|track|"
                           r"Block|block|Building|building|Apartment|apartment|Level|level|Phase|"
                           r"phase|Stage|stage|Room|room|Gate|gate|Terminal|Episode|episode|Part|"
                           r"part|Vol|vol|Item|item|Point|Paragraph|Issue|issue|Edition|"
                           r"edition|Bulletin|bulletin)\.?\s*$|"
                           # a unit's name in a language that writes it as one word:
                           # "Panzerbataillon 203", "Jägerregiment 1"
                           r"[a-zäöü](?:bataillon|brigade|regiment)\s*$")
_AGED_BEFORE = re.compile(r"\b(?:aged|age of|ages)\s*$")
_YEARS_AFTER = re.compile(r"^\s*(?:\)|,)?\s*(?:years|year)\b")
_OPEN_BRACKET_BEFORE = re.compile(r"\(\s*$")
_PERCENT_AFTER = re.compile(r"^\s*(?:%|percent|per cent|pct|percentage)", re.I)
_PHONE = re.compile(r"\+\d?[\d ()-]{6,}$")


# ``_is_noise`` asks these of the sentence before every number: the rare words they need
# tested first ("capacity", "town"...), and the end FRACTION_BEFORE needs ("in", "every"),
# searched from near the end (tail.py), before the scans themselves
_CAPACITY, PLACE_SIZE = prefiltered(_CAPACITY), prefiltered(PLACE_SIZE)
_SHARE_WORD_END = re.compile(r"(?:in|every)\s+$", re.I)


# what a toll may count when a list label names it ("the toll of dead to three")
_TOLL_NOUNS = {"dead", "deaths", "killed", "fatalities", "casualties", "victims", "people",
               "lives", "bodies"}


def adds_up(whole: float, parts: list[float]) -> bool:
    """Whether two or more figures said after a total split it ("10,000 troops, with
    4,000 at the border and 6,000 in reserve"): they sum to it, give or take rounding."""
    return len(parts) >= 2 and whole > 0 and 0.9 * whole <= sum(parts) <= 1.02 * whole


# what may stand between a total and the figures that split it: no end of a clause
_BREAKDOWN_GAP = re.compile(r"[^.;?!]*")


def breakdown_whole(text: str, whole: tuple[int, float] | None, at: int,
                    rest: list[tuple[int, float]]) -> bool:
    """Whether the figure at ``at`` is one of the parts ``rest`` (each its start and value,
    the figure's own among them) of the total ``whole`` (its end and value) said before
    them in the sentence."""
    if whole is None or not _BREAKDOWN_GAP.fullmatch(text, whole[0], at):
        return False
    return adds_up(whole[1], [v for s, v in rest if s >= whole[0]])


# "number" as a verb, not a label: "the force may number 11,000", "they could number 500"
_NUMBER_AS_VERB = re.compile(r"\b(?:may|might|can|could|would|will|to|now|already|still)\s+"
                             r"number\s*$", re.I)


def _is_noise(sentence: str, n: Number, dates: list[tuple[int, int, str]]) -> bool:
    before, after = sentence[:n.start], sentence[n.end:]
    if n.text.lower() == "one" and _PRONOUN_ONE.search(before):
        return True  # "every one of those figures", "no one": a pronoun, not a count
    if n.text.lower() == "one" and _ONE_OF.match(after):
        return True  # "one of the dead was a farmer", "one of which crossed": someone singled out
    if any(s <= n.start < e or s < n.end <= e for s, e, _ in dates):
        return True
    if _CAPACITY.search(before):
        return True  # "storage capacity for 3 million barrels": what fits, not what is
    if PLACE_SIZE.search(before[-60:]):
        return True  # "a town of some 60,000 people": a place's size
    if FRACTION_AFTER.match(after) or (search_tail(_SHARE_WORD_END, before, 5) and
                                       FRACTION_BEFORE.search(before)):
        return True  # "one in four people", "three in every ten": a share, not a count
    if not n.words:
        if _LETTER_BEFORE.search(before[-2:]) and not n.currency:
            return True  # S-300, Su-34, G7, Covid-19
        if DIGIT.fullmatch(n.text) and _NAME_BEFORE.search(before) \
                and not _MONTH_OR_DAY_BEFORE.search(before) \
                and before.strip():
            return True  # a model's mark: Leopard 2, Challenger 2, Patriot 3
        if search_tail(_MODEL_WORD_BEFORE, before, 7) and not n.currency and \
                _UP_TO_FOUR_DIGITS.fullmatch(n.text) and not _TWO_ACRONYMS_BEFORE.search(before):
            return True  # a model's number: "Project 775 landing ship", "CV 90 vehicles"
        if _ORDINAL_OR_MEASURE.match(after):
            return True  # ordinals, 155mm
        if _LENGTH_OR_WEIGHT.match(after):
            return True
        if _TIME_AFTER.match(after):
            return True  # times
        if _SLASH_OR_COLON.search(before[-1:]) and DIGIT.match(n.text):
            return True
        if (not n.currency and _YEAR.fullmatch(n.text)):
            return True  # a year
        if search_tail(_LABEL_BEFORE, before, 11) and not _NUMBER_AS_VERB.search(before[-30:]):
            return True  # "Brigade 47", "number 5" (but "the force may number 11,000")
        if AGE.match(after) or search_tail(_AGED_BEFORE, before, 6):
            return True
        if _YEARS_AFTER.match(after) and _OPEN_BRACKET_BEFORE.search(before):
            return True
        if _PERCENT_AFTER.match(after):
            return False
        if _PHONE.search(before + n.text):
            return True  # phone numbers
    return False


# what the scans after a number read, compiled once (matched from the number's end)
_PLURAL_AFTER = re.compile(r"\s+((?:[A-Za-z][\w-]*\s+){0,2}?)([a-z][a-z-]{2,}[a-rt-z]s)\b")
_AUXILIARIES = re.compile(r"\s*(?:(?:were|was|have|had|has|are|been|being|also|all)\s+){0,2}")
_VERB_BEFORE = re.compile(r"\b(\w+(?:\s+\w+)?)\s+(?:(?:the|another|some|at least|over|more "
                          r"than|about|around|nearly)\s+)?$")
_CURRENCY_WORD = re.compile(r"\s*(?:US\s+|U\.S\.\s+)?([A-Za-z]+)\b")
_ARE_WHAT = re.compile(r"\s+(?:are|were)\s+(?:also\s+|all\s+)?([a-z]+)(?:\s+([a-z]+))?")
_FIRST_WORD = re.compile(r"\s*([A-Za-z][A-Za-z'’-]*)")
_OR_SO = re.compile(r"\s+or\s+so\b")
_PERCENT_SIGN = re.compile(r"\s*(?:%|percent|per cent|pct)", re.I)
_CLAUSE_GOES_NO_FURTHER = re.compile(r"\s*(?:[.;,]|and\b|in\b|on\b|$)")


# words that may stand between a number and a counted noun without naming a kind of it:
# "24 were civilians", "2 dozen hostages", "50 such incidents", "15 more troops"
_NOT_A_KIND = {"was", "were", "are", "is", "be", "been", "being", "have", "has", "had",
               "such", "dozen", "dozens", "score", "scores", "more", "most", "fewer", "less",
               "other", "these", "those", "them", "their", "its", "his", "her", "our", "your",
               "than", "as", "who", "which", "that", "also", "all", "both", "each", "only",
               "just", "some", "any", "many", "few", "several", "not", "no", "so",
               "too", "very", "then", "now", "still", "already", "yet", "again", "per"}


# the word tests _unit_after runs on each word after a number, compiled once
_FIGURE_WORD = re.compile(r"\d[\d,.]*")  # "17 of the 22 drones"
_MODEL_MARK = re.compile(r"\d{1,2}")  # "two Leopard 2 battalions"
_DRIVE = re.compile(r"\d+x\d+")  # a vehicle's wheels and driven wheels: "4x4", "8x8"
_HYPHENATED = re.compile(r"[a-z]+(?:-[a-z]+)+")  # "six surface-to-air missiles"


def _unit_after(sentence: str, pos: int) -> tuple[str | None, int, int]:
    """The counted noun after ``pos``: (unit, start, end) or (None, pos, pos)."""
    rest = sentence[pos:]
    m = MEMBERS_OF.match(rest)
    if m:
        # "134 members of their families", "231 members of the security forces"
        unit = "family members" if m.group("whole").lower().startswith("famil") else "personnel"
        return unit, pos + m.start("members"), pos + m.end()
    m = MEMBERS.match(rest)
    if m:
        return "members", pos + m.start("members"), pos + m.end("members")
    words = [(m.group(0), m.start(), m.end()) for m in islice(WORD.finditer(rest), 9)]
    i = 0
    if words and words[0][0].lower() == "of":  # "5,000 of them", "thousands of people"
        i = 1
        # "17 of the 22 drones", "14 of its Challenger 2 tanks": the part counts the whole's noun
        while i < len(words) and (words[i][0].lower() in PARTITIVE_DETERMINERS or
                                  _FIGURE_WORD.fullmatch(words[i][0])):
            i += 1
    # a counted phrase of up to three words straight away or after modifiers
    best = None
    while i < len(words):
        w = words[i][0]
        lw = w.lower()
        for n in (4, 3, 2, 1):
            if i + n <= len(words):
                phrase = " ".join(x[0] for x in words[i:i + n]).lower()
                if phrase in COUNTED or (n == 1 and lw.endswith("s") and lw[:-1] in COUNTED):
                    best = (phrase, words[i][1], words[i + n - 1][2])
                    break
        if best:
            break
        model_mark = (_MODEL_MARK.fullmatch(w) and i > 0 and words[i - 1][0][:1].isupper()) or \
            _DRIVE.fullmatch(w)  # "14 Guarani 6x6 armoured personnel carriers"
        # one plain noun naming a kind of the counted noun after it: "400 dock workers"
        # ("three Chinese navy corvettes", "eight government vessels": after other modifiers too)
        kind_of = (w.isalpha() and w.islower() and lw not in NOT_COUNTED and
                   lw not in _NOT_A_KIND and lw not in UNITS and lw not in SCALES and
                   not lw.endswith("est") and _match_counted(words, i + 1) is not None)
        # "350 Army and Air Force personnel", "18 coastal and riverine patrol boats": two
        # qualifiers of one noun
        names = lw == "and" and 0 < i < len(words) - 1 and \
            bool(MODIFIER_OK.match(words[i - 1][0])) and bool(MODIFIER_OK.match(words[i + 1][0]))
        # "Four United Nations peacekeepers": a word of a name is no uncounted noun
        in_name = w[:1].isupper() and i > 0 and words[i - 1][0][:1].isupper()
        # "six surface-to-air missiles", "long-range drones": a hyphenated modifier
        compound = bool(_HYPHENATED.fullmatch(w)) and \
            _match_counted(words, i + 1) is not None
        if (lw in NOT_COUNTED and not names and not in_name) or not (
                MODIFIER_OK.match(w) or model_mark or kind_of or names or compound or
                lw in ("'s", "’s")):
            break  # ("two Leopard 2 battalions": the mark is part of the name)
        if w in (",", ".", ";", ":", "(", ")"):
            break
        i += 1
    if best:
        best = _head_noun(words, i + len(best[0].split()), best)
        return best[0], pos + best[1], pos + best[2]
    return None, pos, pos


def _match_counted(words: list[tuple[str, int, int]], i: int) -> tuple[str, int, int] | None:
    for n in (4, 3, 2, 1):
        if i + n <= len(words):
            phrase = " ".join(x[0] for x in words[i:i + n]).lower()
            lw = words[i][0].lower()
            if phrase in COUNTED or (n == 1 and lw.endswith("s") and lw[:-1] in COUNTED):
                return phrase, words[i][1], words[i + n - 1][2]
    return None


def _head_noun(words: list[tuple[str, int, int]], j: int,
               best: tuple[str, int, int]) -> tuple[str, int, int]:
    """A counted word that only qualifies the noun after it: "two wounded North Korean
    soldiers", "900 infantry fighting vehicles", "7,700 units of weapons": the head noun
    at the end of the phrase is what is counted."""
    if best[0] in PARTITIVE_UNITS and j < len(words) and words[j][0].lower() == "of":
        j += 1
    for k in range(j, min(j + 4, len(words))):
        hit = _match_counted(words, k)
        if hit:
            return hit
        w = words[k][0]
        if w.lower() == "and" and best[0] in ("attack", "strike", "assault", "combat") and \
                k + 2 < len(words) and re.fullmatch(r"[a-z][\w-]*", words[k + 1][0]):
            # "112 attack and decoy drones": both words qualify the drones
            hit = _match_counted(words, k + 2)
            if hit and hit[0] in WEAPONS | PEOPLE:
                return hit
        if w.lower() in NOT_COUNTED or w.lower() == "and" or not MODIFIER_OK.match(w):
            break
    return best


# statuses a verb states outright: what a number with an unknown noun must be governed by
_OUTRIGHT = ("killed", "wounded", "casualties", "captured", "displaced", "supplied", "destroyed",
             "launched", "intercepted", "sent", "deployed")
_WEAK_CUES = {"number", "numbers", "present", "need", "needs", "aid", "worth", "package",
              "fire", "fight", "give", "lost", "losses", "toll", "used", "attack", "attacks"}


@lru_cache(maxsize=1)
def _status_verbs() -> re.Pattern[str]:
    words = sorted({c for st in _OUTRIGHT for c in STATUS_CUES[st] if c not in _WEAK_CUES} |
                   set(_OTHER_GOVERNING), key=len, reverse=True)
    return re.compile(r"\b(?:" + grouped("|".join(re.escape(w) for w in words)) + r")\b", re.I)


# verbs that govern a count without stating one of the ledger's outcomes: "37 barges were
# stranded", "idled 97 boats", "16 donkeys died"
_OTHER_GOVERNING = ("stranded", "stuck", "idled", "grounded", "damaged", "abandoned", "seized",
                    "rescued", "died", "sunk", "sank", "missing", "freed", "released",
                    "evacuated", "looted", "burned", "burnt", "hit", "struck")


def _governed_plural(sentence: str, start: int, pos: int,
                     words: bool = False) -> tuple[str | None, int, int]:
    """Digits before a plural noun the lexicon lacks ("12 ambulances were sent", "they
    destroyed 37 barges"): counted when a status verb governs the noun, right after it
    or right before the number, so that a ledger does not lose what it does not list."""
    m = _PLURAL_AFTER.match(sentence, pos)
    if not m or m.group(2) in NOT_COUNTED or m.group(2).rstrip("s") in NOT_COUNTED:
        return None, pos, pos
    if any(not MODIFIER_OK.match(w) or w.lower() in NOT_COUNTED for w in m.group(1).split()):
        return None, pos, pos
    after = sentence[m.end():m.end() + 40]
    before = sentence[max(0, start - 30):start]
    verbs = _status_verbs()
    governed = _AUXILIARIES.match(after)
    follows = governed is not None and verbs.match(after, governed.end())
    precedes = _VERB_BEFORE.search(before)
    led = precedes is not None and verbs.fullmatch(precedes.group(1).split()[-1])
    if follows or (led and not words):  # "struck two air bases": the places hit
        return m.group(2), m.start(2), m.end(2)
    return None, pos, pos


# what a line label names when it is not a counted noun: the people an outcome befell
_OUTCOME_LABELS = {"killed", "dead", "deaths", "injured", "wounded", "displaced", "missing",
                   "evacuated", "detained", "captured", "fatalities", "hurt", "arrested"}


# the patterns ``_line_label`` reads, compiled once
# a label, a colon (a hedge may follow) before the figure
_LABEL_COLON = re.compile(r"\s*([A-Za-z][^:|]{1,70}?)\s*:\s*(?:(?:about|around|approximately|"
                          r"some|over|more than|nearly|almost|at least|up to)\s+)?")
_WORD = re.compile(r"[A-Za-z][\w-]*")


def _line_label(sentence: str, start: int) -> tuple[str | None, int, int]:
    """'Airstrikes in the past 24 hours: 125', 'Total killed: 2,634', 'Shelters opened:
    1,097': a line whose label before a colon names what the figure after it counts; the
    label's first counted noun, or the people an outcome word names."""
    m = _LABEL_COLON.fullmatch(sentence[:start])
    if not m or len(m.group(1).split()) > 10:
        return None, start, start
    for w in _WORD.finditer(m.group(1)):
        lw = w.group(0).lower()
        if lw in NOT_COUNTED:
            continue
        if lw in COUNTED or (lw.endswith("s") and lw[:-1] in COUNTED):
            return lw, w.start(), w.end()
        if lw in _OUTCOME_LABELS:
            return "people", w.start(), w.end()
    return None, start, start


def _currency_after(sentence: str, pos: int) -> tuple[str | None, int]:
    m = _CURRENCY_WORD.match(sentence, pos)
    if m and m.group(1).lower() in CURRENCY_WORDS:
        return CURRENCY_WORDS[m.group(1).lower()], m.end()
    return None, pos


# an aircraft or drone counted by its model alone: "one MiG-29", "three MQ-9s", "two F-16s"
MODEL_NOUN = re.compile(r"\s+((?:[A-Z][A-Za-z]*-\d+[A-Za-z]*|[A-Z]{1,3}\d+[A-Za-z]*)(?:['’]?s)?)"
                        r"(?![\w-]|\s+[a-z]+s\b)")
# a deed done N times to a place: "drones struck Port Sudan three times", "the enemy
# attacked 12 times", "detonated blasting powder 60 times" (no "times" of a ratio)
TIMES_AFTER = re.compile(r"\s+times\b(?!\s+(?:more|less|fewer|as|the|higher|lower|over))",
                         re.I)
ATTACK_VERB = re.compile(r"\b(?:attacked|struck|hit|shelled|bombed|fired|launched|detonated|"
                         r"targeted|stormed|raided|assaulted|rocketed)\b", re.I)


# "the 8,700-strong task force", "a 1,500-strong contingent": a body of troops sized by
# the figure before "-strong"
STRONG_FORCE = re.compile(r"-strong\s+(?P<phrase>(?:[\w-]+\s+){0,3}?(?P<force>(?:task\s+)?force|"
                          r"contingent|army|brigade|battalion|regiment|division|garrison|militia|mission|"
                          r"deployment|unit|corps|detachment)s?)\b", re.I)


def _strong_force(sentence: str, pos: int) -> tuple[str | None, int, int]:
    m = STRONG_FORCE.match(sentence, pos)
    if m is None:
        return None, pos, pos
    return "troops", m.start("phrase"), m.end("force")


VIOLATE_VERB = re.compile(r"\b(?:violated|violating|breached|breaching|intruded|"
                          r"intruding|crossed)\b", re.I)
TIMES_THAT_ATTACK = re.compile(r"\s+(?:that|when)\s+[^.;:]{0,40}?\b(?:attack|attacked|attacking|"
                               r"struck|striking|raided|raiding|stormed)\b", re.I)


_BEFALLEN = (r"(?:was|has\s+been|had\s+been)\s+(?:(?:also|later|reportedly)\s+)?(?:killed|"
             r"wounded|injured|shot\s+dead|shot|hurt|abducted|kidnapped|captured|taken\s+hostage)|"
             r"died|drowned")


# one of a force or of those who fight it, the people a report counts one by one
_ONE_OF_A_FORCE = {
    "soldier", "serviceman", "servicewoman", "service member", "servicemember", "marine",
    "sailor", "airman", "pilot", "officer", "police officer", "policeman", "paratrooper",
    "commando", "conscript", "reservist", "peacekeeper", "blue helmet", "guard",
    "border guard", "gendarme", "guardsman", "contractor", "sergeant", "corporal", "private",
    "lieutenant", "captain", "colonel", "fighter", "militant", "rebel", "insurgent",
    "attacker", "gunman", "militiaman",
}


@lru_cache(maxsize=1)
def _one_befallen() -> re.Pattern[str]:
    """"a soldier was killed", "an American contractor died", "another was wounded": one
    person, counted by the article before a singular noun of the people the ledger counts,
    when the outcome is said of them straight after."""
    singular = sorted(_ONE_OF_A_FORCE, key=len, reverse=True)
    nouns = "|".join(re.escape(w) for w in singular)
    return re.compile(r"(?<![\w-])(?P<art>[Aa]n?|[Aa]nother)\s+(?:(?P<noun>(?:[A-Z][\w.-]*\s+|"
                      r"[a-z][\w-]*(?:ian|ese|ish|an|i)\s+)?(?:" + nouns + r"))\s+)?"
                      r"(?:" + _BEFALLEN + r")\b")


def _model_or_times(sentence: str, start: int, pos: int) -> tuple[str | None, int, int]:
    """What a number counts when no noun follows it but a model name ("one MiG-29") or the
    times a deed was done ("struck the port three times": attacks)."""
    m = MODEL_NOUN.match(sentence, pos)
    if m:
        return m.group(1), m.start(1), m.end(1)
    t = TIMES_AFTER.match(sentence, pos)
    if t and ATTACK_VERB.search(sentence, max(0, start - 60), start) and \
            not re.search(r"[.;:]", sentence[max(0, start - 60):start]):
        return "attacks", t.start() + 1, t.end()
    if t and VIOLATE_VERB.search(sentence, max(0, start - 60), start) and \
            not re.search(r"[.;:]", sentence[max(0, start - 60):start]):
        return "violations", t.start() + 1, t.end()  # "violated the airspace four times"
    if t and TIMES_THAT_ATTACK.match(sentence, t.end()):
        return "attacks", t.start() + 1, t.end()  # "the fifth time that gunmen have attacked"
    return None, pos, pos


# a nationality used as a noun: at the end of the phrase, not before one ("Russian regions")
NATIONALS = re.compile(r"\s+([A-Z][a-z]{2,})\b(?=\s*(?:[,.;:)]|$)|\s+(?:and|or|were|was|had|"
                       r"have|has|are|is|who|that|in|from|to|at|on|into|among)\b)")


def _nationals(sentence: str, pos: int,
               is_demonym: Callable[[str], bool]) -> tuple[str | None, int, int]:
    """People named by a nationality after the number: "three Serbs were killed", "1,000
    Colombians have crossed", "one Filipino" (a demonym of the gazetteer, or its stem:
    Serbs / Serbian)."""
    m = NATIONALS.match(sentence, pos)
    if m is None:
        return None, pos, pos
    w = m.group(1)
    stem = w[:-1] if w.endswith("s") else w
    if is_demonym(w) or is_demonym(stem) or (w.endswith("s") and is_demonym(stem + "ian")):
        return w, m.start(1), m.end(1)
    return None, pos, pos


def _are_people(sentence: str, pos: int) -> bool:
    """"two are officers", "six were police officers": a count of people said after it."""
    m = _ARE_WHAT.match(sentence, pos)
    return bool(m) and (m.group(1) in PEOPLE or f"{m.group(1)} {m.group(2)}" in PEOPLE) and \
        m.group(1) not in ("dead", "wounded", "injured")


def _first_word_after(sentence: str, pos: int) -> str:
    m = _FIRST_WORD.match(sentence, pos)
    return m.group(1).lower() if m else ""


_QUOTE_MARKS = re.compile(r'["\u201c\u201d]')


# a clause joined to the one before it that leaves out its verb ("eight were injured and
# six abducted", "five were in a serious condition, three in a moderate one"): the joint
# before the number, the verb after the number before it, and what follows the number
_GAP_JOINT = re.compile(r"(?:,|\band|;)\s*$")
_GAP_VERB = re.compile(r"(?:\s+[a-z]+){0,2}?\s+(?:were|are|was|is|had\s+been|have\s+been|"
                       r"remain|remained)\s+(?:still\s+)?(?P<prep>in|at|on|under)?\b")
_GAP_PARTICIPLE = re.compile(r"\s+(?:killed|injured|wounded|hurt|abducted|kidnapped|missing|"
                             r"detained|arrested|rescued|freed|released|captured|evacuated|"
                             r"hospitali[sz]ed)\b")


def gapped(text: str, prev_end: int, start: int, end: int) -> bool:
    """Whether the number at ``start``..``end`` opens a clause that leaves out the verb
    said after the number before it (which ends at ``prev_end``)."""
    if not _GAP_JOINT.search(text[max(0, start - 6):start]):
        return False
    m = _GAP_VERB.match(text, prev_end)
    if m is None or m.end() > start:
        return False
    if _GAP_PARTICIPLE.match(text, end):
        return True
    return bool(m.group("prep")) and re.match(r"\s+" + m.group("prep") + r"\b",
                                              text[end:]) is not None


# "three were killed and two others injured", "detained six more": more of what the
# sentence counted before
# "27 boys slept in one dormitory ... while the other eight were day scholars"
_THE_OTHER_BEFORE = re.compile(r"\bthe\s+other\s+$", re.I)
_MORE_OF_IT = re.compile(r"\s+(?:others|more)\b(?!\s+than\b)(?=\s*(?:[,.;:)]|$)|\s+(?:were|was|"
                           r"are|is|had|have|has|in|at|on|as|from|to|over|near|who|that|and|or|"
                           r"died|fled|remain|remained|later|still|managed|could|would|will|may|"
                           r"might|back|home|away|out|off|[a-z]+ly)\b)")


def _last_counted(found: list[Quantity], base: int) -> tuple[int, float] | None:
    """The end (in the sentence) and value of the last figure found with a noun after
    it (not one that takes a noun said before it, as the parts of a list do)."""
    for q in reversed(found):
        if q.unit and not q.percent and not q.currency and q.unit_span is not None and \
                q.unit_span.start >= q.span.end:
            return q.span.end - base, q.value
    return None


class QuantityFinder:
    def __init__(self, is_demonym: Callable[[str], bool] | None = None) -> None:
        # people named by their nationality alone ("three Serbs", "1,000 Colombians")
        self.is_demonym = is_demonym

    def __call__(self, doc: Doc) -> Doc:
        ref = doc.reference_date
        out: list[Quantity] = []
        foreign = doc.language not in (None, "en")
        for sent in doc.sentences:
            out.extend(self.sentence(sent, ref, foreign))
        doc.quantities = out
        return doc

    def sentence(self, sent: Span, ref, foreign: bool = False) -> list[Quantity]:
        said, base = sent.text, sent.start
        # quotation marks around a number or its noun ('six "rebels" were killed', '"about
        # 30" soldiers') mark whose words they are, not where the count ends: read the
        # sentence as if they were blanks (same length, so spans stay where they were)
        text = _QUOTE_MARKS.sub(" ", said)
        dates = [(s, e, v) for s, e, v in find_dates(text, ref)]
        nums = [n for n in find_numbers(text) if not _is_noise(text, n, dates)]
        found: list[Quantity] = []
        i = 0
        while i < len(nums):
            n = nums[i]
            start, end = n.start, n.end
            value, value_max = n.value, None
            approx = n.plus
            # ranges: 10,000-12,000 / 10,000 to 12,000 / between 3,000 and 4,000 / two or three
            if i + 1 < len(nums) and RANGE_JOIN.match(text[n.end:nums[i + 1].start]):
                m2 = nums[i + 1]
                joiner = text[n.end:m2.start].strip().lower()
                between = re.search(r"\bbetween\s*$", text[:n.start], re.I)
                from_ = re.search(r"\bfrom\s*$", text[:n.start], re.I)
                if joiner != "and" or between:
                    if not (from_ and RISE.search(text[:n.start])):
                        low, high = n.value, m2.value
                        # "3-4 million": the scale of the second applies to the first
                        if high >= 1000 and low < 1000 and low < high / 1000 * 1000 and \
                                re.search(r"[a-z]", m2.text[-9:], re.I) and not re.search(
                                    r"[a-z]", n.text, re.I):
                            scale = high / float(re.sub(r"[^\d.]", "", m2.text.split()[0]) or 1)
                            low = low * scale if scale >= 1000 else low
                        if high > low:
                            value, value_max = low, high
                            end = m2.end
                            approx = approx or joiner == "or"
                            if between:
                                start = between.start()
                            i += 1
            if _OR_SO.match(text, end):
                approx = True  # "2,700 or so"
            hedge = _hedge(text, start)
            if hedge:
                start, is_approx = hedge
                approx = approx or is_approx
            q_end = end
            percent_sign = _PERCENT_SIGN.match(text, end)
            percent = bool(percent_sign)
            currency = n.currency
            unit, us, ue = (None, end, end)
            if percent:
                unit = "percent"
                q_end = percent_sign.end()
            else:
                cur, cur_end = _currency_after(text, end)
                if cur and not currency:
                    currency, q_end = cur, cur_end
                if not currency:
                    unit, us, ue = _unit_after(text, end)
                    if unit in ("fighters", "fighter") and re.search(
                            r"-(?:built|made)\b|\b[A-Z][A-Za-z]*-\d", text[end:us]):
                        unit = "fighter jets"  # "three French-built Rafale fighters": aircraft
                    if unit is None:
                        unit, us, ue = _strong_force(text, end)
                    if unit is None:
                        unit, us, ue = _model_or_times(text, start, end)
                    if unit is None and self.is_demonym is not None:
                        unit, us, ue = _nationals(text, end, self.is_demonym)
                    if unit is None and foreign:
                        unit, us, ue = counted_after(text, end)
                    if unit is None and n.words and n.value < 100 and \
                            _first_word_after(text, end) not in ("of",) and \
                            not (found and _MORE_OF_IT.match(text, end)) and \
                            not (found and _THE_OTHER_BEFORE.search(text, 0, start)) and \
                            not BY_PLACE.match(text, end) and \
                            not OUTCOME_AFTER.match(text, end) and \
                            not OUTCOME_BEFORE.search(text, max(0, start - 30), start) and \
                            not TALLY_BEFORE.search(text, max(0, start - 80), start) and \
                            not _governed_plural(text, start, end, True)[0] and \
                            not _are_people(text, end) and \
                            not clause_subject(text, start, end) and \
                            not breakdown_whole(text, _last_counted(found, base), n.start,
                                                [(m.start, m.value) for m in nums]) and \
                            not (i > 0 and gapped(text, nums[i - 1].end, start, end)) and \
                            not (GOVERNING_BEFORE.search(text, max(0, start - 30), start) and
                                 _CLAUSE_GOES_NO_FURTHER.match(text, end)):
                        i += 1
                        continue  # "two states", "one conclusion": words need a counted noun
                    if unit is None:
                        label = UNIT_LIST_LABEL.search(text[:start]) if text[:start].rstrip(
                        ).endswith(LIST_LABEL_ENDS) else None
                        named = NUMBER_OF_NOUN.search(text[:start]) if label else None
                        if named and named.group(1).lower() in COUNTED and re.search(
                                r"\b(?:at|to)\s*(?:about|around|approximately|some|over|"
                                r"more than|up to)?\s*$", text[:start]):
                            # "put the number of people killed in the strike at 19": the
                            # count's own noun, not the last word before "at"
                            unit = named.group(1).lower()
                            us, ue = named.start(1), named.end(1)
                            label = None
                        if label:
                            lab = label.group(1).strip().lower()
                            lab_last = " ".join(lab.split()[-3:])
                            # the label's end ("... air defense systems"), else its start
                            # ("cruise missiles shot down")
                            for cand in (lab, lab_last, " ".join(lab.split()[-2:]),
                                         lab.split()[-1] if lab.split() else "",
                                         " ".join(lab.split()[:2]),
                                         lab.split()[0] if lab.split() else ""):
                                if cand in COUNTED:
                                    unit = cand
                                    us = base + label.start(1)
                                    break
                            if unit:
                                us, ue = label.start(1), label.end(1)
                            if unit and unit not in _TOLL_NOUNS and TALLY_BEFORE.search(
                                    text, max(0, start - 120), start):
                                # "the toll from the attack on a 35-vehicle convoy rose to
                                # eight": a toll's count, not a noun of its phrase
                                unit, us, ue = None, end, end
                    if unit is None:
                        unit, us, ue = _line_label(text, start)
                    if unit is None:
                        unit, us, ue = _governed_plural(text, start, end, n.words)
                    if unit is None and _first_word_after(text, end) in NOT_COUNTED - {
                            "of", "in", "to", "on", "at", "by", "from", "and", "or", "the", "a",
                            "an"}:
                        i += 1
                        continue  # 30 km, 5 days, 10 times
            if unit in PLACES and n.words and re.search(r"\b(?:the|these|those)\s+$",
                                                        text[:start], re.I):
                i += 1
                continue  # "in the two towns", "the two camps house": places named before
            if unit in PEOPLE and (SPEAKERS_AFTER.match(text, ue) or
                                   SPOKE_TO.search(text, max(0, start - 30), start)):
                i += 1
                continue  # "three aid workers in the town said", "we spoke to 22 residents"
            if unit == "rounds" and (re.search(r"\bin\s+$", text[:start]) or re.match(
                    r"\s*of\s+(?:deployments?|talks|negotiations?|exchanges?|consultations|"
                    r"sanctions|voting|strikes|attacks)\b", text[ue:])):
                i += 1
                continue  # "in five rounds", "two rounds of deployment": batches, not shells
            if currency and found and found[-1].currency and re.fullmatch(
                    r"\s*\(\s*(?:about|around|roughly|some|nearly|over|more than|almost)?\s*",
                    text[max(0, found[-1].span.end - base):start]):
                i += 1
                continue  # "€2 billion ($2.1 billion)": the same money in another currency
            found.append(Quantity(
                value=value, value_max=value_max, approx=approx,
                span=Span(base + start, base + q_end, said[start:q_end]),
                unit=currency or unit,
                unit_span=Span(base + us, base + ue, said[us:ue]) if unit and not currency
                else None,
                percent=percent, currency=currency))
            i += 1
        for m in _one_befallen().finditer(text):
            # "a soldier was killed and another was wounded": one person, said with an article
            if any(q.span.start - base <= m.start() < q.span.end - base for q in found):
                continue
            us, ue = m.span("noun") if m.group("noun") else (m.start(), m.end("art"))
            unit = m.group("noun") or (found[-1].unit if found and found[-1].value == 1
                                       and found[-1].span.start - base < m.start() else None)
            if unit is None:
                continue
            found.append(Quantity(value=1, value_max=None, approx=False,
                                  span=Span(base + m.start(), base + m.end("art"),
                                            said[m.start():m.end("art")]),
                                  unit=unit, unit_span=Span(base + us, base + ue, said[us:ue])
                                  if m.group("noun") else None))
        for m in VAGUE.finditer(text):
            phrase = " ".join(m.group("v").lower().split())
            lo, hi = VAGUE_RANGES.get(phrase, (None, None))
            if lo is None or any(q.span.start - base <= m.start() < q.span.end - base
                                 for q in found):
                continue
            # "several hundred casualties": the scale word is no number of its own
            found = [q for q in found if not (m.start() < q.span.start - base < m.end())]
            unit, us, ue = _unit_after(text, m.end())
            if unit is None:
                continue
            found.append(Quantity(value=lo, value_max=hi, approx=True,
                                  span=Span(base + m.start(), base + m.end(), m.group(0)),
                                  unit=unit, unit_span=Span(base + us, base + ue, said[us:ue]),
                                  vague=True))
        found.sort(key=lambda q: q.span.start)
        return found


@component("intex.quantities.v1", requires=("sentences",), assigns=("quantities",))
def make_quantities(gazetteer: Gazetteer | None = None) -> QuantityFinder:
    g = gazetteer or default_gazetteer()

    def is_demonym(word: str) -> bool:
        return any(h.why == "demonym" for h in g.index.get(key(word), ()))

    return QuantityFinder(is_demonym)
