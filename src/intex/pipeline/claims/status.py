"""A counted quantity's status (killed, deployed, pledged ...) read from the words around it."""

from __future__ import annotations

import re

from intex.model import Span
from intex.pipeline.claims.cues import (
    AERIAL,
    ALLOWED,
    CUE_RX,
    FORWARD,
    OUTCOMES,
    cue_matches,
    is_modifier,
    not_a_cue,
)
from intex.pipeline.claims.forms import (
    ATTACK_AFTER,
    CARRYING,
    CIVILIANS,
    EVENT_AFTER,
    GROUND_KIT,
    GROUP_NOUN_STATUSES,
    HOLDING_OBJECT,
    OF_WHOM_VERB,
    READIED,
    RELATIVE_FORWARD,
    RELATIVE_ONLY,
    RELEASED,
    SEIZED,
    SHOT_DOWN,
    TOOK_PART,
    describes_noun,
)
from intex.pipeline.claims.handled import casualties_handled
from intex.pipeline.doc import Quantity
from intex.pipeline.lexicon import (
    NOUN_STATUS,
    SEVERITY,
)
from intex.pipeline.numbers import HEDGE_PHRASE

# drones or missiles hit where they stand, not in the air
GROUND = re.compile(r"\b(?:on the ground|on (?:its|their) launchers?|at (?:an |the )?airfields?|"
                    r"in storage|depots?|warehouses?|before (?:they|it) could)\b", re.I)
# equipment a side lost is destroyed, whatever it was: "lost 59 guns and 70 drones"
# ("locationally lost", "lost locally": gone from radar, so intercepted after all)
LOST = re.compile(r"\b(?<!locationally )(?:lost|loses|losing|losses)\b(?!\s+(?:locally|"
                  r"locationally|track|"
                  r"from\s+radar)|\W{0,2}\s+-\s+the\s+military)", re.I)
# the categories of a loss tally: "operational-tactical UAVs" are equipment lost
LOSS_CATEGORY = re.compile(r"operational[- ]tactical|reconnaissance", re.I)
# what hits a place, or what a missile does when it lands: no status of its own
HIT = ("hit", "struck", "shelled", "targeted", "attacked")
# the missing are neither dead nor wounded: "105 were still missing" stands by itself
MISSING = re.compile(r"(?:still\s+)?missing|unaccounted\s+for", re.I)


# a forecast that governs the figure: "could soon exceed 10 million", "is expected to top"
FORECAST_REACH = re.compile(
    r"\b(?:could|may|might|will|would|is\s+(?:expected|likely|set)\s+to|are\s+(?:expected|"
    r"likely|set)\s+to)\s+(?:soon\s+|well\s+|easily\s+|eventually\s+)?(?:exceed|reach|top|"
    r"surpass|pass|rise\s+to|climb\s+to|grow\s+to|hit)\s+(?:" + HEDGE_PHRASE + r"\s+)?$",
    re.I)
# possession: what a side has now ("has only about 120 bombers", "went to war with 3,000
# tanks", "was believed to have 10 boats", "had 25 people on board")
HOLDS = re.compile(
    r"\b(?:(?:has|have|had|keeps|kept|possesses|possessed|fields|fielded|hold|holds|"
    # a place that lodges people: "the camp houses 1,800 people", "the base hosts 300"
    r"houses|housed|hosts|hosted|accommodates|accommodated|lodges)"
    r"(?!\s+(?:been|lost|"
    r"sent|received))|to\s+have|(?:went|goes|go|entered)\s+(?:to\s+war|the\s+war)\s+with|"
    r"started\s+the\s+war\s+with)\s+(?:(?:only|just|still|now|" + HEDGE_PHRASE +
    r")\s+){0,2}$", re.I)
OFFERED = {"offered", "pledged", "promised", "committed"}
ATTACK_WORDS = {"attack", "attacks", "strike", "strikes", "attacked", "targeted", "assault"}
# what a strike is aimed at, counted: hit, not destroyed
TARGETS = {"targets", "positions", "locations", "sites", "objects", "facilities"}
# verbs whose subject does the deed to an object: "jets had destroyed the launchers"
TRANSITIVE = {"destroyed", "killed", "captured", "wounded", "injured", "shot down",
              "intercepted", "downed", "hit", "struck", "sank", "seized", "eliminated"}
# an object after an active perfect: the counted thing did the destroying
AGENT_OBJECT = re.compile(r"\s+(?![.,;]|by\b|in\b|on\b|at\b|during\b|over\b|near\b|"
                          r"and\b|or\b|when\b|after\b|since\b)[\"“]?(?:\w)")
# those who raid and seize: counted as the subject of an active verb with an object they
# are the doers ("100 gunmen rode in and seized residents"), not its captives
ATTACKERS = {"gunmen", "bandits", "attackers", "assailants", "kidnappers", "abductors",
             "raiders", "pirates", "militants", "insurgents", "jihadists", "terrorists",
             "armed men", "rebels"}
SHOT_WORD = re.compile(r"\b(?:shot\s+down|downed|brought\s+down|intercept\w*)\b", re.I)


def _aerial(unit: str | None) -> bool:
    words = (unit or "").lower().split()
    return bool(words) and words[-1] in AERIAL


# a ship, train or convoy setting off or arriving with its load
VESSEL_LEFT = re.compile(r"\b(?:sailed|set\s+sail|departed|left|set\s+off|arrived|docked|"
                         r"reached|crossed)\b", re.I)


# people named for the deed itself: counted in it, they are its doers, never a force sent
DOERS = {"gunmen", "attackers", "assailants", "kidnappers", "abductors", "raiders",
         "bandits", "pirates", "armed men", "suicide bombers"}
# the object of the doers' verb (not a time: "captured last week", "seized on Monday")
DEED_OBJECT = re.compile(r"\s+(?!(?:last|this|early|late|earlier|later|overnight|yesterday|"
                         r"today|tonight|again|alive|together|as|in|on|at|by|during|over|near|and|or|but|"
                         r"when|while|after|since|from|so|to|with|for|Monday|Tuesday|Wednesday|"
                         r"Thursday|Friday|Saturday|Sunday)\b)(?:the\s+|their\s+|some\s+|"
                         r"several\s+|dozens\s+of\s+|\d[\d,]*\s+)?[a-z]\w+")
DAMAGE = re.compile(r"^\s*(?:in|of|worth\s+of)\s+(?:\w+\s+)?(?:damages?|losses|destruction)\b|"
                    r"^\s*(?:in|of)\s+(?:\w+\s+)?(?:goods|trade|exports|imports|revenue|"
                    r"needs)\b", re.I)
NEEDS_AT = re.compile(r"\b(?:damages?|losses|destruction|needs|requirements|cost|costs|"
                      r"shortfall|gap)\b[^.;]{0,60}\b(?:at|to|of|closer\s+to)\s+(?:"
                      + HEDGE_PHRASE + r"\s+)?$", re.I)


# money the subject of a verb still to come: "$300 million of the package will go to aid",
# "a further €1.5 billion should follow in April", "$1 billion in aid would be surged"
MONEY_TO_COME = re.compile(r"\s*(?:(?:of|in|for)\s+[^,;.()]{0,50}?\s+)?(?:will|would|should|"
                           r"is\s+to|are\s+to|is\s+due\s+to)\s+(?!have\b)", re.I)
# a side that lost some of its own: "lost three of its own fighters", "we lost 92 of our
# soldiers" (its own dead; "losses" of a foe's men stay casualties)
OWN_LOST = re.compile(r"\b(?:lost|loses|losing)\s+(?:" + HEDGE_PHRASE + r"\s+)?$", re.I)


# a part counted into a group it belongs to: "12 children were among the dead"
AMONG_THE = re.compile(r"[^.;:]{0,50}?\b(?:were|was|are|is)\s+(?:also\s+|reportedly\s+)?among\s+"
                       r"(?:the\s+|those\s+)?(?P<what>dead|killed|injured|wounded|hurt|missing|"
                       r"hostages|detained|arrested|evacuated|evacuees|displaced)\b", re.I)


# a part of those an outcome befell, named by it: "ten of the dead civilians", "four of the
# injured miners"
PART_OF_THE = re.compile(r"\s+of\s+(?:the|those)\s+(?P<what>dead|killed|injured|wounded|"
                         r"detained|abducted|kidnapped|evacuated|displaced)\s", re.I)


# a main verb's auxiliary closing a relative clause: "who had been hurt ... had [died]"
MAIN_AFTER_RELATIVE = re.compile(r"^\s*(?:who|that|which)\s+\w+\s+\S.*\s(?:have|has|had|were|"
                                 r"was)(?:\s+been)?\s+$", re.I | re.S)


