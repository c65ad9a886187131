"""Status cues near a number: which words say what happened to what is counted."""

from __future__ import annotations

import re

from intex.pipeline.alternation import grouped
from intex.pipeline.cue_scan import CueScanner
from intex.pipeline.doc import Quantity
from intex.pipeline.lexicon import (
    ATTACKS,
    MODALITY_CUES,
    PEOPLE,
    PLACES,
    STATUS_CUES,
    WEAPONS,
)
from intex.pipeline.numbers import HEDGE_PHRASE

FORWARD = ("expected", "planned")  # statuses that govern what follows them
# outcomes that count people ("Killed" heading a table's column)
PEOPLE_OUTCOMES = ("killed", "wounded", "casualties", "captured", "displaced")
# outcomes a participle right after the counted noun states ("300 soldiers killed")
OUTCOMES = ("killed", "wounded", "casualties", "captured", "destroyed", "intercepted",
            "displaced")
# munitions that are launched at a target rather than handed over
AERIAL = ("drones", "uavs", "missiles", "cruise missiles", "ballistic missiles", "shaheds",
          "rockets", "unmanned aerial vehicles", "attack drones", "shells", "rounds",
          "artillery shells", "projectiles", "bombs", "glide bombs", "balloons")
ALLOWED = {
    "people": {"deployed", "present", "training", "expected", "planned", "sent", "killed",
               "wounded", "casualties", "captured", "displaced", "other"},
    # equipment is captured as people are: "534 tanks were seized", "fell into their hands"
    "weapons": {"supplied", "destroyed", "launched", "intercepted", "expected", "planned",
                "deployed", "present", "sent", "captured", "other"},
    # attacks repelled were still launched: "repelled seven attacks" counts attacks made
    "attacks": {"launched", "expected", "planned", "other"},
    "money": {"supplied", "planned", "expected", "other"},
    "places": {"destroyed", "other", "captured", "expected", "planned"},
    "other": set(STATUS_CUES) | {"other"},
}


