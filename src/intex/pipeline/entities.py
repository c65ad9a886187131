"""Entities: gazetteer look-up, roles and titles, demonyms, and names found by their shape.

Every mention is resolved to one canonical entity: "Zelenskyi", "Zelenskyy" and "the
President of Ukraine" become Volodymyr Zelensky. Names outside the gazetteer are found
by how reports introduce people and bodies (titles, appositions, speech verbs, the head
words of organisations) and linked within the report by surname.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import date

from rapidfuzz import fuzz

from intex.gazetteer import Gazetteer, default_gazetteer
from intex.gazetteer.loader import Hit
from intex.gazetteer.normalize import CYRILLIC, TOKEN, fold, key, lemma, stems
from intex.model import Entity, Mention
from intex.model.ids import entity_id
from intex.pipeline.alternation import grouped
from intex.pipeline.component import component
from intex.pipeline.doc import Doc
from intex.pipeline.entity_furniture import in_furniture
from intex.pipeline.entity_shapes import GENERIC_BODIES, Shape, ShapeFinder, ministry_of
from intex.pipeline.memo import Memo
from intex.pipeline.prefilter import SLOW_SCAN, Prefiltered, prefiltered, with_start_test

DIRECTION = re.compile(r"\b(north|south|east|west|central|north-east|north-west|south-east|"
                       r"south-west|northeast|northwest|southeast|southwest)(?:ern)?$", re.I)
TITLES = (
    r"President|Vice President|Prime Minister|Deputy Prime Minister|Minister|Deputy Minister|"
    r"Foreign Minister|Defence Minister|Defense Minister|Secretary|Defense Secretary|"
    r"Defence Secretary|Secretary of State|General|Gen\.|Lt\. Gen\.|Lieutenant General|"
    r"Major General|Maj\. Gen\.|Brig\. Gen\.|Colonel|Col\.|Lt\. Col\.|Major|Maj\.|Captain|"
    r"Capt\.|Admiral|Adm\.|Sergeant|Sgt\.|Commander|Chancellor|Ambassador|Governor|Gov\.|"
    r"Mayor|Senator|Sen\.|Representative|Rep\.|Congressman|Congresswoman|lawmaker|MP|"
    r"legislator|spokesman|spokeswoman|spokesperson|Spokesman|Spokeswoman|Spokesperson|"
    r"governor|mayor|commander|chief|Chief|head|Head|director|Director|ambassador|analyst|"
    r"expert|envoy|Envoy|deputy|Deputy|adviser|Adviser|advisor|Advisor|Dr\.|Mr\.|Mrs\.|Ms\.|"
    r"Pope|King|Queen|Prince|Sheikh|Marshal|minister|ombudsman|Ombudsman|chairman|Chairman|"
    r"chairwoman|Chairwoman|speaker|Speaker|official|officer|researcher|professor|Professor|"
    r"journalist|correspondent|colonel|general|sergeant|lieutenant|captain|major|aide|Aide|"
    # "gang leader X", "community leader X", "Presidents X of Guyana and Y of Venezuela",
    # "Police Commissioner X", ranks written without their stop ("Brig Gen X") and the
    # ranks of South Asian armies ("Havildar X", "Sepoy X")
    r"leader|Presidents|Commissioner|Gen|Brig|Col|Havildar|Sepoy|Naik"
)
# the capitalised titles, one word each: what a list of places never runs into
TITLE_WORDS = {t.replace("\\", "") for t in TITLES.split("|")
               if t[:1].isupper() and " " not in t}
# letters of Latin names with accents: "Grégoire", "Félix", "Ángel"
LOWER = "a-zß-öø-ÿ"
NAME_WORD = (rf"(?:[A-ZÀ-ÖØ-Þ][{LOWER}'’]+(?:-[A-Za-zÀ-ÖØ-Þ][{LOWER}'’]+)?|[A-Z]\.|"
             rf"[A-Z][{LOWER}]*[A-Z][{LOWER}]+)")
# titles stack: "IDF spokesman Rear Adm. Daniel Hagari", "army chief Lt. Gen. Ali Said"
RANK_MODIFIERS = r"Rear|Vice|Brigadier|Acting|Senior|Chief|First|Lieutenant|Lt\.|Staff"
_TITLES = grouped(TITLES, ignore_case=False)  # the same titles, tried a letter at a time
# (a title and its name share a paragraph: "Navy spokesperson" over "Thu 7 Mar" is a
# poster line above a time stamp, "Mr Speaker" over "Order." a transcript's turn)
TITLED_NAME = re.compile(rf"\b(?:{_TITLES})(?:\s+(?:{_TITLES}|{RANK_MODIFIERS}))*"
                         rf"(?:[ \t]+|[ \t]*\n[ \t]*)"
                         rf"(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}})")
SPEECH_AFTER = re.compile(
    r"^\s*,?\s*(?:\w+\s+){0,1}(?:said|says|told|added|noted|stated|wrote|claimed|confirmed|"
    r"warned|explained|reported|announced|stressed|emphasized|emphasised|insisted|argued|"
    r"believes|estimated|estimates|assessed|denied|revealed|posted|commented)\b")
# a person's age in apposition: "Mira Halden, 34, said", "shot Aram Vesk, 40, as he"
AGE_AFTER = re.compile(r",[ \t]+\d{1,2},")
# "identified by police as Tomas Reiner", "names the dead officer as Piet Loran"
NAMED_AS = re.compile(r"\b(?:identified|named|names)\b[^.,;\n]{0,30}?\bas[ \t]+$")
PERSON_BEFORE_SPEECH = re.compile(rf"(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}})$")
SPEECH_BEFORE = re.compile(r"\b(?:said|says|according to|told|added|noted|wrote|quoted|"
                           r"citing|cited)\s+$")
ORG_HEADS = (
    "Ministry", "Agency", "Service", "Directorate", "Command", "Council", "Committee",
    "Institute", "Office", "Department", "Forces", "Army", "Brigade", "Corps", "Guard", "Bank",
    "Fund", "University", "Center", "Centre", "Commission", "Organization", "Organisation",
    "Union", "Party", "Group", "Administration", "Staff", "Police", "Court", "Parliament",
    "Assembly", "Bureau", "Authority", "Network", "Foundation", "Association", "Battalion",
    "Regiment", "Division", "Fleet", "Navy", "Headquarters", "Mission", "Programme", "Program",
    "Initiative", "Coalition", "Alliance", "Federation", "Society", "Project", "Tribunal",
    "Prosecutor's", "Secretariat", "Cabinet", "Senate", "Duma", "Rada", "Monitor", "Watch",
    # armed groups and relief bodies: "Popular Front", "Qassam Brigades", "Red Crescent"
    "Front", "Movement", "Brigades", "Crescent", "Observatory", "Militia", "Militias", "Force",
    "School", "Academy", "Company", "Corporation", "Congress", "Unit",
    # "the Kurdistan Regional Government", "the Serbian Orthodox Diocese of Raška-Prizren",
    # "the Strategic Framework for the Defence of ...", "the Sinaloa Cartel"
    "Government", "Diocese", "Cartel",
    # a ship's owner or manager: "Eastern Star Shipping", "Third January Maritime"
    "Shipping",
)
ORG_HEAD_WORD = re.compile(rf"\b(?:{'|'.join(ORG_HEADS)})\b")
# Arabic names keep their article: "Ahrar al-Sham Movement", "Jaish al-Adl"
ARTICLE_WORD = r"(?:al|el|ad|ash|as|an|ar|at|az|ul|wal)-[A-Z][\w'’-]*"
_ORG_HEADS = grouped("|".join(ORG_HEADS), ignore_case=False)  # tried a letter at a time
# a name led by a Spanish article, in an English report: a gang's, a cartel faction's or a
# paper's ("Los Choneros", "Los Lobos", "La Mayiza"); places so named are the gazetteer's
# ("Los Angeles", "La Paz")
ARTICLE_LED = re.compile(r"(?<![\w'’-])(?P<name>(?:Los|Las|La)[ \t][A-Z][\w'’-]+)\b")
# a list of places: "Kobani, Ain Issa, Tel Tamr, Hasakah, Qamishli, Amuda, al-Qahtaniyah and
# Derik", "between Alupka and Katsiveli". When two of its names (or one of up to three) are
# towns the gazetteer knows, and none a person or a body, the others are towns too, too
# small for any list
LIST_NAME = r"(?:(?:al|el|as|ad|ar|ash|an|at|az)-)?[A-Z][\w'’-]+(?:[ \t][A-Z][\w'’-]+)?"
# a list the words before it say are regions: "three territories of North Kivu province — "
REGIONS_NAMED = re.compile(r"\b(?P<head>regions|territories|districts|provinces|oblasts|"
                           r"states|counties|governorates|departments)\b[^.\n]*[—–:][ \t]*$")
# (found by its last name, " and Derik", then read back from there: "and" before a capital
# is far rarer than a capital)
PLACE_LIST = re.compile(rf" and[ \t]+{LIST_NAME}(?![\w'’-])")  # a literal first: found fast
LIST_BEFORE_AND = re.compile(rf"(?<![\w'’-]){LIST_NAME}(?:,[ \t]+{LIST_NAME})*,?$")
# a body named head first: "the Secretariat of National Defence", "the Government of National
# Unity", "the regional Ministry of Natural Resources" (with no capitalised word before it,
# which ORG_NAME asks for)
ORG_HEAD_SET = frozenset(ORG_HEADS)
OF_NAME = re.compile(r" (?:of|for) (?:the )?[A-Z]")  # a literal first: found fast
HEAD_OF = re.compile(
    rf"(?<![\w'’-])(?P<name>(?:{_ORG_HEADS})[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?"
    rf"[A-Z][\w'’-]*+(?:[ \t]+(?:[A-Z][\w'’-]*+|(?:of|for|and|the|de|del)(?=[ \t]+[A-Z])))*)")
# (a capitalised word is taken whole, *+: only white space follows it, which no letter
# given back could be; entity_shapes.CAP says more)
ORG_NAME = re.compile(
    rf"\b(?:the[ \t]+)?(?P<name>(?:\d+(?:st|nd|rd|th)[ \t]+(?=[A-Z]))?"
    rf"(?:[A-Z][\w'’.-]*+|of|the|for|and|on|de|in)"
    rf"(?:[ \t]+(?:[A-Z][\w'’.-]*+|{ARTICLE_WORD}|of|"
    rf"the|for|and|on|in|\d+(?:st|nd|rd|th)))*[ \t]+(?:{_ORG_HEADS})\b(?:[ \t]+(?:of|for)"
    rf"(?:[ \t]+the)?(?:[ \t]+[A-Z][\w'’-]*+)+)?)")
STOP_CAPS = {
    "The", "A", "An", "In", "On", "At", "By", "For", "From", "To", "Of", "And", "But", "Or",
    "As", "It", "He", "She", "They", "We", "I", "This", "That", "These", "Those", "There",
    "His", "Her", "Their", "Its", "Our", "My", "Your", "After", "Before", "During", "Since",
    "While", "When", "Where", "What", "Who", "Why", "How", "According", "Meanwhile", "However",
    "Also", "Earlier", "Later", "Today", "Yesterday", "Monday", "Tuesday", "Wednesday",
    "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April",
    "May", "June", "July", "August", "September", "October", "November", "December", "Oct",
    "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Photo",
    "Read", "Video", "Update", "Updated", "Published", "Category", "News", "Live", "Breaking",
    "President", "Minister", "General", "Mr", "Mrs", "Ms", "Dr", "Sources", "Officials",
    "Western", "Eastern", "Northern", "Southern", "Central", "Ukrainian", "Russian", "Some",
    "Most", "Many", "All", "Both", "Each", "Several", "About", "Around", "Over", "Under",
    "Up", "More", "Less", "Nearly", "Almost", "Only", "Just", "Still", "Even", "If", "Unlike",
    "Despite", "Although", "Though", "With", "Without", "Amid", "Among", "Between",
    "Through", "Across", "Against", "Toward", "Towards", "Within", "Points", "Attention",
    "Key", "Summary", "Home", "Politics", "World", "War", "Ukraine", "Kyiv", "Top", "Latest",
}


@dataclass
class _Found:
    start: int
    end: int
    entry_id: str
    why: str
    name: str = ""  # a name found by its shape, when not the words as written


# a role several countries' bodies share, in a report that names none of their countries:
# no body is picked, and the words are left to be found as a name of their own
UNPLACED = "role-unplaced"

class EntityFinder:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.g = gazetteer
        self.shapes = ShapeFinder(gazetteer)
        # answers that depend on the gazetteer alone, which does not change once loaded:
        # names and spellings recur from report to report
        self._best_of: Memo[tuple[tuple[Hit, ...], tuple[str, ...]], Hit] = Memo(
            lambda memo: _best(memo[0], memo[1], gazetteer))
        self._fuzzy_gazetteer: Memo[str, Entity | None] = Memo(self._fuzzy_lookup)
        # a body's name recurs in report after report ("Ukraine's General Staff")
        self._countries_in: Memo[str, tuple[Entity, ...]] = Memo(
            lambda name: tuple(self._countries_inside(name)))
        self._regions_by_base: dict[str, str] | None = None

    def _shape(self, sh: Shape) -> tuple[_Found, Entity | None]:
        if sh.entry_id:
            return _Found(sh.start, sh.end, sh.entry_id, "alias"), None
        return (_Found(sh.start, sh.end, "", "pattern"),
                Entity(entity_id(sh.type, sh.name), sh.name, sh.type, country=sh.country,
                       kind=sh.kind))

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        lang = doc.language if doc.language in ("uk", "ru") else None
        toks = [(m.group(0), m.start(), m.end()) for m in TOKEN.finditer(text)]
        folded = _folded([t for t, _, _ in toks], lang)
        cyrillic = CYRILLIC.search(text) is not None  # lemma() leaves other words alone
        for j in range(len(toks) - 1 if cyrillic else 0):  # "Курській області" is "Курська область"
            if lemma(toks[j + 1][0]) == "область":
                folded[j], folded[j + 1] = fold(lemma(toks[j][0]), lang), fold("область")
        taken = [False] * len(text)
        ships = {m.group("name") for m in SHIP.finditer(text)}
        for ship in ships:  # "the M/V Gibraltar Eagle": a ship names no place, nor a person
            for m in re.finditer(rf"(?<![\w'’-]){re.escape(ship)}(?![\w'’-]|[ \t][A-Z])", text):
                taken[m.start():m.end()] = [True] * (m.end() - m.start())
        found: list[_Found] = []
        extra: list[tuple[_Found, Entity]] = []  # places found by their shape
        for m in ON_X.finditer(text):  # "wrote on X": the platform, named by one letter
            extra.append((_Found(m.start("x"), m.end("x"), "", "pattern"),
                          Entity(entity_id("ORG", "X"), "X", "ORG", kind="company")))
            taken[m.start("x")] = True
        shaped = [*self.shapes.acronyms(text), *self.shapes.bodies(text)]
        for f, ent in [*map(self._shape, shaped), *self._place_shapes(text, lang),
                       *map(self._shape, self.shapes.places(text))]:
            if not any(taken[f.start:f.end]):
                (found.append(f) if ent is None else extra.append((f, ent)))
                for p in range(f.start, f.end):
                    taken[p] = True
        forced = list(taken)
        seen_ids: set[str] = {f.entry_id for f in found}
        pending_weak: list[tuple[int, int, str]] = []
        i = 0
        role_at = -1
        starts = self.g.max_len_from
        # the words that start a gazetteer name, listed once: the loop goes from one to
        # the next instead of stepping over each word between
        starting = [j for j, f in enumerate(folded) if f in starts]
        while i < len(toks):
            # most words start no gazetteer name: nothing to look up (an inflected
            # Cyrillic place name, which _match also tries, needs Cyrillic in the text)
            if folded[i] not in starts and not cyrillic:
                k = bisect_left(starting, i)
                if k == len(starting):
                    break
                i = starting[k]
            if forced[toks[i][1]]:
                i += 1
                continue
            hit = self._match(toks, folded, i, text, lang, roles=i != role_at)
            if hit:
                n, h = hit
                s, e = toks[i][1], toks[i + n - 1][2]
                entry = self.g.entries[h.entry_id]
                if entry.type == "ORG" and n == 1 and toks[i][0] in BODY_WORDS and \
                        self._named_before(text, toks, i):
                    i += n  # "the Rakhine Ethnic Congress": another body, named in full
                    continue
                if entry.type == "ORG" and h.why == "alias" and \
                        toks[i + n - 1][0] in ORG_HEADS and \
                        self._named_before(text, toks, i, places=True):
                    # "the Kurdistan Workers' Party" is not the Workers' Party of Korea:
                    # another body's name ends with the words, read whole by its head word
                    i += n
                    continue
                if entry.type == "PERSON" and h.why == "alias" and n == 1 and \
                        self._named_before(text, toks, i) and \
                        fold(toks[i - 1][0]) not in {fold(w) for w in entry.name.split()}:
                    i += n  # "Major General Athar Abbas" is not Mahmoud Abbas
                    continue
                if entry.type == "ORG" and i + n < len(toks) and toks[i + n][0] == "Charter":
                    i += n  # "the UN Charter": a document's name, not the body
                    continue
                if h.why == "demonym" and _inside_name(text, toks, i, n):
                    i += n  # "the Saudi Hospital", "the Russian Declaration"
                    continue
                if entry.type in ("GPE", "LOC") and h.why == "alias" and (
                        _inside_name(text, toks, i, n)
                        or not self._place_here(entry, text, toks, i, n)):
                    i += n
                    continue
                if h.why == "role" and entry.type == "PERSON":
                    holder = self._role_holder(tuple(folded[i:i + n]), text, e,
                                               doc.reference_date)
                    if holder is None:
                        role_at = i  # "Acting Pentagon press secretary Todd Breasseale"
                        continue
                    h = replace(h, entry_id=holder)
                if entry.kind == "outlet" and _dateline(text, s, e):
                    i += n  # "SEOUL, Oct. 29 (Yonhap) --": the wire's stamp, not the story
                    continue
                if h.weak and h.entry_id not in seen_ids:
                    pending_weak.append((s, e, h.entry_id))
                else:
                    found.append(_Found(s, e, h.entry_id, h.why))
                    seen_ids.add(h.entry_id)
                    for p in range(s, e):
                        taken[p] = True
                # a role may hold a body's name ("head of the Main Directorate of
                # Intelligence", "Pentagon spokesman"): look inside it too
                if h.why == "role":
                    role_at = i
                else:
                    i += n
            else:
                i += 1
        for s, e, eid in pending_weak:  # a surname alone counts once the full name is known
            if eid in seen_ids:
                found.append(_Found(s, e, eid, "alias"))
                for p in range(s, e):
                    taken[p] = True
        found = [self._role_in_country(f, found, text, doc.reference_date)
                 if f.why == "role" else f for f in found]
        seen_ids |= {f.entry_id for f in found}
        for f in found:  # a shared role no place decides ("the Defense Ministry") stays a name
            if f.why == UNPLACED:
                taken[f.start:f.end] = [False] * (f.end - f.start)
        found = [f for f in found if f.why != UNPLACED and
                 (f.why != "role" or self._country_named(f, seen_ids)) and
                 # "the National Police" in a report about Finland is not Ukraine's: a
                 # body every country has, by its bare name, needs its country named
                 not (f.why == "alias" and self._generic_elsewhere(f, text, seen_ids))]
        found = self._regions_for_cities(found, text)
        entities: dict[str, Entity] = {}
        mentions: list[Mention] = []

        def add(f: _Found, entity: Entity) -> None:
            entities.setdefault(entity.id, entity)
            mentions.append(Mention(entity.id, f.start, f.end, text[f.start:f.end], f.why))

        for f in found:
            entry = self.g.entries[f.entry_id]
            sided = self._direction(f, entry, text)
            if sided is not None:
                add(*sided)
                if entry.kind != "country":
                    continue  # "the eastern Mediterranean" names a part, not the sea
            add(f, Entity(entry.id, entry.name, entry.type, country=entry.country,
                          kind=entry.kind))
        for f, ent in extra:
            add(f, ent)
        # names outside the gazetteer
        def places_only(s: int, e: int, head_end: int | None = None) -> bool:
            """Whether only places and peoples the gazetteer read stand in s..e, wholly: "the
            Amhara Association of America" is a body, Amhara a word of its name."""
            if POSSESSIVE.search(text, s, e):
                return False  # "Japan's Joint Staff": the owner, not a word of the name
            inside = [m for m in mentions if m.start < e and m.end > s]
            # the head word is the body's own ("the West Bank" is a place, all of it)
            if head_end is None:  # the head word, else the last word ("Lahore News")
                head = ORG_HEAD_WORD.search(text, s, e)
                head_end = head.end() if head else e
            return bool(inside) and all(
                s <= m.start and m.end <= e and not m.start < head_end <= m.end
                and entities[m.entity_id].type in ("GPE", "LOC")
                for m in inside) and sum(taken[s:e]) == sum(m.end - m.start for m in inside)

        for f, etype in self._shapes(text, taken, places_only):
            if any(f.start <= m.start < f.end for m in mentions):
                mentions[:] = [m for m in mentions if not f.start <= m.start < f.end]
            name = f.name or text[f.start:f.end]
            ent = self._link_surname(name, entities) if etype == "PERSON" else None
            if ent is None:
                ent = Entity(entity_id(etype, name), name, etype, kind="person"
                             if etype == "PERSON" else "organization")
            add(f, ent)
            for p in range(f.start, f.end):
                taken[p] = True
        # surnames alone and spelling variants of people already found
        people = {e.id: e for e in entities.values() if e.type == "PERSON"}  # as found so far
        for m in re.finditer(rf"\b{NAME_WORD}\b", text):
            if taken[m.start()] or m.group(0) in STOP_CAPS or len(m.group(0)) < 3:
                continue
            ent = self._link_surname(m.group(0), people) or \
                self._fuzzy_gazetteer(m.group(0))
            if ent is not None:
                add(_Found(m.start(), m.end(), ent.id, "alias"), ent)
                for p in range(m.start(), m.end()):
                    taken[p] = True
        self._minor_places(text, toks, folded, taken, entities, add)
        mentions = [m for m in mentions if not in_furniture(m, entities[m.entity_id], text,
                                                          doc.site)]
        mentions.sort(key=lambda m: m.start)
        named = {m.entity_id for m in mentions}
        doc.mentions = mentions
        doc.entities = {k: e for k, e in entities.items() if k in named}
        for m in mentions:  # "South Korea's spy agency" names South Korea too, and "the
            # Thai–Cambodian border" both countries
            if doc.entities[m.entity_id].type == "ORG" or doc.entities[m.entity_id].kind == \
                    "border":
                for ent in self._countries_in(m.text):
                    doc.entities.setdefault(ent.id, ent)
        return doc

    def _minor_places(self, text: str, toks, folded: list[str], taken: list[bool],
                      entities: dict[str, Entity], add) -> None:
        """Towns too small to be read in any report, read in one that names their country
        ("Pathankot" in a report about India): last, where no other reading took the words,
        capitalised, not starting a sentence, not a word of a person's name the report
        gives, and standing as a place stands (_place_here)."""
        starts, by_word = self.g.minor_from, self.g.minor_countries
        countries = {e.country for e in entities.values()
                     if e.type in ("GPE", "LOC") and e.country}
        # most reports hold none or a few: words that start a town of a country named
        cands = {w for w in starts.keys() & set(folded) if not by_word[w].isdisjoint(countries)}
        if not cands:
            return
        people = {fold(w) for e in entities.values() if e.type == "PERSON"
                  for w in e.name.split()}
        # "Chitral district" named, a bare "Chitral" is the district (as _regions_for_cities)
        regions = {}
        for ent in entities.values():
            words = ent.name.split()
            if ent.type == "LOC" and len(words) > 1 and words[-1].lower() in REGION_HEAD_WORDS:
                regions[key(" ".join(words[:-1]))] = ent
        after = -1
        for i in [i for i, w in enumerate(folded) if w in cands]:
            word, s, _ = toks[i]
            if i <= after or taken[s] or not word[:1].isupper() or word in STOP_CAPS:
                continue
            for n in range(min(starts[folded[i]], len(toks) - i), 0, -1):
                k = tuple(folded[i:i + n])
                places = [p for p in self.g.minor.get(k, ()) if p.country in countries]
                e = toks[i + n - 1][2]
                if not places or any(taken[s:e]) or self.g.index.get(k) or \
                        any(c in text[s:e] for c in ",;\n") or \
                        not all(t[:1].isupper() for t, _, _ in toks[i:i + n]) or \
                        (n == 1 and (folded[i] in people or _written_lower(text, word))) or \
                        _sentence_start(text, s) or \
                        MINOR_NOT_BEFORE.search(text, max(0, s - 30), s):
                    # "Post" where "post" is a word; "the Mason", "Cape of Good Hope"
                    continue
                best = max(places, key=lambda p: p.population)
                ent = Entity(best.id, best.name, "GPE", country=best.country, kind="city")
                # "the destroyers Gravely, Laboon and Mason": a list's other items say what
                # its names are
                sib = LIST_BEFORE.search(text, max(0, s - 80), s) or LIST_AFTER.match(text, e)
                if sib and not self._any_place(sib.group("sib")):
                    continue
                line_start = text.rfind("\n", 0, s) + 1
                line_end = text.find("\n", e)
                if _title_case(text[line_start:line_end if line_end >= 0 else len(text)]) or \
                        _inside_name(text, toks, i, n) or \
                        not self._place_here(ent, text, toks, i, n):
                    continue  # "Follow Gulf Defense Post on X": a title-case line's capitals
                ent = regions.get(k, ent)
                add(_Found(s, e, ent.id, "alias"), ent)
                taken[s:e] = [True] * (e - s)
                after = i + n - 1
                break

    def _direction(self, f: _Found, entry, text: str) -> tuple[_Found, Entity] | None:
        """'eastern Russia', 'southern Ukraine', 'the eastern Mediterranean': a direction
        before a country or a sea makes a region of its own."""
        # a sea or a region across borders; a country's own divisions keep their name
        # ("northeastern Kharkiv region" is Kharkiv Oblast)
        if f.why != "alias" or not (entry.kind == "country" or (
                entry.kind == "region" and entry.type == "LOC" and entry.country is None)):
            return None
        m = DIRECTION.search(text[max(0, f.start - 16):f.start].rstrip())
        if not m or text[f.start - 1] != " ":
            return None
        s = f.start - 16 + m.start() if f.start >= 16 else m.start()
        # a country by its canonical name ("eastern Russia"), a sea as written
        # ("eastern Mediterranean", not "eastern Mediterranean Sea")
        base = entry.name if entry.kind == "country" else text[f.start:f.end]
        name = f"{m.group(0).lower()} {base}"
        return (_Found(s, f.end, "", "pattern"),
                Entity(entity_id("LOC", name), name, "LOC", country=entry.country,
                       kind="region"))

    def _countries_inside(self, name: str) -> list[Entity]:
        """Countries a body's name holds ("UK Ministry of Defence", "Ethiopian Human Rights
        Commission"): the report names them, though the body's mention covers the words."""
        toks = [(t.group(0), t.start(), t.end()) for t in TOKEN.finditer(name)]
        out = []
        for i in range(len(toks)):
            for n in (3, 2, 1):
                if i + n > len(toks) or not toks[i][0][:1].isupper():
                    continue
                k = tuple(fold(t) for t, _, _ in toks[i:i + n])
                hits = [h for h in self.g.index.get(k, []) if h.why in ("alias", "demonym")
                        and self.g.entries[h.entry_id].kind == "country"
                        and _case_ok(h, [t for t, _, _ in toks[i:i + n]], name,
                                     toks[i][1], toks[i + n - 1][2])]
                # "Yemen's Houthi-run health ministry": who runs it is named too
                if not hits and re.match(r"-(?:run|led|controlled|backed)\b",
                                         name[toks[i + n - 1][2]:]):
                    hits = [h for h in self.g.index.get(k, []) if h.why == "alias"
                            and self.g.entries[h.entry_id].type == "ORG"]
                if hits:
                    e = self.g.entries[hits[0].entry_id]
                    out.append(Entity(e.id, e.name, e.type, country=e.country, kind=e.kind))
                    break
        return out

    def _role_holder(self, k: tuple[str, ...], text: str, end: int,
                     on: date | None) -> str | None:
        """Who a person's role phrase stands for: the holder it titles ("British Defence
        Secretary Ben Wallace", whenever the report), else whoever held it on the report's
        date (now, undated); None for someone else's title or an office nobody known held."""
        m = re.match(rf"[ \t]+({NAME_WORD}(?:[ \t]+{NAME_WORD})+)", text[end:end + 60])
        if m and m.group(1).split()[0] not in STOP_CAPS:
            named = {h.entry_id for h in self.g.index.get(key(m.group(1)), [])}
            return next((i for i in sorted(self.g.tenures.get(k, {})) if i in named), None)
        holders = self.g.holders(k, on)
        return holders[0] if holders else None

    def _role_in_country(self, f: _Found, found: list[_Found], text: str,
                         on: date | None) -> _Found:
        """A role several countries' bodies share ("the MoD"): the body of the country the
        dateline names, else the one the report named last before it, else any it names.
        Only those holding it on the report's date count; a role its holder's name follows
        stays theirs."""
        k = tuple(fold(m.group(0)) for m in TOKEN.finditer(text[f.start:f.end]))
        options = self.g.holders(k, on)
        if len(options) < 2 or f.entry_id not in options:
            return f
        # "only the defence ministry could speak": a body the report already named in full
        named = [g for g in found if g.why != "role" and g.entry_id in options]
        if named:
            before = [g for g in named if g.start < f.start]
            pick = max(before, key=lambda g: g.start) if before else named[0]
            return _Found(f.start, f.end, pick.entry_id, f.why)
        by_country: dict[str | None, str] = {}
        for i in options:  # in id order: the first of a country's holders, every run
            by_country.setdefault(self.g.entries[i].country, i)
        places = sorted((g for g in found if g.why != "role" and self.g.entries[g.entry_id].type
                         in ("GPE", "LOC") and self.g.entries[g.entry_id].country in by_country),
                        key=lambda g: (not _dateline_place(text, g.start, g.end),
                                       g.start >= f.start,
                                       -g.start if g.start < f.start else g.start))
        if not places:  # several countries' bodies and nothing saying whose
            return _Found(f.start, f.end, f.entry_id, UNPLACED) if len(by_country) > 1 else f
        return _Found(f.start, f.end, by_country[self.g.entries[places[0].entry_id].country],
                      f.why)

    def _generic_elsewhere(self, f: _Found, text: str, seen_ids: set[str]) -> bool:
        """A national body found by the bare name every country's body has ("National
        Police", "General Staff") in a report that never names its country."""
        entry = self.g.entries[f.entry_id]
        return entry.type == "ORG" and bool(entry.country) and \
            re.sub(r"\s+", " ", text[f.start:f.end]).lower() in GENERIC_BODIES and \
            not self._country_named(f, seen_ids)

    def _country_named(self, f: _Found, seen_ids: set[str]) -> bool:
        """A role ("the General Staff") stands for a body only in a report about its country."""
        code = self.g.entries[f.entry_id].country
        if not code or self.g.country_by_code.get(code) in seen_ids:
            return True
        # a report from Kyiv about Kyiv's districts is about Ukraine, named or not
        return any(self.g.entries[i].country == code and self.g.entries[i].type in ("GPE", "LOC")
                   and i in self.g.entries for i in seen_ids)

    def _match(self, toks, folded, i: int, text: str, lang: str | None, roles: bool = True):
        """The longest gazetteer name starting at token i, as (length, hit)."""
        for n in range(min(self.g.max_len_from.get(folded[i], 0), len(toks) - i), 0, -1):
            k = tuple(folded[i:i + n])
            hits = self.g.index.get(k)
            if hits and not roles:
                hits = [h for h in hits if h.why != "role"]
            if not hits:
                continue
            if n > 1 and any(c in text[toks[i][1]:toks[i + n - 1][2]] for c in ",;\n"):
                continue  # "In Washington, State Department ...": no name runs over a comma
            surface = [t for t, _, _ in toks[i:i + n]]
            ok = [h for h in hits if _case_ok(h, surface, text, toks[i][1], toks[i + n - 1][2])]
            if ok:
                return n, self._best(ok, k)
        # an inflected Cyrillic place name: "у Сумах", "в Одесі"
        word = toks[i][0]
        if word[:1].isupper():
            for stem in stems(word):
                places = [h for h in self.g.index.get((fold(stem, lang),), [])
                          if h.why == "alias" and self.g.entries[h.entry_id].type in ("GPE", "LOC")]
                if places:
                    return 1, self._best(places, (fold(stem, lang),))
        return None

    def _place_here(self, entry, text: str, toks, i: int, n: int) -> bool:
        """Whether a town's name stands for the town here, not for part of a longer name
        ("Pokrovsk City Military Administration", "Lloyd Austin", "Vladimir Medinsky")."""
        if text[toks[i + n - 1][2]:toks[i + n - 1][2] + 1] == "$":
            return False  # "US$2.3 billion" is a currency
        if entry.kind == "country":
            return True
        if ADDRESSED.search(text[max(0, toks[i][1] - 12):toks[i][1]]):
            return False  # "Thank you, Farah": a transcript's speaker thanks a person
        line_start = text.rfind("\n", 0, toks[i][1]) + 1
        line_end = text.find("\n", toks[i + n - 1][2])
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        if _title_case(line):
            return True
        nxt = toks[i + n] if i + n < len(toks) else None
        if nxt and text[toks[i + n - 1][2]:nxt[1]] == " " and nxt[0][:1].isupper() and \
                nxt[0] not in STOP_CAPS and nxt[0] not in PLACE_FOLLOWERS and \
                not (nxt[0] == "City" and not re.match(r" [A-Z]", text[nxt[2]:nxt[2] + 2])):
            return False
        prev = toks[i - 1] if i > 0 else None
        if prev and i > 1 and prev[0] in NAME_PARTICLES and \
                text[toks[i - 2][2]:toks[i][1]] == f" {prev[0]} " and toks[i - 2][0][:1].isupper():
            return False  # "Praia" in "Mocimboa da Praia", "Zor" in "Deir ez Zor"
        if prev and text[prev[2]:toks[i][1]] == " " and re.fullmatch(NAME_WORD, prev[0]) and \
                prev[0] not in STOP_CAPS and not _sentence_start(text, prev[1]) and \
                not self._is_place_word(prev[0]):
            return False
        if fold(entry.name) in GIVEN_NAME_PLACES:  # "Vladimir" is a man until "in Vladimir"
            return bool(re.search(r"\b(?:in|near|to|from|over|of|outside|around|towards?)\s+$",
                                  text[max(0, toks[i][1] - 12):toks[i][1]]))
        return True

    def _named_before(self, text: str, toks, i: int, places: bool = False) -> bool:
        """Whether capitalised words no gazetteer name ends with stand right before token i
        ("Rakhine Ethnic" before "Congress"), making it part of a longer name; with
        ``places``, a place's name too ("Kurdistan" before "Workers' Party")."""
        if i == 0 or text[toks[i - 1][2]:toks[i][1]] != " ":
            return False
        prev = toks[i - 1][0]
        return bool(re.fullmatch(NAME_WORD, prev)) and prev not in STOP_CAPS and \
            not _sentence_start(text, toks[i - 1][1]) and \
            (places or not self._is_place_word(prev)) and not prev.isupper() and \
            not any(h.why == "demonym" for h in self.g.index.get((fold(prev),), []))

    def _any_place(self, name: str) -> bool:
        """A place the gazetteer knows, a small town included, or a people's name."""
        k = key(name)
        return k in self.g.minor or any(
            h.why == "demonym" or self.g.entries[h.entry_id].type in ("GPE", "LOC")
            for h in self.g.index.get(k, []))

    def _is_place_word(self, word: str) -> bool:
        return any(h.why == "demonym" or self.g.entries[h.entry_id].type in ("GPE", "LOC")
                   for h in self.g.index.get((fold(word),), []))

    def _place_shapes(self, text: str, lang: str | None):
        """Places the gazetteer learns from how reports write them: lists of regions, towns
        introduced as towns, districts, islands, rivers and capes."""
        out: list[tuple[_Found, Entity | None]] = []
        for m in REGION_LIST.finditer(text):  # "the Mykolaiv, Zaporizhzhia and Sumy regions"
            head = DIVISION_HEADS.get(m.group("head"))
            for nm in re.finditer(PLACE, m.group("names")):
                s = m.start("names") + nm.start()
                hit = self._region_of(nm.group(0), lang, head=head or "region")
                if hit is not None:
                    out.append((_Found(s, s + len(nm.group(0)), hit, "alias"), None))
                elif head and nm.group(0) not in STOP_CAPS and not any(
                        self.g.entries[h.entry_id].type in ("PERSON", "ORG")
                        or self.g.entries[h.entry_id].kind == "country"
                        for h in self.g.index.get(key(nm.group(0)), [])):
                    name = f"{nm.group(0)} {head}"
                    out.append((_Found(s, s + len(nm.group(0)), "", "pattern"),
                                Entity(entity_id("LOC", name), name, "LOC", kind="region")))
        for m in CYR_REGION_LIST.finditer(text):  # "по Курській та Бєлгородській областях"
            for nm in re.finditer(CYR_ADJ, m.group("names")):
                s = m.start("names") + nm.start()
                hit = self._region_of(lemma(nm.group(0)), lang, head="область")
                if hit is not None:
                    out.append((_Found(s, s + len(nm.group(0)), hit, "alias"), None))
        for m in PLACE_SHAPE.finditer(text):  # "Izium Raion", "Yeonpyeong Island", "Cape Chauda"
            name, s = m.group("name"), m.start("name")
            owner = OWNER_PREFIX.match(name)  # "Sagaing's Pale Township"
            if owner:
                name, s = name[owner.end():], s + owner.end()
            if name.split()[0] in STOP_CAPS or key(name) in self.g.index:
                continue
            words = name.split()
            if words[-1] == "airport" and any(
                    self.g.entries[h.entry_id].type in ("GPE", "LOC")
                    for h in self.g.index.get(key(" ".join(words[:-1])), [])):
                continue  # "Goma airport": the town's airport, not a name
            out.append((_Found(s, m.end("name"), "", "pattern"),
                        Entity(entity_id("LOC", name), name, "LOC", kind="region")))
        heads = [h for h in AREA_HEAD.finditer(text) if _capital_before(text, h.start())]
        for h in heads:  # "the Damboa area", "the Nowshera sector"
            if h.group("plural"):
                continue  # "the oil field", "a military base": most heads follow no name
            m = NAME_BEFORE.search(text, max(0, h.start() - 80), h.start())
            if m is None:
                continue
            words, s = m.group("name").split(), m.start("name")
            owner = OWNER_PREFIX.match(m.group("name"))  # "Guayaquil's Litoral penitentiary"
            if owner:
                s += owner.end()
                words = m.group("name")[owner.end():].split()
            # "the Russian-occupied Crimean peninsula": who holds it is no part of its name
            while words and (words[0] in STOP_CAPS or re.search(r"-[a-z]", words[0])):
                s += len(words[0]) + 1
                words = words[1:]
            name = " ".join(words)
            if words and (POSSESSIVE.search(name) or (not h.group("built") and (
                    self._is_place_word(words[-1]) or (words[-1].endswith("n") and
                                                       self._is_place_word(words[-1][:-1]))))):
                continue  # "Nabatieh's municipality", "the Crimean peninsula"
            # a town's dam or airfield is a site of its own ("the Kakhovka dam", "Sanaa
            # airfield"); a town's sector or base is the town
            known = self.g.index.get(key(name)) if not h.group("built") else [
                x for x in self.g.index.get(key(name), [])
                if self.g.entries[x.entry_id].type not in ("GPE", "LOC")]
            if not words or _sentence_start(text, s) or \
                    AREA_NOT.intersection(words[-1].lower().split("-")) or \
                    words[-1] in TITLE_WORDS or known or words[-1] in ORG_HEADS or \
                    any(h.why == "demonym" for h in self.g.index.get(key(words[0]), [])):
                continue  # a place the gazetteer knows is named by its own name
            full = f"{name} {h.group('head')}"
            out.append((_Found(s, h.end("head"), "", "pattern"),
                        Entity(entity_id("LOC", full), full, "LOC", kind="region")))
        for h in heads:  # "the Tawke and Peshkabir fields"
            m = NAMES_BEFORE.search(text, max(0, h.start() - 200), h.start()) \
                if h.group("plural") else None
            if m is None:
                continue
            for nm in re.finditer(PLACE, m.group("names")):
                name, s = nm.group(0), m.start("names") + nm.start()
                owner = OWNER_PREFIX.match(name)  # "Russia's Kursk and Yeysk areas"
                if owner:
                    name, s = name[owner.end():], s + owner.end()
                if not name or name.split()[0] in STOP_CAPS or self._any_place(name) or \
                        self.g.index.get(key(name)):
                    continue  # a town the gazetteer knows is read as the town
                out.append((_Found(s, s + len(name), "", "pattern"),
                            Entity(entity_id("LOC", name), name, "LOC", kind="region")))
        last = 0
        for a in PLACE_LIST.finditer(text):  # "Kobani, Ain Issa, Tel Tamr and Hasakah"
            m = LIST_BEFORE_AND.search(text, max(last, a.start() - 200), a.start()) \
                if _capital_before(text, a.start()) else None
            last = a.end()
            if m is None:
                continue
            items = [(nm.group(0), m.start() + nm.start())
                     for nm in re.finditer(LIST_NAME, text[m.start():a.end()])]
            if re.match(r"[ \t]+(?:[A-Z][a-z]+|[a-z]+s)\b", text[a.end():a.end() + 30]):
                continue  # "Masisi, Rutshuru and Nyiragongo territories": a head word says
            named = REGIONS_NAMED.search(text, max(0, m.start() - 60), m.start())
            if named:  # "three territories of North Kivu province — Nyiragongo, ...": each
                head = DIVISION_HEADS.get(named.group("head"))  # is one, named with the head
                for name, at in items if head else ():
                    if name.split()[0] not in STOP_CAPS and not any(
                            self.g.entries[h.entry_id].type in ("PERSON", "ORG")
                            for h in self.g.index.get(key(name), [])):
                        full = f"{name} {head}"
                        out.append((_Found(at, at + len(name), "", "pattern"),
                                    Entity(entity_id("LOC", full), full, "LOC", kind="region")))
                continue
            if len(items) < 3 and not LOCATIVE_BEFORE.search(text, max(0, m.start() - 12),
                                                             m.start()):
                continue  # "Smith and Jones": two names say less than a place before them
            known = [self._town(name) for name, _ in items]
            if not (sum(known) >= 2 or (any(known) and len(items) <= 3)) or any(
                    self.g.entries[h.entry_id].type in ("PERSON", "ORG")
                    for name, _ in items for h in self.g.index.get(key(name), [])):
                continue  # a list of people or bodies, a place among them
            for (name, at), town in zip(items, known, strict=True):
                if not town and name.split()[0] not in STOP_CAPS and \
                        name.split()[0] not in TITLE_WORDS and not self.g.index.get(key(name)) \
                        and self._region_of(name, lang) is None:  # "Ivanovo, Ryazan and Amur"
                    out.append(self._settlement(name, at))
        for h in BORDER_HEAD.finditer(text):  # "the Thai–Cambodian border"
            m = BORDER_NAME.search(text, max(0, h.start() - 60), h.start())
            if m and all(self._country_word(m.group(side)) for side in ("a", "b")):
                name = m.group("name") + " border"
                out.append((_Found(m.start("name"), h.end(), "", "pattern"),
                            Entity(entity_id("LOC", name), name, "LOC", kind="border")))
        for m in SETTLEMENT_LIST.finditer(text):  # "the villages of Plekhovo and Vorozhba"
            for nm in re.finditer(PLACE, m.group("names")):
                s = m.start("names") + nm.start()
                if nm.group(0).split()[0] in TITLE_WORDS:
                    break  # "the village of Feski, Governor Oleh Syniehubov said"
                out.append(self._settlement(nm.group(0), s))
        for m in HROMADA.finditer(text):  # "Borova hromada"
            owner = OWNER_PREFIX.match(m.group("name"))
            cut = owner.end() if owner else 0
            if re.search(r"\b(?:a|an|A|An)[ \t]+$", text[max(0, m.start() - 4):m.start()]):
                continue  # "a Bedouin community": what kind of community, not its name
            out.append(self._settlement(m.group("name")[cut:], m.start("name") + cut))
        for m in NAMED_VILLAGE.finditer(text):  # "Shwe Kyin village", "Maungdaw town"
            words, s = m.group("name").split(), m.start("name")
            while words and words[0] in STOP_CAPS:
                s += len(words[0]) + 1
                words = words[1:]
            # "a Shiite village", "the Druze town": a word that says what kind of village
            if words and not ARTICLE_BEFORE.search(text[max(0, s - 5):s]) and \
                    not any(h.why == "demonym" for h in self.g.index.get(key(words[0]), [])):
                out.append(self._settlement(" ".join(words), s))
        for m in LOCATIVE.finditer(text):  # "near Kindrashivka": a toponym's ending
            name = m.group("name")
            if TOPONYM_END.search(name) and not self.g.index.get(key(name)) and \
                    fold(name) not in self.g.by_surname and name not in STOP_CAPS:
                out.append(self._settlement(name, m.start("name")))
        return [o for o in out if o is not None]

    def _place_named(self, name: str) -> str | None:
        """The canonical name of the place a name is ("Japan", "Kurdistan Region")."""
        for h in self.g.index.get(key(name), []):
            entry = self.g.entries[h.entry_id]
            if h.why == "alias" and entry.type in ("GPE", "LOC"):
                return entry.name
        return None

    def _town(self, name: str) -> bool:
        """A town or city the gazetteer knows (not a country or a region: "Russia, Ukraine
        and Belarus" say nothing of a list's other names)."""
        return any(self.g.entries[h.entry_id].type == "GPE" and h.why == "alias" and
                   self.g.entries[h.entry_id].kind != "country"
                   for h in self.g.index.get(key(name), []))

    def _country_word(self, word: str) -> bool:
        """A country's name or its people's adjective ("Jordan", "Thai")."""
        return any(h.why == "demonym" or self.g.entries[h.entry_id].kind == "country"
                   for h in self.g.index.get(key(word), []))

    def _region_of(self, name: str, lang: str | None, head: str = "region") -> str | None:
        k = tuple(fold(t, lang) for t in TOKEN.findall(f"{name} {head}"))
        for h in self.g.index.get(k, []):
            if self.g.entries[h.entry_id].type == "LOC":
                return h.entry_id
        return None

    def _settlement(self, name: str, start: int):
        if name in STOP_CAPS:
            return None
        f = _Found(start, start + len(name), "", "pattern")
        for h in self.g.index.get(key(name), []):
            if self.g.entries[h.entry_id].type in ("GPE", "LOC"):
                return _Found(f.start, f.end, h.entry_id, "alias"), None
        if self.g.index.get(key(name)):
            return None  # someone or something else the gazetteer knows
        return f, Entity(entity_id("GPE", name), name, "GPE", kind="settlement")

    def _regions_for_cities(self, found: list[_Found], text: str) -> list[_Found]:
        """Once a report names a region ("the Kursk region"), its bare name ("fighting in
        Kursk") is the region too, unless the text makes it the city."""
        regions: dict[str, str] = {}
        for f in found:
            entry = self.g.entries[f.entry_id]
            if entry.type == "LOC" and entry.kind == "region":
                base = REGION_WORD.sub("", entry.name)
                if base != entry.name:
                    regions[fold(base)] = entry.id
        out = []
        for f in found:
            entry = self.g.entries[f.entry_id]
            rid = regions.get(fold(entry.name))
            if rid is None and REGION_LABEL.match(text, f.end):
                # "the Kursk incursion", "the Kursk axis", "the Belgorod border region": the
                # name labels a stretch of front or a region, not the city
                rid = self._region_named(fold(entry.name))
            if rid and entry.type == "GPE" and entry.kind in ("city", "settlement") and \
                    entry.id not in self.g.capital_of and not _city_context(text, f.start, f.end):
                f = _Found(f.start, f.end, rid, f.why)
            out.append(f)
        return out

    def _region_named(self, base: str) -> str | None:
        """The gazetteer's region of that name ("kursk" -> Kursk Oblast), if any."""
        if self._regions_by_base is None:
            self._regions_by_base = {}
            for entry in self.g.entries.values():
                stem = REGION_WORD.sub("", entry.name)
                if entry.type == "LOC" and entry.kind == "region" and stem != entry.name:
                    self._regions_by_base.setdefault(fold(stem), entry.id)
        return self._regions_by_base.get(base)

    def _shapes(self, text: str, taken: list[bool], places_only=lambda s, e: False):
        def free(s: int, e: int) -> bool:
            return not any(taken[s:e])

        out: list[tuple[_Found, str]] = []
        for s, e in _org_spans(text):
            name = text[s:e]
            words = name.split()
            # "As the Ministry ...", "Members of the National Assembly": the name starts
            # after the sentence's own words
            # "Fighters of the Ansar Front": a sentence's first word is no body's head
            while words and (words[0] in ("of", "the", "for", "and", "on", "in", "The")
                             or (words[0] in STOP_CAPS and words[0] not in DIRECTIONS)
                             or words[0] in ORG_LEADERS
                             or (len(words) > 3 and words[1] == "of" and words[2] == "the"
                                 and words[0] not in ORG_HEADS and _sentence_start(text, s))):
                s += len(words[0]) + 1
                words = words[1:]
            span, label = text[s:e], ""
            owner = list(re.finditer(r"\w['’]s[ \t]+", span))
            place = self._place_named(span[:owner[-1].start() + 1]) if owner and \
                len(span[owner[-1].end():].split()) >= 2 and \
                span[owner[-1].end():owner[-1].end() + 1].isupper() else None
            if place is not None:
                # "the Kurdistan Region's Counter-Terrorism Service": the place is named on
                # its own, the body after it, with its place as the guide writes national
                # bodies ("Japan's Joint Staff" is "Joint Staff (Japan)"); "the National
                # Assembly's Intelligence Committee" is a part of a body, not one of its own
                cut = s + owner[-1].end()
                words = text[cut:e].split()
                s = cut
                label = f"{ministry_of(text[s:e])} ({place})"
            if "Government" in words and (
                    self._any_place(" ".join(w for w in words if w not in (
                        "Government", "of", "the"))) or re.match(r"[ \t]+[A-Z]", text[e:e + 2])):
                # "the Israeli Government", "the Government of Romania": the country's,
                # named by its place; "the Open Government Licence": another name's word
                continue
            # "47th Separate Mechanized Brigade": a unit goes by its number too
            if len(words) >= 2 and (free(s, e) or places_only(s, e)) and (
                    words[0][:1].isupper() or re.fullmatch(r"\d+(?:st|nd|rd|th)", words[0])):
                out.append((_Found(s, e, "", "pattern", label), "ORG"))
                for p in range(s, e):
                    taken[p] = True
        for a in OF_NAME.finditer(text):  # "the Secretariat of National Defence"
            head = max(text.rfind(" ", 0, a.start()), text.rfind("\n", 0, a.start()),
                       text.rfind("\t", 0, a.start())) + 1
            if text[head:a.start()] not in ORG_HEAD_SET:
                continue  # found by its " of " and read from the head word before it
            m = HEAD_OF.match(text, head)
            if m is None:
                continue
            s, e = m.start("name"), m.end("name")
            words = m.group("name").split()
            if free(s, e) and not any(w in STOP_CAPS for w in words[2:]) and \
                    not self._any_place(" ".join(words[2:]).removeprefix("the ")) and \
                    not re.match(r"[ \t]*\([A-Z]{2,}\)", text[e:e + 12]):
                # "the Government of Sweden" is the country's, which the guide names
                # otherwise; "the Office of the UN High Commissioner for Human Rights
                # (OHCHR)" goes by the short form the report gives it
                out.append((_Found(s, e, "", "pattern"), "ORG"))
                taken[s:e] = [True] * (e - s)
        for m in ARTICLE_LED.finditer(text) if ("Los " in text or "Las " in text or
                                                "La " in text) else ():  # "Los Choneros"
            s, e = m.start("name"), m.end("name")
            if free(s, e) and not self.g.index.get(key(m.group("name"))):
                out.append((_Found(s, e, "", "pattern"), "ORG"))
                taken[s:e] = [True] * (e - s)
        for rx in (MINISTER_OF, POST_AUTHOR):
            for m in rx.finditer(text):  # "Minister of Defence Troels Lund Poulsen"
                s, e = m.start("name"), m.end("name")
                words = m.group("name").split()
                if free(s, e) and not any(w in STOP_CAPS for w in words) and \
                        _person_shaped(words):
                    out.append((_Found(s, e, "", "pattern"), "PERSON"))
                    for p in range(s, e):
                        taken[p] = True
        for m in LEAD_ORG.finditer(text):  # "Jaish-e-Mohammed", "Kataib Hezbollah"
            s, e = m.start("name"), m.end("name")
            words = m.group("name").split()
            while len(words) > 1 and (words[-1] in STOP_CAPS or words[-1] in TITLE_WORDS):
                e -= len(words[-1]) + 1
                words = words[:-1]
            if free(s, e) or places_only(s, e, head_end=s + len(words[0])):
                out.append((_Found(s, e, "", "pattern"), "ORG"))
                taken[s:e] = [True] * (e - s)
        after = [OUTLET_NAME_BEFORE.search(text, max(0, h.start() - 60), h.start())
                 for h in BROADCAST_HEAD.finditer(text)]  # "RTN television", "X (TV channel)"
        for found in (BROADCASTER.finditer(text), [m for m in after if m],
                      OUTLET_DESK.finditer(text)):  # "state broadcaster PTV"
            for m in found:
                s, e = m.start("name"), m.end("name")
                words = m.group("name").split()
                if free(s, e) and words[0] not in STOP_CAPS and not any(
                        h.why == "demonym" or self.g.entries[h.entry_id].kind == "country"
                        for h in self.g.index.get(key(words[0]), [])):
                    out.append((_Found(s, e, "", "pattern"), "ORG"))
                    taken[s:e] = [True] * (e - s)
        for m in TITLED_NAME.finditer(text):
            s, e = m.start("name"), m.end("name")
            words = m.group("name").split()
            while words and words[-1] in STOP_CAPS:
                e -= len(words[-1]) + 1
                words = words[:-1]
            # "the General Coordination for ...": a body's name, not a general's
            the_title = len(words) == 1 and re.search(r"\bthe[ \t]+$",
                                                      text[max(0, m.start() - 4):m.start()])
            if words and words[0] not in STOP_CAPS and free(s, e) and not the_title and \
                    not any(w in STOP_CAPS for w in words) and _person_shaped(words):
                out.append((_Found(s, e, "", "pattern"), "PERSON"))
                for p in range(s, e):
                    taken[p] = True
        for m in re.finditer(rf"{NAME_WORD}(?:[ \t]+{NAME_WORD}){{1,3}}", text):
            s, e = m.start(), m.end()
            words = m.group(0).split()
            if len(words) >= 3 and words[0] in HONORIFICS:  # "Ko Zaw Zaw Tun" is Zaw Zaw Tun
                s += len(words[0]) + 1
                words = words[1:]
            if len(words) >= 3 and words[0] == "The" and words[-1] in OUTLET_HEADS:
                s += 4  # "contacted by The Express Tribune"
                words = words[1:]
            # "But Tim Horvath, a member of ...": the sentence's first word is not the name's
            if len(words) >= 3 and words[0] in CLAUSE_OPENERS:
                s += len(words[0]) + 1
                words = words[1:]
            # an outlet's last word may be one a sentence starts with ("Geo News", "Kyiv Today")
            named = words[:-1] if words[-1] in OUTLET_HEADS else words
            if any(w in STOP_CAPS for w in named) or not (
                    free(s, e) or (words[-1] in OUTLET_HEADS and places_only(s, e))):
                continue
            after = SPEECH_AFTER.match(text[e:e + 40]) or AGE_AFTER.match(text, e)
            before = SPEECH_BEFORE.search(text[max(0, s - 20):s]) or \
                NAMED_AS.search(text[max(0, s - 40):s])
            if words[-1] in OUTLET_HEADS and (after or before or OUTLET_BEFORE.search(
                    text[max(0, s - 24):s])):
                # an outlet no list knows: "told Frontline Daily", "the Kyiv Courier reported"
                out.append((_Found(s, e, "", "pattern"), "ORG"))
                for p in range(s, e):
                    taken[p] = True
                continue
            if not _person_shaped(words):
                continue
            appos = re.match(r"^,\s+(?:the|a|an)?\s*[a-z]", text[e:e + 6]) or \
                re.search(r"(?:\b[a-z]+|,)\s*,?\s*$", text[max(0, s - 3):s]) and \
                re.match(r"^,", text[e:e + 1])
            if appos and not (after or before):
                # "Viv Ansanm, an alliance of gangs": the apposition says what it is
                head = APPOSED_HEAD.match(text[e:e + 80])
                if head and head.group("head").lower() in GROUP_NOUNS:
                    out.append((_Found(s, e, "", "pattern"), "ORG"))
                    for p in range(s, e):
                        taken[p] = True
                    continue
                # "a strike on Deir Billa, about 15 km from": a place, not a person
                if head or LOCATIVE_BEFORE.search(text[max(0, s - 12):s]):
                    continue
            if ARTICLE_BEFORE.search(text[max(0, s - 4):s]) and not (after or before):
                continue  # "sank the Magic Seas, whose crew": a ship, not a person
            if after or before or appos:
                out.append((_Found(s, e, "", "pattern"), "PERSON"))
                for p in range(s, e):
                    taken[p] = True
        return out

    def _link_surname(self, name: str, entities: dict[str, Entity]) -> Entity | None:
        k = fold(name.split()[-1])
        for e in entities.values():
            if e.type != "PERSON":
                continue
            last = fold(e.name.split()[-1])
            if len(name.split()) == 1 and (k == last or (len(k) >= 5 and fuzz.ratio(k, last) >= 85
                                                         and k[0] == last[0])):
                return e
            # Korean names put the family name first: "Lee Seong-kweun" is "Lee"
            words = e.name.split()
            if len(name.split()) == 1 and len(words) == 2 and "-" in words[1] and \
                    k == fold(words[0]):
                return e
        return None

    def _best(self, hits: list[Hit], k: tuple[str, ...]) -> Hit:
        return self._best_of((tuple(hits), k))

    def _fuzzy_lookup(self, word: str) -> Entity | None:
        """A surname spelled another way (Zelenskyj, Budanow) of a person in the gazetteer."""
        k = fold(word)
        if len(k) < 6:
            return None
        for last, ids in self.g.by_surname.items():
            if last[0] == k[0] and abs(len(last) - len(k)) <= 2 and fuzz.ratio(k, last) >= 86:
                entry = self.g.entries[ids[0]]
                if len(ids) == 1:
                    return Entity(entry.id, entry.name, entry.type, country=entry.country,
                                  kind=entry.kind)
        return None