# people a party holds, said after them: "the 240 people it is holding", "the 30 men
# the militia still holds"
HELD_BY_AFTER = re.compile(r"\s+(?:(?:whom|that)\s+)?(?:it|they|the\s+(?:group|militia|militants|"
                           r"rebels|gang|kidnappers|captors|abductors))\s+(?:is|are|was|were|"
                           r"still|had|has|have)\s+(?:still\s+|been\s+)?(?:holding|holds|held)\b",
                           re.I)


FREED_BEFORE = re.compile(r"\b(?:freed|frees|free|released|releases|release|set\s+free|"
                          r"handed\s+(?:over|back)|exchanged|swapped|returned)\b[^.;]{0,25}$",
                          re.I)


# forces a party asks for: "requested 500 more troops", "asked last week for 2,000 police"
ASKED_FOR = re.compile(r"\b(?:(?:asked|asks|asking|requested|requests|requesting|request)\s+"
                       r"(?:[\w-]+\s+){0,3}?for|requested|requests)\s+(?:(?:another|a\s+further|"
                       r"an\s+extra|" + HEDGE_PHRASE + r")\s+)?$", re.I)
# whom aid means to reach, said after the sum or plan: "$6 million to reach an estimated
# 120,000 people", "asks for $1.1 billion to support 2.3 million refugees"
AIMED_AT = re.compile(r"\bto\s+(?:reach|support|assist|help|serve|feed|target)\s+"
                      r"(?:(?:an\s+estimated|some|a\s+further|another|" + HEDGE_PHRASE +
                      r")\s+)*$", re.I)
AID_PLAN = re.compile(r"\b(?:appeal\w*|plans?|allocat\w+|fund\w*|asks?\s+for|asked\s+for|"
                      r"requires?|required|seeks|aid|assistance|response|donation\w*|"
                      r"grants?)\b|[$€£]", re.I)
# people an appeal targets: "6M people targeted", a table's "People targeted | 4.5 million"
TARGETED_AFTER = re.compile(r"\s+(?:to\s+be\s+)?targeted\b(?!\s+(?:by|in|with|at|on|for)\b)",
                            re.I)
TARGETED_LABEL = re.compile(r"\bpeople\s+(?:in\s+need\s+)?targeted\s*(?:\||:)\s*(?:"
                            + HEDGE_PHRASE + r"\s+)?$", re.I)
# a change the actor has decided, said before the figure: "the brigade is to grow to 4,000"
# (a forecast says expected: "is expected to grow to")
PLAN_REACH = re.compile(r"\b(?:is|are)\s+(?:(?:also|now|then)\s+)?to\s+(?:grow|rise|increase|"
                        r"expand|shrink|fall|be\s+(?:cut|reduced|raised|increased|expanded))\s+"
                        r"to\s+(?:" + HEDGE_PHRASE + r"\s+)?$", re.I)
# what the counted thing is to do or have done to it, said right after it, past an aside:
# "ten new camps are to open soon", "the remaining $500 million, mostly shells, is expected
# to be drawn from stocks" (people "expected to be displaced" are a forecast: only money and
# weapons, which an actor hands over, read the passive as the actor's plan)
TO_COME_AFTER = re.compile(r"\s*(?:,[^.;:,]{0,80},\s*)?(?:is|are)\s+(?:(?:also|now|soon|then)\s+)?"
                           r"(?:to\s+(?!be\b)[a-z]+|(?P<be>(?:expected|due|set|scheduled|slated)"
                           r"\s+to\s+be\s+(?:[a-z]+(?:ed|en|wn)|sent|spent|paid|made|lent|sold|"
                           r"put|set)))\b", re.I)
# a release still to come, said before the people it frees: "the deal will release nearly
# 900 detainees", "the group is to free at least 50 hostages", "were due to set free 20" -
# the guide's planned (released people are other, held people captured)
RELEASE_TO_COME = re.compile(
    r"\b(?:will|would|shall|(?:is|are|was|were)\s+(?:(?:due|set|scheduled)\s+)?to|"
    r"agreed\s+to|plans?\s+to|promised\s+to)\s+(?:(?:also|then|now|soon)\s+)?"
    r"(?:free|release|set\s+free|hand\s+over|hand\s+back|return)\s+"
    r"(?:(?:another|a\s+further|" + HEDGE_PHRASE + r")\s+)?$", re.I)


# hurt first, dead after: "was wounded in the raid and later died in hospital"
LATER_DIED = re.compile(r"[^.;]{0,60}?\b(?:and|but)\s+(?:later|subsequently|then|afterwards)\s+"
                        r"(?:died|succumbed)\b", re.I)


# a cue that closes the conjunct before the number: "two civilians killed and 12 others
# injured", "three dead, four hurt": right after the figure before, then a conjunction
CLOSES_BEFORE = re.compile(r"(?:\s+(?:and|as\s+well\s+as)\s+(?:a|an|one|another|the)\s+"
                           r"[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)?)?"  # "... and a priest"
                           r"\s*,?\s*(?:(?:were|was|are|is|have\s+been|had\s+been|has\s+been)"
                           r"\s+)?(?:" + SEVERITY + r"\s+)?$", re.I)
CONJUNCT_GAP = re.compile(r"\s*(?:,\s*(?:and|but|while|whereas)?|and|but|while|whereas)\s+"
                          r"(?:(?:another|a\s+further|" + HEDGE_PHRASE + r")\s+)?$", re.I)


def closes_previous(text: str, m: re.Match[str], ws: int, q: Quantity) -> bool:
    """A cue standing right after the figure before this one and followed by a conjunction
    and this figure says what befell the figure before: it is not this one's."""
    return ws > 0 and bool(CLOSES_BEFORE.fullmatch(text, ws, m.start())) and \
        bool(CONJUNCT_GAP.fullmatch(text, m.end(), q.span.start)) and \
        bool(re.search(r"[\w)]", text[max(0, ws - 2):ws]))


def closed_before(text: str, prev: Quantity, q: Quantity) -> bool:
    """An outcome right after the figure before closes its conjunct: "seven guards killed
    and 21 officers and eight civilians injured" (21 is not among the dead)."""
    end = prev.unit_span.end if prev.unit_span is not None and \
        prev.unit_span.end > prev.span.end else prev.span.end
    return end <= q.span.start and any(
        st in OUTCOMES and closes_previous(text, m, end, q)
        for st, m in cue_matches(text, end, q.span.start))


def money_measure(text: str, q: Quantity, window: tuple[int, int]) -> str | None:
    """Money that measures a loss or a need, not money given: '$7 billion in damage',
    'put the losses closer to $2 billion' (destroyed), 'needs at 426 million dollars',
    '$1 trillion in goods a year' (other)."""
    after = text[q.span.end:q.span.end + 40]
    before = text[max(window[0], q.span.start - 90):q.span.start]
    m = DAMAGE.match(after)
    if m:
        return "destroyed" if re.search(r"damage|loss|destruction", m.group(0), re.I) \
            else "other"
    m = NEEDS_AT.search(before)
    if m:
        return "destroyed" if re.match(r"damage|loss|destruction", m.group(0), re.I) \
            else "other"
    return None


_CLAUSE_STOP = re.compile(r"[.;!?]")


def aerial_status(text: str, q: Quantity, window: tuple[int, int], status: str) -> str:
    """Drones and missiles 'destroyed' are shot down unless they were hit on the ground
    or counted among equipment losses; 'sent' at a country they are launched, not
    delivered."""
    clause = text[window[0]:window[1]]
    lo, hi = q.span.start, q.span.end
    if q.unit_span is not None:
        lo, hi = min(lo, q.unit_span.start), max(hi, q.unit_span.end)
    # "lost 59 guns and 70 drones": the loss verb may stand before the list
    lead = text[text.rfind(".", 0, window[0]) + 1:window[1]]
    if status == "destroyed" and not GROUND.search(clause) and \
            not LOSS_CATEGORY.search(text[lo:hi]) and not LOST.search(lead) and \
            not GROUND_KIT.search(text, text.rfind(".", 0, window[0]) + 1, lo) and \
            not (q.unit_span is None and LOSS_CATEGORY.search(clause)):
        return "intercepted"
    # the target may follow a list of what was sent: "sent 170 drones and 30 missiles
    # toward Israel"
    stop = _CLAUSE_STOP.search(text, window[1])
    tail = text[window[0]:stop.start() if stop else window[1]]
    if status == "sent" and re.search(r"\b(?:air defen[cs]es?|shot down|brought down|"
                                      r"intercept\w*|over\s+the|overnight|during the night|"
                                      r"across\s+the\s+(?:border|frontier|front\s+line)|"
                                      r"against\b|(?:at|toward|towards)\s+(?:the\s+)?"
                                      r"(?:(?:north|south|east|west)\w*\s+)?[A-Z])",
                                      tail):
        return "launched"
    if status == "sent" and _FLOWN_AT.search(text, max(window[0], lo - 40), hi + 30):
        return "launched"  # "had flown some 600 balloons this week": flown at the other side
    return status


