"""The forms reports use to say what befell the people and things they count, in the
wordings the claim rules (``builder``, ``status``) read beyond their cue words: arrivals of
civilians, groups let go, equipment seized or brought down, relative clauses, parts,
tallies broken down, list lines, digest headlines and tables of statements.

Patterns and small readers over a report's text; the choices stay in ``builder`` and ``status``.
"""

from __future__ import annotations

import re

from intex.model import Claim, Span
from intex.pipeline.doc import Doc, Quantity
from intex.pipeline.lexicon import COUNTED, NOT_COUNTED, SEVERITY
from intex.pipeline.numbers import HEDGE_PHRASE

# drones listed after ground equipment were destroyed with it: "destroyed nine tanks, 11
# armoured vehicles and 139 drones"
GROUND_KIT = re.compile(r"\b(?:tanks|armou?red\s+(?:combat\s+)?vehicles|artillery\s+(?:systems|"
                        r"pieces)|howitzers|mortars|vehicles|launchers)\b[^.;:]*$", re.I)

# a line of a list: a label, a colon, a figure ("- South-east (Kayah, Mon): more than 900,000")
LABELLED_LINE = re.compile(r"\W{0,3}[A-Z][^.!?:]{0,90}:\s*(?:" + HEDGE_PHRASE + r"\s+)?\d[\d,. ]*"
                           r"(?:\s*(?:million|billion|thousand))?(?:\s+[a-z]+){0,2}\W*$")


def intro_noun(intro: Span) -> tuple[str | None, str | None]:
    """The counted noun a list's introduction names ("Where people are displaced:")."""
    for w in re.findall(r"[A-Za-z][\w-]*", intro.text):
        if w.lower() in COUNTED and w.lower() not in NOT_COUNTED:
            return w.lower(), w
    return None, None


# a relative clause on the counted noun that says what is to become of it
RELATIVE_FORWARD = re.compile(
    r"\s*,?\s+(?:(?:that|which|whom|who)\s+)?(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?|it|they|he|she|"
    r"the\s+\w+)?\s*(?:is|are|was|were)\s+(?P<how>expected|likely|due|set|scheduled|to)\b"
    r"(?:\s+to)?\s+(?:be\s+)?(?:free|freed|set\s+free|release|released|send|sent|deploy|"
    r"deployed|deliver|delivered|hand\s+over|handed\s+over|return|returned|receive|arrive|"
    r"provide|provided)\b")

# a part whose own verb follows: "three of whom died", "two of them were later killed"
OF_WHOM_VERB = re.compile(r"\s+of\s+(?:whom|them|those)\s+(?:(?:were|was|had|have|has)\s+)?"
                          r"(?:(?:later|since|subsequently|reportedly|been)\s+)*"
                          r"(?P<v>[a-z]+(?:\s+[a-z]+)?)")

# a part said to be hurt how badly: "four injured, two of them critically" (wounded only)
HURT_HOW = re.compile(r"\s+of\s+(?:them|whom)\s+(?:(?:were|was|are|is)\s+)?(?:still\s+)?"
                      + SEVERITY + r"\b", re.I)

# a tally broken down: "The tally, the General Staff said, comprises 104 tanks"
TALLY_COMPRISES = re.compile(r"\b(?:tally|total|toll|losses|figure|count|number)\b[^.;]{0,60}?"
                             r"\b(?:comprises|comprised|includes|included|consists\s+of|"
                             r"consisted\s+of|is\s+made\s+up\s+of|breaks\s+down\s+(?:as|into))"
                             r"\s+(?:" + HEDGE_PHRASE + r"\s+)?$", re.I)

# the contents of a sale or an aid package: "the request covers 60 Harpoon missiles"
PACKAGE_HOLDS = re.compile(r"\b(?:package|sale|request|deal|tranche|order|contract|purchase|"
                           r"shipment|consignment)\b[^.;]{0,40}?\b(?:covers|covered|includes|"
                           r"included|comprises|contains|consists\s+of)\s+(?:" + HEDGE_PHRASE +
                           r"\s+)?$", re.I)

