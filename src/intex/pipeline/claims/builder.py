"""Claims: a counted quantity, its status, place, date, modality and chain of sources.

The rules read how reports are written (see ``lexicon.py`` and ``attribution.py``),
never one article's wording.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from intex import __version__
from intex.gazetteer import Gazetteer, default_gazetteer
from intex.model import Claim, SourceRef, Span
from intex.pipeline.attribution import Attributor, report_outlet
from intex.pipeline.attribution.candidates import SourceCandidates
from intex.pipeline.attribution.discourse import attribute_sentences, is_list_item
from intex.pipeline.attribution.ranker import LinearRanker, Trace, load_ranker
from intex.pipeline.claims.cues import (
    AERIAL,
    ALLOWED,
    CUE_RX,
    FORWARD,
    MOD_RX,
    OUTCOMES,
    category,
    unit_category,
)
from intex.pipeline.claims.forms import (
    ARRIVED,
    CIVILIANS,
    HURT_HOW,
    LABELLED_LINE,
    PACKAGE_HOLDS,
    PART_LEAD,
    SHELTERED,
    TALLY_COMPRISES,
    equipment_units,
    intro_noun,
    item_headline,
    statement_cell,
)
from intex.pipeline.claims.location import settle_locations
from intex.pipeline.claims.relations import (
    OF_THE_ITS_THEIR,
    OF_THEM_WHOM,
    OF_THEM_WHOM_THOSE,
    among_whole,
    changed_to,
    described,
    headline_line,
    in_summary,
    in_title,
    is_aside,
    listed_after,
    moved_out,
    of_total,
    part_of,
    refers_back,
    shares_noun,
    spelled_out,
    split_whole,
    with_next,
)
from intex.pipeline.claims.restated import restated_from
from intex.pipeline.claims.status import (
    HEADING,
    INCURSION,
    PLATFORMS,
    SIGHTED,
    aerial_status,
    closed_before,
    incursion_status,
    inherit,
    intro_status,
    is_platform,
    moved_for_care,
    moves_in_service,
    munition_hit,
    own_outcome,
    part_verb,
    people_at,
    says_other,
    seized_in_search,
    stands_where,
    status_of,
    strength_at,
)
from intex.pipeline.claims.subject import colon_list_unit, elided_subject, subject_of
from intex.pipeline.claims.tables import (
    in_exercise,
    label_status,
    question_before,
    table_context_status,
    table_header,
    table_money,
)
from intex.pipeline.component import component
from intex.pipeline.doc import Doc, Quantity
from intex.pipeline.lexicon import NOUN_STATUS
from intex.pipeline.multilingual import status_near
from intex.pipeline.quantities import gapped
from intex.pipeline.time import find_dates, starts_period

EXTRACTOR = f"intex.claims.rules.v1/{__version__}"
LOCATION_PREP = re.compile(r"(?:\b(?:in|to|into|inside|near|at|across|over|on|toward|towards|"
                           r"around|within|throughout|outside|off|of)\s+(?:the\s+)?(?:[\w'’-]+\s+)?"
                           r"$)", re.I)
# "struck Kharkiv with 3 guided bombs", "attacked using 40 drones": the weapons were fired
# (", with 428 lost" is a tally, not an instrument)
INSTRUMENT = re.compile(r"(?<!, )(?<!along )(?<!together )\b(?:with|using)\s+"
                        r"(?:(?:an?|one)\s+[\w-]+(?:\s+[\w-]+)?\s+and\s+)?$", re.I)
# "supplied Russia with 50 howitzers", "equipped the brigade with 14 tanks": handed over
SUPPLIED_WITH = re.compile(r"\b(?:supplied|supplies|supply|supplying|provided|provides|provide|"
                           r"providing|equipped|equips|equip|armed|furnished|reinforced)\b"
                           r"[^.;]{0,50}\bwith\s+(?:[\w-]+\s+){0,2}(?:and\s+)?$", re.I)
# people taken to safety are evacuated, not deployed: "moved to safer places"
TO_SAFETY = re.compile(r"\b(?:moved|taken|relocated|brought|transferred|transported)\s+"
                       r"(?:out\s+)?to\s+(?:safer|safe|safety)\b", re.I)
# civilians carried out by air: "some 9,000 civilians had been flown out since Monday"
FLOWN_OUT = re.compile(r"\s*,?\s*(?:(?:have|has|had|were|was)\s+)?"
                       r"(?:(?:been|now|already|since)\s+)*"
                       r"(?:flown|airlifted|ferried|bussed|shipped)\s+out\b", re.I)
# vehicles that cross into a place have arrived, whatever they carry
CONVOYS = ("trucks", "lorries", "tankers", "convoys", "aid trucks", "fuel tankers")
ENTERED = re.compile(r"\b(?:entered|enter|entering|crossed\s+into|crossed|arrived|arriving|"
                     r"went\s+in|passed\s+through|made\s+it\s+into|reached|went\s+through|"
                     r"came\s+in(?:to)?|got\s+through)\b", re.I)


# places a count of which may only say where something happened, and the words that say so
_SETTLEMENTS = re.compile(r"\b(?:villages|towns|settlements|localities|communities|districts|"
                          r"municipalities|regions|provinces|counties|oblasts|states)$", re.I)
_SETTING_BEFORE = re.compile(r"\b(?:in|near|across|around|throughout|within|covers|covering|"
                             r"spanning)\s+(?:(?:some|about|around|roughly|nearly|at\s+least|more\s+"
                             r"than|all|the|a)\s+)*$", re.I)
# (places struck, or where what was fired came down, are counted: "attacked the police in
# five municipalities", "debris fell in four districts")
_STRUCK_IN = re.compile(r"\b(?:attacked|attacks?\s+on|struck|shelled|bombed|hit|fell|landed|"
                        r"damaged|destroyed|raided|targeted)\b[^.;,]*$", re.I)
_CURRENCY_CODE = re.compile(r"[A-Z]{3}")  # a sum's unit: "USD", "EUR"
# a count named again as a known group, its figure given before: "the 13", "The five"
_THE_BEFORE = re.compile(r"(?<!\bof\s)\b[Tt]he\s+$")
NOT_LOCATION_PREP = re.compile(r"\b(?:against|from|by|with|between|and|of)\s+(?:the\s+)?$", re.I)


def _spoke(feats: dict[str, float]) -> bool:
    """Whether a candidate is a party the report has speak (before, after, most often),
    not only one the sentence names."""
    return any(k in feats for k in ("prev_para", "para_prev", "next_para", "para_next",
                                    "main", "title"))


# the patterns ``ClaimBuilder`` reads, compiled once
_SAYING_VERB_AFTER = re.compile(r"^\s*(?:said|says|told|warned|confirmed|claimed|reported|"
                                r"announced)\b")
_PLACE_PREPOSITION_BEFORE = re.compile(r"\b(?:in|to|into|near|at)\s+(?:the\s+)?$", re.I)
_COMMA_AFTER = re.compile(r"^\s*,")


class ClaimBuilder:
    def __init__(self, gazetteer: Gazetteer, sources: LinearRanker | None = None,
                 trace: Trace | None = None) -> None:
        self.g = gazetteer
        self.sources = sources  # weighs the parties that may assert a number
        self.trace = trace  # sees every choice made, for whoever fits the weights
        self._outlet_names: dict[str, str] | None = None

    def _outlets(self) -> dict[str, str]:
        if self._outlet_names is None:
            self._outlet_names = self.g.outlet_lookup()
        return self._outlet_names

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        foreign = doc.language not in (None, "en")
        ref = doc.reference_date
        site = report_outlet(doc.site, doc.raw, self._outlets())
        att = Attributor(self.g, text, doc.mentions, doc.entities, site, page=doc.raw)
        by_sentence: dict[int, list[Quantity]] = {}
        for q in doc.quantities:
            by_sentence.setdefault(doc.sentence_of(q.span.start), []).append(q)
        claims: list[Claim] = []
        attrs = attribute_sentences(doc, att)
        parties = SourceCandidates(doc, attrs, att.outlet(), att.resolve_phrase)
        speaker_dates: dict[str, str] = {}
        last_unit: tuple[str | None, str | None] = (None, None)
        intro: Span | None = None  # "the tally stood as follows:" before a list of items
        list_unit: tuple[str | None, str | None] = (None, None)  # what the list's items count
        for si, sent in enumerate(doc.sentences):
            a = attrs[si]
            dates = [d for d in find_dates(sent.text, ref) if not starts_period(sent.text, d[0])]
            in_list = intro is not None and (is_list_item(sent.text) or
                                             bool(LABELLED_LINE.match(sent.text)))
            if not in_list:
                intro = None
            if a.explicit and dates:
                for r in a.chain[:1]:
                    speaker_dates[r.name] = dates[0][2]
            qs = by_sentence.get(si, [])
            planned_to: str | None = None  # "from 74,000 to 55,000": what the change is
            for qi, q in enumerate(qs):
                if q.value == 0 and not q.percent:
                    continue  # a table's empty cell, "0 killed": nothing counted
                unit, subject = q.unit, None
                elided = unit is None
                if unit is None and qi + 1 < len(qs) and qs[qi + 1].unit and \
                        (changed_to(text, q, qs[qi + 1]) or shares_noun(text, q, qs[qi + 1])):
                    # "cut the Army from 74,000 to 55,000 personnel": both count personnel
                    unit, subject = qs[qi + 1].unit, subject_of(text, qs[qi + 1])
                whole = split_whole(text, qs, qi) if unit is None else None
                if whole is not None:
                    # "10,000 troops, with 4,000 at the border and 6,000 in reserve": the
                    # parts of a total count what it counts
                    unit, subject = whole.unit, subject_of(text, whole)
                money = table_money(doc, sent, q) if unit is None and not q.percent else None
                if money is not None:
                    # "Sweden | 1,100" under "Largest allocations (EUR million)": a sum in
                    # the money and scale the table's caption or column says once
                    if not re.search(r"[a-z]", q.span.text, re.I):
                        q.value = q.value * money[1]
                    unit = subject = q.currency = money[0]
                gap = unit is None and qi > 0 and qs[qi - 1].unit is not None and claims and \
                    claims[-1].evidence.start == sent.start and \
                    gapped(text, qs[qi - 1].span.end, q.span.start, q.span.end)
                if gap:
                    # "five were in a serious condition, three in a moderate one": the
                    # clause that leaves out its verb counts what the one before counted
                    unit, subject = qs[qi - 1].unit, claims[-1].subject
                if unit is None:
                    unit, subject = elided_subject(doc, sent, q, qs[:qi], last_unit)
                    if unit is None and in_list and intro is not None:
                        # "Where people are displaced:" over "- Rakhine: 356,000": the items
                        # count what the items before them or the introduction counted
                        unit, subject = list_unit if list_unit[0] else intro_noun(intro)
                    if unit is None:
                        continue
                elif not elided:
                    subject = subject_of(text, q)
                if unit.lower() == "units" and equipment_units(doc, sent):
                    unit = "units of equipment"  # "15,051 units were destroyed": hardware
                last_unit = (unit, subject)
                if in_list:
                    list_unit = last_unit
                q.unit = unit
                window = self._window(text, sent, q, qs, qi)
                status = status_of(text, q, window, category(q))
                if status == "other" and foreign:
                    status = status_near(sent.text, q.span.start - sent.start) or "other"
                if gap and status == "other":
                    status = inherit(claims[-1].status, category(q))
                if whole is not None and status == "other" and not own_outcome(text, q):
                    # a part of a total is in the state the total is in
                    tc = next((c for c in reversed(claims) if c.evidence.start == sent.start
                               and c.value == whole.value), None)
                    if tc is not None:
                        status = inherit(tc.status, category(q))
                if 0 < qi < len(qs) - 1 and closed_before(text, qs[qi - 1], q) and \
                        listed_after(text, q, qs[qi + 1]) and not own_outcome(text, q):
                    # "seven guards killed and 21 officers and eight civilians injured": the
                    # outcome before closed its own conjunct; this list's verb is after it
                    ahead = status_of(text, qs[qi + 1],
                                      self._window(text, sent, qs[qi + 1], qs, qi + 1),
                                      category(q))
                    status = ahead if ahead in OUTCOMES else status
                if qi > 0 and claims and part_of(text, qs[qi - 1], q) and \
                        not own_outcome(text, q):
                    # "killed 34 civilians, including two children": the part shares the
                    # whole's status; the whole counts people as the part does ("60 dead in
                    # four districts, among them seven fighters")
                    whole = next((c for c in reversed(claims) if c.evidence.start == sent.start
                                  and unit_category(c.unit) == category(q)), claims[-1])
                    if whole.status != "other":
                        status = inherit(whole.status, category(q))
                    elif status == NOUN_STATUS.get(unit.lower()):
                        # "20 former detainees, 16 of them Saudis": the group's noun says
                        # who they were, the whole what befell them
                        status = "other"
                elif status == "other" and qi > 0 and claims and \
                        listed_after(text, qs[qi - 1], q) and not own_outcome(text, q):
                    status = inherit(claims[-1].status, category(q))
                elif status == "other" and qi > 0 and claims and \
                        spelled_out(text, qs[qi - 1], q) and not own_outcome(text, q):
                    # "fired 300 drones and missiles: 170 drones, ...", "shot down 249
                    # targets, namely 211 drones": the items of the total just counted
                    status = inherit(claims[-1].status, category(q))
                elif qi > 0 and claims and claims[-1].status != "other" and \
                        listed_after(text, qs[qi - 1], q) and described(text, q):
                    # "destroyed 80 drones as well as six missiles, fired at Israel": the
                    # participle describes the missiles; the list's verb says what happened
                    status = inherit(claims[-1].status, category(q))
                if status == "other" and qi + 1 < len(qs) and not OF_THEM_WHOM_THOSE.match(
                        text, q.span.end) and not says_other(text, window) and (
                        listed_after(text, q, qs[qi + 1]) or among_whole(text, q, qs[qi + 1]) or
                        with_next(text, q, qs[qi + 1])):
                    # "six of the missiles and 245 drones were neutralised", "six officers
                    # were among 20 servicemen killed": the verb after the next item
                    status = status_of(text, qs[qi + 1],
                                          self._window(text, sent, qs[qi + 1], qs, qi + 1),
                                          category(q))
                    nxt = qi + 1
                    while status == "other" and nxt + 1 < len(qs) and \
                            listed_after(text, qs[nxt], qs[nxt + 1]):
                        # "left three soldiers, one officer and three civilians wounded":
                        # the verb after the last item of the list
                        nxt += 1
                        status = status_of(text, qs[nxt],
                                              self._window(text, sent, qs[nxt], qs, nxt),
                                              category(q))
                if status in ("other", "present") and claims and \
                        claims[-1].status not in ("other", "present") and \
                        OF_THEM_WHOM_THOSE.match(text, q.span.end) and \
                        not own_outcome(text, q) and not says_other(text, (q.span.end, sent.end)):
                    # "Seven were wounded. Four of them are in hospital": still wounded ("ten
                    # of them were handed back" says what befell the part)
                    status = inherit(claims[-1].status, category(q))
                if status in ("killed", "wounded", "other", "present") and \
                        OF_THEM_WHOM.match(text, q.span.end) and \
                        not HURT_HOW.match(text, q.span.end) and \
                        part_verb(text, q, ALLOWED["people"]) is None and \
                        {"killed", "wounded"} <= {c.status for c in claims
                                                  if c.evidence.start == sent.start}:
                    # "860 people killed and 393 injured, at least 36 of them children":
                    # a part of both the dead and the wounded
                    status = "casualties"
                if status == "other" and claims and TALLY_COMPRISES.search(
                        text, max(sent.start, q.span.start - 90), q.span.start) and \
                        doc.sentence_of(claims[-1].evidence.start) < si:
                    # "Russian forces have lost 3,000 items. The tally comprises 104 tanks":
                    # the breakdown of the tally counted before
                    status = inherit(claims[-1].status, category(q))
                if status == "other" and category(q) == "weapons" and PACKAGE_HOLDS.search(
                        text, max(sent.start, q.span.start - 90), q.span.start):
                    # "the request covers 60 Harpoon missiles": what a sale or package hands over
                    status = "supplied"
                if status == "other" and claims and PART_LEAD.match(text, sent.start,
                                                                    q.span.start) and \
                        not own_outcome(text, q):
                    # "275 militants were still active. Of them, around 100 are foreigners":
                    # a part of the group just counted, in the state it was counted in
                    status = inherit(claims[-1].status, category(q))
                if elided and subject == "people killed" and status in (
                        "other", "present", "casualties") and not own_outcome(text, q):
                    # "the death toll ... has risen to 2,719", "its previous toll of 24" (a
                    # toll that names no wounded counts the dead)
                    status = "killed"
                if status in ("deployed", "sent") and category(q) == "people" and \
                        (moved_out(text, sent, q) or TO_SAFETY.search(text, *window)):
                    status = "displaced"  # "moved 7,531 people out of the border area"
                if status in ("other", "sent") and unit.lower() in CIVILIANS and (
                        TO_SAFETY.search(text, *window) or FLOWN_OUT.match(
                            text, q.unit_span.end if q.unit_span is not None and
                            q.unit_span.end > q.span.end else q.span.end, window[1])):
                    # "120,000 residents taken to safer areas", "civilians had been flown
                    # out": civilians carried away from danger have fled
                    status = "displaced"
                if status == "other" and qi > 0 and claims and is_aside(text, q) and \
                        claims[-1].evidence.start == sent.start and \
                        re.search(r"\s[–—-]\s$", text[max(0, q.span.start - 3):q.span.start]):
                    # "two battalions - 88 tanks - together with allies": the same thing
                    # counted another way
                    status = inherit(claims[-1].status, category(q))
                again = restated_from(text, sent.start, q, elided, claims) \
                    if status in ("other", "present") else None
                if again is not None:
                    # "officials put the figure at 3,000", "had earlier put the total at
                    # about 100 missiles": the count named before, given again
                    status = inherit(again.status, category(q))
                if status == "other" and elided and claims and claims[-1].unit == unit and \
                        not own_outcome(text, q) and not says_other(text, window):
                    # "US officials put the figure at 3,000": the count restated before it
                    status = inherit(claims[-1].status, category(q))
                asked = question_before(doc, sent) if status == "other" else None
                if asked is not None:
                    # "Q: How many people have left so far?" / "A: Around 1,000 families":
                    # the answer counts what the question asks about
                    status = intro_status(text, asked, category(q))
                if status == "other" and in_list and intro is not None:
                    status = intro_status(text, intro, category(q))
                if status == "other" and text.rfind(":", sent.start, q.span.start) >= 0 and (
                        q.unit_span is None or colon_list_unit(text, sent, q) or
                        q.unit_span.end <= q.span.start):
                    # the introduction before a colon speaks for the items after it, also a
                    # line's label ("Killed in the past 24 hours: 41")
                    colon = text.rfind(":", sent.start, q.span.start)
                    status = intro_status(text, Span(sent.start, colon, ""), category(q))
                if "|" in sent.text and not statement_cell(text, sent, q):
                    # a column's header says what befell what it counts ("Soldiers
                    # wounded"), whatever the cells before it in the row counted
                    head = table_header(doc, sent, q)
                    status = next((st for st, rx in CUE_RX.items() if head and rx.search(head)
                                   and st in ALLOWED[category(q)]), status)
                    crossed = bool(head) and status in ("deployed", "sent") and \
                        bool(INCURSION.search(head))
                    if crossed:
                        # "Aircraft entering ADIZ / crossing median line": an incursion,
                        # which the text above the table does not overrule
                        status = incursion_status(unit, category(q))
                    if status == "other" and head and unit.lower() in PLATFORMS and \
                            SIGHTED.search(head):
                        status = "deployed"  # "Aircraft detected": a force out there
                    if status == "other" and not crossed and \
                            label_status(doc, sent, q, category(q)) is None:
                        # "War in numbers: Russian losses" over a table of totals (a row's
                        # label that says what befell its figures speaks for them)
                        status = table_context_status(doc, sent, category(q))
                    if status == "other" and not crossed and is_platform(unit) and \
                            in_exercise(doc, sent):
                        status = "deployed"  # "Navy ships" in a table of a drill's activity
                if status == "other" and (stands_where(text, q, category(q)) or
                                          people_at(text, q, category(q)) or
                                          strength_at(text, q, window, category(q))) and \
                        not says_other(text, window) and not (
                            claims and claims[-1].evidence.start == sent.start and
                            claims[-1].status == "other"):
                    # (a breakdown of a count with no status: "87 of the freed serve in the
                    # army, seven in the Guard")
                    status = "present"  # "about 1,000 soldiers in Niamey": where they are
                if status in ("sent", "deployed", "other") and unit.lower() in CIVILIANS and \
                        ARRIVED.match(text, q.unit_span.end if q.unit_span is not None and
                                      q.unit_span.end > q.span.end else q.span.end, window[1]):
                    status = "displaced"  # "30,000 people have arrived", "had crossed from"
                if status in ("present", "other") and unit.lower() in CIVILIANS and \
                        SHELTERED.search(text, q.span.end, window[1]):
                    status = "displaced"  # "250,000 people had found a place in shelters"
                if status == "captured" and category(q) == "weapons" and \
                        seized_in_search(text, sent.start, sent.end):
                    status = "other"  # "officers seized two rifles and a car": a search's haul
                if status == "other" and moves_in_service(unit) and \
                        HEADING.search(text, q.span.end, window[1]):
                    status = "sent"  # "800 soldiers ... are heading to Texas": on their way
                if status in ("sent", "deployed", "displaced", "wounded") and \
                        category(q) == "people" and unit.lower() not in CIVILIANS and \
                        moved_for_care(text, q, window):
                    # "eight of them were flown out for a higher level of care": the wounded,
                    # counted where they were hurt, moved on as patients
                    status = "other"
                if status == "displaced" and moves_in_service(unit):
                    status = "other"  # "nearly 10,000 marines have left": no flight
                if unit.lower() in CONVOYS and status in ("supplied", "deployed", "displaced",
                                                          "other") and \
                        ENTERED.search(text, q.span.end, sent.end):
                    status = "sent"  # "200 aid trucks entered Gaza": arrived, whatever they carry
                if category(q) == "weapons" and INSTRUMENT.search(
                        text, max(sent.start, q.span.start - 50), q.span.start) and \
                        not SUPPLIED_WITH.search(text, max(sent.start, q.span.start - 70),
                                                 q.span.start) and \
                        status in ("destroyed", "intercepted", "other", "supplied", "sent"):
                    status = "launched"  # "struck Kharkiv with 3 guided bombs": the weapon used
                if category(q) == "weapons" and unit.lower() in AERIAL:
                    status = aerial_status(text, q, window, status)
                    if qi > 0 and of_total(text, qs[qi - 1], q):
                        status = "launched"  # "13 of 16 missiles": 16 came at the target
                if category(q) == "weapons" and munition_hit(text, q) and not (
                        qi > 0 and of_total(text, qs[qi - 1], q)):
                    status = "other"  # "11 struck the base", "six of which hit the ship"
                if qi >= 2 and len(claims) >= 2 and of_total(text, qs[qi - 2], qs[qi - 1]) and \
                        listed_after(text, qs[qi - 1], q) and \
                        OF_THE_ITS_THEIR.match(text, q.span.end) and \
                        claims[-2].evidence.start == sent.start:
                    # "downed 20 of the 21 drones and 39 of the missiles": a part listed after
                    # a part takes the part's status, not its total's
                    status = inherit(claims[-2].status, category(q))
                if qi + 1 < len(qs) and changed_to(text, q, qs[qi + 1]) and \
                        status in FORWARD and "present" in ALLOWED[category(q)]:
                    # "wants to cut the Army from 74,000 to 55,000": the plan is the second
                    # figure; the first is what there is now
                    status, planned_to = "present", status
                elif qi > 0 and claims and changed_to(text, qs[qi - 1], q) and \
                        status == "other" and planned_to:
                    status = planned_to
                else:
                    planned_to = None
                if _THE_BEFORE.search(text, max(sent.start, q.span.start - 8), q.span.start) \
                        and any(c.value == q.value and c.value_max == q.value_max and
                                unit_category(c.unit) == category(q) and
                                not in_title(c, doc) and not headline_line(c, doc)
                                for c in claims):
                    # "the 13 were flown home", "the two men killed": the body names again
                    # a group it counted before (a headline's figure the body restates
                    # stays, the headline yields to it)
                    continue
                if status == "other" and _SETTLEMENTS.search(unit) and _SETTING_BEFORE.search(
                        text, max(sent.start, q.span.start - 40), q.span.start) and \
                        not _STRUCK_IN.search(text, max(sent.start, q.span.start - 70),
                                              q.span.start):
                    # "fighting near three villages", "impact points in three districts",
                    # "scattered across 23 localities": where something else happened
                    continue
                modality = self._modality(sent.text, text, q, window, status)
                date = self._date(sent, q, dates) or (
                    speaker_dates.get(a.chain[0].name)
                    if a.chain and (not a.explicit or a.anaphoric) else None)
                if date is None and ref is not None:
                    date = ref.isoformat()
                later = [o.span.start for o in qs[qi + 1:]]
                chain = a.chain_at(q.span.start, later) if a.cues else a.chain
                chain = self._choose_sources(parties, si, q, later, chain)
                claims.append(Claim(
                    value=q.value, value_max=q.value_max, approx=q.approx,
                    unit=unit if not q.percent else "percent", subject=subject, status=status,
                    location=self._location(doc, att, sent, q, window), sources=tuple(chain),
                    date=date, modality=modality, evidence=sent, vague=q.vague))
            if sent.text.rstrip().endswith(":"):
                intro = sent
            if not in_list:
                list_unit = (None, None)
        doc.claims = settle_locations(doc, self._dedupe(claims, doc))
        return doc

    # pieces -----------------------------------------------------------------
    def _choose_sources(self, parties: SourceCandidates, si: int, q: Quantity,
                        later: list[int], chain: list[SourceRef]) -> list[SourceRef]:
        """The party the weights rank first among those the report points to."""
        if self.trace is None and (self.sources is None or
                                   not self.sources.applies({parties.rule_kind(si, chain): 1.0})):
            return chain  # the weights decide nothing here: no candidates to read
        options = parties.for_number(si, q.span.start, later, chain)
        if not options:
            return chain
        if self.sources is not None and any(o.chain and _spoke(o.feats) for o in options):
            # the rules' fall-back to an outlet no name was found for is no party: a party
            # the report has speak elsewhere beats none (a place merely named does not)
            options = [o for o in options if o.chain]
        best = self.sources.best([o.feats for o in options]) if self.sources else 0
        if self.trace is not None:
            self.trace({"what": "sources", "value": q.value, "at": q.span.start,
                        "sentence": parties.doc.sentences[si].text,
                        "options": [{"names": [r.name for r in o.chain], "feats": o.feats}
                                    for o in options], "chosen": best})
        return options[best].chain

    def _window(self, text: str, sent: Span, q: Quantity, qs: list[Quantity],
                qi: int) -> tuple[int, int]:
        start = qs[qi - 1].span.end if qi > 0 else sent.start
        if qi > 0 and qs[qi - 1].unit_span is not None:
            start = max(start, qs[qi - 1].unit_span.end)
        end = sent.end
        for o in qs[qi + 1:]:
            if of_total(text, q, o):
                continue  # "shot down 13 of 16 missiles": the part's verb is past the total
            if not is_aside(text, o):
                end = o.span.start
                break
        return start, end

    def _modality(self, sentence: str, text: str, q: Quantity, window: tuple[int, int],
                  status: str) -> str:
        ws, we = window
        clause = text[ws:we]
        said = _sentence_modality(sentence)
        if said == "denied" or said == "reported":
            return said
        if status == "planned":
            return "intended"
        if status == "expected":
            return "forecast"
        cut = max(0, q.span.start - (ws - (ws - 0)))
        if MOD_RX["estimated"].search(clause) or (
                said == "estimated" if cut >= len(sentence)
                else MOD_RX["estimated"].search(sentence[:cut]) is not None):
            return "estimated"
        return "asserted"

    def _date(self, sent: Span, q: Quantity, dates: list[tuple[int, int, str]]) -> str | None:
        if not dates:
            return None
        pos = q.span.start - sent.start
        # a date before the number in its sentence ("On October 18, ... confirmed that ...")
        # is the claim's; otherwise the nearest one
        before = [d for d in dates if d[1] <= pos]
        if before:
            return before[-1][2]
        return min(dates, key=lambda d: abs(d[0] - pos))[2]

    def _location(self, doc: Doc, att: Attributor, sent: Span, q: Quantity,
                  window: tuple[int, int]) -> str | None:
        text = doc.text
        cands = []
        unit_end = q.unit_span.end if q.unit_span is not None else q.span.end
        for m in att.starting_in(sent.start, sent.end):
            if not (sent.start <= m.start < sent.end):
                continue
            e = doc.entities.get(m.entity_id)
            if e is None or e.type not in ("GPE", "LOC"):
                continue
            if q.span.start <= m.start < unit_end:
                continue  # "North Korean troops": where they come from, not where they are
            before = text[max(sent.start, m.start - 30):m.start]
            if NOT_LOCATION_PREP.search(before) and not _PLACE_PREPOSITION_BEFORE.search(before):
                continue
            if not LOCATION_PREP.search(before) and not (
                    m.start < q.span.start and _COMMA_AFTER.match(text[m.end:m.end + 2])):
                continue
            if _SAYING_VERB_AFTER.match(text[m.end:m.end + 20]):
                continue  # a government speaking
            in_window = window[0] <= m.start < window[1]
            dist = abs(m.start - unit_end) if m.start >= unit_end else (q.span.start - m.end) * 2
            cands.append((not in_window, dist, e))
        if not cands:
            return None
        cands.sort(key=lambda c: (c[0], c[1]))
        loc = cands[0][2]
        # the longest: "eastern Russia" over "Russia" at the same place
        return loc.name

    def _dedupe(self, claims: list[Claim], doc: Doc) -> list[Claim]:
        """One claim for a figure the headline or a summary box states and the body restates;
        none for a figure the body refers back to ("Of the 1,311 dead, 833 were Druze", "Is
        a billion dollars enough?")."""
        out: list[Claim] = []
        claims = list(claims)
        for i, c in enumerate(claims):
            if any(o.value == c.value and o.value_max == c.value_max for o in out) and \
                    refers_back(c, doc.text):
                continue
            if "|" in c.evidence.text and any(
                    abs(o.value - c.value) <= 1e-6 * c.value and o.unit == c.unit and
                    "|" not in o.evidence.text and _CURRENCY_CODE.fullmatch(c.unit or "")
                    for o in claims):
                continue  # a table's cell that repeats a sum the text gives in words

            later = claims[i + 1:]
            # a headline's figure is restated in the body, often with another noun
            # ("troops" / "soldiers") or status wording
            headline = in_title(c, doc) or item_headline(c, d_of=later, doc=doc) or \
                headline_line(c, doc)
            restated = [
                j for j, d in enumerate(later, i + 1)
                if d.value == c.value and d.value_max == c.value_max
                and d.evidence.start != c.evidence.start
                and (headline or (d.unit == c.unit and d.status == c.status))]
            if restated and (headline or in_summary(c, doc)):
                j = restated[0]
                d = claims[j]
                if c.modality in ("forecast", "intended") and d.modality == "asserted":
                    # "3,000 troops could be sent" over "3,000 soldiers ready at the ports":
                    # the body's wording does not make the headline's possibility a fact
                    claims[j] = replace(d, modality=c.modality, status=c.status
                                        if d.status in ("other", "present") else d.status)
                continue
            out.append(c)
        return out


@lru_cache(maxsize=256)
def _sentence_modality(sentence: str) -> str | None:
    """What the whole sentence's words say of every number in it: "denied", "reported",
    else "estimated" when an estimate's cue stands anywhere in it. Read once per sentence,
    not once per number (a sentence holds several)."""
    for mod in ("denied", "reported", "estimated"):
        if MOD_RX[mod].search(sentence):
            return mod
    return None


@component("intex.claims.rules.v1",
           requires=("sentences", "mentions", "entities", "quantities"), assigns=("claims",))
def make_claims(gazetteer: Gazetteer | None = None, sources: str | None = "sources",
                trace: Trace | None = None) -> ClaimBuilder:
    """``sources`` names weights in ``attribution/data/`` that choose a number's party
    among the candidates the report offers where the rules give it to the report's own
    voice (None: the rules' own choice everywhere; see docs/extraction.md); ``trace`` is
    called with every choice, to fit new weights."""
    return ClaimBuilder(gazetteer or default_gazetteer(),
                        load_ranker(sources) if sources else None, trace)