# a munition as the subject of where it hit: "11 struck the base", "six of which hit the
# ship", "three fell short" (not "were hit", not "fell into enemy hands")
MUNITION_HIT = re.compile(r"\s*,?\s*(?:of\s+(?:which|them|those)\s+)?(?:(?:had|have|has|then|"
                          r"later|also|all|reportedly|apparently|eventually)\s+)*"
                          r"(?:hit|hits|struck|strike|landed|land|fell|exploded|impacted|"
                          r"slammed|crashed)\b(?!\s+(?:into\s+(?:enemy|the\s+hands|their\s+"
                          r"hands)|in\s+battle|in\s+combat))", re.I)


def munition_hit(text: str, q: Quantity) -> bool:
    """A missile, drone, shell or balloon counted where it hit, landed or fell: the
    annotation guide's 'other', whatever the total fired."""
    words = (q.unit or "").lower().split()
    if not words or (q.unit.lower() not in AERIAL and words[-1] not in AERIAL):
        return False  # ("sea drones", "attack drones": munitions too)
    end = q.unit_span.end if q.unit_span is not None and q.unit_span.end > q.span.end \
        else q.span.end
    return bool(MUNITION_HIT.match(text, end))


# munitions flown or floated by whoever fires them: the guide's 'launched', never a delivery
_FLOWN_AT = re.compile(r"\b(?:flown|flew|fly|flying|floated|floating|float)\b(?!\s+in\b)",
                       re.I)  # ("flown in": brought in, a delivery)


# aid handed to people: "delivered food to", "provided ... with", "handing out ... to"
AID_TO = re.compile(r"\b(?:deliver(?:ed|ing|s)?|provid(?:ed|ing|es)|distribut(?:ed|ing|es)|"
                    r"hand(?:ed|ing|s)\s+out|g[ai]ve|giving|suppl(?:ied|ying|ies))\s+"
                    # ("handed out food, blankets and stoves to": a list of goods)
                    r"(?:(?:[^.;,]|(?<=\d),(?=\d)|,(?=\s+[a-z]+(?:\s+[a-z]+)?\s+(?:and|or)\s))"
                    r"{0,70}?"
                    r"\b(?:to|for)\s+)?(?:(?:some|about|around|nearly|over|more\s+than|"
                    r"at\s+least|another|a\s+further)\s+)?$", re.I)
NUMBER_OF = re.compile(r"\b(?:number|total|count|tally)\s+"
                       r"(?:of\s+(?:the\s+)?(?:[\w'’-]+,?\s+){0,6}?)?"
                       r"(?P<word>killed|dead|wounded|injured|dispatched|deployed|sent|"
                       r"captured|arrested|detained|abducted|kidnapped|displaced|evacuated|destroyed|"
                       r"shot down|intercepted|launched|"
                       r"fired|stationed|trained|freed|released|returned|rescued)\b", re.I)


def number_of_status(text: str, window: tuple[int, int], allowed: set[str],
                     q: Quantity) -> str | None:
    """'the number of people killed in the attack at 12', 'bring to 3,000 the number of
    soldiers dispatched': the participle on the counted noun names the status. A count
    named further on is another figure's ("220 were still in hospital, so the number of
    dead could rise")."""
    m = NUMBER_OF.search(text, window[0], window[1])
    if m is None or (m.start() > q.span.end and
                     len(text[q.span.end:m.start()].split()) > 3):
        return None
    word = m.group("word")
    found = [st for st, rx in CUE_RX.items() if rx.fullmatch(word) and st in allowed]
    found = [st for st in found if st != "destroyed" or "intercepted" not in found]
    return found[0] if len(found) == 1 else None


_OWN_OUTCOME = re.compile(
    r"\s*(?:of\s+(?:them|whom|those)\s+)?(?:(?:were|was|have been|had been|are|is)\s+)?"
    r"(?:still\s+)?(?:killed|wounded|injured|fatal|"
    r"dead|died|"
    r"captured|missing|destroyed|shot down|intercepted)\b")


def own_outcome(text: str, q: Quantity) -> bool:
    """'including some 600 deaths', 'of whom 25,200 were killed': the part says its own."""
    end = q.unit_span.end if q.unit_span is not None else q.span.end
    # an outcome noun ("deaths") says its own; a group ("prisoners") takes the whole's
    return NOUN_STATUS.get((q.unit or "").lower()) in ("killed", "wounded", "casualties") or \
        bool(_OWN_OUTCOME.match(text[end:end + 40]))


def label_verb(text: str, q: Quantity, m: re.Match[str]) -> bool:
    """A list label that says what befell its noun ("cruise missiles shot down – 3,918"):
    the cue after the counted words, in a label before the figure."""
    span = q.unit_span
    if span is None or span.end > q.span.start or not q.unit:
        return False
    at = text.lower().find(q.unit.lower(), span.start, span.end)
    return at >= 0 and m.start() >= at + len(q.unit)


def part_verb(text: str, q: Quantity, allowed: set[str]) -> str | None:
    """The outcome a part's own verb states: 'three of whom died' (killed)."""
    part = OF_WHOM_VERB.match(text, q.span.end)
    if part is None:
        return None
    own = [st for st, m in cue_matches(text, part.start("v"), part.end("v"))
           if st in allowed and st in OUTCOMES]
    return own[0] if own else None


def says_other(text: str, window: tuple[int, int]) -> bool:
    """A cue of its own for 'other' in the clause: "another 852 were left damaged" says
    what befell them, unlike a bare restatement ("put the figure at 3,000")."""
    return any(st == "other" and not is_modifier(text, m) and not not_a_cue(text, m, st)
               for st, m in cue_matches(text, *window))


def intro_status(text: str, intro: Span, cat: str) -> str:
    """The status a list's introduction gives all its items ("equipment losses stood as
    follows:"): its last cue that fits what the item counts."""
    found = [st for st, m in cue_matches(text, intro.start, intro.end)
             if st in ALLOWED[cat] and not is_modifier(text, m) and not not_a_cue(text, m, st)
             and not describes_noun(text, m)]
    if not found and cat == "people" and any(
            st == "supplied" and m.group(0).lower() in OFFERED | {"approved"}
            for st, m in cue_matches(text, intro.start, intro.end)):
        # "The units approved are:", "the approved contingents are:" over a list of
        # units: people cleared or promised to go, still to come
        return "planned"
    return found[-1] if found else "other"


def inherit(status: str, cat: str) -> str:
    if status == "casualties" and cat == "weapons":
        return "destroyed"  # "losses stand at 666,340 personnel, 19,322 artillery systems"
    if status == "supplied" and cat == "people":
        return status  # "reached 890,000 people with aid, including 431,000 in Kharkiv"
    return status if status in ALLOWED[cat] else "other"


# a force counted as who guards, holds or attacks: "protected by about 100 officers",
# "attacked by nearly 300 troops", "contested by more than 100 armed groups"
AGENTS_BY = re.compile(r"\b(?:protected|guarded|defended|held|manned|garrisoned|attacked|"
                       r"surrounded|encircled|besieged|confronted|outnumbered|opposed|"
                       r"ambushed|assaulted|patrolled|controlled|occupied|contested|staffed|"
                       r"policed|secured)\s+by\s+(?:(?:only|just|some|" + HEDGE_PHRASE +
                       r")\s+){0,2}$", re.I)
# the armed forces of a side, whose count somewhere is their presence
FORCES = {"troops", "soldiers", "servicemen", "service members", "military personnel",
          "personnel", "fighters", "militants", "mercenaries", "officers", "marines",
          "paratroopers", "special forces", "commandos", "sailors", "infantry", "others",
          "armed groups", "guards", "police officers", "policemen", "peacekeepers"}
