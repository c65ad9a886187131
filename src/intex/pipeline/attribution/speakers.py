"""Who a phrase names: a recognised party, a body named by what it is ("the spy agency"),
a pronoun or role pointing back ("he", "the minister"), an unnamed source ("Western
officials"). Capitals and buildings stand for their governments ("the Kremlin").

``Speakers`` keeps who spoke last, so that later sentences can point back to them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from intex.gazetteer import Entry, Gazetteer, key
from intex.gazetteer.canonical import canonical_ministry
from intex.model import Entity, Mention, SourceRef, Span
from intex.pipeline.attribution.chain import Attribution, Cue
from intex.pipeline.attribution.cues import (
    ANAPHORA,
    ANONYMOUS,
    BODY_AT_END,
    BODY_WORDS,
    FRONTED,
    GOVERNMENT,
    LOCAL_BODY,
    NO_NAME_LABEL,
    NOT_A_NAME,
    ORG_WORDS,
    PERSON_ROLES,
    PRONOUNS,
    PROPER_NAME,
    SPEAKING_GROUP,
)
from intex.pipeline.numbers import DIGIT
from intex.pipeline.tail import search_tail

# a verb inside a phrase makes it a clause ("the attack killed", "Russia has said")
FINITE_WORD = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|could|can|may|did|"
                         r"does|do|that|which|who|when|while|after|before|because)\b", re.I)
UNIT_WORD = re.compile(r"\b(?:brigade|battalion|regiment|division|corps|army|detachment|"
                       r"squadron|fleet|group|company)$", re.I)
# a title written before a name: "Energy Minister German Galushchenko"
# military ranks written before a name, often abbreviated: "Brig Gen", "Lt. Col."
RANKS = re.compile(r"^(?:(?:Brig|Maj|Lt|Col|Gen|Adm|Capt|Sgt|Cmdr|Cdr|Brigadier|Major|"
                   r"Lieutenant|Colonel|General|Admiral|Captain|Sergeant|Commander)\.?\s+)+"
                   r"(?=[A-Z][a-z]+\s+[A-Z])")
# a title "of" a body, then a two-word name: "Director General of Finnish Customs Jean Doe"
ROLE_OF_BODY_NAME = re.compile(rf"(?i:(?:[\w'’-]+\s+){{0,2}}(?:{PERSON_ROLES}))\s+(?:of|for|at)\s+"
                               r"(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,4}?"
                               r"(?P<name>[A-Z][a-z][\w'’-]+\s+[A-Z][a-z][\w'’-]+)")
ROLE_BEFORE_NAME = re.compile(rf"(?:[\w'’-]+\s+){{0,3}}?(?:{PERSON_ROLES})\s+(?=[A-Z])", re.I)
# a national body's name led by its country's demonym: "Lithuanian Ministry of Defence"
DEMONYM_BODY = re.compile(r"([A-Z][a-z]+(?:an|ian|ese|ish|i|ic|ch))\s+((?:Ministry|Department|"
                          r"Office|Agency|Directorate|Service)\s+(?:of|for)\s+[A-Z].*)$")
# how armed groups' own names end or run: "Liberation Army", "Islamic Front", "Brigades"
ARMED_GROUP_NAME = re.compile(r"\b(?:Army|Front|Movement|Brigades?|Militia|Group|Mujahideen|"
                              r"Jihad|Resistance)\b")
# the name a phrase ends on: capitalised words, an ordinal or "of"/"for" inside
UNLISTED_NAME = re.compile(r"(?:\d{1,3}(?:st|nd|rd|th)\s+)?[A-Z][\w.&'’-]*"
                           r"(?:\s+(?:of|for|and|on)?\s*[A-Z][\w.&'’-]*)*$")
# the phrase before a verb, and one before a comma: searched from near the end (tail.py)
PHRASE_AT_END = re.compile(r"([^,;:()\"“”]{1,120})$")
# a phrase and a comma, perhaps an acronym in brackets between ("... Studies (CRSS),")
PHRASE_COMMA_AT_END = re.compile(r"([^,;:()\"“”]{1,80}?)(?:\s{0,5}\([^()]{1,20}\))?,\s*$")
PHRASE_COMMA_LONGEST = 80 + 5 + 22 + 1


# an acronym in brackets at a phrase's end; a conjunction opening one; the clause ahead
# of a position, a title's stop ("Rep. Lee", "Gen. Syrskyi") being no end
BRACKETS_AT_END = re.compile(r"\s*\([^()]{1,20}\)\s*$")
CONJUNCTION_LEAD = re.compile(r"\s*(?:as|while|when|but|and|so|after|before|because)\s+", re.I)
CLAUSE_AHEAD = re.compile(r"((?:[^,;:.()\"“”]|(?<=\b[A-Z])\.(?=[A-Z]\.)|(?<=\b[A-Z]\.[A-Z])\.|"
                          r"(?<=\bRep)\.|(?<=\bReps)\.|(?<=\bSen)\.|"
                          r"(?<=\bGen)\.|(?<=\bLt)\.|(?<=\bCol)\.|(?<=\bMaj)\.|(?<=\bDr)\.|"
                          r"(?<=\bMr)\.|(?<=\bMs)\.|(?<=\bMrs)\.|(?<=\bGov)\.|(?<=\bAdm)\.)"
                          r"{1,120})")



# what ``_appositive_head`` reads, compiled once
_APPOSITIVE_OPENS = re.compile(
                               r"\s*(?:(?:who|which|a|an|the|its|his|her|citing|quoting|one\s+of)\b|"
    # "JNIM, al-Qaeda's Sahel branch, said": a possessor's role or part
    r"(?:[\w.-]+\s+)?[\w.-]+(?:'s|’s)\s|"
    # "Othman Abdeljalil, health minister in the eastern administration,"
    r"(?:[\w-]+\s+){0,2}(?:" + PERSON_ROLES + r")\s+(?:of|in|for|at)\b)",
    re.I)
# an aside that cannot itself be the subject: a relay or a relative clause
_ASIDE_NOT_NAME = re.compile(r"\s*(?:citing|quoting|who|which)\b", re.I)
_RELAY_OPENS = re.compile(r"\s*(?:according\s+to|citing|quoting|in\s+the\s+words\s+of)\b", re.I)
# a phrase led by a preposition or a participle of place: "in a village held by X",
# "near the border": an adverbial of the clause before it, never the name an apposition
# after it describes
_ADVERBIAL_LEAD = re.compile(r"\s*(?:in|on|at|near|from|into|inside|outside|across|along|"
                             r"around|between|within|under|over|through|towards?|off|"
                             r"during|after|before|since|held|controlled|run|backed|"
                             r"occupied|seized)\s", re.I)
_CLAUSE_BEFORE_COMMA = re.compile(r"\b(?:have|has|had|were|was)\s+\w+|"
                                  r"\b\d[\d,.]*(?![\d,.]|st\b|nd\b|"
                                  r"rd\b|th\b)")


# the patterns ``_fold`` reads, compiled once
_DEFENSE = re.compile(r"defense")


@lru_cache(maxsize=8192)  # the same gazetteer names are folded for every body phrase
def _fold(text: str) -> str:
    return _DEFENSE.sub("defence", " ".join(text.lower().split()))


@lru_cache(maxsize=8192)
def _word_rx(words: str) -> re.Pattern[str]:
    """``words`` as a whole word or phrase: compiled once for each, not looked up in re's
    cache at every test."""
    return re.compile(rf"\b{re.escape(words)}\b")


@lru_cache(maxsize=65536)
def _has_words(name: str, words: str) -> bool:
    """'ministry of defence (russia)' has 'defence ministry'; 'russian defence ministry' too."""
    if _word_rx(words).search(name):
        return True
    ws = words.split()
    return len(ws) > 1 and all(_word_rx(w).search(name) for w in ws)


def _code(country: str, g: Gazetteer) -> str:
    """A country entity id or alpha-2 code as the alpha-2 code entities carry."""
    entry = g.entries.get(country)
    return (entry.country or country) if entry is not None else country


def _fits(ent: Entity | Entry, words: str, country: str | None, g: Gazetteer) -> bool:
    """Whether a body is the one a phrase names by what it is, in the phrase's country."""
    if ent.type != "ORG" or ((ent.kind or "") == "outlet" and words != "agency"):
        return False  # an outlet is pointed back to only as a (news) agency, by its name
    if country and ent.country and ent.country != _code(country, g):
        return False
    entry = g.entries.get(ent.id) if isinstance(ent, Entity) else None
    # the names the gazetteer knows it by too: OCHA is an office by its full name
    names = [ent.name, *getattr(ent, "aliases", ()), *(entry.aliases if entry else ())]
    # "the agency" is the intelligence agency, "the ministry" a ministry
    return (ent.kind or "") == words or any(_has_words(_fold(n), words) for n in names)


def _named_so(ent: Entity | Entry, words: str, g: Gazetteer) -> bool:
    """Whether a body's name or an alias has the words ("Israeli military" has "military")."""
    entry = g.entries.get(ent.id)
    names = [ent.name, *getattr(ent, "aliases", ()), *(entry.aliases if entry else ())]
    return any(_has_words(_fold(n), words) for n in names)


@lru_cache(maxsize=8)
def _org_entries(g: Gazetteer, _size: int) -> tuple[Entry, ...]:
    """The gazetteer's bodies that _fits can accept (ORG, not an outlet), in its order:
    a few hundred of its thousands of entries, listed once, not tested one by one for
    every new phrase."""
    return tuple(en for en in g.entries.values()
                 if en.type == "ORG" and (en.kind or "") != "outlet")


@lru_cache(maxsize=4096)  # the whole gazetteer is read for it: once per phrase and country
def _gazetteer_body(g: Gazetteer, words: str, country: str,
                    national: bool = False) -> SourceRef | None:
    """The gazetteer's body a phrase names by what it is, the shortest-named one; with
    ``national``, only a body of that country."""
    hits = [en for en in _org_entries(g, len(g.entries)) if _fits(en, words, country, g)
            and (not national or en.country == _code(country, g))]
    if hits:
        hits.sort(key=lambda en: len(en.name))
        return _ref(hits[0], g)
    return None


# "the ministry's report": a document whose publisher is a body pointed back to
_BODY_OWNS = re.compile(rf"^the\s+(?:[\w.-]+\s+)?({BODY_WORDS})(?:'s|’s)\s", re.I)


def _body_anaphora(phrase: str) -> bool:
    """'the monitor', 'the Britain-based agency': a body named earlier, pointed back to."""
    m = ANAPHORA.fullmatch(phrase)
    return bool(m and m.group("body"))