# a sentence that opens on the group just counted: "Of them, around 100 are foreigners"
PART_LEAD = re.compile(r"\W*(?:of|among)\s+(?:them|these|those|whom)\b[^.;:]{0,40}$", re.I)

# people who are no party's forces: when they arrive somewhere, they have fled
CIVILIANS = {"people", "persons", "civilians", "residents", "inhabitants", "families",
             "households", "children", "women", "men", "elderly", "individuals", "refugees",
             "migrants", "asylum seekers", "arrivals", "new arrivals", "returnees", "boys",
             "girls", "babies", "infants", "minors", "villagers", "sudanese", "syrians",
             "afghans", "palestinians", "somalis", "haitians", "congolese", "ethiopians",
             "eritreans", "rohingya", "yemenis", "lebanese", "burundians", "south sudanese",
             "venezuelans", "colombians", "ukrainians", "armenians"}

# the verb right after the counted people says they came: "have arrived", "poured in"
ARRIVED = re.compile(r"\s*,?\s*(?:(?:who|that)\s+(?:(?:recently|newly|just|only)\s+)?)?"
                     r"(?:(?:have|has|had)\s+)?(?:since\s+|already\s+|now\s+|also\s+|"
                     r"recently\s+|newly\s+|just\s+)?"
                     r"(?:been\s+)?(?:arrived|crossed(?:\s+(?:from|over|into|the))?|poured\s+in|"
                     r"streamed\s+in|flooded\s+in|made\s+it\s+(?:to|into|across)|"
                     r"came\s+(?:in|across|over)|reached|"
                     # "have come over", "had entered the country", "have moved into the
                     # village", "gone from the camp": civilians on the move have fled
                     r"come\s+(?:in|across|over)|entered|moved\s+(?:in|into)|gone\s+from|"
                     r"left\s+(?:the|their)\b)\b", re.I)

# civilians counted where the displaced are put up: "found a place in shelters",
# "registered in official shelters", "staying in relief camps"
SHELTERED = re.compile(r"\b(?:(?:official|collective|emergency|temporary|improvised|school)\s+)?"
                       r"shelters\b|\brelief\s+camps?\b|\bevacuation\s+cent(?:re|er)s?\b|"
                       r"\bdisplacement\s+(?:camps?|sites?)\b|"
                       # people out of their homes, put up wherever they can be: "700 more
                       # families are scattered across two districts", "are staying with
                       # relatives", "have no roof"
                       r"\b(?:scattered|dispersed)\s+(?:across|among|over|throughout)\b|"
                       r"\bstaying\s+with\s+(?:relatives|host\s+families|friends)\b|"
                       r"\b(?:have|had)\s+no\s+roof\b|\bsleep(?:ing)?\s+(?:in\s+the\s+open|"
                       r"rough)\b", re.I)

# an attack named as a time or a cause, not what the counted thing did: "after India's
# missile strikes", "during the raids"
EVENT_AFTER = re.compile(r"\b(?:after|before|during|since|following|amid|in\s+response\s+to)\s+"
                         r"(?:the\s+|a\s+|an\s+|[A-Z][\w-]*(?:'s|’s)\s+|its\s+|their\s+)?"
                         r"(?:[\w'’-]+\s+){0,2}$", re.I)

# equipment made ready is deployed; only people train
READIED = {"readied", "being readied"}

# joining an attack, not a deployment: "took part in the latest wave of strikes"
TOOK_PART = {"took part", "taking part", "participating", "involved in"}

ATTACK_AFTER = re.compile(r"\s+(?:in\s+)?(?:the\s+|an?\s+|this\s+|that\s+)?(?:[\w-]+\s+){0,3}?"
                          r"(?:attacks?|assaults?|raids?|strikes?|ambush(?:es)?|hijacking|"
                          r"massacre|bombings?)\b", re.I)

# what is said of equipment taken by the other side
SEIZED = {"captured", "capture", "seized", "fell into", "took as trophies", "trophies",
          "taken as trophies"}