# those who serve a side or an agency: when they move, leave or are relocated they are not
# displaced; flight is a civilian's ("10,000 marines have left the province", "23 aid workers
# were relocated", "18 service members were moved out for care")
SERVING = FORCES - {"others", "armed groups"} | {
    "service member", "servicemember", "servicemembers", "serviceman", "servicewomen",
    "soldier", "troop", "officer", "military personnel", "security personnel", "staff",
    "staff members", "employees", "crew", "crew members", "crewmen", "aid workers",
    "humanitarian workers", "health workers", "medical workers", "diplomats", "contractors",
    "gendarmes", "guardsmen", "border guards", "rescuers", "rescue workers", "firefighters"}


# on the way somewhere: "they are heading to Texas", "en route to the border"
HEADING = re.compile(r"\b(?:heading|headed|en\s+route|on\s+(?:their|its|the)\s+way|"
                     r"bound|making\s+their\s+way)\s+(?:to|for|towards?|into)\b", re.I)


# people moved on for medical care: "were flown out for a higher level of care", "were
# flown on to the United States and will be treated there" - patients carried, not a force
# sent on an errand (the wounded were counted where they were hurt)
FOR_CARE = re.compile(r"\b(?:flown|moved|taken|airlifted|evacuated|transferred|transported|"
                      r"sent)\b[^.;:]{0,60}?\b(?:for\s+(?:(?:further|a\s+higher\s+level\s+of|"
                      r"higher|medical|specialist|specialised|specialized|more)\s+)*(?:care|"
                      r"treatment|evaluation)|(?:will|would|are\s+to|were\s+to)\s+be\s+treated)\b",
                      re.I)


def moved_for_care(text: str, q: Quantity, window: tuple[int, int]) -> bool:
    """A count moved on for medical care (other, not sent)."""
    return bool(FOR_CARE.search(text, q.span.end, window[1]))


def moves_in_service(unit: str | None) -> bool:
    """A counted noun naming people who serve (troops, staff, crews): their moves are no
    flight."""
    return (unit or "").lower() in SERVING


# a search, raid or arrest rather than a battle: what police or troops seize there is
# neither captured in fighting nor destroyed ("police seized nine rifles and two cars")
SEARCH_SEIZURE = re.compile(r"\b(?:seiz(?:ed|es|ing|ure)|confiscat(?:ed|es|ing|ion))\b", re.I)
SEARCH_FINDS = re.compile(
    r"\b(?:police|policemen|customs|raids?|searches|searched|arrests?|arrested|suspects|"
    r"(?:fire|hand|long\s+|shot)guns?|rifles|pistols|revolvers|firearms|long\s+weapons|"
    r"small\s+arms|grenades|cartridges|explosives?|explosive\s+material|drugs|cocaine|"
    r"narcotics|marijuana|cannabis|methamphetamine)\b", re.I)


def seized_in_search(text: str, start: int, end: int) -> bool:
    """A seizure in the sentence text[start:end] that reads as a search or raid: the
    verb seize with police, an arrest, or the small arms and drugs searches turn up."""
    return bool(SEARCH_SEIZURE.search(text, start, end)) and \
        bool(SEARCH_FINDS.search(text, start, end))


# where a force is, said with no verb at all: "about 1,000 soldiers in Niamey and 400
# others in the northwest", "a unit of 300 troops already in the city", or with a bare
# copula: "three corvettes were in the area"
WHERE_NO_VERB = re.compile(r"\s*(?:,\s*)?(?P<be>(?:were|are|was|is|remain|remained|"
                           r"(?:have|has|had)\s+been)\s+(?:still\s+|"
                           r"now\s+|also\s+|already\s+)?)?(?:(?:already|still|now)\s+)?(?:others?\s+)?"
                           r"(?:in|at|inside|near|"
                           r"off|on)\s+(?:the\s+)?(?:[A-Z]|(?:north|south|east|west|"
                           r"area|region|waters?|sea|border|frontier)\b|\w+ern\b)")


def stands_where(text: str, q: Quantity, cat: str) -> bool:
    """A force or its kit counted where it is, with no verb of movement or outcome: "about
    1,000 soldiers in Niamey", "three corvettes were in the area" (present). Weapons need
    the copula: "fired 109 drones at Kyiv" names a target, not a place they stand."""
    end = q.unit_span.end if q.unit_span is not None and q.unit_span.end > q.span.end \
        else q.span.end
    m = WHERE_NO_VERB.match(text, end)
    if m is None:
        return False
    if cat == "people":
        # a force without a verb ("1,000 soldiers in Niamey")
        return (q.unit or "").lower() in FORCES
    return cat == "weapons" and m.group("be") is not None


# people said to be at a place with a copula: "800 students were at the school that night",
# "2,000 guardsmen who have been on the border since May"
# ("were at risk", "were in custody": no article, no place)
PEOPLE_AT = re.compile(r"\s*,?\s*(?:(?:who|that)\s+)?(?:were|are|was|is|remain|remained|"
                       r"(?:have|has|had)\s+been)\s+"
                       r"(?:still\s+|now\s+|also\s+|already\s+)?(?:in|at|inside|on|aboard)\s+"
                       r"(?:the|a|an|their|its)\s+(?!(?:same|time|moment|end|start|hands|mercy|"
                       r"heart|centre|center|way|run|move|front\s+line)\b)\w", re.I)


# a side's strength as someone reckons it: "the group was estimated at some 3,500 members",
# "puts the militia at roughly 2,000 fighters"
STRENGTH_AT = re.compile(r"\b(?:estimated|estimates?|put|puts|reckoned|reckons|assessed|"
                         r"assesses)\b[^.;:]{0,80}?\bat\s+(?:(?:" + HEDGE_PHRASE +
                         r"|between)\s+)?$", re.I)
# the members of an armed body, whose strength is their presence
MEMBERS = FORCES | {"members", "personnel", "fighters", "combatants", "guerrillas", "rebels",
                    "insurgents", "militiamen", "gunmen"}


def strength_at(text: str, q: Quantity, window: tuple[int, int], cat: str) -> bool:
    """An armed body's strength put at a figure: present (what it has there)."""
    return _people(q, cat) and (q.unit or "").lower() in MEMBERS and bool(STRENGTH_AT.search(
        text, max(window[0], q.span.start - 120), q.span.start))


def people_at(text: str, q: Quantity, cat: str) -> bool:
    """Anyone counted where they were, with a copula and a place: present."""
    end = q.unit_span.end if q.unit_span is not None and q.unit_span.end > q.span.end \
        else q.span.end
    return _people(q, cat) and bool(PEOPLE_AT.match(text, end))


def _people(q: Quantity, cat: str) -> bool:
    """People, also the members of a body ("2,000 National Guard members"), which the
    lexicon leaves uncategorised because members of an assembly are no force."""
    return cat == "people" or (q.unit or "").lower() == "members"


# aircraft or drones that crossed into another's airspace: an incursion, neither a
# deployment nor a delivery ("three fighters entered Estonian airspace")
INCURSION = re.compile(r"(?:entered|enter|entering|flew|flown|flying|crossed|violated|"
                       r"intruded)\s+(?:into\s+|over\s+)?(?:the\s+|its\s+|their\s+)?"
                       r"(?:[\w'’-]+\s+){0,3}?(?:airspace|air\s+space|safety\s+zone|"
                       r"territorial\s+waters|ADIZ|air\s+defen[cs]e\s+identification\s+zone|"
                       r"median\s+line)\b", re.I)


def incursion_status(unit: str | None, cat: str) -> str:
    """What crossing into another's airspace, zone or waters makes of a count: aircraft and
    ships are an incursion (other); drones and missiles are flown at the other side
    (launched), as the guide has it."""
    words = (unit or "").lower().split()
    return "launched" if cat == "weapons" and "launched" in ALLOWED[cat] and words and \
        words[-1] in AERIAL else "other"


# a plan already approved: "approved a request to send 500 troops" (sent)
APPROVED_TO = re.compile(r"\b(?:approved|authori[sz]ed|ordered|greenlit|signed\s+off\s+on)\b"
                         r"[^.;:]{0,50}$", re.I)


# a thing's value said with a copula: "the developments are worth some $60 billion" is no
# money given, unless what is worth it is a package of aid
WORTH_OF = re.compile(r"\b(?:is|are|was|were|be|been)\s+(?:now\s+|still\s+)?worth\s+(?:"
                      + HEDGE_PHRASE + r"\s+)?$", re.I)
GIVEN_THING = re.compile(r"\b(?:package|aid|assistance|tranche|support|loan|grant|deal|"
                         r"contract|sale|order|donation|contribution|pledge)s?\b", re.I)