@lru_cache(maxsize=256)
def _national_military(g: Gazetteer, code: str) -> SourceRef | None:
    """Who speaks for a country's military: the body its names call so ("Israeli military"
    is the Israel Defense Forces), else the country's defence ministry or department."""
    mine = [en for en in g.entries.values() if en.type == "ORG" and en.country == code]
    for words in ("military", "defence"):
        hits = sorted((en for en in mine if _named_so(en, words, g) and
                       (words == "military" or (en.kind or "") == "ministry")),
                      key=lambda en: len(en.name))
        if hits:
            return _ref(hits[0], g)
    return None


def _told_audience(c: Cue) -> bool:
    return c.told_audience


# body words that say what kind of body is pointed back to ("the ministry"); not "the
# agency", which reports use for any body that an agency's name need not say
# bodies a report never calls "the agency": after a party, a force or a firm spoke, "the
# agency reported" points back past it to the (spy, news, state) agency named before
NEVER_AGENCIES = ("government", "military", "company")
POINTED_KINDS = ("ministry", "office", "department", "directorate", "council",
                 "committee", "command")
# the forces of a state that reports name by their word alone ("the army said")
STATE_FORCES = ("army", "military", "police")


# an unnamed person speaking for a body: "a spokesman for the township administration",
# "an official of the Ombudsman's Office": the body is the source
# a person and the body they belong to, joined by "of": "Amal Haddad of the camp committee"
PERSON_OF_BODY = re.compile(r"\s+of\s+(?:the\s+)?[^,;:()\"“”]{2,70}?\s*,?\s*")
# a name of two to four capitalised words (particles allowed) opening a phrase
NAME_OF_BODY = re.compile(r"\s*([A-Z][a-z][\w'’-]*(?:\s+(?:(?:al|el|bin|ibn|abu|Abu|de|da|van|von)"
                          r"[\s-])?[A-Z][\w'’-]+){1,3})")
# a word in lower case other than a particle: a body described, not named
LOWER_WORD = re.compile(r"\s(?!(?:of|the|and|for|in|on)\b)[a-z]")
# between a place and the body it qualifies: a word or two for what the body is
PLACE_QUALIFIES = re.compile(r"(?:-based)?\s+(?:[a-z][\w-]*\s+){1,2}(?:the\s+)?")
ROLE_FOR_BODY = re.compile(r"\s*(?:a|an|the|one)\s+(?:[\w-]+\s+)?(?:spokes(?:man|woman|person)|"
                           r"representative|official|officer|member)\s+(?:for|of|from|at)\s+"
                           r"(?=(?:the\s+)?[A-Z])", re.I)


# words before a role that say when, not what: "the former president", "the acting mayor"
TIME_QUALIFIERS = {"former", "late", "then", "new", "acting", "outgoing", "incoming",
                   "current", "interim", "caretaker", "previous", "sitting", "ex"}
# a time fronting a sentence before its subject: "Late last month", "On Monday", "Last week"
TIME_LEAD = re.compile(
    r"\s*(?:(?:late|early|earlier|later)\s+)?(?:(?:last|this|next|on|in|early|late)\s+)?"
    r"(?:week|month|year|night|weekend|morning|evening|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|january|february|march|april|may|june|july|august|september|"
    r"october|november|december)(?:\s+\d{1,2})?,?\s+(?=\S)", re.I)
# an official by role at a body the text names: "crown prosecutor at the Laayoune court of
# appeal", "chief medical officer of the Nasser hospital"
ROLE_AT_BODY = re.compile(
    r"(?:[\w-]+\s+){0,2}(?:prosecutor|prosecutor general|attorney general|coroner|judge|"
    r"registrar|medical officer|medical director|director|chief|head|spokes(?:man|woman|"
    r"person)|governor|mayor)\s+(?:at|of|for)\s+(?:the\s+)?(?=[\w'’-]*[A-Z])"
    r"(?:[\w'’.-]+\s+){0,6}[\w'’.-]+")


# buildings that stand for one ministry rather than the whole government
BUILDING_BODY = {"Pentagon": "US Department of Defense", "Foggy Bottom": "US State Department",
                 "Quai d'Orsay": "Ministry for Europe and Foreign Affairs"}


def _ref(entity: Entity | Entry, g: Gazetteer) -> SourceRef:
    entry = g.entries.get(entity.id)
    kind = entity.kind or (entry.kind if entry else None)
    if entity.type == "ORG" and entity.name in BUILDING_BODY:
        body = [e for e in g.lookup(BUILDING_BODY[entity.name]) if e.type == "ORG"]
        if body:
            return SourceRef(body[0].name, body[0].id, body[0].kind or "organization")
    if entity.type == "GPE":
        country = g.country(entity.country) if entity.kind != "country" else None
        target = country or entity
        return SourceRef(f"Government of {target.name}", target.id, "government")
    if entity.type == "ORG" and kind == "government" and entity.country and \
            entity.name in ("Kremlin", "White House", "Bankova"):
        country = g.country(entity.country)
        if country is not None:
            return SourceRef(f"Government of {country.name}", country.id, "government")
    name = entity.name
    national = DEMONYM_BODY.match(name) if entity.type == "ORG" else None
    if national:
        # "the Lithuanian Ministry of National Defence": a national body goes by its name
        # with the country in brackets, by the guide's one name for its kind of ministry:
        # "Ministry of Defence (Lithuania)"
        hits = [g.entries[h.entry_id] for h in g.index.get(key(national.group(1)), [])
                if h.why == "demonym"]
        country = g.country(hits[0].country) if hits and hits[0].country else None
        if country is not None:
            name = canonical_ministry(f"{national.group(2)} ({country.name})")
    return SourceRef(name, entity.id,
                     "person" if entity.type == "PERSON" else (kind or "organization"))


def _anonymous(m: re.Match[str]) -> SourceRef:
    """An unnamed source as the contract spells it: "city's authorities" -> "city authorities"."""
    name = re.sub(r"(?:'s|’s)\b", "", " ".join(m.group("phrase").split()))
    return SourceRef(_us(name), None, "anonymous")


def _us(name: str) -> str:
    """'American officials', 'U.S. officials', 'U.N. experts': the guide writes unnamed
    Americans 'US', and the UN without stops."""
    name = re.sub(r"\bU\.N\.?(?=\s)", "UN", name)
    return re.sub(r"(?:\bAmerican|\bU\.S\.|\bU\.S(?=\s))(?=\s)", "US", name)


# the patterns ``_proper_name`` reads, compiled once
_LEADING_ARTICLE = re.compile(r"^\s*(?:the|a|an)\s+", re.I)


def _proper_name(phrase: str) -> list[SourceRef] | None:
    """A speaker the gazetteer does not know, written as a name: "Relief International",
    "The El Fasher Resistance Coordination Committee". Reports name their sources; a
    capitalised name before a speech verb is one even when no list has it."""
    name = RANKS.sub("", _LEADING_ARTICLE.sub("", phrase.strip()))
    if not PROPER_NAME.fullmatch(name) or NOT_A_NAME.match(name) or FRONTED.match(name):
        return None
    kind = "organization" if re.search(ORG_WORDS, name, re.I) or len(name.split()) > 3 \
        else "person"
    return [SourceRef(name, None, kind)]


# a government by no country's name, or what it publishes: "the government",
# "Government figures", "the government's data"
BARE_GOVERNMENT = re.compile(r"(?:the\s+)?(?:(?:country's|country’s|nation's|nation’s|national|"
                             r"central|federal|transitional|interim|military|ruling|caretaker|"
                             r"ousted|former|previous|new)\s+)?government(?:(?:'s|’s)?\s+(?:figures|data|"
                             r"statistics|numbers|tallies|tally|count|estimates?|toll))?",
                             re.I)

# what follows a state's or province's name when its own government speaks: "Katsina
# State government", "Sindh provincial government", "Lagos State Government's statement"
LOCAL_GOVERNMENT = re.compile(r"\s+(?:(?:state|province|provincial|regional|county)\s+)?"
                              r"government(?:'s|’s)?(?:\s+(?:statement|figures|data|count|"
                              r"tally))?\s*", re.I)
# a department by its field, after the place that owns it: "health department"
LOCAL_DEPARTMENT = re.compile(r"([a-z]+(?:\s+[a-z]+)?)\s+(department|directorate)")
# an office by the place it governs, its holder unnamed: "the Homs governor", "Lviv's mayor"
PLACE_ROLE = re.compile(r"(?:^|(?<=\s))(?:(?i:the)\s+)?(?P<place>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)"
                        r"(?:'s|’s)?\s+(?P<role>(?i:governor|mayor))$")
# an outlet's own unnamed staff: "a Sputnik correspondent", "an AFP reporter in Goma"
OUTLET_STAFF = re.compile(r"\s*(?:an?|one|the)\s+(?P<who>[A-Z][^,;:]{1,40}?)\s+(?:correspondent|"
                          r"reporter|journalist|photographer|camera\s+crew|crew)\b", re.I)
# what opens an entry of a live page, a thread or a numbered bulletin: "18:45", "3/7", "2.1"
ENTRY_MARK = re.compile(r"\s*(?:\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?|\d{1,3}/\d{1,3}|"
                        r"\d{1,2}(?:\.\d{1,2})+)\s+(?=[A-Z])")
# a person's own office speaking for them: "his office", "her press office"
OWN_OFFICE = re.compile(r"(?:(?:on|in|later)\s+[^,]{1,30}?\s+)?(?:his|her)\s+(?:own\s+)?"
                        r"(?:press\s+)?office(?:\s+(?:also|later|then|has|had))*", re.I)
# the head of state's office by its bare name: "the presidency", "Chad's presidency" is not
PRESIDENCY = re.compile(r"(?:the\s+)?presidency(?:\s+(?:also|later|then|has|had))*", re.I)
STATE_WORD = re.compile(r"\s+(State|Province|Region|County)\b")
# a place the text calls a state or province, in any case: "Kaduna State", "Nampula province"
REGION_WORD = re.compile(r"\s+(?:state|province)\b", re.I)
REGION_NAME = re.compile(r"\s(?:State|Province)$")
# a body's own part named by what it does after the body: "its humanitarian office",
# "its refugee agency"
POSSESSED_BODY = re.compile(r"(?:its|their)\s+(?P<what>(?:[\w'’-]+\s+){1,3}(?:office|agency|"
                            r"mission|fund|programme|program|commission))", re.I)