# verbs of bringing down what flies: aircraft as well as drones and missiles
SHOT_DOWN = {"downed", "shot down", "brought down", "taken down", "knocked down", "took down"}

# people aboard a vehicle: "the train was carrying some 400 passengers"
CARRYING = re.compile(r"\b(?:carrying)\s+(?:" + HEDGE_PHRASE + r"\s+)?$",
                      re.I)

# a relative pronoun right before an outcome: "hostages who died", "men that were killed"
RELATIVE_ONLY = re.compile(r"\s*,?\s*(?:who|that)\s+(?:(?:had|have|has|were|was)\s+)?"
                           r"(?:(?:later|since|been|all|reportedly)\s+)*", re.I)

# nouns that name a group of people by their plight, not by what the sentence says
# befell them: hostages, prisoners, refugees
GROUP_NOUN_STATUSES = ("captured", "displaced")

# people let go: "155 hostages have been rescued", "seven hostages had been handed over"
RELEASED = {"freed", "released", "rescued", "handed over", "set free", "go free",
            "exchanged", "swapped", "brought home", "returned"}

# people a party holds: the count straight after "holding" ("holding more than 30 boys")
HOLDING_OBJECT = re.compile(r"\s+(?:" + HEDGE_PHRASE + r"\s+)?")


def item_headline(c: Claim, d_of: list[Claim], doc: Doc) -> bool:
    """The headline of one item of a digest ("2. NIGER: 12 SOLDIERS KILLED NEAR MALI
    BORDER"): a short line in capitals whose figure the next paragraphs restate."""
    i = doc.paragraph_of(c.evidence.start)
    if i < 0:
        return False
    line = doc.paragraphs[i].text.strip()
    if len(line) > 120 or line.endswith("."):
        return False  # tested before the letters are counted: most paragraphs stop here
    letters = [ch for ch in line if ch.isalpha()]
    if len(letters) < 8 or sum(ch.isupper() for ch in letters) < 0.8 * len(letters):
        return False
    return any(d.value == c.value and i < doc.paragraph_of(d.evidence.start) <= i + 3
               for d in d_of)


# "units" count hardware where the report speaks of equipment, men where of forces
EQUIPMENT_WORDS = re.compile(r"\b(?:equipment|hardware|vehicles|tanks|weapons|materiel|"
                             r"artillery|armou?r)\b", re.I)

FORCE_WORDS = re.compile(r"\b(?:troops|soldiers|personnel|servicemen|fighters|battalions?|"
                         r"brigades?|regiments?|companies|platoons|squads?|police|army|units?\s+"
                         r"(?:of|with)\s+(?:\d|up\s+to|some|about))\b", re.I)


def equipment_units(doc: Doc, sent: Span) -> bool:
    """'Most of that total, 15,051 units, was destroyed', the sentence before speaking of
    equipment losses: units of hardware, not of troops."""
    si = doc.sentence_of(sent.start)
    before = doc.sentences[si - 1].text if si > 0 else ""
    return bool(EQUIPMENT_WORDS.search(sent.text) or EQUIPMENT_WORDS.search(before)) and \
        not FORCE_WORDS.search(sent.text)


def statement_cell(text: str, sent: Span, q: Quantity) -> bool:
    """A table cell that is a sentence ("Date | Who said it | What they said"): it says
    its own status; no header or heading names one for it."""
    start = text.rfind("|", sent.start, q.span.start) + 1 or sent.start
    end = text.find("|", q.span.end, sent.end)
    return len(text[start:end if end >= 0 else sent.end].split()) > 8


def describes_noun(text: str, m: re.Match[str]) -> bool:
    """'destroyed six drones sent by India:': a participle on the noun before it, with its
    agent or origin, is no verb of the sentence."""
    return bool(re.match(r"\s+(?:by|from)\b", text[m.end():m.end() + 8])) and \
        bool(re.search(r"[a-z]\s+$", text[max(0, m.start() - 20):m.start()])) and \
        not re.search(r"\b(?:were|was|been|be|are|is|being|have|has|had)\s+$",
                      text[max(0, m.start() - 20):m.start()])