def cue_regex(cues: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the cues as a word, longest first. The look-ahead on their first letters
    changes no match; it lets the scan skip the positions where no cue can start."""
    firsts = "".join(sorted({c[0] for c in cues}))
    return re.compile(rf"(?=[{re.escape(firsts)}])\b(?:" + grouped("|".join(
        re.escape(c) for c in sorted(cues, key=len, reverse=True))) + r")\b", re.I)


CUE_RX = {status: cue_regex(cues) for status, cues in STATUS_CUES.items()}
# every status's cues in one scan of a window, not one scan per status
CUE_SCAN = CueScanner(CUE_RX, cue_regex(tuple(c for cues in STATUS_CUES.values()
                                                 for c in cues)))
MOD_RX = {mod: cue_regex(cues) for mod, cues in MODALITY_CUES.items()}


def category(q: Quantity) -> str:
    return "money" if q.currency else unit_category(q.unit)


def unit_category(unit: str | None) -> str:
    """What a counted noun is: people, weapons, attacks, places or other."""
    u = (unit or "").lower()
    for name, words in (("people", PEOPLE), ("weapons", WEAPONS), ("attacks", ATTACKS),
                        ("places", PLACES)):
        if u in words or u.rstrip("s") in words:
            return name
    return "other"


# "of" and the count right after a verbal noun: "the killing of more than 100 civilians"
OF_COUNT = re.compile(r"\s+of\s+(?:" + HEDGE_PHRASE + r"\s+)?(?:\d|(?:one|two|three|four|five|"
                      r"six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
                      r"hundred|a\s+hundred|dozens?|a\s+dozen)\b)", re.I)


# what ``not_a_cue`` reads around a cue, compiled once
_LOWER_OR_COMMA_END = re.compile(r"[a-z,]\s+$")
_ARTICLE_END = re.compile(r"\b(?:the|a|its|their)\s+$")
_THE_FIGURE = re.compile(r"\s+(?:the\s+)?(?:figure|total|toll|count|tally|estimate|loss|losses|"
                         r"damage|cost|bill)\b")
# "put the number in Kursk at 8,000": a count put at a figure ("put the drill next to")
_PUT_AT = re.compile(r"[^.;:]{0,70}?\b(?:at|to)\s+(?:(?:" + HEDGE_PHRASE + r"|between)\s+)?"
                     r"(?:\d|one|two|three|four|five|six|seven|"
                     r"eight|nine|ten|a\s+few|several|dozens|hundreds|thousands|tens)", re.I)
_EVENT_ARTICLE_END = re.compile(r"\b(?:the|a|its|their|this|that)\s+(?:\d{4}\s+)?$", re.I)
# fighting named as the setting: "escaped during heavy fighting", "amid fierce fighting"
_FIGHTING_SETTING = re.compile(r"\b(?:during|amid|amidst|after|despite|by|in|from)\s+(?:the\s+)?"
                               r"(?:(?:heavy|fierce|intense|heavier|renewed|ongoing|"
                               r"street|days\s+of|weeks\s+of)\s+)?$", re.I)
# an undertaking begun, not a weapon fired: "launched an exercise", "launched an appeal"
_UNDERTAKING = re.compile(r"\s+(?:(?:an?|the|its|their|a\s+new|new)\s+)?"
                          r"(?:[\"“‘']?[^\W\d][\w\"“”'’-]*\s+){0,3}?"
                          r"(?:exercises?|drills?|operations?|offensives?|campaigns?|"
                          r"investigations?|inquir(?:y|ies)|probes?|appeals?|programmes?|"
                          r"programs?|initiatives?|counter-?offensives?|manoeuvres|"
                          r"maneuvers)\b", re.I)
_NEGATION = re.compile(r"\s*(?:not|n['’]t|never)\b")
_COUNT_NOUN_END = re.compile(r"\b(?:total|number|toll|figure|count|tally|losses)\s+"
                             r"(?:\w+\s+){0,2}$", re.I)
_NEGATED_END = re.compile(r"\b(?:not|never|n['’]t|failed to|without being)\s+"
                          r"(?:been\s+|be\s+)?$|"
                          # "adding that nobody was killed": no one the outcome befell
                          r"\b(?:nobody|no\s+one|none)\s+(?:(?:else|of\s+them)\s+)?"
                          r"(?:was|were|had\s+been|has\s+been|have\s+been)\s+$", re.I)
_DIGIT_AFTER = re.compile(r"\s+\d")
_DIGIT_END = re.compile(r"\d\s*$")
_CONJECTURE_AFTER = re.compile(r"\s+(?:well\s+|also\s+|now\s+)?(?:have|still|confirm|say|tell|"
                               r"verify|see|report|not)\b")
_TRAIN_ARTICLE_END = re.compile(r"\b(?:the|a|this|that|its|their|each|every|passenger|freight)\s+$",
                                re.I)
_FOR_END = re.compile(r"\bfor\s+$")
_OF_AFTER = re.compile(r"\s+of\s")
_RELEASE_NOUN_END = re.compile(r"\b(?:the|a|its|their|this|that|news|press|media|written)\s+$",
                               re.I)
_BY_AFTER = re.compile(r"\s+by\s")
# "number" named as a noun, not said as a verb of how many there are ("the force numbers
# 11,000"): after a determiner or adjective, before "of", or an aside that a relative
# describes ("..., numbers that match its own")
_NUMBER_NOUN_END = re.compile(r"(?:\b(?:the|a|an|their|its|his|her|our|your|this|these|"
                              r"those|same|identical|similar|equal|total|overall|large|small|"
                              r"larger|smaller|growing|rising|such|whose|exact|record)|,)\s+$",
                              re.I)
_NUMBER_NOUN_AFTER = re.compile(r"\s+(?:of|that|which|will|would|is|are|was|were|has|have|"
                                r"had)\b", re.I)
# a count right after a verb: its object ("have left 70 people dead")
_COUNT_NEXT = re.compile(r"\s+(?:" + HEDGE_PHRASE + r"\s+)?(?:\d|(?:one|two|three|four|five|six|"
                         r"seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
                         r"hundreds|thousands|dozens)\b)", re.I)
_WHERE_THEY_END = re.compile(r",\s*where\s+(?:they|he|she|we)\s+(?:\w+\s+)?$", re.I)


def not_a_cue(text: str, m: re.Match[str], status: str) -> bool:
    """Cue words that state no status where they stand: the month May, a modal of
    conjecture about the past ("may have killed"), a purpose ("sent for training"),
    a negation ("were not shot down")."""
    word = m.group(0)
    after = text[m.end():m.end() + 12]
    before = text[max(0, m.start() - 12):m.start()]
    if word[:1].isupper() and word.lower() not in ("air defence", "air defense") and \
            _LOWER_OR_COMMA_END.search(before):
        return True  # part of a name mid-sentence: "the Humanitarian Response Plan"
    if _ARTICLE_END.search(before) and word.lower().endswith("ing") and \
            status in OUTCOMES and not OF_COUNT.match(text, m.end()):
        # "before the sinking": a noun, not what befell the number's things ("the killing
        # of more than 100 civilians" names what befell them)
        return True
    if status == "present" and word.lower() in ("put", "puts") and (
            _THE_FIGURE.match(after) or not _PUT_AT.match(text, m.end())):
        # "OCHA put the figure at 18,000": a count restated, not presence ("put the number
        # in Kursk at 8,000" of troops still says where they are)
        return True
    if status in ("training", "deployed") and _WHERE_THEY_END.search(
            text, max(0, m.start() - 30), m.start()):
        return True  # "150 personnel were at the base, where they train local forces": the
        # place's description, after the count's own copula of place
    if status == "other" and word.lower() == "release" and \
            _RELEASE_NOUN_END.search(text, max(0, m.start() - 20), m.start()) and \
            not _OF_AFTER.match(after):
        return True  # "on the day of the release", "a news release said": a statement
    if status == "supplied" and word.lower() == "announced" and _BY_AFTER.match(after):
        return True  # "formations announced by Beijing": who said so, not a package
    if status == "displaced" and word.lower() in ("have left", "had left") and \
            _COUNT_NEXT.match(text, m.end()):
        return True  # "raids have left 70 people dead": what the count was left in decides
    if status == "present" and word.lower() in ("number", "numbers") and (
            _NUMBER_NOUN_END.search(before) or _NUMBER_NOUN_AFTER.match(after)):
        return True  # "an identical number of prisoners", "their number will grow": a noun
    if status == "present" and word.lower() == "contingent" and _OF_AFTER.match(after):
        return True  # "a first contingent of 200 soldiers arrived": a batch, its verb after
    if status in ("deployed", "sent") and word.lower().endswith("ing") and \
            _EVENT_ARTICLE_END.search(before):
        return True  # "the 1967 fighting at the pass": an event named, not a deployment
    if status == "deployed" and word.lower() == "fighting" and \
            _FIGHTING_SETTING.search(text, max(0, m.start() - 30), m.start()):
        return True  # "5,500 people escaped during heavy fighting": the setting
    if status == "launched" and word.lower() in ("launched", "launch", "launching") and \
            _UNDERTAKING.match(text, m.end()):
        return True  # "launched the Joint Shield exercise": begun, not fired
    if status in FORWARD and _NEGATION.match(after):
        return True  # "it could not verify the claim": no forecast
    if status == "sent" and "reached" in word.lower() and _COUNT_NOUN_END.search(
            text[max(0, m.start() - 30):m.start()]):
        return True  # "the total has reached 516,080": a count, not an arrival
    if status in OUTCOMES and _NEGATED_END.search(text[max(0, m.start() - 25):m.start()]):
        # "the six missiles that were not brought down"; a denial ("had not fired") still
        # names what it denies
        return True
    if word == "May" or (word.lower() == "may" and (_DIGIT_AFTER.match(after) or
                                                     _DIGIT_END.search(before))):
        return True
    if status in FORWARD and word.lower() in ("may", "might", "could") and \
            _CONJECTURE_AFTER.match(after):
        # "may have killed", "may still be under the rubble", "he could confirm that two
        # aircraft had been taken down": no forecast
        return True
    if status == "training" and word.lower() == "train" and _TRAIN_ARTICLE_END.search(before):
        return True  # "people from the train", "the train was carrying": a railway train
    return status in ("training", "deployed") and bool(_FOR_END.search(before))


def cue_matches(text: str, ws: int, we: int) -> list[tuple[str, re.Match[str]]]:
    """Status cues in text[ws:we]; a cue inside a longer one of another status yields to it
    ("killed or wounded" is casualties, not killed; "shot down" is not "down")."""
    found = CUE_SCAN.finditer(text, ws, we)
    # by start, longest first: a cue is inside a longer one when an earlier-starting cue
    # reaches at least as far and is not the very same span
    found.sort(key=lambda f: (f[1].start(), f[1].start() - f[1].end()))
    out: list[tuple[str, re.Match[str]]] = []
    reach: tuple[int, int] = (-1, -1)  # (start, end) of the cue reaching furthest so far
    for st, m in found:
        if reach[1] >= m.end() and reach != (m.start(), m.end()):
            continue
        out.append((st, m))
        if m.end() > reach[1]:
            reach = (m.start(), m.end())
    return out


# the patterns ``is_modifier`` reads, compiled once
# the lower-case word right after a cue
_NEXT_WORD = re.compile(r"^\s+([a-z]+)")


def is_modifier(text: str, m: re.Match[str]) -> bool:
    """A cue word used as a noun modifier ('training grounds', 'attack drones')."""
    nxt = _NEXT_WORD.match(text[m.end():m.end() + 20])
    word = m.group(0).lower()
    if word in ("air defence", "air defense", "air defences", "air defenses",
                "electronic warfare") and nxt and nxt.group(1) in (
            "systems", "system", "missiles", "missile", "batteries", "battery", "units",
            "complexes", "launchers", "assets", "equipment", "means", "radars", "weapons"):
        return True  # "IRIS-T air defense systems" handed over, not shot down
    if word in ("training", "attack", "strike", "fire", "launch", "supply", "aid", "death",
                "deployment") and nxt and nxt.group(1) in (
            "grounds", "ground", "camps", "camp", "centre", "center", "facilities", "drones",
            "drone", "aircraft", "helicopters", "site", "sites", "routes", "route", "lines",
            "line", "chain", "chains", "convoy", "convoys", "pad", "pads", "squad", "zone",
            "mission", "missions", "base", "bases", "ranges", "range", "area", "areas"):
        return True
    return False