# a state's or province's government or governor named by no place: "the state government",
# "the provincial governor", "the state government's statement"
BARE_LOCAL = re.compile(r"\bthe\s+(?:state|provincial|province's|province’s)\s+"
                        r"(?P<what>government|governor)(?:(?:'s|’s)\s+(?:statement|figures|"
                        r"data|count|tally|office))?$", re.I)

# a government named by whom it served: "the ousted government of Colonel X"
GOVERNMENT_OF_LEADER = re.compile(r"\s*(?:the\s+)?(?:[\w-]+\s+)?government\s+of\s+"
                                  r"(?:(?:[A-Z][\w-]*\.?|[a-z]+-[a-z]+)\s+)??$", re.I)
# a group, then where it is: "community leaders in the Cox's Bazar camps"
GROUP_IN_PLACE = re.compile(r"(.{3,60}?)\s+(?:in|at|from|around|near)\s+(?:the\s+)?"
                            r"(?P<place>[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,4})")
# a group by what it does, then where it works: "hospital staff at Saint-Marc"
GROUP_AT_PLACE = re.compile(r"(?:^|\s)(?:the\s+)?(?P<group>(?:[\w-]+\s+){0,2}(?:staff|workers|"
                            r"doctors|medics|nurses|residents|witnesses|rescuers|volunteers|"
                            r"teachers|elders|survivors|sources))\s+(?:at|in|from)\s+$", re.I)


# where parties post; never a party that speaks (see the annotation guide)
PLATFORMS = {"Telegram", "Facebook", "X", "Twitter", "YouTube", "Instagram", "WhatsApp",
             "Truth Social", "TikTok", "Viber", "VKontakte"}


# a ministry by its field, in any case: "the health ministry", "Ministry of Interior"
FIELD_MINISTRY = re.compile(r"(?:[Tt]he\s+)?(?:(?P<a>[A-Za-z][\w-]*(?:\s+[Aa]ffairs)?)\s+"
                            r"[Mm]inistry|"
                            r"[Mm]inistry\s+of\s+(?:the\s+)?(?P<b>[A-Za-z][\w-]*"
                            r"(?:\s+[Aa]ffairs)?))")
# a body named with who runs it: "the Houthi-run health ministry", "the Hamas-led
# government": the body speaks; the group only says who runs it
RUN_BY = re.compile(r"\s*(?:the\s+)?(?:[\w'’.]+\s+)?[\w'’.]+-(?:run|controlled|led|held|"
                    r"backed|appointed|installed)\s+(?=[\w-]+\s+ministry\b|ministry\b)", re.I)
# a ministry named by its field alone, which every country has: "the Defense Ministry",
# "Health Ministry", "the Ministry of Interior"
# (every name MINISTRY takes whole, FIELD_MINISTRY takes too: it also allows a lower-case field)
MINISTRY = re.compile(r"(?:the\s+)?(?:[A-Z][\w-]*\s+(?:[Aa]ffairs\s+)?[Mm]inistry|"
                      r"[Mm]inistry\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[Aa]ffairs)?)")
# capitalised words after a place that make it part of a body's name, ending on a word
# bodies are named by: "(Sudan) Doctors Syndicate", "(Syrian) Network for Human Rights"
NAME_GOES_ON = re.compile(r"(?:\s+(?:for|of|and|[A-Z][\w'’-]*))*\s+[A-Z][\w'’-]*")
# a place written as where a body sits: "the Britain-based monitor", "a Geneva-based group"
BASED_IN = re.compile(r"-(?:based|headquartered)\b", re.I)
# a named military or naval operation, which speaks through its command
OPERATION_NAME = re.compile(r"\bOperation\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?")
# a dateline opening a line (the first place of "ADEN/WASHINGTON" is where it was filed):
# "BEIRUT (Reuters) —", "DUBAI, United Arab Emirates (AP) —",
# "Kyiv —", "SEOUL, Oct. 29 (Yonhap) --"
DATELINE = re.compile(r"^[ \t]*(?P<city>[A-Z][A-Za-z'’.-]+(?:[ \t][A-Z][A-Za-z'’.-]+){0,2})"
                      r"(?:/[A-Z][A-Za-z'’.-]+(?:[ \t][A-Z][A-Za-z'’.-]+){0,2})*"
                      r"(?:,[ \t]*(?P<country>[A-Z][A-Za-z.]+(?:[ \t][A-Z][A-Za-z.]+){0,3}))?"
                      r"(?:,?[ \t]*[A-Z][a-z]{2,4}\.?[ \t]\d{1,2})?"
                      r"[ \t]*(?:\([^()\n]{2,40}\))?[ \t]*(?:—|–|--?)[ \t]", re.M)
# a person named by the body they lead: "the Head of the Office", "the administration's chief"
ROLE_OF = re.compile(r"\b(?:head|chief|director|leader|chairman|chairwoman|chair|commander|"
                     r"spokes(?:man|woman|person))\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,5}?"
                     r"[\w'’-]+\s*$", re.I)


# the patterns ``Speakers``' methods read, compiled once
# a unit's number just before its name ("the 47th (Separate) ...")
_UNIT_ORDINAL_BEFORE = re.compile(r"\b\d{1,3}(?:st|nd|rd|th)\s+(?:[Ss]eparate\s+)?$")
_GOVERNMENT_AT_END = re.compile(r"\b(?:government|cabinet)\s*$", re.I)
# "'s" or "’s" after a name
_POSSESSIVE_S = re.compile(r"(?:'s|’s)\s")
# "'s", "’s", or a plural's bare apostrophe ("the Houthis' ...")
_POSSESSIVE = re.compile(r"(?:'s|’s|')\s")
_LEADING_THE_OR_OFFICIAL = re.compile(r"^(?:the|official)\s+", re.I)
# a title before a name ("Mr.", "Gen", "Amb."): no part of the name
_COURTESY_TITLE = re.compile(r"^(?:mr|mrs|ms|dr|gen|adm|sen|rep|col|maj|capt|lt|amb|prof)\.?\s+"
                             r"(?=\S)", re.I)
# a platform's words around a channel's name ("Telegram channel X", "X Telegram channel")
_CHANNEL_WORDS = re.compile(r"^(?:(?:telegram|x|twitter|facebook|youtube)\s+(?:channel|"
                            r"account|"
                            r"page)\s+)(?=[A-Z])|\s+(?:telegram|x|twitter|facebook|youtube)\s+"
                            r"(?:channel|account|page)$", re.I)
# an -ing word or a preposition: a phrase it opens is no party's name
_NOT_A_PARTY_START = re.compile(r"\w+ing|according|in|on|at|by|with|for|from|after|as|of|to", re.I)
# a number of two digits or more (an ordinal aside), a quote or a bracket
_NUMBER_OR_QUOTE = re.compile(r"\d{2,}(?!st|nd|rd|th)|[\"“”(]")
# a capitalised owner's possessive before a name ("Japan's Joint Staff")
_OWNER_BEFORE_NAME = re.compile(r"([A-Z][\w-]*(?:\s[A-Z][\w-]*)?)(?:'s|’s)\s+(?=[A-Z])")
# a capitalised owner's possessive before a lower-case group ("Estonia's foreign ...")
_OWNER_BEFORE_GROUP = re.compile(r"([A-Z][\w-]*(?:\s[A-Z][\w-]*)?)(?:'s|’s)\s+(?=[a-z])")
# "Transport Ministry": the field a ministry is named for
_FIELD_MINISTRY = re.compile(r"((?:[A-Z][\w-]*\s+){1,3})Ministry")
_POSSESSIVE_ENDING = re.compile(r"(?:'s|’s)\b")
_LEADING_DETERMINER = re.compile(r"^(?:the|a|an|its|their|his|her|own|same)\s+")
# a capitalised word, "South"/"North" with it, that may name a capital or a people
_CAPITALISED_WORD = re.compile(r"\b(?:South |North )?[A-Z][\w.-]+(?=(?:'s|’s)?\s)")
_MILITARY_AT_END = re.compile(r"(?:^|\s)(?:military|armed forces)$")
_LEADING_THE_ITS_THEIR = re.compile(r"^(?:the|its|their)\s+", re.I)
# what may stand after the named parties of a subject: commas, "official(ly)", "the", a possessive
_SUBJECT_FILLER = re.compile(r"[\s,]*(?:official|officially|the|'s|’s)?[\s,]*")
# a role written before a name in a transcript's label: "COMMISSIONER", "SECRETARY"
LABEL_ROLE = re.compile(rf"(?:(?:{PERSON_ROLES}|commissioner|chairman|chairwoman|chair|admiral|"
                        r"undersecretary|under secretary|assistant secretary)\.?\s+)+(?=\S)", re.I)