NAME_HEADS = {"Declaration", "Summit", "Agreement", "Format", "Process", "Accords", "Accord",
              "Memorandum", "Communique", "Conference", "Forum", "Treaty", "Protocol", "Airport",
              "Station", "Street", "Avenue", "Square", "University", "Institute", "Plant",
              "Initiative", "Group", "Platform", "Charter", "Compact", "Statement", "Talks",
              "Hospital"}


# one-word names of a country's bodies that other bodies end with ("Rakhine Ethnic Congress")
BODY_WORDS = {"Congress", "Senate", "Parliament", "Assembly", "Cabinet", "Duma"}
# words after a town's name that keep it a town: "Kyiv Oblast", "Kharkiv region"
PLACE_FOLLOWERS = {"Oblast", "Region", "Province", "Krai", "Raion", "District", "Governor",
                   "Mayor", "Time", "Sea"}
# small words inside place names: "Mocimboa da Praia", "Deir ez Zor", "Bahr el Ghazal"
NAME_PARTICLES = {"da", "de", "do", "dos", "das", "del", "di", "du", "des", "la", "le", "el",
                  "al", "ad", "ez", "ash", "as", "ar", "bin", "ibn", "van", "von", "sur"}
# towns named like people: they are towns only after "in", "near", "to" and the like
GIVEN_NAME_PLACES = {"vladimir", "alexandria", "victoria", "florence", "regina", "lincoln",
                     "jackson", "austin", "charlotte", "madison", "orlando", "eugene", "tyler",
                     "marion", "troy", "elizabeth", "salem", "aurora", "kirov", "lenin"}