# the wounded counted apart later in the sentence: "others were wounded", "and 30 injured"
WOUNDED_APART = re.compile(r"[^.;!?]*?\b(?:and|while|,)\s+[^.;!?]{0,20}?\b(?:\d[\d,]*|others?|"
                           r"more|another|dozens|hundreds|(?:one|two|three|four|five|six|seven|"
                           r"eight|nine|ten|twelve|twenty|thirty|forty|fifty)\b)"
                           r"[^.;!?]{0,30}?\b(?:wounded|injured|hurt)\b", re.I)


# people in medical care are the wounded: "admitted to the city's hospitals", "diagnosed
# with concussion", "treated at trauma points"; a hospital that "received 500 injured"
CARE_AFTER = re.compile(
    r"[^.;:]{0,40}?\b(?:(?:admitted|rushed|brought|airlifted)\s+(?:in)?to\s+(?:the\s+|a\s+)?"
    r"(?:[\w'’-]+\s+){0,2}?(?:hospitals?|clinics?|medical\s+(?:facilities|cent(?:re|er)s))|"
    r"diagnosed\s+with\s+(?:[\w-]+\s+){0,3}?(?:concussions?|injur\w+|wounds?|trauma\w*|"
    r"fractures?|burns)|treated\s+(?:at|in)\s+(?:[\w'’-]+\s+){0,3}?(?:hospitals?|clinics?|"
    r"trauma|stabili[sz]ation|field\s+hospitals?))\b", re.I)
CARE_BEFORE = re.compile(r"\b(?:hospitals?|clinics?|medics|doctors)\s+(?:had\s+|has\s+|have\s+)?"
                         r"(?:received|admitted|treated)\s+(?:[^.;:\d]{0,30}?)$", re.I)
# money put on a head or paid for a release is no aid: "a $50 million reward", "a ransom"
REWARD = re.compile(r"\b(?:rewards?|bount(?:y|ies)|ransoms?)\b", re.I)
# aircraft and ships watched by the other side: "detected 32 aircraft around the island"
PLATFORMS = {"aircraft", "planes", "jets", "fighter jets", "warplanes", "helicopters",
             "bombers", "warships", "ships", "vessels", "boats", "navy ships", "naval ships",
             "naval vessels", "frigates", "destroyers", "corvettes"}
# the last word of a counted noun that names a platform ("attack helicopters", "patrol
# boats"), unless it is itself a munition ("unmanned boats", "sea drones")
PLATFORM_HEADS = {"aircraft", "planes", "jets", "warplanes", "helicopters", "bombers",
                  "warships", "ships", "vessels", "destroyers", "frigates", "corvettes",
                  "submarines", "cruisers", "gunboats"}


def is_platform(unit: str | None) -> bool:
    """Aircraft and ships: what fires or carries weapons, never fired itself."""
    words = (unit or "").lower().split()
    return bool(words) and words[-1] in PLATFORM_HEADS and words[0] not in (
        "unmanned", "uncrewed", "sea", "naval", "kamikaze")


# a platform that flies or sails on its own errand ("seven bombers flew 18 hours from
# the base") is deployed; one that flies others somewhere ("21 aircraft had flown 350
# soldiers into the country") carries them, and the carried are what is sent
PLATFORM_MOVE = re.compile(r"\s*,?\s*(?:(?:had|have|has|then|also|later)\s+)*(?P<v>flew|flown|"
                           r"sailed|carried|ferried|airlifted|transported)\b(?P<rest>[^.;]*)",
                           re.I)
CARRIED_COUNT = re.compile(r"\s+(?:(?:" + HEDGE_PHRASE + r"|another|a\s+further|more\s+than)\s+)?"
                           r"(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|dozens|"
                           r"hundreds|thousands)\b)(?![\d,.]*\s+(?:hours?|days?|minutes?|"
                           r"kilomet\w+|km|miles|sorties|missions))", re.I)
# weapons trained on a target, not fired: "1,200 missiles pointed at the coast"
POINTED_AT = re.compile(r"\s*,?\s*(?:(?:that|which)\s+(?:are|were|is|was)\s+|(?:are|were)\s+)?"
                        r"(?:now\s+)?(?:pointed|aimed|trained)\s+at\b", re.I)


def _platform_move(text: str, q: Quantity, window: tuple[int, int], status: str) -> str | None:
    """What aircraft and ships did when they flew or sailed, or a weapon pointed at a
    target: deployed on their own errand, other as carriers of a count."""
    end = q.unit_span.end if q.unit_span is not None and q.unit_span.end > q.span.end \
        else q.span.end
    if status == "other" and POINTED_AT.match(text, end, window[1]):
        return "deployed"
    if not is_platform(q.unit):
        return None
    m = PLATFORM_MOVE.match(text, end)  # the carried count lies past the window's end
    if m is None or INCURSION.match(text, m.start("v")):
        return None
    if CARRIED_COUNT.match(m.group("rest")):
        return "other"  # the carriers of a count: the count is what was sent
    if m.group("v").lower() in ("flew", "flown", "sailed"):
        return "deployed"
    return None


SIGHTED = re.compile(r"\b(?:detected|spotted|sighted|seen|tracked|observed|monitored)\b", re.I)


def sighted(text: str, q: Quantity, window: tuple[int, int]) -> bool:
    """Aircraft or ships counted as the other side saw them ("detected 30 aircraft and
    nine ships around the island", "the 125 aircraft seen so far"): a force out there,
    deployed."""
    if (q.unit or "").lower() not in PLATFORMS:
        return False
    end = q.unit_span.end if q.unit_span is not None and q.unit_span.end > q.span.end \
        else q.span.end
    return bool(re.match(r"\s*(?:(?:had|have|has|were|was)\s+(?:been\s+)?)?" + SIGHTED.pattern,
                         text[end:window[1]], re.I) or
                re.search(SIGHTED.pattern + r"\s+(?:(?:a\s+total\s+of|some|about|around|"
                          r"at\s+least|more\s+than|over)\s+)?$",
                          text[max(window[0], q.span.start - 40):q.span.start], re.I))


# lives saved or at stake rather than lost ("cost 40 lives", "claimed 150 lives" are dead)
SAVED_LIVES = re.compile(r"\b(?:sav(?:e|ed|es|ing)|spar(?:e|ed|ing)|protect(?:ed|ing|s)?|"
                         r"risk(?:ed|ing|s)?)\s+(?:the\s+)?(?:(?:" + HEDGE_PHRASE +
                         r")\s+)?$", re.I)


# people no longer held, said on the noun: "120 former detainees", "the 30 freed hostages"
NO_LONGER_HELD = re.compile(r"\b(?:former|ex-|freed|released|liberated|rescued|returning|"
                            r"repatriated)\s*(?:[\w'’-]+\s+)?$", re.I)


# a release named right before the people it frees: "secured the release of 344 schoolboys
# abducted in May", "freed 12 villagers seized last week" - released, whatever held them
RELEASE_BEFORE = re.compile(r"\b(?:(?:release|freeing|rescue|return|handover|exchange|swap)\s+"
                            r"of|freed|frees|released|releases|rescued|set\s+free|swapped|"
                            r"exchanged|handed\s+(?:over|back))\s+(?:(?:the|another|a\s+further|"
                            + HEDGE_PHRASE + r")\s+)*$", re.I)


# people in the hands of a state: "are currently in Israeli custody", "remain in detention"
IN_CUSTODY = re.compile(r"\s*,?\s*(?:(?:are|were|is|was|remain|remained|"
                        r"(?:have|has|had)\s+been)\s+)"
                        r"(?:(?:still|currently|now|already)\s+)?in\s+(?:[A-Z][\w-]*\s+|"
                        r"government\s+|state\s+|police\s+|military\s+|pre-?trial\s+)?"
                        r"(?:custody|detention|jail|prison)\b")
# an abduction named: its missing are still held
KIDNAP = re.compile(r"\b(?:kidnap\w*|abduct\w*|ransom|hostages?|captors?)\b", re.I)


def end_of(q: Quantity) -> int:
    """Where the figure and its counted noun end."""
    return q.unit_span.end if q.unit_span is not None and q.unit_span.end > q.span.end \
        else q.span.end


def sentence_start(text: str, at: int) -> int:
    """Roughly where the sentence holding ``at`` starts."""
    return max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1


def sentence_end(text: str, q: Quantity) -> int:
    """Roughly where the sentence holding ``q`` ends."""
    ends = [i for i in (text.find(". ", q.span.end), text.find("\n", q.span.end)) if i >= 0]
    return min(ends) if ends else len(text)


