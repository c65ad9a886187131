"""Claims: a counted quantity, its status, place, date, modality and chain of sources.

The rules read how reports are written (see ``lexicon.py`` and ``attribution.py``),
never one article's wording.
"""

from __future__ import annotations

import re
from dataclasses import replace

from intex import __version__
from intex.gazetteer import Gazetteer, default_gazetteer
from intex.model import Claim, SourceRef, Span
from intex.pipeline.alternation import grouped
from intex.pipeline.attribution import Attributor, report_outlet
from intex.pipeline.attribution.candidates import SourceCandidates
from intex.pipeline.attribution.discourse import attribute_sentences, is_list_item
from intex.pipeline.attribution.ranker import LinearRanker, Trace, load_ranker
from intex.pipeline.component import component
from intex.pipeline.cue_scan import CueScanner
from intex.pipeline.doc import Doc, Quantity
from intex.pipeline.lexicon import (
    ATTACKS,
    COUNTED,
    MODALITY_CUES,
    NOT_COUNTED,
    NOUN_STATUS,
    PEOPLE,
    PLACES,
    SEVERITY,
    STATUS_CUES,
    WEAPONS,
)
from intex.pipeline.multilingual import status_near
from intex.pipeline.numbers import HEDGE_PHRASE
from intex.pipeline.status_forms import (
    ARRIVED,
    ATTACK_AFTER,
    CARRYING,
    CIVILIANS,
    EVENT_AFTER,
    GROUND_KIT,
    GROUP_NOUN_STATUSES,
    HOLDING_OBJECT,
    LABELLED_LINE,
    OF_WHOM_VERB,
    PACKAGE_HOLDS,
    PART_LEAD,
    READIED,
    RELATIVE_FORWARD,
    RELATIVE_ONLY,
    RELEASED,
    SEIZED,
    SHOT_DOWN,
    TALLY_COMPRISES,
    TOOK_PART,
    describes_noun,
    equipment_units,
    intro_noun,
    item_headline,
    statement_cell,
)
from intex.pipeline.time import find_dates

EXTRACTOR = f"intex.claims.rules.v1/{__version__}"
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
LOCATION_PREP = re.compile(r"(?:\b(?:in|to|into|inside|near|at|across|over|on|toward|towards|"
                           r"around|within|throughout|outside|off|of)\s+(?:the\s+)?(?:[\w'’-]+\s+)?"
                           r"$)", re.I)
# drones or missiles hit where they stand, not in the air
GROUND = re.compile(r"\b(?:on the ground|on (?:its|their) launchers?|at (?:an |the )?airfields?|"
                    r"in storage|depots?|warehouses?|before (?:they|it) could)\b", re.I)
# equipment a side lost is destroyed, whatever it was: "lost 59 guns and 70 drones"
# ("locationally lost", "lost locally": gone from radar, so intercepted after all)
LOST = re.compile(r"\b(?<!locationally )(?:lost|loses|losing|losses)\b(?!\s+(?:locally|track|"
                  r"from\s+radar)|\W{0,2}\s+-\s+the\s+military)", re.I)
# the categories of a loss tally: "operational-tactical UAVs" are equipment lost
LOSS_CATEGORY = re.compile(r"operational[- ]tactical|reconnaissance", re.I)
# "struck Kharkiv with 3 guided bombs", "attacked using 40 drones": the weapons were fired
# (", with 428 lost" is a tally, not an instrument)
INSTRUMENT = re.compile(r"(?<!, )(?<!along )(?<!together )\b(?:with|using)\s+$", re.I)
# "supplied Russia with 50 howitzers", "equipped the brigade with 14 tanks": handed over
SUPPLIED_WITH = re.compile(r"\b(?:supplied|supplies|supply|supplying|provided|provides|provide|"
                           r"providing|equipped|equips|equip|armed|furnished|reinforced)\b"
                           r"[^.;]{0,50}\bwith\s+(?:[\w-]+\s+){0,2}$", re.I)
# what hits a place, or what a missile does when it lands: no status of its own
HIT = ("hit", "struck", "shelled", "targeted", "attacked")
# the missing are neither dead nor wounded: "105 were still missing" stands by itself
MISSING = re.compile(r"(?:still\s+)?missing|unaccounted\s+for", re.I)
# people taken to safety are evacuated, not deployed: "moved to safer places"
TO_SAFETY = re.compile(r"\b(?:moved|taken|relocated|brought|transferred|transported)\s+"
                       r"(?:out\s+)?to\s+(?:safer|safe|safety)\b", re.I)
# vehicles that cross into a place have arrived, whatever they carry
CONVOYS = ("trucks", "lorries", "tankers", "convoys", "aid trucks", "fuel tankers")
ENTERED = re.compile(r"\b(?:entered|enter|entering|crossed\s+into|crossed|arrived|arriving|"
                     r"went\s+in|passed\s+through|made\s+it\s+into|reached|went\s+through|"
                     r"came\s+in(?:to)?|got\s+through)\b", re.I)


NOT_LOCATION_PREP = re.compile(r"\b(?:against|from|by|with|between|and|of)\s+(?:the\s+)?$", re.I)