# an apposition's head noun: "X, a jihadist group linked to ...", "X, an alliance of gangs"
APPOSED_HEAD = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?P<head>group|alliance|"
                          r"coalition|militia|gang|faction|movement|organi[sz]ation|network|"
                          r"charity|company|firm|agency|party|union|outlet|newspaper|"
                          r"broadcaster|village|town|city|camp|district|region|province|"
                          r"neighbou?rhood|port|island|area|settlement)\b"
                          # "a village elder", "a party official", "the movement's
                          # representative": a person after all
                          r"(?!['’]s\b|\s+(?:elder|leader|chief|official|member|spokes\w+|"
                          r"commander|head|lawmaker|resident|worker|fighter|activist|doctor|"
                          r"mayor))")
GROUP_NOUNS = {"group", "alliance", "coalition", "militia", "gang", "faction", "movement",
               "organisation", "organization", "network", "charity", "company", "firm",
               "agency", "party", "union", "outlet", "newspaper", "broadcaster"}
# what a small town's name never follows: an article ("the Mason", a ship), or a name's
# head and "of" ("Cape of Good Hope", "Bank of Baroda")
MINOR_NOT_BEFORE = re.compile(r"(?:\b(?:the|The|a|an)|[A-Z][\w'’-]*[ \t]+of)[ \t]+$")
# the nouns Arabic, Persian and Urdu names of armed groups and parties start with ("army",
# "movement", "party", "front", "battalions", "brigade", "companies", "league"), as
# ORG_HEADS end English ones: "Jaish-e-Mohammed", "Lashkar-e-Taiba", "Tehreek-e-Taliban
# Pakistan", "Hizbul Mujahideen", "Kataib Hezbollah", "Jabhat al-Nusra", "Liwa Fatemiyoun";
# "Ansar" (helpers, also a given name) only before an article or a joined name
ORG_LEADS = (r"Jaish|Jaysh|Lashkar|Tehreek|Tehrik|Harkat|Harakat|Hizb|Hizbul|Jamaat|Jama'at|"
             r"Jamiat|Jund|Tanzeem|Tanzim|Sipah|Kataib|Kata'ib|Liwa|Saraya|Ahrar|Jabhat|Asa'ib|"
             r"Ittehad|Muttahida|"
             r"Ansar(?=[ \t]+(?:(?:al|el|ad|ash)-|Allah\b|[A-Z][\w'’]*-(?:ul|e|i)-))")