def status_of(text: str, q: Quantity, window: tuple[int, int], cat: str) -> str:
    """The status of ``q`` read from its window of the sentence, among those its kind of
    noun (``cat``) allows."""
    status = _status_of(text, q, window, cat)
    if status == "killed" and (q.unit or "").lower() == "lives" and SAVED_LIVES.search(
            text, max(window[0], q.span.start - 40), q.span.start):
        return "other"  # "the airlift saved 2,000 lives": lives kept, not lost
    if status == "captured" and cat == "people" and q.unit_span is not None and \
            q.span.end <= q.unit_span.start and \
            NO_LONGER_HELD.search(text, q.span.end, q.unit_span.start):
        return "other"  # "a flight carried 20 former detainees": released, not held
    if status in ("deployed", "sent") and (q.unit or "").lower() in DOERS:
        # "five attackers took part", "100 gunmen rode into the village": those named for
        # the raid are its doers, not a force deployed
        return "other"
    if status == "destroyed" and cat == "weapons" and (
            is_platform(q.unit) or _aerial(q.unit)) and \
            LOST.search(text, window[0], window[1]) and SHOT_WORD.search(
                text, sentence_start(text, q.span.start), sentence_end(text, q)):
        # "the Houthis said they had downed a drone; the military said one was lost": lost
        # in the air, in a sentence that speaks of bringing it down
        return "intercepted"
    if status == "present" and cat == "people" and (
            NOUN_STATUS.get((q.unit or "").lower()) == "captured" or
            IN_CUSTODY.match(text, end_of(q), window[1])):
        # "116 hostages remain in Gaza", "7,200 are currently in Israeli custody": held
        # where they are
        return "captured"
    if status == "captured" and cat in ("people", "other") and RELEASE_BEFORE.search(
            text, max(window[0], q.span.start - 50), q.span.start):
        return "other"  # "negotiated the release of 40 abducted workers": freed
    if status == "other" and cat in ("people", "other") and \
            MISSING.search(text, end_of(q), window[1]) and \
            KIDNAP.search(text, sentence_start(text, q.span.start), sentence_end(text, q)):
        # "33 women and children were still missing, and the kidnappers want a ransom":
        # missing after an abduction the sentence names, so still held
        return "captured"
    if cat == "people" and (q.unit or "").lower() != "patients" and status in (
            "other", "sent", "present", "displaced", "deployed") and (
            CARE_AFTER.match(text, q.span.end, window[1]) or
            CARE_BEFORE.search(text, max(window[0], q.span.start - 60), q.span.start)):
        return "wounded"  # "88 people had been admitted to hospitals": hurt, in care
    if status == "supplied" and cat == "money" and REWARD.search(
            text, max(window[0], q.span.start - 40), min(window[1], q.span.end + 40)):
        return "other"  # "doubled to $50 million the reward": a price on a head, not aid
    if status == "other" and cat == "weapons" and sighted(text, q, window):
        return "deployed"  # "detected 30 aircraft around the island": out there
    if cat == "weapons" and status in ("other", "sent", "deployed") and \
            (is_platform(q.unit) or status == "other"):
        flown = _platform_move(text, q, window, status)
        if flown is not None:
            return flown
    if status == "launched" and cat == "weapons" and is_platform(q.unit):
        # "used two attack helicopters against the rebels", "two destroyers fired a dozen
        # interceptors": a platform flies or fires in an attack, it is not fired
        return "deployed"
    if status == "supplied" and cat == "money" and WORTH_OF.search(
            text, max(window[0], q.span.start - 40), q.span.start) and \
            not GIVEN_THING.search(text, max(0, window[0], q.span.start - 90), q.span.start):
        return "other"  # "gas developments are worth some $60 billion": a value, not aid
    if status in ("killed", "wounded", "casualties", "captured") and cat == "people" and \
            casualties_handled(text, q, window):
        # "2,000 injured soldiers were flown home": handled, not a toll; "four flights
        # carried 318 prisoners": captives moved in an exchange
        return "other"
    if status == "casualties" and cat == "people" and \
            OWN_LOST.search(text, max(window[0], q.span.start - 40), q.span.start) and \
            WOUNDED_APART.match(text, q.span.end):
        # "we lost 20 soldiers, and 10 others were wounded": the loss is the dead, the
        # wounded are counted apart
        return "killed"
    return status


# what ``_status_of`` reads, compiled once rather than looked up in re's cache each time
# a forecast of the count restated: "expected the number to exceed 3,000" speaks of the
# figure it names, not of the count said before it
_FORECAST_OF_FIGURE = re.compile(r"\s+(?:the|that|this|its|their)\s+(?:number|figure|toll|"
                                 r"total|count|tally)\s+to\b", re.I)
_OF_ITS_OWN = re.compile(r"\s+of\s+(?:its|their|our|his|her)\s+")
_IT_IS_BEFORE = re.compile(r"\b(?:it|there|they)\s+(?:is|are|was|were)\s+(?:still\s+|now\s+)?$")
_REACHED_BEFORE = re.compile(r"\b(?:reach(?:ed|es|ing)|assist(?:ed|s|ing))\s+$")
_AID_WORD = re.compile(r"\b(?:assistance|aid|food|cash|supplies|relief)\b")
_ON_TARGET = re.compile(r"\s+(?:on|against|at)\s+(?:the\s+)?|\s*")
_THEN_KILLED = re.compile(r"[\"”]?\s+and\s+(?:then\s+|later\s+)?(?:"
                          r"executed|killed|shot\s+dead|murdered)\b")
# an aside on a part of the figure, its verb the part's: ", most of them recruited locally"
_PART_ASIDE = re.compile(r"\s*,\s*(?:most|many|some|half|several|a\s+few|a\s+third|a\s+quarter)"
                         r"\s+of\s+(?:them|whom)\s+(?!(?:were|was|are|is|have|had|has)\b)"
                         r"[^,;.]*$", re.I)
# a kind of the displaced named before the counted noun: "refugee families", "IDP households"
_DISPLACED_KIND = re.compile(r"\b(?:refugee|idp|evacuee|returnee|asylum-seeker)\b", re.I)
_HOPED = re.compile(r"\b(?:hope[sd]?|hoping|expects?|expected|believes?|thinks?|predicts?)\b",
                    re.I)
_FUTURE_BEFORE = re.compile(r"\b(?:will|would|shall|is\s+to|are\s+to)\s+(?:then\s+|also\s+|"
                            r"eventually\s+|soon\s+)?$", re.I)
_NEWLY_ARRIVED = re.compile(r"\b(?:newly|recently|just)[\s-]+arrived\b", re.I)
_HAVE_GAP = re.compile(r"\s*(?:have|has|had)\s+")
_PASSIVE_GAP = re.compile(r"\s*(?:,\s*[^,;.:()]{3,70},\s*)?"
                          r"\s*,?\s*(?:others?\s+|more\s+)?(?:were|was|are|is|have been|had been|"
                          r"has been)?\s*(?:being\s+|still\s+|all\s+)?(?:" + SEVERITY + r"\s+)?")
_CLEARED_TO = re.compile(r"\b(?:been|were|was|are|is|be)\s+(?:\w+ly\s+)?(?:approved|authori[sz]ed|"
                         r"ordered|cleared)\s+$", re.I)
_ANY_STOP = re.compile(r"[.;:!?]")
_PASSIVE_AUX = re.compile(r"\b(?:were|was|been|being|are|is)\b", re.I)
_AUX_BEFORE = re.compile(r"\b(?:(?:have|has|had)(?:\s+been)?|were|was)\s+$")
_RELATIVE_GAP = re.compile(r"\s*,?\s*(?:who|that|which)\b")
_THERE_IS_BEFORE = re.compile(r"\bthere\s+(?:is|are|was|were)\s+(?:still\s+|now\s+)?$")
_OTHERS_GAP = re.compile(r"\s*(?:(?:others?|more)\s+)?")


