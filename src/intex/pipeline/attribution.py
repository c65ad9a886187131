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
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from intex.gazetteer import Entry, Gazetteer, key
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
          r"specified|clarified|summarized|summarised|quoted|informs|said on|told reporters|"
          r"saying|adding|noting|claiming|stressing|announcing|insisting")
ADVERBS = (r"(?:also|officially|earlier|later|previously|further|then|again|now|already|"
           r"separately|publicly|reportedly|recently|has|have|had|was|were|is|are|would|will|"
           r"on\s+\w+|last\s+\w+|in\s+a\s+\w+(?:\s+\w+)?|in\s+\w+|separately|first|initially|"
           r"repeatedly|once\s+again|for\s+(?:its|his|her|their)\s+part,?|in\s+turn,?|"
           r"meanwhile,?|however,?|in\s+response,?)")
SPEECH_WORD = re.compile(rf"(?<![\w-])(?:{SPEECH})\b", re.I)
ADVERBS_AT_END = re.compile(rf"(?:,?\s*\b(?:{ADVERBS})\s*)+$", re.I)
SPEECH_AFTER_SUBJECT = re.compile(rf"^\s*,?\s*\b(?:{ADVERBS}\s+){{0,3}}(?:{SPEECH})\b", re.I)
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
ACCORDING_CUE = re.compile(r"(?:according\s+to|in\s+the\s+(?:words|view|assessment|estimate)"
                          r"\s+of|as\s+(?:stated|noted|reported|said)\s+by)\s+", re.I)
# "by ISW's calculation", "in Kyiv's data", "in the president's words", "X's estimate is"
POSSESSIVE_CUE = re.compile(
    r"\b(?:by|in|on|from|under)\s+(?P<who>(?:the\s+)?[\w.' -]{2,60}?)(?:'s|’s|')\s+"
    r"(?:own\s+|latest\s+|updated\s+|rough\s+|preliminary\s+|official\s+)?"
    r"(?:calculations?|counts?|estimates?|estimation|assessments?|data|figures?|words|view|"
    r"tally|tallies|reckoning|account|analysis|records?|numbers|information|reports?)\b", re.I)
# "the contingent, which ISW puts at 12,000", "Blinken put the number at 8,000"
PUTS_AT = re.compile(
    r"(?:\bwhich|\bthat|^|,)\s*(?P<who>[\w.' -]{2,60}?)\s+(?:(?:has|had|have|now|also|then)\s+)?"
    r"(?P<verb>puts|put|places|placed|estimates|estimated|pegs|pegged|sets|set|"
    r"gives|gave|given)\s+(?:(?:the|its|their|his|her|a)\s+[\w' -]{0,40}?\s*)?(?:at|as)\s", re.I)
TOLD_AUDIENCE = re.compile(r"told\s+(?:a\s+|the\s+)?(?:\w+\s+)?(?:lawmakers|legislators|"
                           r"parliament|mps|deputies|reporters|journalists|a\s+briefing|"
                           r"briefing|committee|the\s+press)\b", re.I)
# a transcript line's speaker: "[00:42] ZELENSKYY (voice of interpreter): ...", "RYDER: ..."
SPEAKER_LABEL = re.compile(
    r"\s*(?:\[[\d:. ]+\]\s*)?(?P<name>[A-Z][A-Z.'’ -]{1,40}?|[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})"
    r"\s*(?:\([^()]{1,40}\))?\s*:\s+(?=\S)")
LOCAL_BODY = re.compile(r"(?:^|\b)(?:the\s+)?(?P<body>police|prosecutors|rescuers|authorities|"
                        r"officials|emergency services|firefighters)\s+in\s+"
                        r"(?P<place>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)$", re.I)
# "..., saying / adding / claiming that": the main clause's subject speaks
PARTICIPLE = re.compile(r"saying|adding|noting|claiming|stressing|warning|explaining|"
                        r"announcing|reporting|estimating|insisting|citing", re.I)
FINITE = re.compile(r"\b(?:\w+ed|gave|got|took|made|put|sent|has|have|had|is|are|was|were|"
                    r"will|would|could|says|said|told|shot|brought|wrote|spoke)\b")
# labels before a colon that credit a picture or file, not a speaker
CAPTION_LABEL = re.compile(r"\s*(?:photo|photos|image|picture|video|source|credit|illustration|"
                           r"read also|see also|related|tags|file|graphic|map)\b", re.I)