ARTICLE_PART = r"(?:al|el|ad|ash|as|ar|an|at|az|wal|ul|e|i|ud|ur|us)-"
LEAD_ORG = prefiltered(with_start_test(re.compile(
    rf"(?<![\w'’-])(?P<name>(?:{ORG_LEADS})(?:-(?:{ARTICLE_PART})?[A-Z][\w'’-]*|[ \t]+"
    rf"(?:{ARTICLE_PART})?[A-Z][\w'’-]*)"
    rf"(?:[ \t]+(?:{ARTICLE_PART}[\w'’-]+|[A-Z][\w'’-]*)){{0,3}})")), 40)
# what an outlet is told, or by whom it is read: "told Geo News", "contacted by The Express
# Tribune", "published in the Kyiv Courier"
OUTLET_BEFORE = re.compile(r"\b(?:told|to|in|(?:contacted|interviewed|quoted|cited|reported|"
                           r"published|run|owned)[ \t]+by)[ \t]+(?:[Tt]he[ \t]+)?$")
# an outlet introduced as one: "state broadcaster PTV", "the newspaper Dawn", "RTN television",
# "Al Mayadeen (Lebanese TV channel)", "the Frontier Ledger desk"
OUTLET_NAME = r"(?:[A-Z][\w'’.&-]*|[A-Z]{2,}\d*)(?:[ \t][A-Z][\w'’.&-]*){0,3}"
# ("the British broadcaster Piers Morgan" is a person: a broadcaster is a body when the state
# or the public owns it)
BROADCASTER = prefiltered(with_start_test(re.compile(
    r"\b(?:(?:[Ss]tate|[Pp]ublic|[Nn]ational|[Ss]tate-run|[Ss]tate-owned)[ \t]+broadcaster|"
    r"TV[ \t]channel|TV[ \t]station|news[ \t]agency|newspaper|daily|news[ \t]outlet|news[ \t]site|"
    rf"news[ \t]website|radio[ \t]station)[ \t]+(?P<name>{OUTLET_NAME})(?![\w'’-])")), SLOW_SCAN)