def _status_of(text: str, q: Quantity, window: tuple[int, int], cat: str) -> str:
    allowed = ALLOWED[cat]
    ws, we = window
    before = text[max(ws, q.span.start - 60):q.span.start]
    if "expected" in allowed and FORECAST_REACH.search(before):
        return "expected"  # "the number displaced could soon exceed 10 million"
    end = q.unit_span.end if q.unit_span is not None and q.unit_span.end > q.span.end \
        else q.span.end
    ahead = RELATIVE_FORWARD.match(text, end)
    if ahead is not None:
        # "1,900 Palestinians that Israel is expected to free", "the 20 hostages it is
        # due to set free": what is to become of them, said right after them
        wanted = "expected" if ahead.group("how").lower() in ("expected", "likely") \
            else "planned"
        if wanted in allowed:
            return wanted
    if "planned" in allowed and (PLAN_REACH.search(before) or (
            TO_COME_AFTER.match(text, end) and (
                cat in ("money", "weapons") or not TO_COME_AFTER.match(text, end).group("be")))):
        # "the unit is to grow to 150", "ten new camps are to open soon", "$500 million is
        # expected to be drawn": what the actor has in hand and will do
        return "planned"
    if cat == "people" and (AIMED_AT.search(before) and AID_PLAN.search(
            text, sentence_start(text, q.span.start), q.span.start) or
            TARGETED_AFTER.match(text, end) or TARGETED_LABEL.search(before)):
        # "asks for $1.1 billion to support 2.3 million refugees", "6M people targeted":
        # whom an appeal or a plan means to reach
        return "planned"
    if cat == "people" and "planned" in allowed and (q.unit or "").lower() in SERVING and \
            ASKED_FOR.search(before):
        return "planned"  # "asked last week for 20,000 Guard troops": forces wanted, to come
    if cat == "people" and "planned" in allowed and RELEASE_TO_COME.search(before):
        return "planned"  # "is to free 30 detainees": their release is still to come
    part = PART_OF_THE.match(text, q.span.end)
    if part is not None and q.unit_span is not None and q.unit_span.start >= part.end():
        found = [st for st, rx in CUE_RX.items() if rx.fullmatch(part.group("what"))
                 and st in allowed]
        if len(found) == 1:
            return found[0]  # "ten of the dead civilians": a part of the dead
    among = AMONG_THE.match(text, end)
    if among is not None and not any(
            st in OUTCOMES for st, _ in cue_matches(text, end, among.start("what") - 1)):
        # (the part may be the first of several: "153 boys and 161 girls were among")
        found = [st for st, rx in CUE_RX.items() if rx.fullmatch(among.group("what"))
                 and st in allowed]
        if len(found) == 1:
            return found[0]  # "153 minors and 161 women were among the injured"
    if cat == "people" and "captured" in allowed and HELD_BY_AFTER.match(text, end) and \
            not FREED_BEFORE.search(before):
        # ("freed two soldiers it had held": what befell them now is the release)
        return "captured"  # "the roughly 240 people it is holding": in its hands
    own = part_verb(text, q, allowed)
    if own is not None:
        return own  # "18 people were badly hurt, three of whom died": their own
    named = number_of_status(text, window, allowed, q)
    if named is not None:
        return named  # "the number of people killed ... at 12": the count names it
    if cat in ("people", "other") and AGENTS_BY.search(before) and not own_outcome(text, q):
        return "present"  # "the region is protected by about 100 officers": a force there
    held = HOLDS.search(before)
    if cat in ("people", "weapons") and held and "planned" in allowed and \
            _FUTURE_BEFORE.search(before, 0, held.start()) and not own_outcome(text, q) and \
            not _HOPED.search(text, sentence_start(text, q.span.start), q.span.start):
        # ("I hope we will have 100 tanks": a hope, the forecast it was)
        return "planned"  # "the regiment will have 600 soldiers": a strength still to come
    if cat in ("people", "weapons") and held and not own_outcome(text, q) and not (
            held.group(0).lower().startswith("hold") and
            NOUN_STATUS.get((q.unit or "").lower()) == "captured"):
        # "Russia has only about 120 strategic bombers", "the prisons hold 39,000 people"
        # ("the rebels hold 40 hostages" keeps them captive)
        return "present"
    if cat == "people" and CARRYING.search(before) and not own_outcome(text, q):
        return "present"  # "the train, which was carrying some 400 passengers": aboard
    if cat in ("other", "weapons") and "sent" in allowed and CARRYING.search(before) and \
            VESSEL_LEFT.search(text, end, sentence_end(text, q)):
        return "sent"  # "a ship carrying 30,000 tons of grain sailed for Djibouti": on its way
    if cat == "money":
        measure = money_measure(text, q, window)
        if measure is not None:
            return measure  # "$7 billion in damage", "needs at $426 million"
        if "planned" in allowed and MONEY_TO_COME.match(text, q.span.end):
            return "planned"  # "$300 million of the package will go to aid": still to come
    if cat == "people" and OWN_LOST.search(text, max(ws, q.span.start - 40), q.span.start) and \
            _OF_ITS_OWN.match(text[q.span.end:q.span.end + 12]):
        return "killed"  # "lost three of its own fighters": the side's own dead
    if cat == "people" and _IT_IS_BEFORE.search(text[max(ws, q.span.start - 24):q.span.start]) \
            and \
            NOUN_STATUS.get((q.unit or "").lower()) != "displaced":
        # ("there were 9 million internally displaced people": displaced, not only present)
        return "present"  # "we believe it is roughly 11,000 to 12,000 troops"
    if cat == "people" and (AID_TO.search(text, max(0, q.span.start - 90), q.span.start) or (
            _REACHED_BEFORE.search(text[max(ws, q.span.start - 20):q.span.start]) and
            _AID_WORD.search(text[ws:we]))):
        return "supplied"  # "delivered food to 115,000 people": whom aid reached
    anchor_b = q.span.start
    anchor_a = q.unit_span.end if q.unit_span is not None and q.unit_span.end > q.span.end \
        else q.span.end
    semi = text.find(";", anchor_a, we)
    if semi >= 0:
        we = semi  # "took aboard 21 survivors; medics treat the injured": a clause of its own
    best: tuple[float, str] | None = None
    forward: tuple[float, str] | None = None
    lead: tuple[float, str] | None = None  # the nearest cue before the number
    participle: str | None = None  # an outcome standing between number and noun
    closed: str | None = None  # an outcome closing the conjunct before this one
    for status, m in cue_matches(text, ws, we):
        word = m.group(0).lower()
        if cat == "people" and status == "supplied" and word in OFFERED:
            status = "planned"  # "Kenya has offered 1,000 officers": a promise of people
        if cat == "people" and status == "supplied" and word.startswith("decided to"):
            status = "planned"  # "decided to send 12,000 troops": a decision, still to come
        if status == "launched" and word in ATTACK_WORDS and \
                (q.unit or "").lower() not in AERIAL and cat != "attacks" and \
                m.end() <= q.span.start and _ON_TARGET.fullmatch(text[m.end():q.span.start]) and \
                (word not in ("attack", "attacks", "strike", "strikes") or
                 text[m.end():q.span.start].strip()):
            status = "other"  # "an attack on three warships": the target, not the weapon
        if status == "launched" and word in ATTACK_WORDS and m.start() >= anchor_a and \
                EVENT_AFTER.search(text, max(ws, m.start() - 40), m.start()):
            status = "other"  # "one drone in the hours after India's missile strikes"
        if status == "sent" and word in ("landed", "touched down") and \
                (q.unit or "").lower().rstrip("s") + "s" in AERIAL:
            status = "other"  # "one missile landed near the embassy": a hit, not a delivery
        if status in ("deployed", "sent") and INCURSION.match(text, m.start()):
            # "two bombers entered the zone": an incursion; drones and missiles that cross
            # in are flown at the other side ("21 drones entered its airspace": launched)
            status = incursion_status(q.unit, cat)
        if status == "planned" and word in ("to send", "to deploy") and \
                APPROVED_TO.search(text, max(ws, m.start() - 60), m.start()) and \
                not _CLEARED_TO.search(text, max(ws, m.start() - 40), m.start()):
            # ("1,000 troops have been approved to deploy": cleared to go, still to come)
            # "approved a Pentagon request to send 500 troops": decided, so sent
            status = "sent" if word == "to send" else "deployed"
        if status == "expected" and m.start() >= anchor_a and \
                _FORECAST_OF_FIGURE.match(text, m.end()):
            continue  # "has risen to 2,719, adding that he expected the number to exceed
            # 3,000": the forecast is the later figure's
        if status == "present" and word == "registered" and cat != "people":
            continue  # "registered 1,365 complaints", "three flights were registered": a
            # record kept, not where people are
        if word == "toll" and NOUN_STATUS.get((q.unit or "").lower()) in (
                "casualties", "wounded"):
            # "4,000 killed or wounded, while others put the toll at 1,200": the toll
            # counts what the figure before it counted
            status = NOUN_STATUS[(q.unit or "").lower()]
        if status == "other" and word == "handed over" and cat not in ("people", "places"):
            continue  # "handed over 25 tonnes of food": goods handed over are supplied;
            # people handed over are released
        if status == "destroyed" and cat == "people" and word in ("burned", "burnt"):
            status = "wounded"  # "two of them badly burnt": people burned are hurt
        if status == "intercepted" and cat == "people" and word.startswith("neutrali"):
            status = "killed"  # "12 attackers were neutralized": people are put out of action
        if status == "training" and "training" not in allowed and word in READIED:
            status = "deployed"  # "readied six F-16 jets along the border"
        if status not in allowed or is_modifier(text, m) or not_a_cue(text, m, status):
            continue
        if status == "destroyed" and word in SHOT_DOWN and "intercepted" in allowed and \
                not GROUND.search(text, ws, we):
            status = "intercepted"  # "five planes had been downed": brought down in flight
        if status == "deployed" and word in TOOK_PART and ATTACK_AFTER.match(text, m.end()):
            status = "other"  # "70 militants took part in the attack": no deployment
        if m.end() <= anchor_b and describes_noun(text, m) and \
                text.find(":", m.end(), anchor_b) >= 0:
            continue  # "six drones sent by India: four over Okara": the noun's participle
        if status == "captured" and _THEN_KILLED.match(text[m.end():m.end() + 30]):
            continue  # "arrested and executed": what befell them last
        if status == "captured" and cat == "weapons" and word not in SEIZED:
            continue  # "hostages", "detained", "in captivity" speak of people only
        if status == "wounded" and LATER_DIED.match(text, m.end()):
            continue  # "was wounded in the raid and later died": what befell them last
        if word == "holding" and not (cat == "people" and m.end() <= anchor_b and
                                      HOLDING_OBJECT.fullmatch(text, m.end(), anchor_b)):
            continue  # "were holding 214 people" captive; "troops holding the line" not
        if m.end() <= anchor_b and status in OUTCOMES and closes_previous(text, m, ws, q):
            closed = closed or status
            continue  # "two civilians killed and 12 others injured": the two were killed
        if q.span.start <= m.start() < anchor_a:
            if status in OUTCOMES and q.unit_span is not None and \
                    q.span.end <= m.start() < q.unit_span.start and \
                    m.group(0).lower().endswith("ed") and participle is None:
                participle = status  # "six destroyed missile boats"
            continue
        if q.unit_span is not None and q.unit_span.start <= m.start() < q.unit_span.end \
                and not label_verb(text, q, m):
            continue  # the counted noun's own words ("multiple launch rocket systems")
        if cat == "money" and status == "other" and m.group(0).lower() in (
                "released", "release"):
            status = "supplied"  # "the UN has released $20 million": money paid out
        if status in ("destroyed", "launched") and m.group(0).lower() in HIT and (
                cat == "places" or (q.unit or "").lower() in TARGETS or
                (m.start() >= anchor_a and (q.unit or "").lower() in AERIAL)):
            # "hits at 22 locations", "shelled 31 settlements", "nine missiles struck
            # two air bases": a place hit is not destroyed, a missile that hits landed
            status = "other"
        if m.end() <= anchor_b:
            dist = len(text[m.end():anchor_b].split())
            if status in FORWARD and dist <= 14:
                if forward is None or dist < forward[0]:
                    forward = (dist, status)
            elif lead is None or dist <= lead[0]:
                lead = (dist, status)
        else:
            gap = text[anchor_a:m.start()]
            if _PART_ASIDE.match(gap):
                continue  # "1,500 soldiers, most of them recruited locally": the part's verb
            dist = len(gap.split()) + 0.5
            if status in OUTCOMES and (q.unit or "").lower() in ATTACKERS and \
                    not _PASSIVE_AUX.search(gap) and DEED_OBJECT.match(text, m.end()):
                continue  # "100 gunmen rode into the village, seized residents": the doers
            if status in OUTCOMES and _HAVE_GAP.fullmatch(gap) and \
                    m.group(0).lower() in TRANSITIVE and AGENT_OBJECT.match(text, m.end()):
                continue  # "100 jets had destroyed thousands of launchers": the doers
            if (status in OUTCOMES or MISSING.fullmatch(m.group(0)) or (
                    status == "other" and word in RELEASED)) and _PASSIVE_GAP.fullmatch(gap):
                # "200 servicemen killed": the participle on the noun decides; also past an
                # aside ("four people, including a child, were wounded")
                dist = -1
            elif status == "other" and word in RELEASED and len(gap.split()) <= 16 and \
                    "," not in gap and _AUX_BEFORE.search(gap):
                # "100 people kidnapped from the village have been released": the main verb
                # after the noun's participle is what befell them last
                dist = -2
            elif status in OUTCOMES and len(gap.split()) <= 10 and "," not in gap and \
                    _AUX_BEFORE.search(gap):
                # "300 soldiers dispatched to Russia have been killed": the main verb,
                # not the participle describing the noun
                dist = 0
            if status in ("killed", "wounded") and RELATIVE_ONLY.fullmatch(gap):
                dist = -1  # "28 hostages who died in captivity": what befell them
            elif _RELATIVE_GAP.match(gap) and (status in OUTCOMES or (
                    status == "other" and word in RELEASED)) and \
                    len(gap.split()) <= 20 and "," not in gap and \
                    MAIN_AFTER_RELATIVE.search(gap):
                # "17 soldiers who had been badly hurt in the cold had died", "three guards
                # who had been abducted were freed": the main verb after the relative
                # clause, not the clause's own
                dist = 0
            elif _RELATIVE_GAP.match(gap):
                dist += 10  # "ten citizens who fought for Ukraine were released"
            if status == "other" and word.startswith("handed them") and \
                    len(gap.split()) <= 20 and not _ANY_STOP.search(gap):
                dist = -2  # "drove 24 hostages out and handed them to the army": released
            if status in FORWARD and gap.strip():
                dist += 3  # a forecast after the number rarely governs it; one right
                # after the counted noun does ("5 million people could become refugees")
        if best is None or dist < best[0]:
            best = (dist, status)
    if participle is None and "displaced" in allowed and q.unit_span is not None and \
            q.span.end <= q.unit_span.start and (
                _DISPLACED_KIND.search(text, q.span.end, q.unit_span.start) or (
                    (q.unit or "").lower() in CIVILIANS and
                    _NEWLY_ARRIVED.search(text, q.span.end, q.unit_span.start))):
        # ("300 newly arrived families": civilians who came are people who fled)
        participle = "displaced"  # "1,053 refugee families have been registered"
    if participle is not None and (best is None or best[0] > 1) and forward is None:
        # "counted six destroyed missile boats": no verb nearer says otherwise
        # ("captured two wounded soldiers" were captured)
        return participle
    noun = NOUN_STATUS.get((q.unit or "").lower())
    if noun == "displaced" and _THERE_IS_BEFORE.search(text[max(ws, q.span.start - 24):
                                                             q.span.start]):
        return "displaced"  # "there were 9.05 million internally displaced people"
    if noun == "displaced" and best is not None and best[1] == "present" and best[0] <= 1:
        return "present"  # "the camp hosts 400,000 displaced people": where they are now
    if noun in GROUP_NOUN_STATUSES and lead is not None and lead[0] <= 1 and \
            lead[1] in ("killed", "wounded", "casualties", "other") and \
            (best is None or best[0] >= 0):
        # "has killed 50 hostages", "freed 24 hostages": a verb on the group says what
        # befell it; the noun only says who they were
        return lead[1]
    if forward is not None and forward[0] <= 1 and (best is None or best[0] >= 0):
        return forward[1]  # "each side would free 1,000 prisoners": a plan, not a count
    if noun and q.unit_span is not None and \
            _OTHERS_GAP.fullmatch(text[q.span.end:q.unit_span.start]):
        if noun in allowed and (best is None or best[0] >= 0):
            return noun  # "2,700 (others) wounded": the counted word is the status itself
    if forward is not None and (best is None or forward[0] <= best[0] + 8):
        return forward[1]
    if noun and noun in allowed and (best is None or best[0] > 2 or best[1] in (
            "present", "deployed", "sent", "supplied")):
        return noun
    if best is not None and best[0] <= 25:
        status = best[1]
        if cat == "weapons" and (q.unit or "").lower() in AERIAL:
            status = aerial_status(text, q, window, status)
        return status
    if noun and noun in allowed:
        return noun
    if cat == "attacks":
        # strikes and attacks are launched; clashes and engagements are fought
        return NOUN_STATUS.get((q.unit or "").lower(), "other")
    if cat == "money":
        return "supplied"
    if closed is not None:
        return closed  # "ten were killed and 40 more": nothing else says otherwise
    return "other"
