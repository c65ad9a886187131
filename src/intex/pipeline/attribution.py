"""Attribution: who asserts what a sentence says, and through whom it reached the report.

Reports attribute with a small set of constructions: a speech verb after its subject
("Budanov confirmed that ..."), after the content (", the ministry said"), "according
to X", "citing X" / "quoting X" / "briefed by X" for the party further up the chain, an
outlet told something ("told Reuters"), a headline colon ("NIS: ..."). Pronouns, roles
and "the agency" point back to an earlier party; capitals and buildings stand for their
governments ("official Seoul", "the Kremlin"); unnamed sources are sources too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from intex.gazetteer import Gazetteer
from intex.model import Entity, Mention, SourceRef, Span

SPEECH = (r"said|says|say|told|tells|confirmed|confirms|warned|warns|claimed|claims|estimated|"
          r"estimates|estimate|reported|reports|report|noted|notes|added|adds|announced|"
          r"announces|stated|states|believes|believe|believed|assessed|assesses|assess|revealed|"
          r"reveals|wrote|writes|denied|denies|dismissed|dismisses|insisted|insists|stressed|"
          r"stresses|explained|explains|informed|cited|disclosed|discloses|indicated|indicates|"
          r"suggested|suggests|emphasized|emphasised|emphasizes|emphasises|pointed out|"
          r"acknowledged|admitted|admits|alleged|alleges|asserted|asserts|declared|declares|"
          r"briefed|shared|presented|published|publishes|showed|shows|calculated|calculates|"
          r"counted|counts|recorded|records|registered|documented|verified|tallied|put the|"
          r"puts the|provided (?:fresh |new |updated )?(?:data|information|figures|details)|"
          r"gave (?:a |the )?(?:figure|estimate|number)|updated|update|mentioned|replied|"
          r"responded|answered|observed|concluded|forecast|forecasts|predicted|predicts|"
          r"expects|expected|thinks|think|understands|learned|learnt|detected|spotted|"
          r"identified|tracked|monitored|observed|noticed|knows|know|has learned|"
          r"stated in a statement|said in a statement|wrote on|posted|tweeted|communicated|"
          r"specified|clarified|summarized|summarised|quoted|informs|said on|told reporters")
ADVERBS = (r"(?:also|officially|earlier|later|previously|further|then|again|now|already|"
           r"separately|publicly|reportedly|recently|has|have|had|was|were|is|are|would|will|"
           r"on\s+\w+|last\s+\w+|in\s+a\s+\w+(?:\s+\w+)?|in\s+\w+|separately|first|initially|"
           r"repeatedly|once\s+again)")
SPEECH_AFTER_SUBJECT = re.compile(rf"^\s*,?\s*(?:{ADVERBS}\s+){{0,3}}(?:{SPEECH})\b", re.I)
INVERTED = re.compile(rf"\b(?:{SPEECH})\s+(?:on\s+\w+\s+)?$", re.I)
ACCORDING = re.compile(r"\b(?:according\s+to|in\s+the\s+(?:words|view|assessment|estimate)\s+"
                       r"of|as\s+(?:stated|noted|reported|said)\s+by|per)\s+$", re.I)
CITING = re.compile(r"\b(?:citing|quoting|cited\s+by|quoted\s+by|as\s+quoted\s+by|"
                    r"as\s+cited\s+by|(?:a\s+|the\s+)?briefing\s+(?:by|from)|briefed\s+by|"
                    r"based\s+on\s+(?:information|data|figures|intelligence)\s+from|"
                    r"information\s+from|data\s+from|figures\s+from|"
                    r"(?:a|an|the)\s+(?:estimate|assessment|report|statement)\s+(?:by|from|of))"
                    r"\s+(?:the\s+)?$", re.I)
TOLD = re.compile(r"^\s*(?:told|tells|to)\s+(?:the\s+)?$", re.I)
PRONOUNS = {"he": "PERSON", "she": "PERSON", "they": "ANY", "it": "ORG", "him": "PERSON",
            "her": "PERSON", "them": "ANY", "his": "PERSON", "its": "ORG", "their": "ANY"}
BODY_WORDS = (r"agency|spy agency|intelligence agency|ministry|service|department|office|"
              r"directorate|military|army|command|committee|government|administration|"
              r"staff|general staff|mission|organisation|organization|body|institute|"
              r"think tank|center|centre|council|air force|navy|monitors|monitoring mission|"
              r"authorities|regional administration|military administration|police|guard|"
              r"prosecutors|office")
PERSON_ROLES = (r"president|head of state|leader|prime minister|premier|minister|"
                r"defen[cs]e minister|foreign minister|official|governor|mayor|spokesman|"
                r"spokeswoman|spokesperson|commander|general|chief|head|director|lawmaker|"
                r"legislator|deputy|ambassador|envoy|adviser|advisor|secretary|ombudsman|"
                r"analyst|expert|representative|senator|congressman|chancellor|commander-in-chief")
ANAPHORA = re.compile(
    rf"\b(?:(?P<pron>he|she|they|it)|the\s+(?:(?:same|country's|ukrainian|russian|korean|"
    rf"american|british|south\s+korean|north\s+korean|us|u\.s\.|spy|intelligence|defen[cs]e|"
    rf"foreign|regional|military|state|national|presidential|ukraine's|russia's)\s+)?"
    rf"(?:(?P<body>{BODY_WORDS})|(?P<role>{PERSON_ROLES})))$", re.I)
ANONYMOUS = re.compile(
    r"\b(?:(?:a|an|two|three|several|some|other|unnamed|anonymous)\s+)?(?P<phrase>(?:(?:senior|"
    r"high-ranking|top|western|us|u\.s\.|american|british|european|ukrainian|russian|south "
    r"korean|korean|military|intelligence|defen[cs]e|government|security|administration|"
    r"diplomatic|nato|eu|allied|unnamed|anonymous|local|regional|official|informed|"
    r"knowledgeable)\s+){0,3}(?:officials?|sources?|diplomats?|officers?|insiders?|analysts?|"
    r"people\s+familiar\s+with\s+the\s+matter|sources\s+familiar\s+with\s+the\s+matter|"
    r"intelligence|commanders?)(?:\s+(?:familiar\s+with\s+(?:the\s+)?\w+|in\s+[A-Z]\w+|"
    r"close\s+to\s+[\w\s]{3,30}?))?)$", re.I)


@dataclass
class Party:
    """A party that can assert something, as found at one place in the text."""

    start: int
    end: int
    refs: list[SourceRef]


@dataclass
class Attribution:
    chain: list[SourceRef] = field(default_factory=list)
    explicit: bool = False  # a cue in this sentence said so
    cue_end: int = -1
    anaphoric: bool = False  # the party was named earlier ("he", "the president")


def _ref(entity: Entity, g: Gazetteer) -> SourceRef:
    entry = g.entries.get(entity.id)
    kind = entity.kind or (entry.kind if entry else None)
    if entity.type == "GPE":
        country = g.country(entity.country) if entity.kind != "country" else None
        target = country or entity
        return SourceRef(f"Government of {target.name}", target.id, "government")
    if entity.type == "ORG" and kind == "government" and entity.country and \
            entity.name in ("Kremlin", "White House", "Bankova"):
        country = g.country(entity.country)
        if country is not None:
            return SourceRef(f"Government of {country.name}", country.id, "government")
    return SourceRef(entity.name, entity.id,
                     "person" if entity.type == "PERSON" else (kind or "organization"))


class Attributor:
    """Walks the sentences in order, keeping who spoke last for pronouns and roles."""

    def __init__(self, g: Gazetteer, text: str, mentions: list[Mention],
                 entities: dict[str, Entity], site: str | None) -> None:
        self.g = g
        self.text = text
        self.mentions = mentions
        self.entities = entities
        self.site = site
        self.last_person: Entity | None = None
        self.last_org: Entity | None = None
        self.last_chain: list[SourceRef] = []
        self.last_para = -1
        self._anaphoric = False

    # parties ------------------------------------------------------------------
    def parties(self, sent: Span) -> list[Party]:
        out: list[Party] = []
        for m in self.mentions:
            if m.start < sent.start or m.end > sent.end:
                continue
            e = self.entities.get(m.entity_id)
            if e is None or e.type == "LOC":
                continue
            if e.type == "GPE" and m.why == "demonym":
                continue
            out.append(Party(m.start, m.end, [_ref(e, self.g)]))
        return out

    def _affiliations(self, person_end: int, sent: Span, start: int) -> list[SourceRef]:
        """Bodies named in the role phrase around a person: 'the head of X, Budanov'."""
        out = []
        for m in self.mentions:
            e = self.entities.get(m.entity_id)
            if e is None or e.type != "ORG" or (e.kind or "") == "outlet":
                continue
            if start - 90 <= m.start < start and m.start >= sent.start:
                between = self.text[m.end:start]
                before = self.text[max(sent.start, m.start - 40):m.start].lower()
                if re.search(r"\b(?:head|chief|director|spokes\w+|commander|minister|"
                             r"representative|officer|official)\s+(?:of|at|for)\s+(?:the\s+)?$",
                             before) and re.fullmatch(r"[\s,]*(?:[\w'’ ()-]{0,40})?,?\s*", between):
                    out.append(_ref(e, self.g))
        return out

    def resolve_phrase(self, s: int, e: int, sent: Span) -> list[SourceRef] | None:
        """The party written at text[s:e]: a mention, a pronoun or role, an unnamed source."""
        inside = [m for m in self.mentions if m.start >= s and m.end <= e]
        inside = [m for m in inside if self.entities.get(m.entity_id) is not None]
        if inside:
            # the head of the phrase is its last named party ("Ukraine's military
            # intelligence chief Kyrylo Budanov"), bodies in it are affiliations
            persons = [m for m in inside if self.entities[m.entity_id].type == "PERSON"]
            head = persons[-1] if persons else inside[0]
            ent = self.entities[head.entity_id]
            if ent.type == "GPE" and head.why == "demonym":
                pass
            else:
                refs = [_ref(ent, self.g)]
                for m in inside:
                    other = self.entities[m.entity_id]
                    if other.type == "ORG" and m is not head and other.kind != "outlet":
                        refs.append(_ref(other, self.g))
                return refs
        phrase = self.text[s:e].strip()
        m = ANAPHORA.search(phrase)
        if m:
            return self._anaphora(m)
        m = ANONYMOUS.search(phrase)
        if m:
            name = " ".join(m.group("phrase").split())
            return [SourceRef(name, None, "anonymous")]
        return None

    def _anaphora(self, m: re.Match[str]) -> list[SourceRef] | None:
        self._anaphoric = True
        if m.group("pron"):
            p = m.group("pron").lower()
            if PRONOUNS.get(p) == "PERSON" and self.last_person is not None:
                return self._chain_for(self.last_person)
            if PRONOUNS.get(p) == "ORG" and self.last_org is not None:
                return self._chain_for(self.last_org)
            return list(self.last_chain) or None
        if m.group("body"):
            if self.last_org is not None:
                return self._chain_for(self.last_org)
            return list(self.last_chain) or None
        if m.group("role"):
            if self.last_person is not None:
                return self._chain_for(self.last_person)
            return list(self.last_chain) or None
        return None

    def _chain_for(self, ent: Entity) -> list[SourceRef]:
        ref = _ref(ent, self.g)
        if self.last_chain and self.last_chain[0].name == ref.name:
            return list(self.last_chain)
        return [ref]

    def _phrase_before(self, sent: Span, pos: int) -> tuple[int, int] | None:
        """The noun phrase ending at ``pos`` (the subject of a following verb)."""
        head = self.text[sent.start:pos]
        # an acronym in brackets belongs to the name before it: "the NIS (NIS) told"
        paren = re.search(r"\s*\([^()]{1,20}\)\s*$", head)
        if paren:
            head = head[:paren.start()]
            pos = sent.start + paren.start()
        # strip an appositive ", the head of X," back to the name before it
        m = re.search(r"([^,;:()\"“”]{1,120})$", head)
        if not m:
            return None
        s = sent.start + m.start(1)
        phrase = m.group(1)
        # a subordinate "that"/"as" clause ends the phrase
        cut = max(phrase.rfind(" that "), phrase.rfind(" as "), phrase.rfind(" while "),
                  phrase.rfind(" but "), phrase.rfind(" and "), phrase.rfind(" when "))
        if cut >= 0:
            s += cut + 1
        return s, pos

    def _phrase_after(self, pos: int, end: int) -> tuple[int, int]:
        m = re.match(r"([^,;:.()\"“”]{1,120})", self.text[pos:end])
        return (pos, pos + (m.end(1) if m else 0))

    # attribution --------------------------------------------------------------
    def sentence(self, sent: Span, para: int, is_title: bool = False) -> Attribution:
        text = self.text
        self._anaphoric = False
        cues: list[tuple[int, list[SourceRef], str]] = []  # (position, chain, kind)
        rel = text[sent.start:sent.end]
        # "X said", "X, the head of Y, confirmed", "Officials believe"
        for m in re.finditer(rf"(?<![\w-])(?:{SPEECH})\b", rel, re.I):
            vpos = sent.start + m.start()
            before = text[sent.start:vpos]
            if re.search(r"(?:\bto be|\bhas been|\bhave been|\bwas|\bwere|\bis|\bare|\bbeing)\s+$",
                         before, re.I) and m.group(0).lower() in ("reported", "estimated",
                                                                   "believed", "expected"):
                continue  # "is estimated", "were reported": no speaker here
            subj_end = vpos
            adv = re.search(rf"(?:,?\s*(?:{ADVERBS})\s*)+$", before, re.I)
            if adv:
                subj_end = sent.start + adv.start()
            sub = re.search(r",\s*$", text[sent.start:subj_end])
            span = self._phrase_before(sent, subj_end - (len(sub.group(0)) if sub else 0))
            refs = None
            if span:
                refs = self._subject(span[0], span[1], sent)
            if refs:
                cues.append((vpos, refs, "subject"))
                continue
            # inverted: ', said the ministry' / ', Budanov said' handled above
            after = self._phrase_after(sent.start + m.end(), sent.end)
            inv = INVERTED.search(text[sent.start:sent.start + m.end() + 1])
            if inv and re.search(r"[,”\"’]\s*$", before) and after[1] > after[0]:
                refs = self.resolve_phrase(after[0], after[1], sent)
                if refs:
                    cues.append((vpos, refs, "inverted"))
        for m in re.finditer(r"(?:according\s+to|in\s+the\s+(?:words|view|assessment|estimate)"
                             r"\s+of|as\s+(?:stated|noted|reported|said)\s+by)\s+", rel, re.I):
            s = sent.start + m.end()
            span = self._phrase_after(s, sent.end)
            refs = self.resolve_phrase(span[0], span[1], sent)
            if refs:
                cues.append((sent.start + m.start(), refs, "according"))
        cited: list[tuple[int, list[SourceRef]]] = []
        for m in re.finditer(r"(?:citing|quoting|cited\s+by|quoted\s+by|briefing\s+(?:by|from)|"
                             r"briefed\s+by|(?:information|data|figures|intelligence)\s+from|"
                             r"(?:estimate|assessment|report)\s+(?:by|from))\s+", rel, re.I):
            s = sent.start + m.end()
            span = self._phrase_after(s, sent.end)
            refs = self.resolve_phrase(span[0], span[1], sent)
            if refs:
                cited.append((sent.start + m.start(), refs))
        told = []
        for m in re.finditer(r"\btold\s+(?:the\s+)?", rel, re.I):
            s = sent.start + m.end()
            span = self._phrase_after(s, sent.end)
            refs = self.resolve_phrase(span[0], span[1], sent)
            if refs and refs[0].kind == "outlet":
                told.append(refs[0])
        if is_title and not cues:
            m = re.match(r"^([^:]{2,60}):\s", rel)
            if m:
                refs = self.resolve_phrase(sent.start, sent.start + m.end(1), sent)
                if refs:
                    cues.append((sent.start, refs, "colon"))
        if not cues and not cited:
            return Attribution()
        # the original party first: cited parties, then the speaker, then relays
        chain: list[SourceRef] = []
        for _, refs in cited:
            chain.extend(refs)
        main = cues[0][1] if cues else []
        outlet_main = [r for r in main if r.kind == "outlet"]
        chain.extend(r for r in main if r.kind != "outlet")
        for r in told:
            if r not in chain:
                chain.append(r)
        chain.extend(outlet_main)
        for _, refs, _k in cues[1:]:
            for r in refs:
                if r.kind == "outlet" and r not in chain:
                    chain.append(r)
        dedup: list[SourceRef] = []
        for r in chain:
            if all(r.name != d.name for d in dedup):
                dedup.append(r)
        return Attribution(dedup, True, cues[0][0] if cues else -1, self._anaphoric)

    def _subject(self, s: int, e: int, sent: Span) -> list[SourceRef] | None:
        phrase = self.text[s:e]
        if not phrase.strip():
            return None
        # the subject ends right before the verb: its last words decide
        refs = None
        inside = [m for m in self.mentions if m.start >= s and m.end <= e
                  and self.entities.get(m.entity_id) is not None]
        tail = self.text[inside[-1].end:e] if inside else phrase
        if inside and len(tail.strip(" ,")) <= 2:
            refs = self.resolve_phrase(s, e, sent)
            last = inside[-1]
            ent = self.entities[last.entity_id]
            if ent.type == "PERSON" and refs:
                for aff in self._affiliations(last.end, sent, last.start):
                    if all(aff.name != r.name for r in refs):
                        refs.append(aff)
        else:
            m = ANAPHORA.search(phrase.strip())
            if m:
                refs = self._anaphora(m)
            else:
                m = ANONYMOUS.search(phrase.strip())
                if m:
                    refs = [SourceRef(" ".join(m.group("phrase").split()), None, "anonymous")]
                elif inside and re.fullmatch(r"[\s,]*(?:official|officially|the|'s|’s)?[\s,]*",
                                             tail):
                    refs = self.resolve_phrase(s, e, sent)
        return refs

    def remember(self, sent: Span, attribution: Attribution) -> None:
        for m in self.mentions:
            if sent.start <= m.start < sent.end:
                e = self.entities.get(m.entity_id)
                if e is None:
                    continue
                if e.type == "PERSON":
                    self.last_person = e
                elif e.type == "ORG" and e.kind != "outlet":
                    self.last_org = e
        if attribution.chain:
            self.last_chain = list(attribution.chain)
            first = attribution.chain[0]
            if first.kind == "person" and first.entity_id in self.entities:
                self.last_person = self.entities[first.entity_id]

    def outlet(self) -> list[SourceRef]:
        return [SourceRef(self.site, None, "outlet")] if self.site else []