BROADCAST_HEAD = prefiltered(re.compile(
    r"(?:[ \t]+(?:television|TV)\b(?![ \t]+[A-Z])|[ \t]*\((?:[A-Z][\w-]+[ \t]+)?"
    r"(?:TV[ \t]channel|television|broadcaster|newspaper|news[ \t]agency|daily|radio)\))"),
    SLOW_SCAN)
OUTLET_NAME_BEFORE = re.compile(rf"(?<![\w'’-])(?P<name>{OUTLET_NAME})$")
OUTLET_DESK = prefiltered(with_start_test(re.compile(
    rf"\bthe[ \t]+(?P<name>{OUTLET_NAME})[ \t]+(?:desk|newsroom)\b")), SLOW_SCAN)
POSSESSIVE = re.compile(r"\w['’]s\b")
# the first item of a list a name ends, or the next item after it
LIST_ITEM = r"[A-Z][\w'’-]+(?:[ \t][A-Z][\w'’-]+)*"
LIST_BEFORE = re.compile(rf"(?<![\w'’-])(?P<sib>{LIST_ITEM})(?:,[ \t]+{LIST_ITEM})*,?[ \t]+"
                         r"(?:and|or)[ \t]+$")
LIST_AFTER = re.compile(rf",[ \t]+(?P<sib>{LIST_ITEM})(?:,|[ \t]+(?:and|or)[ \t]+[A-Z])")
# a person spoken to in a transcript: "Thank you, Farah, and good afternoon"
ADDRESSED = re.compile(r"\b(?:[Tt]hank[ \t]+you|[Tt]hanks),?[ \t]+$")
LOCATIVE_BEFORE = re.compile(r"\b(?:in|on|at|near|outside|into|toward|towards|from)\s+$")
# words of respect before Burmese names: "U Hla Thein Aung", "Ko Zaw Zaw Tun", "Daw ..."
HONORIFICS = {"Ko", "Daw", "Naw", "Saw", "Maung"}
# what a person's name never ends or starts with
NOT_PERSON_LAST = NAME_HEADS | {"Island", "Islands", "River", "Reservoir", "Cape", "Sea",
                                "Plan", "Facility", "Fund", "Programme", "Program", "Operation",
                                "Exercise", "Storm", "Shield", "Strike", "Freedom", "Oblast",
                                "Region", "Province", "Raion", "District", "Bridge", "Port"}