def _cue_regex(cues: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the cues as a word, longest first. The look-ahead on their first letters
    changes no match; it lets the scan skip the positions where no cue can start."""
    firsts = "".join(sorted({c[0] for c in cues}))
    return re.compile(rf"(?=[{re.escape(firsts)}])\b(?:" + grouped("|".join(
        re.escape(c) for c in sorted(cues, key=len, reverse=True))) + r")\b", re.I)


_CUE_RX = {status: _cue_regex(cues) for status, cues in STATUS_CUES.items()}
# every status's cues in one scan of a window, not one scan per status
_CUE_SCAN = CueScanner(_CUE_RX, _cue_regex(tuple(c for cues in STATUS_CUES.values()
                                                 for c in cues)))
_MOD_RX = {mod: _cue_regex(cues) for mod, cues in MODALITY_CUES.items()}


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
            dates = find_dates(sent.text, ref)
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
                unit, subject = q.unit, None
                elided = unit is None
                if unit is None and qi + 1 < len(qs) and qs[qi + 1].unit and \
                        _changed_to(text, q, qs[qi + 1]):
                    # "cut the Army from 74,000 to 55,000 personnel": both count personnel
                    unit, subject = qs[qi + 1].unit, self._subject(text, qs[qi + 1])
                if unit is None:
                    unit, subject = self._elided(doc, sent, q, qs[:qi], last_unit)
                    if unit is None and in_list and intro is not None:
                        # "Where people are displaced:" over "- Rakhine: 356,000": the items
                        # count what the items before them or the introduction counted
                        unit, subject = list_unit if list_unit[0] else intro_noun(intro)
                    if unit is None:
                        continue
                else:
                    subject = self._subject(text, q)
                if unit.lower() == "units" and equipment_units(doc, sent):
                    unit = "units of equipment"  # "15,051 units were destroyed": hardware
                last_unit = (unit, subject)
                if in_list:
                    list_unit = last_unit
                q.unit = unit
                window = self._window(text, sent, q, qs, qi)
                status = self._status(text, q, window, category(q))
                if status == "other" and foreign:
                    status = status_near(sent.text, q.span.start - sent.start) or "other"
                if qi > 0 and claims and _part_of(text, qs[qi - 1], q) and \
                        not _own_outcome(text, q):
                    # "killed 34 civilians, including two children": the part shares the
                    # whole's status; the whole counts people as the part does ("60 dead in
                    # four districts, among them seven fighters")
                    whole = next((c for c in reversed(claims) if c.evidence.start == sent.start
                                  and unit_category(c.unit) == category(q)), claims[-1])
                    status = _inherit(whole.status, category(q)) \
                        if whole.status != "other" else status
                elif status == "other" and qi > 0 and claims and \
                        _listed_after(text, qs[qi - 1], q) and not _own_outcome(text, q):
                    status = _inherit(claims[-1].status, category(q))
                elif status == "other" and qi > 0 and claims and \
                        _spelled_out(text, qs[qi - 1], q) and not _own_outcome(text, q):
                    # "fired 300 drones and missiles: 170 drones, ...", "shot down 249
                    # targets, namely 211 drones": the items of the total just counted
                    status = _inherit(claims[-1].status, category(q))
                elif qi > 0 and claims and claims[-1].status != "other" and \
                        _listed_after(text, qs[qi - 1], q) and _described(text, q):
                    # "destroyed 80 drones as well as six missiles, fired at Israel": the
                    # participle describes the missiles; the list's verb says what happened
                    status = _inherit(claims[-1].status, category(q))
                if status == "other" and qi + 1 < len(qs) and not re.match(
                        r"\s+of\s+(?:them|whom|those)\b", text[q.span.end:]) and (
                        _listed_after(text, q, qs[qi + 1]) or _among(text, q, qs[qi + 1]) or
                        _with_next(text, q, qs[qi + 1])):
                    # "six of the missiles and 245 drones were neutralised", "six officers
                    # were among 20 servicemen killed": the verb after the next item
                    status = self._status(text, qs[qi + 1],
                                          self._window(text, sent, qs[qi + 1], qs, qi + 1),
                                          category(q))
                if status in ("other", "present") and claims and \
                        claims[-1].status not in ("other", "present") and \
                        re.match(r"\s+of\s+(?:them|whom|those)\b", text[q.span.end:]) and \
                        not _own_outcome(text, q):
                    # "Seven were wounded. Four of them are in hospital": still wounded
                    status = _inherit(claims[-1].status, category(q))
                if status in ("killed", "wounded", "other", "present") and \
                        re.match(r"\s+of\s+(?:them|whom)\b", text[q.span.end:]) and \
                        _part_verb(text, q, ALLOWED["people"]) is None and \
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
                    status = _inherit(claims[-1].status, category(q))
                if status == "other" and category(q) == "weapons" and PACKAGE_HOLDS.search(
                        text, max(sent.start, q.span.start - 90), q.span.start):
                    # "the request covers 60 Harpoon missiles": what a sale or package hands over
                    status = "supplied"
                if status == "other" and claims and PART_LEAD.match(text, sent.start,
                                                                    q.span.start) and \
                        not _own_outcome(text, q):
                    # "275 militants were still active. Of them, around 100 are foreigners":
                    # a part of the group just counted, in the state it was counted in
                    status = _inherit(claims[-1].status, category(q))
                if elided and subject == "people killed" and status in ("other", "present") \
                        and not _own_outcome(text, q):
                    status = "killed"  # "the death toll ... has risen to 2,719"
                if status in ("deployed", "sent") and category(q) == "people" and \
                        (_moved_out(text, sent, q) or TO_SAFETY.search(text, *window)):
                    status = "displaced"  # "moved 7,531 people out of the border area"
                if status == "other" and qi > 0 and claims and _aside(text, q) and \
                        re.search(r"\s[–—-]\s$", text[max(0, q.span.start - 3):q.span.start]):
                    # "two battalions - 88 tanks - together with allies": the same thing
                    # counted another way
                    status = _inherit(claims[-1].status, category(q))
                if status == "other" and elided and claims and claims[-1].unit == unit and \
                        not _own_outcome(text, q) and not _says_other(text, window):
                    # "US officials put the figure at 3,000": the count restated before it
                    status = _inherit(claims[-1].status, category(q))
                if status == "other" and in_list and intro is not None:
                    status = _intro_status(text, intro, category(q))
                if status == "other" and text.rfind(":", sent.start, q.span.start) >= 0 and (
                        q.unit_span is None or _colon_list_unit(text, sent, q) or
                        q.unit_span.end <= q.span.start):
                    # the introduction before a colon speaks for the items after it, also a
                    # line's label ("Killed in the past 24 hours: 41")
                    colon = text.rfind(":", sent.start, q.span.start)
                    status = _intro_status(text, Span(sent.start, colon, ""), category(q))
                if status == "other" and "|" in sent.text and not statement_cell(text, sent, q):
                    head = _table_header(doc, sent, q)
                    status = next((st for st, rx in _CUE_RX.items() if head and rx.search(head)
                                   and st in ALLOWED[category(q)]), status)
                    if status == "other":
                        # "War in numbers: Russian losses" over a table of totals
                        status = _table_context_status(doc, sent, category(q))
                if status in ("sent", "deployed", "other") and unit.lower() in CIVILIANS and \
                        ARRIVED.match(text, q.unit_span.end if q.unit_span is not None and
                                      q.unit_span.end > q.span.end else q.span.end, window[1]):
                    status = "displaced"  # "30,000 people have arrived", "had crossed from"
                if unit.lower() in CONVOYS and status in ("supplied", "deployed", "displaced",
                                                          "other") and \
                        ENTERED.search(text, q.span.end, sent.end):
                    status = "sent"  # "200 aid trucks entered Gaza": arrived, whatever they carry
                if category(q) == "weapons" and INSTRUMENT.search(
                        text, max(sent.start, q.span.start - 24), q.span.start) and \
                        not SUPPLIED_WITH.search(text, max(sent.start, q.span.start - 70),
                                                 q.span.start) and \
                        status in ("destroyed", "intercepted", "other", "supplied", "sent"):
                    status = "launched"  # "struck Kharkiv with 3 guided bombs": the weapon used
                if category(q) == "weapons" and unit.lower() in AERIAL:
                    status = _aerial(text, q, window, status)
                    if qi > 0 and _of_total(text, qs[qi - 1], q):
                        status = "launched"  # "13 of 16 missiles": 16 came at the target
                if qi + 1 < len(qs) and _changed_to(text, q, qs[qi + 1]) and \
                        status in FORWARD and "present" in ALLOWED[category(q)]:
                    # "wants to cut the Army from 74,000 to 55,000": the plan is the second
                    # figure; the first is what there is now
                    status, planned_to = "present", status
                elif qi > 0 and claims and _changed_to(text, qs[qi - 1], q) and \
                        status == "other" and planned_to:
                    status = planned_to
                else:
                    planned_to = None
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
        doc.claims = self._dedupe(claims, doc)
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
        best = self.sources.best([o.feats for o in options]) if self.sources else 0
        if self.trace is not None:
            self.trace({"what": "sources", "value": q.value, "at": q.span.start,
                        "sentence": parties.doc.sentences[si].text,
                        "options": [{"names": [r.name for r in o.chain], "feats": o.feats}
                                    for o in options], "chosen": best})
        return options[best].chain

    def _subject(self, text: str, q: Quantity) -> str | None:
        if q.currency:
            return f"{q.currency}"
        if q.unit_span is None:
            return q.unit
        if q.unit_span.start >= q.span.end:
            phrase = text[q.span.end:q.unit_span.end].strip()
            # "48 of 61 drones", "32 out of 44 Shaheds": the part counts the whole's noun,
            # not the whole's number
            phrase = re.sub(r"^(?:out\s+)?of\s+(?:(?:the|its|their|all)\s+)?"
                            r"(?:\d[\d,.]*(?:\s*(?:k|thousand|million))?\s+)?", "", phrase)
            m = re.match(r"^\s*from\s+((?:[A-Z][\w'’-]*\s?)+)", text[q.unit_span.end:])
            if m:
                phrase = f"{phrase} from {m.group(1).strip()}"
            return phrase
        return q.unit_span.text.strip()

    def _elided(self, doc: Doc, sent: Span, q: Quantity, earlier: list[Quantity],
                last_unit: tuple[str | None, str | None]) -> tuple[str | None, str | None]:
        """'an increase in their number to 12,000', 'the total reached 5,000'."""
        before = doc.text[sent.start:q.span.start]
        if re.match(r"^\s+of\s+(?:them|whom|those|these|which|the\s+(?:returned|freed|released|"
                    r"exchanged|rescued|evacuated|dead|killed|wounded|injured|detained|"
                    r"captured|missing))\b", doc.text[q.span.end:]):
            # "27 of them", "95 of whom": a part of the group counted just before
            for e in reversed(earlier):
                if e.unit:
                    return e.unit, self._subject(doc.text, e)
            if last_unit[0]:
                return last_unit
        after = doc.text[q.span.end:sent.end]
        m = re.search(r"\b([a-z]+)\s*\((?:about|around|some|over|nearly)?\s*$", before)
        if m and m.group(1).lower() in COUNTED and m.group(1).lower() not in NOT_COUNTED:
            # "no new losses of aircraft (357 in total)": the noun before the bracket
            return m.group(1).lower(), m.group(1)
        for m in reversed(list(COUNT_VERB_BEFORE.finditer(before))):
            word = m.group(1).lower()
            if word in COUNTED and word not in NOT_COUNTED:
                # "total casualties now stand at around 3,000", "whose fighters they
                # estimated at 3,000": the noun before the verb
                return word, m.group(1)
        m = re.match(r"\s+(?:were|are|was)\s+(?:also\s+|all\s+)?([A-Za-z]+)\b(?!\s+(?:by|in|at|to|"
                     r"from|with|on)\b)", after)
        if m and m.group(1).lower() in PEOPLE and m.group(1).lower() not in NOT_COUNTED and \
                m.group(1).lower() not in ("dead", "wounded", "injured"):
            return m.group(1).lower(), m.group(1)  # "833 were Druze", "1,020 were civilians"
        m = DEMONYM_AFTER.match(after)
        if m and (m.group("verb") or (earlier and re.search(r"\band\s+$", before))):
            # "500,000 people had been evacuated. Of these, about 400,000 were Thai and
            # 101,000 Cambodian": the people counted before, by nationality
            for e in reversed(earlier):
                if e.unit and category(e) == "people":
                    return e.unit, m.group("who")
            if last_unit[0] in PEOPLE:
                return last_unit[0], m.group("who")
        if POPULATION.search(before):
            return "people", "population"  # "a population of around 1.5 million"
        if re.search(r"\b(?:death\s+toll|toll\s+of\s+(?:the\s+)?dead|number\s+(?:of\s+(?:the\s+)?)?"
                     r"(?:dead|deaths|fatalities|killed))\b(?:[^.;:]|(?<=\d)\.(?=\d)){0,80}?\b(?:to|at|reached|is|was|"
                     r"stands?|stood|of)\s+(?:at\s+least\s+|about\s+|some\s+|nearly\s+)?$",
                     before, re.I):
            return "people", "people killed"  # "the death toll rose to 23"
        m = re.match(r"^\s+the\s+(?:number|total)\s+of\s+((?:[\w'’-]+\s+){0,3}?([a-z]+))\b",
                     after)
        if m and m.group(2) in COUNTED:
            # "bring to about 3,000 the number of soldiers"
            return m.group(2), m.group(1)
        item = _colon_list_unit(doc.text, sent, q)
        if item:
            return item, item
        if re.match(r"\s+(?:each\s+)?(?:over|in|near|at|across|around)\s+(?:the\s+)?[A-Z]", after) \
                and re.search(r"(?:,|\band)\s*$", before):
            # "11 drones were shot down over Belgorod, 28 over Voronezh and 17 over Rostov"
            for e in reversed(earlier):
                if e.unit:
                    return e.unit, self._subject(doc.text, e)
        head = _table_header(doc, sent, q)
        if head:
            # a flattened table's cell counts what its column's header names
            word = head.lower()
            if word in COUNTED and word not in NOT_COUNTED:
                return word, head
            if any(rx.search(head) for st, rx in _CUE_RX.items() if st in PEOPLE_OUTCOMES):
                return "people", f"people {word}"
        row = _row_label(doc, sent, q)
        if row:
            return row  # "Tanks | 7,834 | 6" under "Equipment | Total | Past day"
        if re.match(r"^\s+(?:or\s+so\s+)?(?:others?\s+|more\s+)?(?:were\s+|had\s+been\s+|"
                    r"have\s+been\s+|was\s+|"
                    r"are\s+(?:still\s+)?|had\s+|have\s+|(?:who|that)\s+(?:had\s+|have\s+)?)?"
                    r"(?:now\s+|since\s+|already\s+|also\s+|later\s+)?(?:" + SEVERITY + r"\s+)?"
                    r"(?:[\"“]?(?:summarily\s+)?executed|killed|wounded|dead|injured|hurt|"
                    r"captured|missing|still\s+missing|hospitali[sz]ed|treated|died|fled|"
                    r"murdered|abducted|kidnapped|detained|arrested|rescued|"
                    r"arrived|left\b(?!\s+(?:damaged|behind|abandoned))|crossed|evacuated|"
                    r"displaced|forced\s+(?:to\s+(?:flee|leave)|from|out))\b", after) \
                or re.search(r"\b(?:killing|wounding|injuring|killed|injured|wounded|displaced|"
                             r"displacing|uprooted|uprooting)\s+(?:at\s+least\s+|another\s+|"
                             r"about\s+|some\s+|nearly\s+|more\s+than\s+|over\s+|an\s+estimated\s+|"
                             r"around\s+)?$", before) \
                or re.match(r"^\s+(?:people\s+)?from\s+their\s+homes\b", after) \
                or re.match(r"^\s+(?:more\s+)?(?:are\s+)?receiving\s+treatment\b", after):
            # "4,000 killed or wounded", "300 were killed": the people counted go unsaid
            for e in reversed(earlier):
                if e.unit and category(e) == "people":
                    return e.unit, self._subject(doc.text, e)
            if last_unit[0] and last_unit[0] in PEOPLE:
                return last_unit
            return "people", None
        if re.match(r"^\s+(?:others?\s+|more\s+)?(?:were\s+|was\s+|had\s+been\s+|have\s+been\s+)?"
                    r"(?:left\s+)?(?:destroyed|seized|captured|abandoned|damaged|shot down|"
                    r"intercepted|suppressed|downed|lost|sunk|fell\s+into)\b|"
                    r"^\s+as\s+(?:destroyed|damaged|abandoned|captured)\b",
                    after) or FOLLOW_ON_BEFORE.search(before):
            # "3,704 tanks lost, of which 2,635 were destroyed and 534 were seized"
            for e in reversed(earlier):
                if e.unit:
                    return e.unit, self._subject(doc.text, e)
            # "the worst month for Russian tanks, with 428 lost": the noun named before it
            nouns = [w for w in re.findall(r"[a-z][\w-]*", before)
                     if w in WEAPONS and w not in NOT_COUNTED]
            if nouns:
                return nouns[-1], nouns[-1]
            if last_unit[0] and (re.match(r"^\s+(?:others?|more)\b", after) or
                                 re.search(r"\b(?:another|a\s+further)\s+$", before) or
                                 not q.value.is_integer() or q.value >= 10):
                # "23 drones were destroyed ... 5 more were downed", "Another 852 were left
                # damaged", "Ukrainian forces captured more than 3,000": a follow-on tally
                # of the thing counted just before
                return last_unit
        if GROUP_OF.search(before) and last_unit[0] in PEOPLE:
            return last_unit  # "a first contingent of 400 officers ... a second group of 600"
        m = re.search(r"\bnumber\s+of\s+((?:[\w'’-]+\s+){0,3}?([a-z]+))\b[^.]*$", before)
        if m:
            if m.group(2).lower() in COUNTED:
                return m.group(2).lower(), m.group(1)
        if re.search(r"\b(?:their|its|the)\s+(?:number|numbers|total|figure|count|tally|toll|"
                     r"contingent|strength|size)\b[^.]{0,80}$|\b(?:raising|bringing|pushing|"
                     r"taking|putting)\s+the\s+(?:total|number|figure|count|toll)\b|"
                     r"\b(?:rose|risen|rising|increased|increasing|grown|grew|growing|reached|"
                     r"reaching|climbed|climbing|jumped|fell|falling|dropped|dropping|declined|"
                     r"declining)\s+(?:to\s+)?$",
                     before, re.I):
            for e in reversed(earlier):
                # "the figure" restates a count of the same order ("3,000 ... the Pentagon
                # put the figure at 10,000"), not "50 howitzers" beside 10,900 soldiers
                if e.unit and _comparable(e.value, q.value):
                    return e.unit, self._subject(doc.text, e)
            m = re.match(r"^\s*(?:for|of|among)\s+(?:the\s+)?"
                         r"((?:[\w'’-]+\s+){0,3}?([a-z]+))\b", after)
            if m and m.group(2) in COUNTED and m.group(2) not in NOT_COUNTED:
                return m.group(2), m.group(1)  # "put the figure at 10.9k for the soldiers"
            if last_unit[0]:
                return last_unit
            if not earlier:
                return _topic_noun(doc, sent)
        return None, None

    def _window(self, text: str, sent: Span, q: Quantity, qs: list[Quantity],
                qi: int) -> tuple[int, int]:
        start = qs[qi - 1].span.end if qi > 0 else sent.start
        if qi > 0 and qs[qi - 1].unit_span is not None:
            start = max(start, qs[qi - 1].unit_span.end)
        end = sent.end
        for o in qs[qi + 1:]:
            if _of_total(text, q, o):
                continue  # "shot down 13 of 16 missiles": the part's verb is past the total
            if not _aside(text, o):
                end = o.span.start
                break
        return start, end

    def _status(self, text: str, q: Quantity, window: tuple[int, int], cat: str) -> str:
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
        own = _part_verb(text, q, allowed)
        if own is not None:
            return own  # "18 people were badly hurt, three of whom died": their own
        named = _number_of_status(text, window, allowed)
        if named is not None:
            return named  # "the number of people killed ... at 12": the count names it
        if cat in ("people", "weapons") and HOLDS.search(before) and not _own_outcome(text, q):
            return "present"  # "Russia has only about 120 strategic bombers"
        if cat == "people" and CARRYING.search(before) and not _own_outcome(text, q):
            return "present"  # "the train, which was carrying some 400 passengers": aboard
        if cat == "money":
            measure = _money_measure(text, q, window)
            if measure is not None:
                return measure  # "$7 billion in damage", "needs at $426 million"
        if cat == "people" and re.search(r"\b(?:it|there|they)\s+(?:is|are|was|were)\s+"
                                         r"(?:still\s+|now\s+)?$",
                                         text[max(ws, q.span.start - 24):q.span.start]):
            return "present"  # "we believe it is roughly 11,000 to 12,000 troops"
        if cat == "people" and (AID_TO.search(text, max(0, q.span.start - 90), q.span.start) or (
                re.search(r"\b(?:reach(?:ed|es|ing)|assist(?:ed|s|ing))\s+$",
                          text[max(ws, q.span.start - 20):q.span.start]) and
                re.search(r"\b(?:assistance|aid|food|cash|supplies|relief)\b", text[ws:we]))):
            return "supplied"  # "delivered food to 115,000 people": whom aid reached
        anchor_b = q.span.start
        anchor_a = q.unit_span.end if q.unit_span is not None and q.unit_span.end > q.span.end \
            else q.span.end
        best: tuple[float, str] | None = None
        forward: tuple[float, str] | None = None
        lead: tuple[float, str] | None = None  # the nearest cue before the number
        participle: str | None = None  # an outcome standing between number and noun
        for status, m in _cue_matches(text, ws, we):
            word = m.group(0).lower()
            if cat == "people" and status == "supplied" and word in OFFERED:
                status = "planned"  # "Kenya has offered 1,000 officers": a promise of people
            if status == "launched" and word in ATTACK_WORDS and \
                    (q.unit or "").lower() not in AERIAL and cat != "attacks" and \
                    m.end() <= q.span.start and re.fullmatch(
                        r"\s+(?:on|against|at)\s+(?:the\s+)?|\s*", text[m.end():q.span.start]) and \
                    (word not in ("attack", "attacks", "strike", "strikes") or
                     text[m.end():q.span.start].strip()):
                status = "other"  # "an attack on three warships": the target, not the weapon
            if status == "launched" and word in ATTACK_WORDS and m.start() >= anchor_a and \
                    EVENT_AFTER.search(text, max(ws, m.start() - 40), m.start()):
                status = "other"  # "one drone in the hours after India's missile strikes"
            if status == "sent" and word in ("landed", "touched down") and \
                    (q.unit or "").lower().rstrip("s") + "s" in AERIAL:
                status = "other"  # "one missile landed near the embassy": a hit, not a delivery
            if status == "training" and "training" not in allowed and word in READIED:
                status = "deployed"  # "readied six F-16 jets along the border"
            if status not in allowed or _is_modifier(text, m) or _not_a_cue(text, m, status):
                continue
            if status == "destroyed" and word in SHOT_DOWN and "intercepted" in allowed and \
                    not GROUND.search(text, ws, we):
                status = "intercepted"  # "five planes had been downed": brought down in flight
            if status == "deployed" and word in TOOK_PART and ATTACK_AFTER.match(text, m.end()):
                status = "other"  # "70 militants took part in the attack": no deployment
            if m.end() <= anchor_b and describes_noun(text, m) and \
                    text.find(":", m.end(), anchor_b) >= 0:
                continue  # "six drones sent by India: four over Okara": the noun's participle
            if status == "captured" and cat == "weapons" and word not in SEIZED:
                continue  # "hostages", "detained", "in captivity" speak of people only
            if word == "holding" and not (cat == "people" and m.end() <= anchor_b and
                                          HOLDING_OBJECT.fullmatch(text, m.end(), anchor_b)):
                continue  # "were holding 214 people" captive; "troops holding the line" not
            if q.span.start <= m.start() < anchor_a:
                if status in OUTCOMES and q.unit_span is not None and \
                        q.span.end <= m.start() < q.unit_span.start and \
                        m.group(0).lower().endswith("ed") and participle is None:
                    participle = status  # "six destroyed missile boats"
                continue
            if q.unit_span is not None and q.unit_span.start <= m.start() < q.unit_span.end \
                    and not _label_verb(text, q, m):
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
                dist = len(gap.split()) + 0.5
                if status in OUTCOMES and re.fullmatch(r"\s*(?:have|has|had)\s+", gap) and \
                        m.group(0).lower() in TRANSITIVE and AGENT_OBJECT.match(text, m.end()):
                    continue  # "100 jets had destroyed thousands of launchers": the doers
                if (status in OUTCOMES or MISSING.fullmatch(m.group(0)) or (
                        status == "other" and word in RELEASED)) and re.fullmatch(
                        r"\s*,?\s*(?:others?\s+|more\s+)?(?:were|was|are|is|have been|had been|"
                        r"has been)?\s*(?:still\s+|all\s+)?(?:" + SEVERITY + r"\s+)?", gap):
                    dist = -1  # "200 servicemen killed": the participle on the noun decides
                elif status in OUTCOMES and len(gap.split()) <= 10 and "," not in gap and \
                        re.search(r"\b(?:(?:have|has|had)(?:\s+been)?|were|was)\s+$", gap):
                    # "300 soldiers dispatched to Russia have been killed": the main verb,
                    # not the participle describing the noun
                    dist = 0
                if status in ("killed", "wounded") and RELATIVE_ONLY.fullmatch(gap):
                    dist = -1  # "28 hostages who died in captivity": what befell them
                elif re.match(r"\s*,?\s*(?:who|that|which)\b", gap):
                    dist += 10  # "ten citizens who fought for Ukraine were released"
                if status in FORWARD and gap.strip():
                    dist += 3  # a forecast after the number rarely governs it; one right
                    # after the counted noun does ("5 million people could become refugees")
            if best is None or dist < best[0]:
                best = (dist, status)
        if participle is not None and (best is None or best[0] > 1) and forward is None:
            # "counted six destroyed missile boats": no verb nearer says otherwise
            # ("captured two wounded soldiers" were captured)
            return participle
        noun = NOUN_STATUS.get((q.unit or "").lower())
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
        if noun and q.unit_span is not None and re.fullmatch(
                r"\s*(?:(?:others?|more)\s+)?", text[q.span.end:q.unit_span.start]):
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
                status = _aerial(text, q, window, status)
            return status
        if noun and noun in allowed:
            return noun
        if cat == "attacks":
            # strikes and attacks are launched; clashes and engagements are fought
            return NOUN_STATUS.get((q.unit or "").lower(), "other")
        if cat == "money":
            return "supplied"
        return "other"

    def _modality(self, sentence: str, text: str, q: Quantity, window: tuple[int, int],
                  status: str) -> str:
        ws, we = window
        clause = text[ws:we]
        if _MOD_RX["denied"].search(sentence):
            return "denied"
        if _MOD_RX["reported"].search(sentence):
            return "reported"
        if status == "planned":
            return "intended"
        if status == "expected":
            return "forecast"
        if _MOD_RX["estimated"].search(clause) or _MOD_RX["estimated"].search(
                sentence[:max(0, q.span.start - (ws - (ws - 0)))]):
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
            if NOT_LOCATION_PREP.search(before) and not re.search(
                    r"\b(?:in|to|into|near|at)\s+(?:the\s+)?$", before, re.I):
                continue
            if not LOCATION_PREP.search(before) and not (
                    m.start < q.span.start and re.match(r"^\s*,", text[m.end:m.end + 2])):
                continue
            if re.match(r"^\s*(?:said|says|told|warned|confirmed|claimed|reported|announced)\b",
                        text[m.end:m.end + 20]):
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
                    _refers_back(c, doc.text):
                continue
            later = claims[i + 1:]
            # a headline's figure is restated in the body, often with another noun
            # ("troops" / "soldiers") or status wording
            headline = _in_title(c, doc) or item_headline(c, d_of=later, doc=doc)
            restated = [
                j for j, d in enumerate(later, i + 1)
                if d.value == c.value and d.value_max == c.value_max
                and d.evidence.start != c.evidence.start
                and (headline or (d.unit == c.unit and d.status == c.status))]
            if restated and (headline or _in_summary(c, doc)):
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


# a nationality said of a count of people: "400,000 were Thai", "and 101,000 Cambodian"
DEMONYM_AFTER = re.compile(r"\s+(?P<verb>(?:were|are|was)\s+)?(?P<who>[A-Z][a-z]+(?:ese|ians?|ans?|"
                           r"is|i|ish|ch))\b(?!\s+(?:[A-Z]|(?!and\b|or\b)[a-z]+s\b))")
# a noun, then a verb that gives its count: "casualties now stand at 3,000", "whose
# fighters they estimated at 3,000", "Shelters opened for the displaced number 1,097"
COUNT_VERB_BEFORE = re.compile(
    r"\b([A-Za-z]+),?\s+(?=(?:[\w'’-]+,?\s+){0,6}?(?:now\s+|already\s+)?(?:stand|stands|"
    r"stood|reached|have reached|has reached|total|totals|totalled|totaled|"
    r"exceed|exceeds|exceeded|average|averages|averaged|came to|amounted to|"
    r"passed|topped|surpassed|climbed to|rose to|estimated|estimates|put|puts|placed|"
    r"may number|number|numbered)\s+(?:at\s+)?$)")
POPULATION = re.compile(r"\bpopulation\s+(?:of|at|is|was|stood\s+at|stands\s+at|"
                        r"numbered|reached)\s+$", re.I)
# "a second group of 600", "a first contingent of 400": a batch of people named before
GROUP_OF = re.compile(r"\b(?:group|contingent|batch|wave|detachment|rotation)\s+of\s+$", re.I)
# a verb that takes the count as its object: "Russian crews abandoned 1,113", "we struck 40"
FOLLOW_ON_BEFORE = re.compile(
    r"\b(?:abandoned|captured|seized|destroyed|damaged|downed|sank|sunk|struck|shot\s+down|"
    r"intercepted|lost)\s+(?:(?:a\s+further|" + HEDGE_PHRASE + r")\s+)?$", re.I)


# a forecast that governs the figure: "could soon exceed 10 million", "is expected to top"
FORECAST_REACH = re.compile(
    r"\b(?:could|may|might|will|would|is\s+(?:expected|likely|set)\s+to|are\s+(?:expected|"
    r"likely|set)\s+to)\s+(?:soon\s+|well\s+|easily\s+|eventually\s+)?(?:exceed|reach|top|"
    r"surpass|pass|rise\s+to|climb\s+to|grow\s+to|hit)\s+(?:" + HEDGE_PHRASE + r"\s+)?$",
    re.I)
# possession: what a side has now ("has only about 120 bombers", "went to war with 3,000
# tanks", "was believed to have 10 boats", "had 25 people on board")
HOLDS = re.compile(
    r"\b(?:(?:has|have|had|keeps|kept|possesses|possessed|fields|fielded)(?!\s+(?:been|lost|"
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
DAMAGE = re.compile(r"^\s*(?:in|of|worth\s+of)\s+(?:\w+\s+)?(?:damages?|losses|destruction)\b|"
                    r"^\s*(?:in|of)\s+(?:\w+\s+)?(?:goods|trade|exports|imports|revenue|"
                    r"needs)\b", re.I)
NEEDS_AT = re.compile(r"\b(?:damages?|losses|destruction|needs|requirements|cost|costs|"
                      r"shortfall|gap)\b[^.;]{0,60}\b(?:at|to|of|closer\s+to)\s+(?:"
                      + HEDGE_PHRASE + r"\s+)?$", re.I)


def _money_measure(text: str, q: Quantity, window: tuple[int, int]) -> str | None:
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


def _refers_back(c: Claim, text: str) -> bool:
    """A figure stated before, named again as a known group ("Of the 3 million people now
    displaced, ...") or asked about ("Is a billion dollars enough?")."""
    ev = c.evidence.text.rstrip()
    if ev.endswith("?"):
        return True
    return bool(re.search(r"(?:^|[.;:]\s+|\n)\s*(?:[\"“])?(?:of|among|out\s+of)\s+"
                          r"(?:the|those|these)\s+(?:(?:more\s+than|over|about|some|nearly)\s+)?$",
                          text[max(0, c.evidence.start - 2):_value_start(c, text)], re.I))


def _value_start(c: Claim, text: str) -> int:
    """Where the claim's figure starts in its sentence (its first digit or number word)."""
    ev = text[c.evidence.start:c.evidence.end]
    m = re.search(r"\d", ev)
    return c.evidence.start + (m.start() if m else 0)


def _comparable(a: float, b: float) -> bool:
    """Two figures for the same count differ by less than an order of magnitude."""
    lo, hi = sorted((abs(a), abs(b)))
    return lo > 0 and hi / lo < 10


def _topic_noun(doc: Doc, sent: Span) -> tuple[str | None, str | None]:
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


def _in_title(c: Claim, doc: Doc) -> bool:
    """The headline: the first paragraph, or the paragraph holding the title after a
    masthead and section labels."""
    if not doc.paragraphs:
        return False
    i = doc.paragraph_of(c.evidence.start)
    if i == 0:
        return True
    title = (doc.title or "").strip()
    return bool(title) and i < 8 and doc.paragraphs[i].text.strip() == title


def _in_summary(c: Claim, doc: Doc) -> bool:
    """Short lead-in paragraphs before the body: bullets of a key-points box."""
    i = doc.paragraph_of(c.evidence.start)
    return 0 <= i <= len(doc.paragraphs) // 3 and len(doc.paragraphs[i].text) < 220 and \
        doc.paragraphs[i].text == c.evidence.text


def _table_header(doc: Doc, sent: Span, q: Quantity) -> str | None:
    """The header of the column a number stands in, in a table flattened to lines of
    cells ("Region | Killed | Injured" over "Donetsk Oblast | 14 | 52"); cleaning may
    have dropped the header line, so it is looked for in the page as read."""
    if "|" not in sent.text:
        return None
    col = doc.text.count("|", sent.start, q.span.start)
    cells = sent.text.count("|") + 1
    for source, at in ((doc.text, sent.start), (doc.raw, doc.raw.find(sent.text.strip()))):
        if at < 0:
            continue
        for line in reversed(source[max(0, at - 1500):at].splitlines()[-12:]):
            parts = [c.strip() for c in re.sub(r"<[^>]+>", " ", line).split("|")]
            if len(parts) != cells or any(DATA_CELL.fullmatch(c) for c in parts[1:]):
                continue  # a row of figures, not the header ("Displaced since Feb 2021" is)
            if len(parts[col].split()) > 8 if col < len(parts) else False:
                return None  # a row of statements ("holding up to 3 million shells"): no label
            return parts[col] if col < len(parts) and parts[col] else None
    return None


# a table cell holding a figure: "943 000", "17.6 million", "$764m", "12%"
DATA_CELL = re.compile(r"[\s$€£(~+-]*\d[\d\s,.]*(?:%|\s*(?:k|m|bn|million|billion|thousand))?"
                       r"[\s)]*", re.I)


def _table_context_status(doc: Doc, sent: Span, cat: str) -> str:
    """What a flattened table of bare figures counts, as the text above it says: the
    nearest of the two paragraphs before the table, then the headline, with a cue that
    fits the row's noun ("the daily update on Russian losses")."""
    i = doc.paragraph_of(sent.start)
    while i > 0 and "|" in doc.paragraphs[i - 1].text:
        i -= 1
    spans = [doc.paragraphs[j] for j in range(i - 1, max(-1, i - 3), -1)]
    if doc.title:
        spans.append(Span(0, 0, doc.title))
    for para in spans:
        text, start, end = (doc.text, para.start, para.end) if para.end > para.start else \
            (para.text, 0, len(para.text))
        found = [st for st, m in _cue_matches(text, start, end) if st in ALLOWED[cat]
                 and not _is_modifier(text, m) and not _not_a_cue(text, m, st)]
        # what happened to the things counted, rather than how the figure was given
        outcomes = [st for st in found if st in OUTCOMES]
        if outcomes or found:
            return (outcomes or found)[0]
    return "other"


def _row_label(doc: Doc, sent: Span, q: Quantity) -> tuple[str, str] | None:
    """The counted noun a flattened table's row names in its first cell ("Tanks | 7,834 |
    6", "Armoured combat vehicles | 15,096 | 20"), when the columns are totals, not nouns."""
    if "|" not in sent.text or doc.text.count("|", sent.start, q.span.start) == 0:
        return None
    first = sent.text.split("|")[0].strip().lower()
    words = first.split()
    # the label's end ("Armoured combat vehicles"), else its start ("People in need")
    phrases = [" ".join(words[n:]) for n in range(len(words))] + \
        [" ".join(words[:n]) for n in range(len(words) - 1, 0, -1)]
    for phrase in phrases:
        for cand in (phrase, phrase[:-1] if phrase.endswith("s") else phrase + "s"):
            if cand in COUNTED and cand not in NOT_COUNTED:
                return cand, sent.text.split("|")[0].strip()
    return None


def _of_total(text: str, part: Quantity, total: Quantity) -> bool:
    """'13 of 16 missiles', '17 of the 22 drones': a part, then the total it is out of."""
    return part.span.end <= total.span.start and bool(re.fullmatch(
        r"\s+(?:out\s+)?of\s+(?:the\s+|all\s+|a\s+total\s+of\s+)?",
        text[part.span.end:total.span.start]))


def _aside(text: str, q: Quantity) -> bool:
    """A number inside a parenthetical that leaves the clause to the figure before it:
    ages ("three children, aged 8, 12 and 17, were killed") and a part of the group
    ("214 civilians, 10 of them children, were evacuated")."""
    before = text[max(0, q.span.start - 30):q.span.start]
    if re.search(r"\b(?:aged|ages|age)\s+(?:\d+\s*(?:,|and|to|-)\s*)*$", before):
        return True
    if re.search(r"\b(?:man|woman|boy|girl|child|person|resident)\s+of\s+$", before):
        return True  # "two people, a woman of 64 and a man of 58, were killed": ages
    if re.search(r",\s*(?:including|among\s+them|among\s+whom)\s+[^,;.()]{0,60}$",
                 text[max(0, q.span.start - 90):q.span.start]) and \
            re.match(r"[^;.()]{0,60},", text[q.span.end:q.span.end + 61]):
        return True  # "1,640 people, including 104 children and 194 women, had been killed"
    if re.search(r"\s[–—-]\s[^–—.;]{0,30}$", before) and \
            re.match(r"[^–—.;]{0,50}\s[–—-]\s", text[q.span.end:q.span.end + 60]):
        return True  # "14 million people – three in every ten inhabitants – have fled"
    return bool(re.search(r",\s*$", before)) and bool(
        re.match(r"\s+of\s+(?:them|whom)\b[^,;.]{0,40},", text[q.span.end:q.span.end + 60]))


def _aerial(text: str, q: Quantity, window: tuple[int, int], status: str) -> str:
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
    stop = re.compile(r"[.;!?]").search(text, window[1])
    tail = text[window[0]:stop.start() if stop else window[1]]
    if status == "sent" and re.search(r"\b(?:air defen[cs]es?|shot down|brought down|"
                                      r"intercept\w*|over\s+the|overnight|during the night|"
                                      r"(?:at|toward|towards|against)\s+(?:the\s+)?[A-Z])",
                                      tail):
        return "launched"
    return status


def _not_a_cue(text: str, m: re.Match[str], status: str) -> bool:
    """Cue words that state no status where they stand: the month May, a modal of
    conjecture about the past ("may have killed"), a purpose ("sent for training"),
    a negation ("were not shot down")."""
    word = m.group(0)
    after = text[m.end():m.end() + 12]
    before = text[max(0, m.start() - 12):m.start()]
    if word[:1].isupper() and word.lower() not in ("air defence", "air defense") and \
            re.search(r"[a-z,]\s+$", before):
        return True  # part of a name mid-sentence: "the Humanitarian Response Plan"
    if re.search(r"\b(?:the|a|its|their)\s+$", before) and word.lower().endswith("ing") and \
            status in OUTCOMES:
        return True  # "before the sinking": a noun, not what befell the number's things
    if status == "present" and word.lower() in ("put", "puts") and \
            re.match(r"\s+(?:the\s+)?(?:figure|total|toll|count|tally|estimate)\b", after):
        # "OCHA put the figure at 18,000": a count restated, not presence ("put the number
        # in Kursk at 8,000" of troops still says where they are)
        return True
    if status in FORWARD and re.match(r"\s*(?:not|n['’]t|never)\b", after):
        return True  # "it could not verify the claim": no forecast
    if status == "sent" and "reached" in word.lower() and re.search(
            r"\b(?:total|number|toll|figure|count|tally|losses)\s+(?:\w+\s+){0,2}$",
            text[max(0, m.start() - 30):m.start()], re.I):
        return True  # "the total has reached 516,080": a count, not an arrival
    if status in OUTCOMES and re.search(r"\b(?:not|never|n['’]t|failed to|without being)\s+"
                                        r"(?:been\s+|be\s+)?$",
                                        text[max(0, m.start() - 25):m.start()], re.I):
        # "the six missiles that were not brought down"; a denial ("had not fired") still
        # names what it denies
        return True
    if word == "May" or (word.lower() == "may" and (re.match(r"\s+\d", after) or
                                                     re.search(r"\d\s*$", before))):
        return True
    if status in FORWARD and word.lower() in ("may", "might", "could") and \
            re.match(r"\s+(?:well\s+|also\s+|now\s+)?(?:have|still|confirm|say|tell|verify|"
                     r"see|report|not)\b", after):
        # "may have killed", "may still be under the rubble", "he could confirm that two
        # aircraft had been taken down": no forecast
        return True
    if status == "training" and word.lower() == "train" and re.search(
            r"\b(?:the|a|this|that|its|their|each|every|passenger|freight)\s+$", before, re.I):
        return True  # "people from the train", "the train was carrying": a railway train
    return status in ("training", "deployed") and bool(re.search(r"\bfor\s+$", before))


# aid handed to people: "delivered food to", "provided ... with", "handing out ... to"
AID_TO = re.compile(r"\b(?:deliver(?:ed|ing|s)?|provid(?:ed|ing|es)|distribut(?:ed|ing|es)|"
                    r"hand(?:ed|ing|s)\s+out|g[ai]ve|giving|suppl(?:ied|ying|ies))\s+"
                    r"(?:(?:[^.;,]|(?<=\d),(?=\d)){0,70}?"
                    r"\b(?:to|for)\s+)?(?:(?:some|about|around|nearly|over|more\s+than|"
                    r"at\s+least|another|a\s+further)\s+)?$", re.I)
NUMBER_OF = re.compile(r"\b(?:number|total|count|tally)\s+"
                       r"(?:of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?)?"
                       r"(?P<word>killed|dead|wounded|injured|dispatched|deployed|sent|"
                       r"captured|displaced|evacuated|destroyed|shot down|intercepted|launched|"
                       r"fired|stationed|trained|freed|released|returned|rescued)\b", re.I)


def _number_of_status(text: str, window: tuple[int, int], allowed: set[str]) -> str | None:
    """'the number of people killed in the attack at 12', 'bring to 3,000 the number of
    soldiers dispatched': the participle on the counted noun names the status."""
    m = NUMBER_OF.search(text, window[0], window[1])
    if m is None:
        return None
    word = m.group("word")
    found = [st for st, rx in _CUE_RX.items() if rx.fullmatch(word) and st in allowed]
    found = [st for st in found if st != "destroyed" or "intercepted" not in found]
    return found[0] if len(found) == 1 else None


def _colon_list_unit(text: str, sent: Span, q: Quantity) -> str | None:
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


def _listed_after(text: str, prev: Quantity, q: Quantity) -> bool:
    """'three tanks, 8 armoured vehicles and 42 artillery systems': siblings in a list,
    also when the first item carries an aside ("70 missiles, ballistic ones among them,
    and over 100 drones"; "728 drones - decoys included - as well as 13 missiles")."""
    end = prev.unit_span.end if prev.unit_span is not None else prev.span.end
    gap = text[end:q.span.start]
    if end > q.span.start or re.match(r"\s+of\s+(?:them|whom|those)\b", text[q.span.end:]):
        return False  # "1,200 cases, three of them fatal": a part, not a sibling
    if re.fullmatch(r"\s*(?:,|and|,\s*and|as well as|,\s*as well as|plus|along with|"
                    r",\s*along with)\s*", gap):
        return True
    # "30 Leopard tanks, 20 Marder vehicles": the noun phrase between items may be long
    return len(gap.split()) <= 14 and bool(re.search(
        r"(?:\band|as well as|plus|along with|,)\s*$", gap)) and not re.search(r"[;:.]", gap) \
        and not any(not _is_modifier(text, m) for _, m in _cue_matches(text, end, q.span.start))


def _moved_out(text: str, sent: Span, q: Quantity) -> bool:
    """'authorities moved 7,531 people out of the north': people taken away from danger."""
    end = q.unit_span.end if q.unit_span is not None else q.span.end
    return bool(re.search(r"\b(?:moved|moving|taken|took|brought|bringing|relocated)\s+"
                          r"(?:(?:some|about|around|nearly|over|more\s+than|almost)\s+)?$",
                          text[max(sent.start, q.span.start - 30):q.span.start], re.I)) and \
        bool(re.match(r"\s+(?:out\s+of|away\s+from|from)\b", text[end:end + 20]))


def _with_next(text: str, q: Quantity, nxt: Quantity) -> bool:
    """'two units with up to 12,000 troops are being prepared': the verb after both."""
    end = q.unit_span.end if q.unit_span is not None else q.span.end
    return end <= nxt.span.start and bool(re.fullmatch(
        r"\s+(?:with|of)\s+(?:possibly\s+|some\s+|about\s+|around\s+)?",
        text[end:nxt.span.start]))


def _among(text: str, q: Quantity, whole: Quantity) -> bool:
    """'six officers were among more than 20 servicemen killed': a part of the next count."""
    end = q.unit_span.end if q.unit_span is not None else q.span.end
    return end <= whole.span.start and bool(re.fullmatch(
        r"\s+(?:were|was|are|is)\s+(?:also\s+)?among\s+(?:the\s+)?", text[end:whole.span.start]))


def _own_outcome(text: str, q: Quantity) -> bool:
    """'including some 600 deaths', 'of whom 25,200 were killed': the part says its own."""
    end = q.unit_span.end if q.unit_span is not None else q.span.end
    # an outcome noun ("deaths") says its own; a group ("prisoners") takes the whole's
    return NOUN_STATUS.get((q.unit or "").lower()) in ("killed", "wounded", "casualties") or \
        bool(re.match(
        r"\s*(?:of\s+(?:them|whom|those)\s+)?(?:(?:were|was|have been|had been|are|is)\s+)?"
        r"(?:still\s+)?(?:killed|wounded|injured|fatal|"
        r"dead|died|"
        r"captured|missing|destroyed|shot down|intercepted)\b", text[end:end + 40]))


def _changed_to(text: str, q: Quantity, nxt: Quantity) -> bool:
    """'from 74,000 to 55,000 personnel': a change over time whose first figure has the
    second's noun."""
    return bool(re.search(r"\bfrom\s+$", text[max(0, q.span.start - 8):q.span.start], re.I)) \
        and bool(re.fullmatch(r"\s+to\s+", text[q.span.end:nxt.span.start]))


def _spelled_out(text: str, prev: Quantity, q: Quantity) -> bool:
    """'fired 300 drones and missiles at Israel: 170 drones, ...', 'shot down 249 targets,
    namely 211 drones': the first item of a breakdown of the total counted just before."""
    end = prev.unit_span.end if prev.unit_span is not None else prev.span.end
    if end > q.span.start:
        return False
    gap = text[end:q.span.start]
    return len(gap.split()) <= 12 and not re.search(r"[.;!?]", gap) and bool(re.search(
        r"(?::|\bnamely|\bi\.\s?e\.|\bthat is|\bspecifically|\bcomprising|\bconsisting of|"
        r"\bbroken down as)\s*,?\s*(?:(?:more than|over|about|around|some|nearly|almost|"
        r"at least|up to|roughly)\s+)?$", gap, re.I))


def _described(text: str, q: Quantity) -> bool:
    """'six ballistic missiles, fired at Israel', 'missiles that were launched from Yemen':
    a participle describing the counted thing, not what the sentence says became of it."""
    end = q.unit_span.end if q.unit_span is not None else q.span.end
    return bool(re.match(r"\s*,?\s*(?:(?:that|which)\s+(?:were|was|had been|have been)\s+)?"
                         r"(?:fired|launched|aimed|sent)\s+(?:at|from|toward|towards|against|"
                         r"by)\b", text[end:end + 60], re.I))


def _part_of(text: str, prev: Quantity, q: Quantity) -> bool:
    """'34 civilians, including two children', '12, three of them children': a part of
    the group counted just before."""
    end = prev.unit_span.end if prev.unit_span is not None else prev.span.end
    if end > q.span.start:
        return False
    gap = text[end:q.span.start]
    return bool(re.fullmatch(r"(?:\s+in\s+(?:total|all)|\s+overall|\s+altogether)?"
                             r"[\s,(]*(?:including|among them|among whom|among those|of whom|"
                             r"of which|incl\.)\s*", gap, re.I)) or (
        # "about 60 dead in five municipalities of the region, among them seven former
        # fighters": the connector closes a longer phrase on the whole
        len(gap.split()) <= 20 and not re.search(r"[.;:!?]", gap) and
        bool(re.search(r",\s*(?:among them|among whom|including|of whom)\s*$", gap, re.I))) or (
        bool(re.fullmatch(r"\s*,\s*", gap)) and
        bool(re.match(r"\s+of\s+(?:them|whom)\b", text[q.span.end:])))


def _label_verb(text: str, q: Quantity, m: re.Match[str]) -> bool:
    """A list label that says what befell its noun ("cruise missiles shot down – 3,918"):
    the cue after the counted words, in a label before the figure."""
    span = q.unit_span
    if span is None or span.end > q.span.start or not q.unit:
        return False
    at = text.lower().find(q.unit.lower(), span.start, span.end)
    return at >= 0 and m.start() >= at + len(q.unit)


def _part_verb(text: str, q: Quantity, allowed: set[str]) -> str | None:
    """The outcome a part's own verb states: 'three of whom died' (killed)."""
    part = OF_WHOM_VERB.match(text, q.span.end)
    if part is None:
        return None
    own = [st for st, m in _cue_matches(text, part.start("v"), part.end("v"))
           if st in allowed and st in OUTCOMES]
    return own[0] if own else None


def _says_other(text: str, window: tuple[int, int]) -> bool:
    """A cue of its own for 'other' in the clause: "another 852 were left damaged" says
    what befell them, unlike a bare restatement ("put the figure at 3,000")."""
    return any(st == "other" and not _is_modifier(text, m) and not _not_a_cue(text, m, st)
               for st, m in _cue_matches(text, *window))


def _intro_status(text: str, intro: Span, cat: str) -> str:
    """The status a list's introduction gives all its items ("equipment losses stood as
    follows:"): its last cue that fits what the item counts."""
    found = [st for st, m in _cue_matches(text, intro.start, intro.end)
             if st in ALLOWED[cat] and not _is_modifier(text, m) and not _not_a_cue(text, m, st)
             and not describes_noun(text, m)]
    return found[-1] if found else "other"


def _inherit(status: str, cat: str) -> str:
    if status == "casualties" and cat == "weapons":
        return "destroyed"  # "losses stand at 666,340 personnel, 19,322 artillery systems"
    if status == "supplied" and cat == "people":
        return status  # "reached 890,000 people with aid, including 431,000 in Kharkiv"
    return status if status in ALLOWED[cat] else "other"


def _cue_matches(text: str, ws: int, we: int) -> list[tuple[str, re.Match[str]]]:
    """Status cues in text[ws:we]; a cue inside a longer one of another status yields to it
    ("killed or wounded" is casualties, not killed; "shot down" is not "down")."""
    found = _CUE_SCAN.finditer(text, ws, we)
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


def _is_modifier(text: str, m: re.Match[str]) -> bool:
    """A cue word used as a noun modifier ('training grounds', 'attack drones')."""
    nxt = re.match(r"^\s+([a-z]+)", text[m.end():m.end() + 20])
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