PRONOUNS = {"he": "PERSON", "she": "PERSON", "they": "ANY", "it": "ORG", "him": "PERSON",
            "her": "PERSON", "them": "ANY", "his": "PERSON", "its": "ORG", "their": "ANY"}
BODY_WORDS = (r"headquarters|agency|spy agency|intelligence agency|ministry|service|department|"
              r"office|"
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
BODY_AT_END = re.compile(rf"(?P<words>(?:[\w-]+\s+){{0,2}}(?:{BODY_WORDS}))$", re.I)
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
class Cue:
    """One attribution cue in a sentence: who (refs), where the party and the cue word are."""

    start: int  # where the party is written
    verb: int  # where the cue word is (the party's position for 'according to')
    end: int
    refs: list[SourceRef]
    kind: str  # subject | inverted | according | colon | label | cited
    cited: list[SourceRef] = field(default_factory=list)  # "citing X": X said it first
    told_audience: bool = False  # "told lawmakers / reporters": a listener may relay it


@dataclass
class Attribution:
    chain: list[SourceRef] = field(default_factory=list)
    explicit: bool = False  # a cue in this sentence said so
    cue_end: int = -1
    anaphoric: bool = False  # the party was named earlier ("he", "the president")
    cues: list[Cue] = field(default_factory=list)
    told: list[SourceRef] = field(default_factory=list)  # outlets told ("told Reuters")

    def chain_at(self, pos: int, later: list[int]) -> list[SourceRef]:
        """The chain for a number at ``pos``; ``later`` holds the sentence's numbers after it.

        The nearest cue before the number introduces it ("X said that N", "according to
        X, N"); a cue after the number that introduces no number of its own closes the
        sentence ("N ..., X said", "..., according to MP Lee") and relays it.
        """
        if not self.cues:
            return list(self.chain)
        last = max([pos, *later])
        lead = [c for c in self.cues if c.verb <= pos and c.kind != "label"] or \
            [c for c in self.cues if c.kind == "label"]
        trail = [c for c in self.cues if c.verb > last and c.kind in ("subject", "inverted",
                                                                      "according")]
        if lead:
            primary, relays = lead[-1], trail
        elif trail:
            primary, relays = trail[0], trail[1:]
        else:
            primary, relays = min(self.cues, key=lambda c: abs(c.verb - pos)), []
        order = [primary, *relays]
        # "X said ..., according to Y": Y is where X had it from; but an agency that
        # "told lawmakers" is relayed by the lawmaker named after it
        if relays and relays[0].kind == "according" and primary.kind in ("subject", "label") \
                and not primary.cited and not _told_audience(primary):
            order = [relays[0], primary, *relays[1:]]
        chain: list[SourceRef] = []
        for c in order:
            chain.extend(c.cited)
            chain.extend(c.refs)
        chain.extend(self.told)
        out: list[SourceRef] = []
        # outlets relay: they go last
        for r in sorted(chain, key=lambda r: r.kind == "outlet"):
            if all(r.name != d.name for d in out):
                out.append(r)
        return out


@lru_cache(maxsize=8192)  # the same gazetteer names are folded for every body phrase
def _fold(text: str) -> str:
    return re.sub(r"defense", "defence", " ".join(text.lower().split()))


@lru_cache(maxsize=65536)
def _has_words(name: str, words: str) -> bool:
    """'ministry of defence (russia)' has 'defence ministry'; 'russian defence ministry' too."""
    if re.search(rf"\b{re.escape(words)}\b", name):
        return True
    ws = words.split()
    return len(ws) > 1 and all(re.search(rf"\b{re.escape(w)}\b", name) for w in ws)


def _code(country: str, g: Gazetteer) -> str:
    """A country entity id or alpha-2 code as the alpha-2 code entities carry."""
    entry = g.entries.get(country)
    return (entry.country or country) if entry is not None else country


def _told_audience(c: Cue) -> bool:
    return c.told_audience


def _ref(entity: Entity | Entry, g: Gazetteer) -> SourceRef:
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
        # the entity components sort mentions by start: look them up by position, not scan
        self._starts = [m.start for m in mentions]
        self._sorted = self._starts == sorted(self._starts)
        self.entities = entities
        self.site = site
        self.last_person: Entity | None = None
        self.last_org: Entity | None = None
        self.last_chain: list[SourceRef] = []
        self.last_para = -1
        self._anaphoric = False
        self.label: Cue | None = None  # a transcript's speaker for the current paragraph
        self.label_para = -1

    def starting_in(self, lo: int, hi: int) -> list[Mention]:
        """The mentions that start in [lo, hi), in order."""
        if not self._sorted:
            return [m for m in self.mentions if lo <= m.start < hi]
        return self.mentions[bisect_left(self._starts, lo):bisect_left(self._starts, hi)]

    # parties ------------------------------------------------------------------
    def parties(self, sent: Span) -> list[Party]:
        out: list[Party] = []
        for m in self.starting_in(sent.start, sent.end + 1):
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
        for m in self.starting_in(start - 90, start):
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
        inside = [m for m in self.starting_in(s, e + 1) if m.end <= e]
        inside = [m for m in inside if self.entities.get(m.entity_id) is not None]
        if not any(self.entities[m.entity_id].type in ("PERSON", "ORG") for m in inside):
            body = self._body(s, e)
            if body:
                return body
        if inside:
            # the head of the phrase is its last named party ("Ukraine's military
            # intelligence chief Kyrylo Budanov"), bodies in it are affiliations
            persons = [m for m in inside if self.entities[m.entity_id].type == "PERSON"]
            # a demonym only qualifies the body it stands before ("the South Korean NIS")
            named = [m for m in inside if m.why != "demonym"]
            head = persons[-1] if persons else (named[0] if named else inside[0])
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

    def _body(self, s: int, e: int) -> list[SourceRef] | None:
        """A body named by what it is rather than its name: "the Coordination Headquarters",
        "Moscow's defence ministry", "the South Korean spy agency". The body words are
        looked up among the report's bodies, then the gazetteer's, of the country the
        phrase names."""
        phrase = self.text[s:e].strip()
        m = BODY_AT_END.search(phrase)
        if not m or len(phrase.split()) > 8:
            return None
        words = _fold(m.group("words"))
        words = re.sub(r"^(?:the|a|an|its|their|his|her|own|same)\s+", "", words)
        country = None
        for x in self.starting_in(s, e + 1):
            ent = self.entities.get(x.entity_id)
            if s <= x.start and x.end <= e and ent is not None and ent.type == "GPE":
                country = ent.country or (ent.id if ent.kind == "country" else None)
        if country is None:
            # a capital or demonym the recogniser left alone ("Moscow's defence ministry")
            for q in re.finditer(r"\b(?:South |North )?[A-Z][\w.-]+(?=(?:'s|’s)?\s)", phrase):
                hits = [h for h in self.g.lookup(q.group(0)) if h.type == "GPE" and h.country]
                hits = hits or [self.g.entries[h.entry_id] for h in self.g.index.get(
                    key(q.group(0)), []) if h.why == "demonym"]
                if hits:
                    country = hits[0].country
                    break
        generic = len(words.split()) == 1 and not m.group("words")[:1].isupper()

        def fits(ent: Entity | Entry) -> bool:
            if ent.type != "ORG" or (ent.kind or "") == "outlet":
                return False
            if country and ent.country and ent.country != _code(country, self.g):
                return False
            names = [ent.name, *getattr(ent, "aliases", ())]
            # "the agency" is the intelligence agency, "the ministry" a ministry
            return (ent.kind or "") == words or any(_has_words(_fold(n), words) for n in names)

        seen = [self.entities[x.entity_id] for x in reversed(self.starting_in(0, e + 1))
                if x.end <= e and x.entity_id in self.entities]
        for ent in seen:
            if fits(ent):
                return [_ref(ent, self.g)]
        if country is None and generic:
            return None  # "the ministry" with nothing to go on: anaphora decides
        if country is None:
            return None
        hits = [en for en in self.g.entries.values() if fits(en)]
        if hits:
            hits.sort(key=lambda en: len(en.name))
            return [_ref(hits[0], self.g)]
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
        if paren and not any(m.start < sent.start + paren.start() < m.end <= pos
                             for m in self.mentions):
            head = head[:paren.start()]
            pos = sent.start + paren.start()
        m = re.search(r"([^,;:()\"“”]{1,120})$", head)
        if not m:
            return None
        s = sent.start + m.start(1)
        phrase = m.group(1)
        lead = re.match(r"\s*(?:as|while|when|but|and|so|after|before|because)\s+", phrase, re.I)
        if lead:  # "As the Ministry said": the conjunction is no part of the speaker
            s += lead.end()
            phrase = phrase[lead.end():]
        # a subordinate "that"/"as" clause ends the phrase
        cut = max(phrase.rfind(" that "), phrase.rfind(" as "), phrase.rfind(" while "),
                  phrase.rfind(" but "), phrase.rfind(" and "), phrase.rfind(" when "))
        if cut >= 0:
            s += cut + 1
        elif re.match(r"\s*(?:who|which|a|an|the|its|his|her)\b", phrase, re.I):
            # an appositive or relative clause ("Budanov, who heads HUR, said",
            # "Yusov, a spokesman for HUR, said"): the name before it speaks
            prev = re.search(r"([^,;:()\"“”]{1,80}),\s*$", self.text[sent.start:s])
            if prev:
                ps = sent.start + prev.start(1)
                if any(ps <= x.start and x.end <= s and self.entities.get(x.entity_id) is not None
                       and self.entities[x.entity_id].type == "PERSON"
                       for x in self.starting_in(ps, s + 1)):
                    words = prev.group(1)
                    cut = max(words.rfind(" that "), words.rfind(" as "), words.rfind(" and "))
                    s = ps + (cut + 1 if cut >= 0 else 0)
        return s, pos

    def _phrase_after(self, pos: int, end: int) -> tuple[int, int]:
        # up to the clause's end; a title's stop ("Rep. Lee", "Gen. Syrskyi") is no end
        m = re.match(r"((?:[^,;:.()\"“”]|(?<=\bRep)\.|(?<=\bReps)\.|(?<=\bSen)\.|"
                     r"(?<=\bGen)\.|(?<=\bLt)\.|(?<=\bCol)\.|(?<=\bMaj)\.|(?<=\bDr)\.|"
                     r"(?<=\bMr)\.|(?<=\bMs)\.|(?<=\bMrs)\.|(?<=\bGov)\.|(?<=\bAdm)\.)"
                     r"{1,120})", self.text[pos:end])
        return (pos, pos + (m.end(1) if m else 0))

    # attribution --------------------------------------------------------------
    def sentence(self, sent: Span, para: int, is_title: bool = False) -> Attribution:
        text = self.text
        self._anaphoric = False
        cues: list[Cue] = []
        rel = text[sent.start:sent.end]
        label = self._speaker_label(sent, para)
        if label is not None:
            cues.append(label)
        # "X said", "X, the head of Y, confirmed", "Officials believe"
        for m in SPEECH_WORD.finditer(rel):
            vpos = sent.start + m.start()
            before = text[sent.start:vpos]
            if re.search(r"(?:\bto be|\bhas been|\bhave been|\bwas|\bwere|\bis|\bare|\bbeing)\s+$",
                         before, re.I) and m.group(0).lower() in ("reported", "estimated",
                                                                   "believed", "expected"):
                continue  # "is estimated", "were reported": no speaker here
            if any(c.verb <= vpos < c.end for c in cues):
                continue  # part of a cue already read ("put the number ... at")
            subj_end = vpos
            adv = ADVERBS_AT_END.search(before)
            if adv:
                subj_end = sent.start + adv.start()
            sub = re.search(r",\s*$", text[sent.start:subj_end])
            span = self._phrase_before(sent, subj_end - (len(sub.group(0)) if sub else 0))
            refs = None
            if span:
                refs = self._subject(span[0], span[1], sent)
            if not refs and adv:
                # what looked like an adverb belongs to the subject ("Police in Kyiv said")
                span = self._phrase_before(sent, vpos - len(before) + len(before.rstrip()))
                refs = self._subject(span[0], span[1], sent) if span else None
            if refs:
                cues.append(Cue(span[0], vpos, sent.start + m.end(), refs, "subject",
                                told_audience=bool(TOLD_AUDIENCE.match(text, vpos))))
                continue
            if PARTICIPLE.fullmatch(m.group(0)) and re.search(r",\s*$", before):
                # "..., saying 307 soldiers had been handed over": the clause's subject says it
                refs = cues[-1].refs if cues else self._clause_subject(sent, vpos)
                if refs:
                    cues.append(Cue(vpos, vpos, sent.start + m.end(), list(refs), "subject"))
                continue
            # inverted: ', said the ministry' / ', Budanov said' handled above
            after = self._phrase_after(sent.start + m.end(), sent.end)
            inv = INVERTED.search(text[sent.start:sent.start + m.end() + 1])
            if inv and re.search(r"[,”\"’]\s*$", before) and after[1] > after[0]:
                refs = self.resolve_phrase(after[0], after[1], sent)
                if refs:
                    cues.append(Cue(vpos, vpos, after[1], refs, "inverted"))
        for m in ACCORDING_CUE.finditer(rel):
            s = sent.start + m.end()
            span = self._phrase_after(s, sent.end)
            refs = self.resolve_phrase(span[0], span[1], sent)
            if refs:
                cues.append(Cue(sent.start + m.start(), sent.start + m.start(), span[1], refs,
                                "according"))
        # "by ISW's calculation", "in Kyiv's data", "in the president's words"
        for m in POSSESSIVE_CUE.finditer(rel):
            refs = self._name_refs(sent.start + m.start("who"), sent.start + m.end("who"), sent)
            if refs:
                cues.append(Cue(sent.start + m.start(), sent.start + m.start(),
                                sent.start + m.end(), refs, "according"))
        # "the contingent, which ISW puts at 12,000"
        for m in PUTS_AT.finditer(rel):
            refs = self._name_refs(sent.start + m.start("who"), sent.start + m.end("who"), sent)
            if refs and not any(c.verb <= sent.start + m.start("verb") < c.end for c in cues):
                cues.append(Cue(sent.start + m.start("who"), sent.start + m.start("verb"),
                                sent.start + m.end(), refs, "subject"))
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
        if not cues:
            colon = self._headline_colon(sent, para, is_title)
            if colon is not None:
                cues.append(colon)
        if not cues and not cited:
            return Attribution()
        cues.sort(key=lambda c: c.verb)
        # the party cited by a speaker goes before that speaker
        for pos, refs in cited:
            near = min(cues, key=lambda c: abs(c.verb - pos)) if cues else None
            if near is not None:
                near.cited.extend(r for r in refs if all(r.name != x.name for x in near.cited))
            else:
                cues.append(Cue(pos, pos, pos, refs, "cited"))
        att = Attribution([], True, cues[0].verb, self._anaphoric, cues, told)
        att.chain = att.chain_at(cues[0].end, [])
        return att

    def _clause_subject(self, sent: Span, pos: int) -> list[SourceRef] | None:
        """The subject at the head of the sentence, before its first finite verb."""
        head = self.text[sent.start:pos]
        lead = re.match(r"(?:[^,]{0,40},\s*)?", head)
        start = sent.start + (lead.end() if lead and self._has_verb_after(head, lead.end())
                              else 0)
        v = FINITE.search(self.text, start, pos)
        if v is None:
            return None
        return self.resolve_phrase(start, v.start(), sent)

    @staticmethod
    def _has_verb_after(head: str, at: int) -> bool:
        return FINITE.search(head, at) is not None

    def _speaker_label(self, sent: Span, para: int) -> Cue | None:
        """Transcripts: 'ZELENSKYY (voice of interpreter): ...', '[00:42] RYDER: ...'."""
        if para != self.label_para:
            self.label, self.label_para = None, para
            m = SPEAKER_LABEL.match(self.text, sent.start, sent.end)
            if m:
                refs = self._name_refs(m.start("name"), m.end("name"), sent)
                self.label = Cue(m.start("name"), m.start("name"), m.end(), refs, "label") \
                    if refs else None
                if refs is None:
                    self.label = Cue(m.start("name"), m.start("name"), m.end(), [], "label")
        if self.label is None:
            return None
        if not self.label.refs:
            return None  # an anchor or correspondent: the outlet's own words
        return Cue(self.label.start, self.label.verb, self.label.end, list(self.label.refs),
                   "label")

    def _name_refs(self, s: int, e: int, sent: Span) -> list[SourceRef] | None:
        """A speaker named in capitals or by surname: a mention, else the gazetteer."""
        refs = self.resolve_phrase(s, e, sent)
        if refs:
            return refs
        name = self.text[s:e].strip()
        if re.fullmatch(r"(?:ANCHOR|HOST|CORRESPONDENT|REPORTER|PRESENTER|INTERVIEWER|"
                        r"NARRATOR|MODERATOR|QUESTION|Q|A|ANSWER|VOICE|UNIDENTIFIED[\w ]*)",
                        name, re.I):
            return None
        name = re.sub(r"^(?:the|official)\s+", "", name, flags=re.I)
        entries = [en for en in self.g.lookup(name) if en.type in ("PERSON", "ORG", "GPE")]
        if not entries:
            entries = [self.g.entries[i] for i in self.g.by_surname.get(name.lower(), [])
                       if i in self.g.entries][:1]
        if entries:
            return [_ref(entries[0], self.g)]  # an Entry has the fields _ref reads
        return None

    def _headline_colon(self, sent: Span, para: int, is_title: bool) -> Cue | None:
        """'NIS: ...', 'Zelensky: ...' in a headline, including a live blog's entry heads."""
        rel = self.text[sent.start:sent.end]
        headline = is_title or (len(rel) < 160 and not re.search(r"[.!?]\W*$", rel))
        if not headline:
            return None
        m = re.match(r"^([^:]{2,60}):\s", rel)
        if m and not CAPTION_LABEL.match(m.group(1)):
            refs = self.resolve_phrase(sent.start, sent.start + m.end(1), sent)
            if refs:
                return Cue(sent.start, sent.start, sent.start + m.end(), refs, "colon")
        # "..., says Zelensky" / "... - Zelenskyy" at the end of a headline
        m = re.search(r"(?:\s[-–—]\s*|:\s*)([^-–—:]{2,40})$", rel)
        if m:
            refs = self.resolve_phrase(sent.start + m.start(1), sent.start + m.end(1), sent)
            if refs:
                return Cue(sent.start + m.start(1), sent.start + m.start(1), sent.end, refs,
                           "inverted")
        return None

    def _subject(self, s: int, e: int, sent: Span) -> list[SourceRef] | None:
        phrase = self.text[s:e]
        if not phrase.strip():
            return None
        local = LOCAL_BODY.search(phrase.strip())
        if local:
            # "police in Kyiv" is how reports name the Kyiv police
            return [SourceRef(f"{local.group('place')} {local.group('body').lower()}", None,
                              "anonymous")]
        # the subject ends right before the verb: its last words decide
        refs = None
        inside = [m for m in self.starting_in(s, e + 1) if m.start >= s and m.end <= e
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
            body = None
            if not any(self.entities[x.entity_id].type in ("PERSON", "ORG") for x in inside):
                body = self._body(s, e)
            if body:
                refs = body
            elif m:
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
        for m in self.starting_in(sent.start, sent.end):
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


# --- the outlet that publishes the page -------------------------------------------------

_SWITCHER = re.compile(r"(?:\s*[|/•]?\s*\b(?:ua|en|ru|uk|de|fr|ko|es|it|pt|tr|pl)\b)+\s*$", re.I)
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?"
                        r"(?:by\s+)?(?P<name>[A-Za-z][\w.&' -]{1,60}?)\s*(?:\d{4})?\s*"
                        r"(?:[.,;|]|all rights|$)", re.I)
_DATELINE = re.compile(r"\((?P<name>[A-Z][\w.&' -]{1,40}?)\)\s*(?:--|—|–|-)")
_HOUSE = re.compile(r"\b(?i:subscribe to|support|follow|join)\s+(?P<name>[A-Z][\w.&' -]{1,40}?)"
                    r"(?:\s+on\s+\w+|[!.,]|$)")


def page_outlet(raw: str, outlets: dict[str, str]) -> str | None:
    """Who publishes a page whose cleaning found no site name: its masthead (the first
    line, language switcher aside), a copyright footer, a wire dateline. A masthead the
    gazetteer does not know still counts when the page names itself again further down
    ("Subscribe to X on Telegram")."""
    lines = [ln.strip() for ln in raw.splitlines() if ln.strip()]
    if not lines:
        return None

    def known(name: str) -> str | None:
        words = name.strip(" .,:;|-").split()
        for n in range(len(words), 0, -1):  # "Hromadske Radio" -> "Hromadske"
            hit = outlets.get(" ".join(words[:n]).lower())
            if hit:
                return hit
        return None

    masthead = _SWITCHER.sub("", re.sub(r"<[^>]+>", " ", lines[0])).strip(" .|-")
    if masthead and len(masthead) <= 60:
        hit = known(masthead)
        if hit:
            return hit
    for ln in lines[-30:]:
        for rx in (_COPYRIGHT, _DATELINE):
            m = rx.search(ln)
            if m:
                hit = known(m.group("name"))
                if hit:
                    return hit
    for ln in lines[:40]:
        m = _DATELINE.search(ln)
        if m and known(m.group("name")):
            return known(m.group("name"))
    if re.fullmatch(r"[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,3}", masthead) and any(
            (m := _HOUSE.search(ln)) and m.group("name").strip() == masthead
            for ln in lines[1:]):
        return masthead
    return None