NOT_PERSON_FIRST = {"Operation", "Exercise", "Head", "Ministers", "Members", "Forces",
                    # a village's, a storm's name; a verb opening a sentence ("Citing Cho, ...")
                    "Barangay", "Storm", "Typhoon", "Cyclone", "Hurricane", "Citing",
                    "Project", "Response", "Plan", "Mount", "Cape", "Lake", "Island", "Radio",
                    # ranks, written short: "Rear Adm.", "Lt. Gen."
                    "Rear", "Vice", "Adm", "Gen", "Lt", "Col", "Brig", "Maj", "Sgt", "Capt"}
# an office, not its holder: "the Repatriation Commissioner", "Humanitarian Coordinator",
# "Deputy Spokesman", "Executive Vice-President" (a name ends with the person's own word)
OFFICE_WORDS = TITLE_WORDS | {"Coordinator", "Commissioner", "Officer", "Spokesman",
                              "Spokeswoman", "Vice-President", "Section", "Persons",
                              "Confederation", "Matrix", "Shoal", "Cantt", "Cantonment"}
# words that open a clause, capitalised at a sentence's start before a name
CLAUSE_OPENERS = {"But", "And", "Yet", "So", "While", "When", "Although", "Though", "After",
                  "Before", "Because", "Since", "If", "Then", "Meanwhile", "Later"}