class Speakers:
    """Resolves the phrases that name who speaks, walking the report in order."""

    def __init__(self, g: Gazetteer, text: str, mentions: list[Mention],
                 entities: dict[str, Entity], site: str | None, page: str = "") -> None:
        self.g = g
        self.text = text
        self.page = page  # the page as read, before cleaning dropped lines such as headers
        self.mentions = mentions
        # the entity components sort mentions by start: look them up by position, not scan
        self._starts = [m.start for m in mentions]
        self._sorted = self._starts == sorted(self._starts)
        self.entities = entities
        self.site = site
        self.last_person: Entity | None = None
        self.last_org: Entity | None = None
        # a body that spoke under a name no list or recogniser holds ("The Strategic
        # Framework for ... (CSP-DPA) said"): "it" later, before any body named after it
        self.last_org_refs: list[SourceRef] | None = None
        # a body pointed back to past the one named last: sentence start, where, who
        self._pointed_in: tuple[int, int, list[SourceRef]] | None = None
        # a person who spoke under a name no list or recogniser holds: "he" later, before
        # any person named after them
        self.last_person_refs: list[SourceRef] | None = None
        self.last_chain: list[SourceRef] = []
        # who heads a body, as an earlier cue named them ("Oleh Hryhorov, head of the Sumy
        # Regional Military Administration"): "the Head of the Administration" later
        self.heads: dict[str, SourceRef] = {}
        self.last_para = -1
        self._anaphoric = False
        self.label: Cue | None = None  # a transcript's speaker for the current paragraph
        self.label_para = -1
        self.label_turn = False  # the label opened a speaker's turn in a transcript
        self.anchor_para = -1  # a paragraph an anchor's label opens: the outlet's own words
        # the countries of the national bodies and people quoted so far, by count
        self.quoted_countries: dict[str, int] = {}
        self.last_quoted_country: str | None = None
        # a body's parts named after it ("its humanitarian office"): where, words, body
        self.possessed: list[tuple[int, str, SourceRef]] = []
        self._dateline: tuple[str | None] | None = None
        self._report_country: tuple[str | None] | None = None
        self._interviewee_refs: list[SourceRef] | None = None  # whom a Q&A interviews

    def starting_in(self, lo: int, hi: int) -> list[Mention]:
        """The mentions that start in [lo, hi), in order."""
        if not self._sorted:
            return [m for m in self.mentions if lo <= m.start < hi]
        return self.mentions[bisect_left(self._starts, lo):bisect_left(self._starts, hi)]

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
        # places do not speak; their governments do, by capital or country name
        inside = [m for m in inside if self.entities.get(m.entity_id) is not None
                  and self.entities[m.entity_id].type != "LOC"
                  # "the ministry's post on Telegram": the platform never speaks
                  and self.entities[m.entity_id].name not in PLATFORMS
                  # "the Britain-based monitor": where a body sits, not who speaks
                  and not BASED_IN.match(self.text, m.end)]
        last = inside[-1] if inside else None
        if last is not None and self.entities[last.entity_id].type == "GPE" and \
                not self.text[last.end:e].strip(" .,") and re.search(
                    rf"[A-Z][\w'’-]*\s+(?i:{ORG_WORDS})\s+(?:of|for|in)\s+(?:the\s+)?$",
                    self.text[s:last.start]):
            # "the Amhara Association of America": the place ends a body's own name
            named = _proper_name(self.text[s:e])
            if named:
                return named
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
            # "Ukraine's Coordination Headquarters": the owner qualifies the body it owns
            owned = [m for m in named if self.entities[m.entity_id].type == "GPE" and
                     _POSSESSIVE_S.match(self.text[m.end:m.end + 3])]
            # "the Houthis' Al Masirah TV", "Hamas's Qassam Brigades": a party's own named
            # outlet or body speaks; the owner goes after it
            owners = [m for m in named if m not in owned and
                      self.entities[m.entity_id].type == "ORG" and
                      _POSSESSIVE.match(self.text[m.end:m.end + 3]) and
                      any(x.start > m.end and self.entities[x.entity_id].type == "ORG"
                          for x in named)]
            owned += owners
            # "the Kolkata daily The Telegraph": a place, a word for what the body is,
            # then its name; the place qualifies the body named after it
            owned += [m for m in named if m not in owned and
                      self.entities[m.entity_id].type == "GPE" and
                      any(x.start > m.end and self.entities[x.entity_id].type == "ORG" and
                          PLACE_QUALIFIES.fullmatch(self.text, m.end, x.start) for x in named)]
            if owned and len(owned) < len(named):
                named = [m for m in named if m not in owned]
            head = persons[-1] if persons else (named[0] if named else inside[0])
            ent = self.entities[head.entity_id]
            if ent.type == "PERSON" and GOVERNMENT_OF_LEADER.fullmatch(self.text, s, head.start):
                # "the ousted government of Colonel X said": the government spoke, of the
                # country the report is about
                code = self.report_country()
                country = self.g.country(code) if code else None
                if country is not None:
                    return [SourceRef(f"Government of {country.name}", country.id,
                                      "government")]
            group = GROUP_AT_PLACE.search(self.text, s, head.start) \
                if ent.type == "GPE" and not self.text[head.end:e].strip(" .,") else None
            if group is not None:
                # "hospital staff at Saint-Marc said": a group no one names, as written,
                # not the place's government
                return [SourceRef(" ".join(self.text[group.start("group"):head.end].split()),
                                  None, "anonymous")]
            if ent.type == "GPE":
                # "an unnamed U.S. official", "a senior UK source": the country only
                # qualifies an unnamed source, who is no government
                lead = s + len(self.text[s:e]) - len(self.text[s:e].lstrip())
                anon = ANONYMOUS.search(self.text[s:e].strip())
                if anon and lead + anon.start("phrase") <= head.start:
                    return [_anonymous(anon)]
            rest = self.text[head.end:e].rstrip()
            if ent.type == "GPE" and NAME_GOES_ON.fullmatch(rest) and \
                    re.search(rf"{ORG_WORDS}$", rest, re.I):
                # "the Sudan Doctors Syndicate": the place begins a body's own name
                named = self.unlisted_party(head.start, e)
                if named:
                    return named
            if ent.type == "GPE" and BODY_AT_END.search(self.text[head.end:e].strip()) and \
                    not _GOVERNMENT_AT_END.search(self.text[head.end:e]):
                # "the Odesa regional administration", "Kharkiv prosecutors": a local body
                # the place qualifies, not the country's government
                local = self.unlisted_party(s, e)
                if local:
                    return local
            if ent.type == "GPE" and head.why == "demonym":
                pass
            else:
                refs = [self._national_body(ent) or _ref(ent, self.g)]
                ordinal = _UNIT_ORDINAL_BEFORE.search(self.text[max(s, head.start - 16):head.start])
                if ordinal and (ent.type == "ORG" or UNIT_WORD.search(ent.name)):
                    # "the 47th Mechanized Brigade": a unit goes by its number
                    refs[0] = SourceRef(f"{ordinal.group(0)}{ent.name}", refs[0].entity_id,
                                        "organization")
                for m in inside:
                    other = self.entities[m.entity_id]
                    if other.type == "ORG" and m is not head and other.kind != "outlet":
                        refs.append(_ref(other, self.g))
                if ent.type == "ORG" and refs[0].name in self.heads and \
                        ROLE_OF.search(self.text[s:head.start] + "x"):
                    # "the Head of the Administration": its head, named earlier
                    return [self.heads[refs[0].name], *refs]
                return refs
        phrase = self.text[s:e].strip()
        own = self._own_government(s, e) or self._possessed_body(s, e)
        if own:
            return own
        m = ANAPHORA.search(phrase)
        if m:
            return self._headed(phrase, self._anaphora(m, s, sent))
        m = ANONYMOUS.search(phrase)
        if m:
            return [_anonymous(m)]
        return None

    def _possessed_body(self, s: int, e: int) -> list[SourceRef] | None:
        """'the United Nations ..., according to its humanitarian office': a body's own
        part, named by what it does after the body: the gazetteer's body that the body's
        name and those words name ("UN humanitarian office")."""
        m = POSSESSED_BODY.fullmatch(self.text[s:e].strip())
        if m is None:
            return None
        owner = next((x for x in reversed([x for x in self.mentions if x.end <= s])
                      if (ent := self.entities.get(x.entity_id)) is not None
                      and ent.type == "ORG" and ent.kind != "outlet"), None)
        if owner is None or s - owner.end > 400:
            return None
        ent = self.entities[owner.entity_id]
        entry = self.g.entries.get(ent.id)
        words = " ".join(m.group("what").split())
        for name in (ent.name, *ent.aliases, *(entry.aliases if entry else ())):
            hits = [h for h in self.g.lookup(f"{name} {words}")
                    if h.type == "ORG" and h.id != ent.id]
            if hits:
                ref = _ref(hits[0], self.g)
                self.possessed.append((s, words.lower(), ref))
                return [ref]
        return None

    def _government(self, s: int, e: int) -> list[SourceRef] | None:
        """'the Ukrainian government', 'the UK government', 'the Biden administration':
        the government of the country the phrase names, or of the leader it names."""
        phrase = self.text[s:e].strip()
        if not GOVERNMENT.search(phrase):
            return self._own_government(s, e)
        for x in reversed(self.starting_in(s, e + 1)):
            ent = self.entities.get(x.entity_id)
            if ent is None or x.end > e:
                continue
            if ent.type in ("GPE", "LOC") and ent.kind != "country" and \
                    x.entity_id not in self.g.capital_of and \
                    LOCAL_GOVERNMENT.fullmatch(self.text, x.end, e):
                # "the Katsina State government", "the Sindh government": a state's or a
                # province's own government, not the country's (a capital stands for the
                # country: "the Moscow government")
                return [SourceRef(f"Government of {self._local_name(x, ent)}", None,
                                  "government")]
            code = ent.country if ent.type == "PERSON" else (
                ent.country or (ent.id if ent.kind == "country" else None)
                if ent.type == "GPE" else None)
            country = self.g.country(code) if code else None
            if country is not None:
                return [SourceRef(f"Government of {country.name}", country.id, "government")]
        return self._own_government(s, e)

    def _region_before(self, pos: int) -> str | None:
        """The state or province named last before ``pos``: a place the text calls a
        state, province or region ("Kaduna State", "Nampula province")."""
        for x in reversed([x for x in self.mentions if x.end <= pos]):
            ent = self.entities.get(x.entity_id)
            if ent is None or ent.type not in ("GPE", "LOC") or ent.kind == "country" or \
                    x.entity_id in self.g.capital_of:
                continue
            if REGION_WORD.match(self.text, x.end):
                return self._local_name(x, ent)
            if REGION_NAME.search(self.text[x.start:x.end]):
                return " ".join(self.text[x.start:x.end].split())
        return None

    def _local_name(self, x: Mention, ent: Entity) -> str:
        """A state's or province's name as the text writes it, with the word of its kind
        the text adds ("Katsina State"), else the gazetteer's name."""
        written = " ".join(self.text[x.start:x.end].split())
        kind = STATE_WORD.match(self.text, x.end)
        if kind:
            written += " " + kind.group(1)
        return written if written.split()[0] == ent.name.split()[0] else ent.name

    def _own_government(self, s: int, e: int) -> list[SourceRef] | None:
        """'the government said', 'Government figures put ...', 'according to government
        data': a government the phrase names by no country is the government of the
        country the report is about (``report_country``)."""
        if not BARE_GOVERNMENT.fullmatch(self.text[s:e].strip()) or \
                any(self.entities.get(x.entity_id) is not None
                    for x in self.starting_in(s, e + 1) if x.end <= e):
            return None
        code = self.last_quoted_country or self.report_country()
        country = self.g.country(code) if code else None
        if country is None:
            return None
        return [SourceRef(f"Government of {country.name}", country.id, "government")]

    def report_country(self) -> str | None:
        """The country a report is about: the one its places and national parties point
        to most, when one clearly leads (twice the next; a wire's dateline is often a
        regional bureau's city), else the dateline's or the most quoted one's."""
        if self._report_country is None:
            counts: dict[str, int] = {}
            for x in self.mentions:
                ent = self.entities.get(x.entity_id)
                if ent is None or ent.type not in ("GPE", "LOC"):
                    continue
                code = ent.country or (ent.id if ent.kind == "country" else None)
                if code:
                    code = _code(code, self.g)
                    counts[code] = counts.get(code, 0) + 1
            ranked = sorted(counts.items(), key=lambda kv: -kv[1])
            lead = ranked[0][0] if ranked and (len(ranked) == 1 or
                                               ranked[0][1] >= 2 * ranked[1][1]) else None
            self._report_country = (lead,)
        return self._report_country[0] or self.home_country()

    def _body(self, s: int, e: int) -> list[SourceRef] | None:
        """A body, or the person a role names by the body they head ("the Head of the
        Office", "the head of the administration"), when an earlier cue named them."""
        refs = self._named_body(s, e)
        if refs and ROLE_OF.search(self.text[s:e]) and refs[0].name in self.heads:
            return [self.heads[refs[0].name], *refs]
        return refs

    def _headed(self, phrase: str, refs: list[SourceRef] | None) -> list[SourceRef] | None:
        """'the head of the administration' said: the person an earlier cue named as its
        head, before the body itself."""
        if refs and refs[0].kind != "person" and refs[0].name in self.heads and \
                ROLE_OF.search(phrase):
            return [self.heads[refs[0].name], *refs]
        return refs

    def _named_body(self, s: int, e: int) -> list[SourceRef] | None:
        """A body named by what it is rather than its name: "the Coordination Headquarters",
        "Moscow's defence ministry", "the South Korean spy agency". The body words are
        looked up among the report's bodies, then the gazetteer's, of the country the
        phrase names."""
        phrase = self.text[s:e].strip()
        m = BODY_AT_END.search(phrase)
        if not m or len(phrase.split()) > 8:
            return None
        words = _fold(m.group("words"))
        words = _LEADING_DETERMINER.sub("", words)
        country = None
        for x in self.starting_in(s, e + 1):
            ent = self.entities.get(x.entity_id)
            if s <= x.start and x.end <= e and ent is not None and ent.type == "GPE":
                country = ent.country or (ent.id if ent.kind == "country" else None)
        if country is None:
            # a capital or demonym the recogniser left alone ("Moscow's defence ministry")
            for q in _CAPITALISED_WORD.finditer(phrase):
                hits = [h for h in self.g.lookup(q.group(0)) if h.type == "GPE" and h.country]
                hits = hits or [self.g.entries[h.entry_id] for h in self.g.index.get(
                    key(q.group(0)), []) if h.why == "demonym"]
                if hits:
                    country = hits[0].country
                    break
        generic = len(words.split()) == 1 and not m.group("words")[:1].isupper()
        if generic and len(phrase.split()) > 3:
            return None  # "the Kharkiv regional prosecutor's office" is not any office
        seen = [self.entities[x.entity_id] for x in reversed(self.starting_in(0, e + 1))
                if x.end <= e and x.entity_id in self.entities]
        if country and _MILITARY_AT_END.search(words):
            # "the U.S. military", "Israel's military": the country's own armed forces
            force = _national_military(self.g, _code(country, self.g))
            if force is not None:
                return [force]
        fitting = [ent for ent in seen if _fits(ent, words, country, self.g)]
        # "the military": a body its names call so ("Israeli military") before one that
        # is only of that kind (a command within it)
        if words in ("military", "army", "armed forces"):
            fitting.sort(key=lambda ent: not _named_so(ent, words, self.g))
            bare = _LEADING_THE_ITS_THEIR.sub("", m.group("words"))
            if country is None and len(words.split()) == 1 and not bare[:1].isupper():
                # a bare "the army" is a state's army, not a group whose own name has
                # the word ("the National Liberation Army", "the Arakan Army")
                fitting = [ent for ent in fitting if self._national_force(ent)]
        head = words.split()[-1]
        if not fitting and country is None and len(words.split()) > 1 and head in ("council",
                                                                                  "committee"):
            # "the ruling military council said", the council named in full only later
            # ("the National Council for the Safeguard of the Homeland"): the one body
            # of that kind the report names
            ahead = {self.entities[x.entity_id].id: self.entities[x.entity_id]
                     for x in self.mentions if x.start >= e and x.entity_id in self.entities
                     and _fits(self.entities[x.entity_id], head, None, self.g)}
            if len(ahead) == 1:
                fitting = list(ahead.values())
        spoke = self.last_chain[0].entity_id if self.last_chain else None
        if len(fitting) > 1 and any(ent.id == spoke for ent in fitting):
            # "the coast guard" after two coast guards were named: the one quoted last,
            # not the one merely mentioned after it
            fitting.sort(key=lambda ent: ent.id != spoke)
        for ent in fitting:
            return [self._national_body(ent) or _ref(ent, self.g)]
        if country is None and generic and _MILITARY_AT_END.search(words) and \
                not any(ent.type == "ORG" and (ent.kind or "") == "military" for ent in seen):
            # a bare "the military confirmed" before any force is named: the one national
            # force the report names further on ("..., the IDF said" two paragraphs down),
            # else the armed forces of the country the report is about
            ahead = {self._national_military_of(ent) for ent in (
                self.entities[x.entity_id] for x in self.mentions
                if x.start >= e and x.entity_id in self.entities)
                if ent.type == "ORG" and self._national_force(ent)}
            code = self.report_country() if len(ahead) != 1 else None
            force = next(iter(ahead)) if len(ahead) == 1 else \
                _national_military(self.g, _code(code, self.g)) if code else None
            if force is not None:
                return [force]
        if country is None and generic:
            return None  # "the ministry" with nothing to go on: anaphora decides
        if country is None and FIELD_MINISTRY.fullmatch(phrase):
            # "the Health Ministry said" in a report from Beirut: the report's country,
            # whose own body it must be (no international one that fits the words)
            home = self.home_country() or self.report_country()
            ref = _gazetteer_body(self.g, words, home, True) if home else None
            if ref is None and home:
                ref = self._unlisted_ministry(phrase, home)
            return [ref] if ref is not None else None
        if country is None:
            return None
        ref = _gazetteer_body(self.g, words, country)
        return [ref] if ref is not None else None

    def _ministry_of_runner(self, s: int, at: int, e: int) -> list[SourceRef] | None:
        """'the Houthi-run health ministry' with no dateline: the ministry of the country
        of the party that runs it."""
        for x in self.starting_in(s, at):
            ent = self.entities.get(x.entity_id)
            if ent is None or x.end > at or not ent.country:
                continue
            words = _fold(self.text[at:e].strip())
            ref = _gazetteer_body(self.g, words, ent.country, True) or \
                self._unlisted_ministry(self.text[at:e], ent.country)
            return [ref] if ref is not None else None
        return None

    def _unlisted_ministry(self, phrase: str, home: str) -> SourceRef | None:
        """A ministry of the report's country no list knows, named as the guide names
        national bodies: "the health ministry" in a report from Aden -> "Ministry of
        Health (Yemen)"."""
        m = FIELD_MINISTRY.fullmatch(phrase.strip())
        country = self.g.country(_code(home, self.g))
        if m is None or country is None:
            return None
        field = (m.group("a") or m.group("b") or "").strip()
        if not field or field.lower() in ("the", "a", "its", "their"):
            return None
        field = " ".join(w if w.isupper() else w.capitalize() for w in field.split())
        return SourceRef(canonical_ministry(f"Ministry of {field} ({country.name})"), None,
                         "ministry")

    def _national_body(self, ent: Entity) -> SourceRef | None:
        """A body the recogniser found by what it is, with no country ("Health Ministry",
        "Defense Ministry"): the gazetteer's body of that kind in the report's country.
        A country's armed forces found by shape ("Armed Forces (Israel)") are whoever
        speaks for that country's military."""
        if ent.type == "ORG" and ent.country and ent.id not in self.g.entries and \
                re.fullmatch(r"Armed Forces \([^()]+\)", ent.name):
            return _national_military(self.g, ent.country)
        if ent.type != "ORG" or ent.country or ent.id in self.g.entries or \
                not MINISTRY.fullmatch(ent.name):
            return None
        country = self.home_country()
        return _gazetteer_body(self.g, _fold(ent.name), country, True) if country else None

    def home_country(self) -> str | None:
        """The country a national body named without one belongs to ("the Defense
        Ministry", "the Health Ministry"): the dateline's, else the one whose parties the
        report has quoted most so far, when one clearly leads."""
        if self._dateline is None:
            self._dateline = (self._dateline_country(),)
        if self._dateline[0] is not None:
            return self._dateline[0]
        ranked = sorted(self.quoted_countries.items(), key=lambda kv: -kv[1])
        if ranked and ranked[0][1] >= 3 and (len(ranked) == 1 or
                                             ranked[0][1] > 2 * ranked[1][1]):
            return ranked[0][0]
        return None

    def _dateline_country(self) -> str | None:
        """'BEIRUT (Reuters) —', 'DUBAI, United Arab Emirates (AP) —', 'Kyiv —': the
        country of the dateline's place, near the top of the report."""
        m = DATELINE.search(self.text, 0, min(len(self.text), 2500))
        if m is None:
            return None
        for place in (m.group("country"), m.group("city")):
            hits = [h for h in self.g.lookup(place.strip().title()) if h.type == "GPE"] \
                if place else []
            code = next((h.country or (h.id if h.kind == "country" else None)
                         for h in hits), None)
            if code:
                return _code(code, self.g)
        return None

    def _count_country(self, ref: SourceRef) -> None:
        ent = self.entities.get(ref.entity_id or "")
        entry = self.g.entries.get(ref.entity_id or "")
        if ref.kind in ("outlet", "anonymous") or (ent is None and entry is None):
            return
        if ref.kind == "government":
            code = _code(ref.entity_id or "", self.g)
        else:
            code = (ent.country if ent is not None else None) or \
                (entry.country if entry is not None else None)
        if code:
            self.quoted_countries[code] = self.quoted_countries.get(code, 0) + 1
            self.last_quoted_country = code

    def _anaphora(self, m: re.Match[str], at: int | None = None,
                  sent: Span | None = None) -> list[SourceRef] | None:
        self._anaphoric = True
        if m.group("pron"):
            p = m.group("pron").lower()
            near = self._antecedent_in(sent, at, PRONOUNS.get(p, "ANY")) \
                if sent is not None and at is not None else None
            if near is not None:
                return self._chain_for(near)
            pointed = self._pointed_in
            if PRONOUNS.get(p) == "ORG" and pointed is not None and sent is not None and \
                    at is not None and pointed[0] == sent.start and pointed[1] < at:
                # "what the agency reported last month, when it put the toll at": the body
                # pointed back to earlier in the sentence, not the one named last
                return list(pointed[2])
            if PRONOUNS.get(p) == "PERSON" and self.last_person_refs is not None:
                return list(self.last_person_refs)
            if PRONOUNS.get(p) == "PERSON" and self.last_person is not None:
                return self._chain_for(self.last_person)
            if PRONOUNS.get(p) == "ORG" and self.last_org_refs is not None:
                return list(self.last_org_refs)
            if PRONOUNS.get(p) == "ORG" and self.last_org is not None:
                return self._chain_for(self.last_org)
            return list(self.last_chain) or None
        if m.group("body"):
            named = self._named_operation(m.group("body"), at)
            if named is not None:
                return [named]
            word = " ".join(m.group("body").lower().split())
            if word in STATE_FORCES:
                return self._state_force(word)
            named = self._named_not_pointed(m.group(0))
            if named is not None:
                return named
            fitting = self._fitting_before(word, at)
            if fitting is not None:
                if sent is not None and at is not None:
                    self._pointed_in = (sent.start, at, list(fitting))
                return fitting
            if word == "authorities":
                # "according to the authorities" with no authority named before: the
                # state's unnamed officials, not whichever group was named last
                return [SourceRef("authorities", None, "anonymous")]
            if word.endswith(("group", "militia")):
                # "the Somali group said", "the militia claims": the armed group named
                # last (a state's forces carry their country in brackets), or no one
                return self._armed_group_before(at)
            if self.last_org is not None:
                return self._chain_for(self.last_org)
            # a body is no person: "the ministry said" after a minister spoke is not him
            return [r for r in self.last_chain if r.kind != "person"] or None
        if m.group("role"):
            anon = self._anonymous_role(m.group("role"))
            if anon is not None:
                return anon
            if self.last_person is not None and self._role_fits_last(m.group(0)):
                return self._chain_for(self.last_person)
            # "the regional governor said" with no one named before: an unnamed official
            # by role, not whoever spoke last
            return [SourceRef(_us(re.sub(r"^the\s+", "", " ".join(m.group(0).split()),
                                         flags=re.I)), None, "anonymous")]
        if m.group("doc") and (owner := _BODY_OWNS.search(m.group(0))):
            # "the ministry's report counted": the body pointed back to, as "the ministry"
            return self._anaphora(ANAPHORA.fullmatch(f"the {owner.group(1)}"), at, sent)
        if m.group("doc"):
            # "the survey found": whoever published it, the last party that spoke
            if self.last_chain:
                return list(self.last_chain)
            return self._chain_for(self.last_org) if self.last_org is not None else None
        return None

    def _role_fits_last(self, phrase: str) -> bool:
        """Whether 'the health minister' can be the person named last: a role with a
        field ("health minister", "defence minister") must stand near one of that
        person's mentions ("Health Minister Firass Abiad", "Abiad, the health minister");
        a bare role ("the minister", "the president") is whoever was named last."""
        written = re.sub(r"^the\s+", "", " ".join(phrase.split()), flags=re.I).split()
        words = [w.lower() for w in written]
        if len(words) < 2 or self.last_person is None or \
                re.fullmatch(f"(?:{PERSON_ROLES})", " ".join(words), re.I):
            return True  # "the head of state", "the prime minister": one role, no field
        local = written[-2][:1].isupper() and any(
            x.type in ("GPE", "LOC") and x.kind != "country" for x in self.g.lookup(written[-2]))
        if (written[-2][:1].isupper() and not local) or words[-2] in TIME_QUALIFIERS:
            return True  # "the former Nigerian leader", "the then minister": no field
        # "the Homs governor": the place is the office's field, as "health" is a minister's
        role = " ".join(words[-2:])
        if local:
            return any(words[-1] in " ".join(self.text[max(0, x.start - 60):x.end + 60].lower()
                                             .split()) and written[-2] in
                       self.text[max(0, x.start - 60):x.end + 60]
                       for x in self.mentions if x.entity_id == self.last_person.id)
        for x in self.mentions:
            if x.entity_id != self.last_person.id:
                continue
            # the mention's own clause: "Health Minister X", "X, the health minister,"
            before = re.split(r"[.!?\n]", self.text[max(0, x.start - 60):x.start])[-1]
            after = re.split(r"[.!?\n]", self.text[x.end:x.end + 60])[0]
            if role in " ".join(f"{before} {after}".lower().split()):
                return True
        return False

    def _armed_group_before(self, at: int | None) -> list[SourceRef] | None:
        """The armed group named last before ``at``: a fighting body no state owns."""
        for x in reversed(self.starting_in(0, at if at is not None else 0)):
            ent = self.entities.get(x.entity_id)
            if ent is None or ent.type != "ORG" or "(" in ent.name:
                continue
            if (ent.kind or "") == "military" or ARMED_GROUP_NAME.search(ent.name):
                return self._chain_for(ent)
        return None

    def _fitting_before(self, word: str, at: int | None) -> list[SourceRef] | None:
        """'the ministry had reported' after an armed group was named: the last body named
        before that is a ministry, or the outlet when it is one (a ministry's own release),
        rather than the last body of another kind."""
        if at is None or self.last_org is None or _fits(self.last_org, word, None, self.g):
            return None
        if word not in POINTED_KINDS and not (
                word == "agency" and (self.last_org.kind or "") in NEVER_AGENCIES):
            return None
        part = next(((pos, ref) for pos, what, ref in reversed(self.possessed)
                     if pos < at and what.split()[-1] == word), None)
        for x in reversed(self.starting_in(0, at)):
            ent = self.entities.get(x.entity_id)
            if ent is not None and _fits(ent, word, None, self.g):
                if part is not None and part[0] > x.start:
                    break
                return self._chain_for(ent)
        if part is not None:
            # "its humanitarian office ... the office said": the part named so last
            return [part[1]]
        if self.site and _has_words(_fold(self.site), word):
            return self.outlet()
        return None

    def _named_not_pointed(self, phrase: str) -> list[SourceRef] | None:
        """'the Ombudsman's Office had counted': a body written by its own capitalised
        name (two words or more, not a ministry by field) that no body named before fits
        is that body, not one pointed back to."""
        name = re.sub(r"^\s*the\s+", "", phrase, flags=re.I).strip()
        words = name.split()
        if len(words) < 2 or not all(w[:1].isupper() for w in words) or \
                FIELD_MINISTRY.fullmatch(name):
            return None
        body = _fold(re.sub(r"(?:'s|’s)\b", "", name))
        seen = [self.entities[x.entity_id] for x in self.mentions
                if x.entity_id in self.entities]
        if any(_fits(ent, body, None, self.g) for ent in seen):
            return None
        return [SourceRef(name, None, "organization")]

    def _national_military_of(self, ent: Entity) -> SourceRef:
        """Who speaks for the armed force ``ent`` (its country's, as a bare "the military"
        names it)."""
        return _national_military(self.g, _code(ent.country, self.g)) or _ref(ent, self.g)

    def _national_force(self, ent: Entity) -> bool:
        """Whether a body is its country's armed force, the one a bare "the army" means."""
        if not ent.country:
            return False
        force = _national_military(self.g, _code(ent.country, self.g))
        if force is None:
            # a country no list gives a force: its force as the shapes name it
            return bool(re.fullmatch(r"(?:Army|Armed Forces|Military) \([^()]+\)", ent.name))
        return force.name == _ref(ent, self.g).name

    def _state_command(self, ent: Entity, word: str) -> bool:
        """A state's military body other than the force itself ("the General Staff"),
        which "the military" may point back to; a group named by the word itself ("the
        Arakan Army") is not one."""
        entry = self.g.entries.get(ent.id)
        return entry is not None and bool(entry.country) and entry.kind == "military" and \
            not _has_words(_fold(ent.name), word)

    def _state_force(self, word: str) -> list[SourceRef] | None:
        """'The army said', 'the police said' with no such body named before: the last
        body quoted when it is one of that kind, else the report's country's force, else
        the force as the text names it (an unnamed party, "police"); never a group named
        before whose kind differs (an armed group is no "army" of a state)."""
        org = self.last_org
        if org is not None and (_fits(org, word, None, self.g) if word == "police" else
                                self._national_force(org) or self._state_command(org, word)):
            return self._chain_for(org)
        home = self.home_country()
        if home and word != "police":
            force = _national_military(self.g, _code(home, self.g))
            if force is not None:
                return [force]
            country = self.g.country(_code(home, self.g))
            if country is not None:
                # a country no list gives a force: its army or armed forces, named as
                # national bodies are ("Army (Niger)", "Armed Forces (Niger)")
                body = "Army" if word == "army" else "Armed Forces"
                return [SourceRef(f"{body} ({country.name})", None, "military")]
        return [SourceRef(word, None, "anonymous")]

    def _named_operation(self, body: str, at: int | None) -> SourceRef | None:
        """'according to the mission', 'the operation said': the operation the report
        named last before ("Operation Aspides", "EU NAVFOR Operation Atalanta"), which no
        list may know; not the union or alliance that runs it."""
        if body.lower() not in ("operation", "mission") or at is None:
            return None
        names = list(OPERATION_NAME.finditer(self.text, max(0, at - 3000), at))
        return SourceRef(names[-1].group(0), None, "organization") if names else None

    def _antecedent_in(self, sent: Span, at: int, kind: str) -> Entity | None:
        """'The ministry gave its numbers: it said ...', 'Sunak visited Kyiv, where he
        announced ...': a pronoun's antecedent is the sentence's first party of its kind
        before it, when there is one, rather than one from an earlier sentence."""
        for x in self.starting_in(sent.start, at):
            ent = self.entities.get(x.entity_id)
            if ent is None or x.end > at or x.why == "demonym":
                continue
            if kind == "PERSON" and ent.type == "PERSON":
                return ent
            if kind == "ORG" and ent.type == "ORG" and (ent.kind or "") != "outlet":
                return ent
        return None

    def _anonymous_role(self, role: str) -> list[SourceRef] | None:
        """'The official also said': the unnamed official quoted last, when the last
        speaker was one ("a senior defense official said ... The official added")."""
        first = self.last_chain[0] if self.last_chain else None
        if first is not None and first.kind == "anonymous" and \
                role.lower() in first.name.lower():
            return list(self.last_chain)
        return None

    def _chain_for(self, ent: Entity) -> list[SourceRef]:
        ref = self._national_body(ent) or _ref(ent, self.g)
        if self.last_chain and self.last_chain[0].name == ref.name:
            return list(self.last_chain)
        return [ref]

    def _phrase_before(self, sent: Span, pos: int) -> tuple[int, int] | None:
        """The noun phrase ending at ``pos`` (the subject of a following verb)."""
        head = self.text[sent.start:pos]
        # an acronym in brackets belongs to the name before it: "the NIS (NIS) told"
        paren = BRACKETS_AT_END.search(head) if head.rstrip().endswith(")") else None
        if paren and not any(m.start < sent.start + paren.start() < m.end <= pos
                             for m in self.mentions):
            head = head[:paren.start()]
            pos = sent.start + paren.start()
        m = PHRASE_AT_END.search(head, max(0, len(head) - 121))  # tail.py: 120 + a newline
        if not m:
            return None
        s = sent.start + m.start(1)
        phrase = m.group(1)
        lead = CONJUNCTION_LEAD.match(phrase)
        if lead:  # "As the Ministry said": the conjunction is no part of the speaker
            s += lead.end()
            phrase = phrase[lead.end():]
        mark = ENTRY_MARK.match(self.text, sent.start, pos)
        if mark and mark.end() > s:
            # "18:45 Amaq claims", "3/7 The ministry said": the entry's mark is no name
            phrase = phrase[mark.end() - s:]
            s = mark.end()
        appositive = self._appositive_head(sent, s, phrase)
        if appositive is not None:
            return appositive
        # a subordinate "that"/"as" clause ends the phrase
        cut = max(phrase.rfind(" that "), phrase.rfind(" as "), phrase.rfind(" while "),
                  phrase.rfind(" but "), phrase.rfind(" and "), phrase.rfind(" when "))
        if cut >= 0:
            s += cut + 1
        return s, pos

    def _appositive_head(self, sent: Span, s: int, phrase: str,
                         nested: bool = False) -> tuple[int, int] | None:
        """An appositive or relative clause between a name and its verb ("Budanov, who
        heads HUR, said", "COGAT, the Israeli body that ..., said", "Relief International,
        which ran a clinic, said"): the span of the name before it."""
        if not _APPOSITIVE_OPENS.match(phrase):
            return None
        # "The Centre for Research and Security Studies (CRSS), an Islamabad think tank,"
        prev = search_tail(PHRASE_COMMA_AT_END, self.text[sent.start:s], PHRASE_COMMA_LONGEST)
        if not prev:
            return None
        ps = sent.start + prev.start(1)
        words = prev.group(1)
        if _RELAY_OPENS.match(words):
            return None  # "According to Lee, the spy agency told": a relay, then the speaker
        if ps > sent.start and self.text[ps - 1] not in ",;:()\"“”" or \
                _ADVERBIAL_LEAD.match(words):
            # "... killed 53 civilians, 21 of them children, in a village held by the X
            # group, the Y monitor said": where it happened, then the speaker itself; a
            # phrase too long to be read whole is no name either
            return None
        if len(phrase.split()) <= 6 and not FINITE_WORD.search(phrase) and \
                _CLAUSE_BEFORE_COMMA.search(words):
            # "Rebels have shot down two drones, the U.S. military acknowledged", "Forces
            # struck 15 targets, the command said": a clause before the comma (a verb, a
            # figure no name holds), so the short phrase after it is the subject itself
            return None
        cut = max(words.rfind(" that "), words.rfind(" as "), words.rfind(" and "))
        if cut >= 0 and any(x.start < ps + cut < x.end for x in self.starting_in(ps, ps + cut)):
            cut = -1  # "Centre for Research and Security Studies": the name goes on
        start = ps + (cut + 1 if cut >= 0 else 0)
        lead = TIME_LEAD.match(self.text, start, s)
        if lead:  # "Late last month the Somali news site Garowe Online, citing ...": when
            start = lead.end()
        named = any(start <= x.start and x.end <= s and self.entities.get(x.entity_id) is not None
                    and self.entities[x.entity_id].type in ("PERSON", "ORG")
                    for x in self.starting_in(start, s + 1))
        end = ps + len(words.rstrip())
        if named or _proper_name(self.text[start:end]) or \
                _body_anaphora(self.text[start:end].strip()) or \
                ANONYMOUS.search(self.text[start:end].strip()):
            # "The monitor, which relies on a network of sources, said": the monitor;
            # "a police officer, who asked not to be named, said": the unnamed officer
            return start, end
        if re.match(r"\s*(?:citing|quoting)\b", phrase, re.I) and self.unlisted_party(start, end):
            # "the Somali news site Garowe Online, citing a Bloomberg report, said": a
            # relay no list knows, named before what it cites
            return start, end
        if not nested and start == ps and _APPOSITIVE_OPENS.match(words) and \
                _ASIDE_NOT_NAME.match(phrase):
            # "Tgcom24, the broadcaster's news site, citing the ministries, put": two asides
            # in a row, the name before both
            return self._appositive_head(sent, ps, words, nested=True)
        return None

    def _phrase_after(self, pos: int, end: int) -> tuple[int, int]:
        # up to the clause's end; a title's stop ("Rep. Lee", "Gen. Syrskyi") is no end
        m = CLAUSE_AHEAD.match(self.text[pos:end])
        return (pos, pos + (m.end(1) if m else 0))

    def name_refs(self, s: int, e: int, sent: Span) -> list[SourceRef] | None:
        """A speaker named in capitals or by surname: a mention, else the gazetteer."""
        refs = self.resolve_phrase(s, e, sent)
        if refs:
            return refs
        return self.listed_name(self.text[s:e])

    def listed_name(self, name: str) -> list[SourceRef] | None:
        """A party the gazetteer knows by this name or surname; no anchor or interviewer."""
        name = name.strip()
        if NO_NAME_LABEL.fullmatch(name):
            return None
        name = _LEADING_THE_OR_OFFICIAL.sub("", name)
        # "MR. KIRBY:", "GEN. RYDER:": a transcript's courtesy title is no part of the name
        name = _COURTESY_TITLE.sub("", name)
        entries = [en for en in self.g.lookup(name) if en.type in ("PERSON", "ORG", "GPE")]
        role = LABEL_ROLE.match(name) if not entries else None
        if role and role.end() < len(name):
            # "COMMISSIONER McALEENAN:", "SECRETARY ESPER:": a role before the name
            name = name[role.end():]
            entries = [en for en in self.g.lookup(name) if en.type in ("PERSON", "ORG", "GPE")]
        if not entries:
            entries = [self.g.entries[i] for i in self.g.by_surname.get(name.lower(), [])
                       if i in self.g.entries][:1]
        if entries:
            return [_ref(entries[0], self.g)]  # an Entry has the fields _ref reads
        return self._named_earlier(name)

    def _named_earlier(self, name: str) -> list[SourceRef] | None:
        """'DOMBROVSKIS:' in a transcript: the person the report named in full before,
        when no list knows them; one word, matched against the last word of the name."""
        if not re.fullmatch(r"[^\W\d_][\w'’-]{2,}", name):
            return None
        key = name.casefold()
        found = [ent for ent in self.entities.values() if ent.type == "PERSON" and
                 len(ent.name.split()) > 1 and ent.name.split()[-1].casefold() == key]
        if not found:
            # the recogniser may have kept only the surname ("the minister, Firass Abiad"
            # read as "Abiad"): the label names that person all the same
            found = [ent for ent in self.entities.values() if ent.type == "PERSON" and
                     ent.name.casefold() == key]
        if not found and name[:1].isupper():
            # the recogniser missed the person ("Kevin McAleenan, Commissioner of ..." in a
            # participants line): a first name and this surname, written once in full
            full = {" ".join(m.group(0).split()) for m in re.finditer(
                rf"\b[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?(?i:{re.escape(name)})\b(?![’'-])", self.text)
                if not m.group(0).split()[0].isupper()}
            full = {f for f in full if not NOT_A_NAME.match(f) and
                    f.split()[-1] != f.split()[-1].upper()}
            if len(full) == 1:
                return [SourceRef(full.pop(), None, "person")]
        return self._chain_for(found[0]) if len(found) == 1 else None

    def _person_of_body(self, s: int, e: int, inside: list[Mention],
                        sent: Span) -> list[SourceRef] | None:
        """'Amal Haddad of the camp's popular committee told': a person, then "of" and the
        body they belong to; the person speaks, the body only says where they belong. The
        person may be one no list knows, written as names are (capitalised words, no body
        or role word), before a body described in lower case."""
        lead = inside[0] if inside else None
        if lead is not None and self.entities[lead.entity_id].type == "PERSON" and \
                not self.text[s:lead.start].strip(" ,") and \
                PERSON_OF_BODY.fullmatch(self.text, lead.end, e):
            return self.resolve_phrase(lead.start, lead.end, sent)
        named = NAME_OF_BODY.match(self.text, s, e)
        if named is None or any(x.start < named.end(1) for x in inside):
            return None
        name = named.group(1)
        if not PERSON_OF_BODY.fullmatch(self.text, named.end(1), e) or \
                re.search(ORG_WORDS, name, re.I) or \
                re.search(rf"\b(?:{PERSON_ROLES})\b", name, re.I) or \
                NOT_A_NAME.match(name) or re.match(r"(?:the|a|an)\s", name, re.I) or \
                not LOWER_WORD.search(self.text, named.end(1), e) or self.g.lookup(name):
            return None
        return [SourceRef(name, None, "person")]

    def _subject(self, s: int, e: int, sent: Span) -> list[SourceRef] | None:
        phrase = self.text[s:e]
        if not phrase.strip():
            return None
        own = OWN_OFFICE.fullmatch(phrase.strip())
        if own:
            # "his office reported", "her press office said": the person it works for, the
            # one named last before it
            before = [x for x in self.mentions if x.end <= s and
                      self.entities.get(x.entity_id) is not None and
                      self.entities[x.entity_id].type == "PERSON"]
            if before:
                self._anaphoric = True
                return self._chain_for(self.entities[before[-1].entity_id])
        local = BARE_LOCAL.search(phrase.rstrip())
        place = self._region_before(s) if local else None
        if place is not None:
            # "the state government's statement", "the provincial governor said": the state
            # or province the report named last
            what = "Governor" if local.group("what").lower() == "governor" else "Government"
            return [SourceRef(f"{what} of {place}", None,
                              "person" if what == "Governor" else "government")]
        presidency = PRESIDENCY.fullmatch(phrase.strip())
        code = self.report_country() if presidency else None
        if presidency and code is None:
            # no country leads the report: the one its sentence names ("a Chadian unit")
            codes = {ent.country or ent.id for x in self.starting_in(sent.start, sent.end)
                     if (ent := self.entities.get(x.entity_id)) is not None and
                     ent.type == "GPE" and (ent.kind == "country" or ent.country)}
            code = codes.pop() if len(codes) == 1 else None
        country = self.g.country(code) if code else None
        if country is not None:
            # "the presidency said": the head of state's office, of the report's country
            return [SourceRef(f"Presidency ({country.name})", None, "organization")]
        staff = OUTLET_STAFF.match(phrase)
        if staff:
            # "a Sputnik correspondent at the base said": the outlet reports what its
            # unnamed reporter saw
            refs = self.resolve_phrase(s + staff.start("who"), s + staff.end("who"), sent)
            if refs and refs[0].kind == "outlet":
                return refs[:1]
        local = LOCAL_BODY.search(phrase.strip())
        if local:
            # "police in Kyiv" is how reports name the Kyiv police
            place, body = local.group("place"), local.group("body").lower()
            if local.group("qual"):
                # "the Russian-installed authorities in occupied Luhansk Oblast": who
                # installed them says more than where they sit
                return [SourceRef(f"{local.group('qual')}{body} in {place}", None,
                                  "anonymous")]
            return [SourceRef(f"{body} in {place}" if place.lower().startswith("the ") else
                              f"{place} {body}", None,
                              "anonymous")]
        run_by = RUN_BY.match(phrase)
        if run_by:
            body = self._named_body(s + run_by.end(), e) or \
                self._ministry_of_runner(s, s + run_by.end(), e)
            if body:
                return body
        role_for = ROLE_FOR_BODY.match(phrase)
        if role_for:
            body = self.resolve_phrase(s + role_for.end(), e, sent) or \
                self.unlisted_party(s + role_for.end(), e)
            if body and body[0].kind != "person":
                return body
        # the subject ends right before the verb: its last words decide
        refs = None
        inside = [m for m in self.starting_in(s, e + 1) if m.start >= s and m.end <= e
                  and self.entities.get(m.entity_id) is not None]
        tail = self.text[inside[-1].end:e] if inside else phrase
        of_body = self._person_of_body(s, e, inside, sent)
        if of_body is not None:
            return of_body
        if inside and len(tail.strip(" ,")) <= 2:
            refs = self.resolve_phrase(s, e, sent)
            last = inside[-1]
            ent = self.entities[last.entity_id]
            if ent.type == "PERSON" and refs:
                for aff in self._affiliations(last.end, sent, last.start):
                    if all(aff.name != r.name for r in refs):
                        refs.append(aff)
        else:
            refs = self._government(s, e)
            if refs:
                return refs
            m = ANAPHORA.search(phrase.strip())
            anon = ANONYMOUS.search(phrase.strip())
            if m and m.group("body") and anon and len(anon.group("phrase").split()) > 1:
                # "the city's authorities", "the regional authorities": unnamed, local
                return [_anonymous(anon)]
            body = None
            if not any(self.entities[x.entity_id].type in ("PERSON", "ORG") for x in inside):
                body = self._body(s, e)
            if body:
                refs = body
            elif m:
                refs = self._headed(phrase, self._anaphora(m, s + phrase.find(m.group(0)),
                                                           sent))
            else:
                m = ANONYMOUS.search(phrase.strip())
                if m:
                    refs = [_anonymous(m)]
                elif inside and _SUBJECT_FILLER.fullmatch(tail):
                    refs = self.resolve_phrase(s, e, sent)
                elif not inside:
                    refs = _proper_name(phrase)
        office = PLACE_ROLE.search(phrase.strip()) \
            if not refs or refs[0].kind == "anonymous" else None
        if office and any(self.entities[x.entity_id].type in ("GPE", "LOC") for x in inside):
            # "the Homs governor", "Lviv's mayor", no holder named: the office, named as
            # "Governor of Homs"
            return [SourceRef(f"{office.group('role').title()} of {office.group('place')}",
                              None, "anonymous")]
        return refs

    def unlisted_party(self, s: int, e: int) -> list[SourceRef] | None:
        """A speaker the gazetteer and the shapes missed, named before a verb of saying:
        a trailing name ("Energy company DTEK", "Ukraine's 3rd Assault Brigade") or a
        body or group by its head word ("Kharkiv regional prosecutors", "Russian state
        media"). Phrases that hold a verb or a number of their own are clauses, not
        parties."""
        phrase = _LEADING_ARTICLE.sub("", self.text[s:e].strip(" ,"))
        # "the Rybar Telegram channel", "Telegram channel Rybar": the channel's name
        phrase = _CHANNEL_WORDS.sub("", phrase)
        role_at = ROLE_AT_BODY.fullmatch(phrase)
        if role_at and not FINITE_WORD.search(phrase) and not DIGIT.search(phrase):
            # "the crown prosecutor at the Laayoune court of appeal": an official no one
            # names, by role and body, as the text writes them
            return [SourceRef(phrase, None, "anonymous")]
        where = GROUP_IN_PLACE.fullmatch(phrase)
        anon = ANONYMOUS.fullmatch(where.group(1)) \
            if where and not re.search(ORG_WORDS, where.group("place"), re.I) else None
        if anon:
            # "community leaders in the Cox's Bazar camps": the group, wherever it is
            return [_anonymous(anon)]
        phrase = RANKS.sub("", phrase)  # "Brig Gen Jean Doe": the person, not the rank
        titled = ROLE_OF_BODY_NAME.fullmatch(phrase)
        if titled and not self.g.lookup(titled.group("name")):
            # "Director General of the Port Authority Jean Doe": the name after the title
            return [SourceRef(titled.group("name"), None, "person")]
        words = phrase.split()
        if not words or len(phrase) < 2 or len(words) > 6 \
                or words[0].lower() in ("its", "his", "her", "their") \
                or _NOT_A_PARTY_START.fullmatch(words[0]) \
                or _NUMBER_OR_QUOTE.search(phrase) \
                or FINITE_WORD.search(phrase) or NOT_A_NAME.fullmatch(words[0]):
            return None
        name = UNLISTED_NAME.search(phrase)
        if name and not NOT_A_NAME.match(name.group(0)) and \
                not FRONTED.match(name.group(0) + " "):
            found = name.group(0)
            role = ROLE_BEFORE_NAME.match(found)
            while role and len(found[role.end():].split()) > 1:
                # "Deputy Defence Minister Ivan Havryliuk": the person, not the title
                found = found[role.end():]
                role = ROLE_BEFORE_NAME.match(found)
            kind = "organization" if len(found.split()) != 2 or \
                re.search(ORG_WORDS, found, re.I) else "person"
            owner = _OWNER_BEFORE_NAME.match(found)
            country = [x for x in self.g.lookup(owner.group(1)) if x.type == "GPE"] \
                if owner else []
            if owner and country:  # "Japan's Joint Staff" -> "Joint Staff (Japan)"
                body = found[owner.end():]
                field = _FIELD_MINISTRY.fullmatch(body)
                if field:  # "Peru's Transport Ministry": named as national bodies are
                    body = f"Ministry of {field.group(1).strip()}"
                found = canonical_ministry(f"{body} ({country[0].name})")
            return [SourceRef(found, None, kind)]
        office = PLACE_ROLE.search(phrase)
        if office and any(x.type in ("GPE", "LOC") for x in self.g.lookup(office.group("place"))):
            # "the Homs governor", "Aleppo's mayor": the office, named as "Governor of Homs"
            return [SourceRef(f"{office.group('role').title()} of {office.group('place')}",
                              None, "anonymous")]
        if SPEAKING_GROUP.search(phrase) and phrase[:1].isalpha() and len(words) > 1:
            owner = _OWNER_BEFORE_GROUP.match(phrase)
            country = [x for x in self.g.lookup(owner.group(1)) if x.type == "GPE"] \
                if owner else []
            field = LOCAL_DEPARTMENT.fullmatch(phrase[owner.end():]) if owner else None
            if owner and country and country[0].kind != "country" and field:
                # "Moscow's health department": a city's or a region's own department,
                # named as such bodies name themselves
                return [SourceRef(f"{owner.group(1)} {field.group(2).title()} of "
                                  f"{field.group(1).title()}", None, "organization")]
            if owner and country:
                # "Estonia's foreign intelligence service": the body, its country bracketed
                return [SourceRef(f"{phrase[owner.end():]} ({country[0].name})", None,
                                  "organization")]
            return [SourceRef(_POSSESSIVE_ENDING.sub("", phrase), None, "anonymous")]
        return None

    def remember(self, sent: Span, attribution: Attribution) -> None:
        for m in self.starting_in(sent.start, sent.end):
            if sent.start <= m.start < sent.end:
                e = self.entities.get(m.entity_id)
                if e is None:
                    continue
                if e.type == "PERSON":
                    self.last_person = e
                    self.last_person_refs = None
                elif e.type == "ORG" and e.kind != "outlet" and e.name not in PLATFORMS:
                    self.last_org = e  # a platform never speaks: "it" is who posted there
                    self.last_org_refs = None
        chain = attribution.chain
        if attribution.explicit and len(chain) > 1 and chain[0].kind == "person":
            for r in chain[1:]:
                if r.kind not in ("person", "outlet", "anonymous", "government"):
                    self.heads.setdefault(r.name, chain[0])
        if attribution.explicit and attribution.chain:
            self._count_country(attribution.chain[0])
        if attribution.chain and (attribution.explicit or attribution.chain[0].kind != "outlet"):
            # the outlet's own sentences leave "the survey", "it" to the party quoted last
            self.last_chain = list(attribution.chain)
            first = attribution.chain[0]
            if first.kind == "person" and first.entity_id in self.entities:
                self.last_person = self.entities[first.entity_id]
                self.last_person_refs = None
            elif attribution.explicit and first.kind == "person" and first.entity_id is None:
                self.last_person_refs = list(attribution.chain)
            elif attribution.explicit and first.kind not in ("person", "anonymous", "outlet") \
                    and first.entity_id in self.entities \
                    and self.entities[first.entity_id].type == "ORG":
                # the body that spoke, rather than one it merely mentioned, is "the agency"
                self.last_org = self.entities[first.entity_id]
                self.last_org_refs = None
            elif attribution.explicit and first.kind not in ("person", "anonymous", "outlet") \
                    and first.entity_id is None:
                self.last_org_refs = list(attribution.chain)

    def outlet(self) -> list[SourceRef]:
        return [SourceRef(self.site, None, "outlet")] if self.site else []