# "Southern Defence Forces", "Central Election Commission": part of a body's name
DIRECTIONS = {"Western", "Eastern", "Northern", "Southern", "Central"}
# the last word of a newspaper's or broadcaster's name: "Frontline Daily", "Kyiv Post"
OUTLET_HEADS = {"Daily", "Times", "Post", "News", "Herald", "Journal", "Gazette", "Tribune",
                "Telegraph", "Independent", "Pravda", "Express", "Observer", "Chronicle",
                "Radio", "TV", "Television", "Agency", "Press", "Wire", "Insider", "Review",
                "Weekly", "Mirror", "Guardian", "Today", "Online", "Media", "Recorder",
                "Courier", "Dispatch", "Standard", "Bulletin", "Ledger", "Feed",
                "Star", "Sun", "Report", "Digest", "Desk", "Briefing", "Live"}
ORG_LEADERS = {"Members", "Member", "Statements", "Statement", "Head", "Heads", "Home", "News",
               "Chief", "Officials", "Spokesman", "Spokesperson", "Representatives", "Staff"}

PLACE = r"[A-Z][\w'’-]+(?:[ \t][A-Z][\w'’-]+)?"
# the same, its words taken whole (++: where a space, a comma or the end follows, which no
# letter given back could be, trying the word shorter only costs time)
PLACE_WHOLE = r"[A-Z][\w'’-]++(?:[ \t][A-Z][\w'’-]++)?"
REGION_LIST = re.compile(
    rf"(?P<names>{PLACE_WHOLE}(?:[ \t]*,[ \t]*{PLACE_WHOLE})*[ \t]*,?[ \t]+and[ \t]+"
    rf"{PLACE_WHOLE})"
    r"[ \t]+(?P<head>regions|oblasts|provinces|Regions|Oblasts|Provinces|"
    # divisions the gazetteer seldom lists, each named with its head word: "the Masisi,
    # Rutshuru and Nyiragongo territories" are Masisi Territory, ...
    r"territories|states|districts|counties|governorates)\b")
DIVISION_HEADS = {"territories": "Territory", "states": "State", "districts": "District",
                  "counties": "County", "governorates": "Governorate"}
CYR_ADJ = r"[А-ЯІЇЄҐ][а-яіїєґʼ'’-]*(?:ськ|цьк|зьк|ск|цк|зк)[а-яіїєґ]*"
CYR_REGION_LIST = re.compile(
    rf"(?P<names>{CYR_ADJ}(?:\s*(?:,|та|і|и|й)\s*{CYR_ADJ})+)\s+(?:област\w*|обл\.)")
PLACE_SHAPE = re.compile(
    # "Bab el-Mandeb Strait": no name starts inside a hyphened word
    r"(?<![\w'’-])(?P<name>(?:Cape|Lake|Mount)[ \t][A-Z][\w'’-]+|"
    rf"{PLACE_WHOLE}[ \t](?:" + grouped(
        r"Raion|raion|district|Island|Islands|Province|River|river|Reservoir|reservoir|"
        r"Peninsula|Strait|Bay|Cape|Spit|Valley|valley|Mountains|mountains|mountain range|Hills|"
        r"Desert|desert|Plateau|Township|(?:International[ \t])?Airport|airport|"
        r"Air[ \t]Base|air[ \t]base|Avenue|Street|Square|Boulevard", ignore_case=False) + ")"
    # "Air Base 201": a base known by its number
    r"|Air[ \t]Base[ \t]\d+)\b")
# a stretch of ground named by a lower-case word for it: "the Damboa area of Borno", "the
# Nowshera sector", "the Bolan hills", "the Yeraskh section of the border", "Labbouneh heights"
# and a site named by a lower-case word for what stands there: "the Khurmala oil field", "the
# Sarsang block", "Donuzlav bay", "the Boma peninsula", "Leposavić municipality", "the Reim
# base", "Guayaquil's Litoral penitentiary", "the Beitunia checkpoint"
AREA_HEAD = re.compile(
    r"[ \t](?P<head>(?:forest[ \t])?area|section|sector|heights|hills|administrative[ \t]post|"
    r"(?:oil|gas)[ \t]?field|field|block|bay|peninsula|municipality|base|penitentiary|prison|"
    r"checkpoint|(?P<built>dam|airfield|airstrip)|"
    # a list of such names before the plural word: "the Tawke and Peshkabir fields", "the
    # Askeran, Martakert, Martuni and Shushi areas": each name is a place of its own, named
    # bare (found by the plural word, the names read back from it)
    r"(?P<plural>areas|sectors|(?:oil|gas)[ \t]?fields|fields|blocks|municipalities))\b")
NAMES_BEFORE = re.compile(rf"(?<![\w'’-])(?P<names>{PLACE_WHOLE}(?:[ \t]*,[ \t]*{PLACE_WHOLE})*"
                          rf"[ \t]*,?[ \t]+and[ \t]+{PLACE_WHOLE})$")
# the capitalised words right before a head word (searched back from it: heads are few,
# capitals many)
NAME_BEFORE = re.compile(r"(?<![\w'’-])(?P<name>[A-Z][\w'’-]+(?:[ \t][A-Z][\w'’-]+){0,2})$")
# what an economy's or a ministry's "sector" or "area" is: no ground
AREA_NOT = {"energy", "defence", "defense", "security", "banking", "private", "public", "oil",
            "gas", "health", "tech", "technology", "business", "finance", "financial", "euro",
            "schengen", "service", "services", "industrial", "farm", "farming", "power",
            "transport", "aviation", "grey", "gray", "metro", "metropolitan", "bay", "border",
            "frontline", "front", "rear", "coastal", "rural", "urban", "residential",
            "disputed", "occupied", "controlled", "restricted", "tribal", "wider", "greater"}
# a border named by the two countries it divides: "the Thai–Cambodian border", "the
# Jordan-Syria border" (searched back from the word "border")
BORDER_HEAD = re.compile(r"[ \t]+border\b")
BORDER_NAME = re.compile(r"(?<![\w'’-])(?P<name>(?P<a>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)[ \t]*"
                         r"[-–—/][ \t]*(?P<b>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?))$")
SETTLEMENT_LIST = re.compile(
    rf"\b(?:villages?|towns?|settlements?|hamlets?|cities|city|communities|hromadas?)[ \t]+of"
    rf"[ \t]+(?P<names>{PLACE}(?:[ \t]*,[ \t]*{PLACE})*(?:[ \t]*,?[ \t]+and[ \t]+{PLACE})?)")
HROMADA = re.compile(rf"\b(?P<name>{PLACE})[ \t]+(?:hromada|community)\b")
# a settlement named with the word for it after the name, as reports from Myanmar, the
# Sahel or Lebanon write them: "Wai Thar Li village", "Maungdaw town" (lower case: "Olympic
# Village" is a name)
NAMED_VILLAGE = re.compile(
    r"\b(?P<name>[A-Z][\w'’-]++(?:[ \t][A-Z][\w'’-]++){0,2})[ \t]+(?:village|town)\b")
ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the|A|An|The)[ \t]+$")
# "Sumy Oblast's Shostka hromada": the owner's possessive is no part of the name
OWNER_PREFIX = re.compile(r"^[A-Z][\w-]*(?:[ \t][A-Z][\w-]*)?['’]s[ \t]+")
LOCATIVE = re.compile(r"\b(?:near|outside|around|toward|towards|from|in|into|at|of|and)[ \t]+"
                      r"(?P<name>[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)\b(?![ \t]+[A-Z])")
# scanned over each whole report, and most reports hold none: a test for their words first
REGION_LIST, CYR_REGION_LIST, SETTLEMENT_LIST, HROMADA, NAMED_VILLAGE, AREA_HEAD, BORDER_HEAD = (
    prefiltered(rx, SLOW_SCAN) for rx in (REGION_LIST, CYR_REGION_LIST, SETTLEMENT_LIST, HROMADA,
                                          NAMED_VILLAGE, AREA_HEAD, BORDER_HEAD))
# scanned over each whole report: tried only where a match can start
TITLED_NAME, ORG_NAME, PLACE_SHAPE, LOCATIVE, ARTICLE_LED = (
    with_start_test(rx) for rx in (TITLED_NAME, ORG_NAME, PLACE_SHAPE, LOCATIVE, ARTICLE_LED))
# endings that mark a Ukrainian or Russian settlement's name: Kindrashivka, Rodynske, Plekhovo
TOPONYM_END = re.compile(r"(?:ivka|ovka|evka|yivka|ivske|ske|ove|ovo|evo|yne|ino|sk|pil|pol|"
                         r"hrad|grad|ytsia|ychi|ivtsi)$")
REGION_HEAD_WORDS = {"oblast", "province", "governorate", "state", "region", "territory",
                     "district", "raion", "krai", "department", "county", "prefecture"}
# "Minister of Defence Troels Lund Poulsen", "Minister for Europe and Foreign Affairs
# Jean-Noël Barrot": a ministry's title before a name
MINISTER_OF = prefiltered(re.compile(
    r"\bMinister[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?(?:Defen[cs]e|Foreign[ \t]Affairs|"
    r"Europe[ \t]and[ \t]Foreign[ \t]Affairs|Interior|Internal[ \t]Affairs|Health|Finance|"
    r"Justice|Economy|Energy|Education|Agriculture|Digital[ \t]Transformation|Veterans|"
    r"Culture|Industry|Trade|Emergency[ \t]Situations|Strategic[ \t]Industries)[ \t]+"
    rf"(?P<name>{NAME_WORD}(?:[ \t]+{NAME_WORD}){{1,3}})"), SLOW_SCAN)
# a digest's post header: "Olena Zelenska (X)", "Maria Bezuhla, MP (Telegram)"
POST_AUTHOR = re.compile(
    rf"^(?P<name>{NAME_WORD}(?:[ \t]+{NAME_WORD}){{1,3}})(?:,[ \t]*[\w .'-]{{1,30}})?[ \t]*"
    r"\((?:X|Telegram|Facebook|Instagram|YouTube|Twitter|TikTok|Truth Social)\)[ \t]*$",
    re.M)
# a ship's prefix: what follows is the ship's name ("USS Carney", "the MV Tutor")
SHIP = with_start_test(re.compile(
    r"\b(?:M/V|MV|M/T|MT|USS|HMS|RFS|INS|HMCS|FGS|"
    # or the kind of ship before its name: "the bulk carrier True Confidence", "the oil
    # tanker Eagle S"
    r"(?<=the )(?:(?:bulk|cargo|container|merchant|oil|chemical|LNG|crude)[ \t]+)?"
    r"(?:carrier|tanker|ship|vessel|freighter))[ \t]+"
    r"(?P<name>[A-Z][\w'’-]*(?:[ \t][A-Z][\w'’-]*){0,2})"))
# the platform X is a letter: only where a post on it is spoken of ("wrote on X", "in its
# update on X", "posted on its official X account"), never in share buttons
ON_X = prefiltered(re.compile(
    r"\b(?:wrote|posted|said|says|write|writes|post|posts|update|statement|message|"
    r"greeted|tweeted|shared|published|announced|reported|video|thread)\b[^.\n]{0,40}?"
    r"\b(?:on|via)[ \t]+(?:(?:its|his|her|their|the)[ \t]+)?(?:official[ \t]+)?"
    r"(?P<x>X)(?![\w-])"), SLOW_SCAN)
ON_X = Prefiltered(ON_X, ("X",))  # first, whether the report holds a capital X at all: few do
ARABIC_ARTICLES = {"al", "el", "ad", "ash", "as", "an", "ar", "at", "az", "ad-", "ed"}
# what follows a region's bare name used as the label of a front or an area
REGION_LABEL = re.compile(r"[ \t]+(?:axis|axes|direction|directions|incursion|offensive|"
                          r"operation|front|border[ \t]+(?:region|area|areas|district))\b")
REGION_WORD = re.compile(r"\s+(?:Oblast|Krai|Province|Region)$")


def _org_spans(text: str):
    """Spans of names shaped like bodies; "the Ansar Front and the Popular Brigades" is two
    bodies, the first one ending where another name begins."""
    for m in ORG_NAME.finditer(text):
        s, e = m.start("name"), m.end("name")
        # "... near Avdiivka. The 3rd Assault Brigade": a sentence ends inside the run
        stops = list(re.finditer(r"(?<=[a-z]{3})\.\s+", text[s:e]))
        if stops:
            s += stops[-1].end()
        for part in re.split(r"(?<=\S) and the (?=[A-Z])", text[s:e]):
            if re.search(rf"\b(?:{'|'.join(ORG_HEADS)})\b", part):
                yield s, s + len(part)
            s += len(part) + len(" and the ")


# words folded before, for reports in English: a plain dictionary answers faster than
# fold's own cache, which also keys on the language (cleared when it grows too big)
_FOLDED: dict[str, str] = {}


def _folded(words: list[str], lang: str | None) -> list[str]:
    if lang is not None:
        return [fold(w, lang) for w in words]
    if len(_FOLDED) > 200_000:
        _FOLDED.clear()
    got = list(map(_FOLDED.get, words))
    for j, f in enumerate(got):
        if f is None:
            got[j] = _FOLDED[words[j]] = fold(words[j])
    return got  # type: ignore[return-value]


def _capital_before(text: str, end: int) -> bool:
    """Whether the word ending at ``end`` (a comma after it aside) starts with a capital:
    a cheap test before reading a name back from there."""
    if end > 0 and text[end - 1] == ",":
        end -= 1
    start = max(text.rfind(" ", 0, end), text.rfind("\t", 0, end), text.rfind("\n", 0, end)) + 1
    return start < end and (text[start].isupper() or text.startswith(
        ("al-", "el-", "as-", "ad-", "ar-", "ash-", "an-", "at-", "az-"), start))


def _written_lower(text: str, word: str) -> bool:
    """Whether the text also writes the word in lower case, as a word of its own."""
    low, at = word.lower(), 0
    while (at := text.find(low, at)) >= 0:
        end = at + len(low)
        if (at == 0 or not text[at - 1].isalnum()) and (end >= len(text) or
                                                        not text[end].isalnum()):
            return True
        at = end
    return False


def _title_case(line: str) -> bool:
    """A headline in Title Case, where capitals say nothing about names."""
    if line.rstrip().endswith("."):
        return False  # a sentence: "They were Sgt. William Rivers, 46, of Carrollton."
    words = [w for w in line.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[:1].isupper() for w in words) / len(words) > 0.7


def _sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3):pos]
    return pos == 0 or "\n" in before or bool(re.search(r"[.!?:\]\"“]\s*$", before))


def _city_context(text: str, s: int, e: int) -> bool:
    """'the city of Donetsk', 'Kharkiv city', 'the towns of Yeysk and Kursk'."""
    before, after = text[max(0, s - 40):s], text[e:e + 12]
    return bool(re.search(r"\b(?:city|cities|town|towns)\s+of\b[\w\s,]*$", before, re.I)
                or re.match(r"\s+(?:city|City)\b|['’]s\s+mayor", after)
                or STRUCK_PLACE.search(before))


# what is struck is a place on the ground: "a drone hit Odesa", "strikes on Sumy"; and a
# region's capital is its city: "in the regional capital, Sumy"
STRUCK_PLACE = re.compile(
    r"\b(?:hit|hits|struck|strikes?|attacks?|attacked|shelled|shelling|bombed|bombing|"
    r"targeted|pounded)(?:\s+(?:on|of|in))?\s+(?:the\s+)?(?:centre\s+of\s+|center\s+of\s+)?$"
    r"|\b(?:regional|oblast|provincial|state)\s+(?:capital|centre|center),?\s+$", re.I)


def _dateline(text: str, s: int, e: int) -> bool:
    """'(Yonhap) --', '(Reuters) -': the agency's credit in a dateline."""
    return text[max(0, s - 1):s] == "(" and bool(re.match(r"\)\s*(?:--|—|–|-)", text[e:e + 4]))


def _dateline_place(text: str, s: int, e: int) -> bool:
    """'MOSCOW -', 'SEOUL, Oct. 29 (Yonhap) --': the place a story was filed from."""
    return (s == 0 or text[s - 1] == "\n") and bool(re.match(
        r"(?:,\s*[^\n()–—-]{1,30})?\s*(?:\([^()\n]{1,30}\)\s*)?(?:--|—|–|-)\s", text[e:e + 60]))


def _person_shaped(words: list[str]) -> bool:
    return words[-1] not in NOT_PERSON_LAST and words[0] not in NOT_PERSON_FIRST and \
        words[-1] not in ORG_HEADS and words[-1] not in OUTLET_HEADS and \
        words[-1].rstrip("'’s") not in OFFICE_WORDS


def _inside_name(text: str, toks, i: int, n: int) -> bool:
    """'Vilnius' in 'the G7 Vilnius Declaration' is part of another name, not a place."""
    nxt = toks[i + n][0] if i + n < len(toks) else ""
    return nxt in NAME_HEADS


def _case_ok(hit, surface: list[str], text: str, start: int, end: int) -> bool:
    if hit.exact_case:
        return text[start:end].replace(".", "").replace(" ", "").isupper()
    if hit.why == "role":
        return True
    if len(surface) == 1 and surface[0].isupper() and len(surface[0]) <= 3:
        return False  # an acronym ("NIS") is not a town that shares its letters (Niš)
    caps = hit.capitals
    words = [w for w in surface]
    if len(caps) != len(words):
        return words[0][:1].isupper() or not caps or not caps[0]
    # "Idlib governorate" is "Idlib Governorate": a region's head word may be lower case
    # "el-Fasher", "al-Manaqil": an Arabic article is written in lower case as often as not
    return all(w[:1].isupper() or not c or (j and w.lower() in REGION_HEAD_WORDS)
               or (w in ARABIC_ARTICLES and j + 1 < len(words))
               for j, (w, c) in enumerate(zip(words, caps, strict=False)))


def _best(hits, k, g: Gazetteer):
    """Among entries sharing an alias, the one whose own name it is, then people, then others."""
    def rank(h):
        e = g.entries[h.entry_id]
        own = tuple(fold(t) for t in TOKEN.findall(e.name)) == k
        return (not own, h.why != "alias", e.kind == "city")
    return sorted(hits, key=rank)[0]


@component("intex.entities.gazetteer.v1", requires=("text",), assigns=("mentions", "entities"))
def make_entities(gazetteer: Gazetteer | None = None) -> EntityFinder:
    return EntityFinder(gazetteer or default_gazetteer())
