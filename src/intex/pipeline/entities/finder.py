"""The entity finder: the ``intex.entities.gazetteer.v1`` component, and its pass over a
report that gathers gazetteer matches, shapes and names, and resolves each to one entity.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from intex.gazetteer import Gazetteer, default_gazetteer
from intex.gazetteer.loader import Entry, Hit
from intex.gazetteer.normalize import CYRILLIC, TOKEN, fold, key, lemma
from intex.model import Entity, Mention
from intex.model.ids import entity_id
from intex.pipeline.component import component
from intex.pipeline.doc import Doc
from intex.pipeline.entities.bodies import BODY_WORDS, ON_X, ORG_HEAD_WORD, ORG_HEADS, SHIP
from intex.pipeline.entities.context import POSSESSIVE, STOP_CAPS, UNPLACED, _dateline, _Found
from intex.pipeline.entities.furniture import in_furniture
from intex.pipeline.entities.name_search import NameSearch
from intex.pipeline.entities.people import NAME_WORD
from intex.pipeline.entities.place_search import PlaceSearch
from intex.pipeline.entities.places import _dateline_place
from intex.pipeline.entities.resolve import Resolver, _best, _folded, _inside_name
from intex.pipeline.entities.shapes import Shape, ShapeFinder
from intex.pipeline.memo import Memo

_Tokens = list[tuple[str, int, int]]  # a report's words and where each starts and ends


class EntityFinder(Resolver, PlaceSearch, NameSearch):
    """Finds a report's mentions and the entities they name; what it resolves, and the places,
    people and bodies it finds beyond the gazetteer, are read in the classes it joins."""

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

    def _ownerless_ministries(self, text: str, taken: list[bool], found: list[_Found],
                              extra: list[tuple[_Found, Entity]]) -> None:
        """"The health ministry said", "Foreign Ministry spokesman ...": a ministry named by
        its field alone is the one of that field the report named with its country, else
        the ministry of the country the dateline names, else of the country named last
        before it, else first after it. A country the report never names leaves it out."""
        spans = [sp for sp in self.shapes.ownerless_ministries(text) + self.shapes.bare_armies(text)
                 if not any(taken[sp[0]:sp[1]])]
        if not spans:
            return
        named = [(f.start, self.g.entries[f.entry_id].name) for f in found] + \
            [(f.start, ent.name) for f, ent in extra if ent.type == "ORG"]
        def dateline(a: int, b: int) -> bool:  # "BEIRUT/PARIS, May 3 (...) -": the first
            return _dateline_place(text, a, b) or ((a == 0 or text[a - 1] == "\n") and
                                                   text[b:b + 1] == "/")
        places = [(f.start, dateline(f.start, f.end), self.g.entries[
            f.entry_id].country) for f in found if self.g.entries[f.entry_id].type in
            ("GPE", "LOC") and self.g.entries[f.entry_id].country in self.g.country_by_code]
        lead = self.leading_country(found)
        for s, e, label in spans:
            # "the army" is the national force the report named: "Armed Forces (Mali)"
            heads = (f"{label} (", "Armed Forces (") if label == "Army" else (f"{label} (",)
            same = sorted(((p, n) for p, n in named if n.startswith(heads)),
                          key=lambda pn: (pn[0] >= s, -pn[0] if pn[0] < s else pn[0]))
            code = None
            if same:
                name = same[0][1]
            else:
                if not places or label == "Army" and not any(p[1] for p in places):
                    continue  # an army's country is the dateline's: nearby ones are foes
                code = min(places, key=lambda p: (not p[1], p[0] >= s,
                                                  -p[0] if p[0] < s else p[0]))[2]
                if label != "Army" and not any(p[1] for p in places):
                    # no dateline: the country the report is about, when one clearly
                    # leads, before the one its sentence names last
                    code = lead or code
                country = self.g.entries[self.g.country_by_code[code]]
                name = f"{label} ({country.name})"
            known = [h for h in self.g.index.get(key(name), [])
                     if self.g.entries[h.entry_id].type == "ORG"]
            if known:
                found.append(_Found(s, e, known[0].entry_id, "alias"))
            elif code == "US" and label != "Army":
                continue  # the United States has departments, named otherwise
            else:
                extra.append((_Found(s, e, "", "pattern"), Entity(
                    entity_id("ORG", name), name, "ORG", country=code,
                    kind="military" if label == "Army" else "ministry")))
            if text[e:e + 2] not in ("'s", "’s"):
                # "the Army's 8th Infantry Division": the unit's name is still to be read
                taken[s:e] = [True] * (e - s)

    def __call__(self, doc: Doc) -> Doc:
        """The report's mentions and the entities they name, set on ``doc``: what shapes
        take first, the gazetteer's names in the rest, then names outside the gazetteer,
        surnames and small towns where no other reading took the words."""
        text = doc.text
        lang = doc.language if doc.language in ("uk", "ru") else None
        toks, folded, cyrillic = self._tokens(text, lang)
        taken, found, extra = self._shaped(text, lang)
        seen_ids = self._gazetteer_names(doc, lang, toks, folded, cyrillic, taken, found)
        found = self._kept(found, text, doc.reference_date, taken, seen_ids)
        self._ownerless_ministries(text, taken, found, extra)
        entities: dict[str, Entity] = {}
        mentions: list[Mention] = []

        def add(f: _Found, entity: Entity) -> None:
            entities.setdefault(entity.id, entity)
            mentions.append(Mention(entity.id, f.start, f.end, text[f.start:f.end], f.why))

        self._add_found(found, extra, text, add)
        self._add_unlisted(text, taken, entities, mentions, add)
        _surnames_to_full_names(entities, mentions)
        self._add_surnames(text, taken, entities, add)
        self._minor_places(text, toks, folded, taken, entities, add)
        self._finish(doc, mentions, entities)
        return doc

    def _tokens(self, text: str, lang: str | None) -> tuple[_Tokens, list[str], bool]:
        """The report's words with their offsets, folded for lookup, and whether any is
        Cyrillic."""
        toks = [(m.group(0), m.start(), m.end()) for m in TOKEN.finditer(text)]
        folded = _folded([t for t, _, _ in toks], lang)
        cyrillic = CYRILLIC.search(text) is not None  # lemma() leaves other words alone
        for j in range(len(toks) - 1 if cyrillic else 0):  # "Курській області" is "Курська область"
            if lemma(toks[j + 1][0]) == "область":
                folded[j], folded[j + 1] = fold(lemma(toks[j][0]), lang), fold("область")
        return toks, folded, cyrillic

    def _shaped(self, text: str, lang: str | None) -> tuple[list[bool], list[_Found],
                                                             list[tuple[_Found, Entity]]]:
        """What is read before the gazetteer's names, by its shape: ships' names (taken,
        naming nothing), X the platform, acronyms, bodies and places; the characters
        each takes, the gazetteer entries and the entities made for the rest."""
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
        return taken, found, extra

    def _gazetteer_names(self, doc: Doc, lang: str | None, toks: _Tokens, folded: list[str],
                         cyrillic: bool, taken: list[bool], found: list[_Found]) -> set[str]:
        """The gazetteer's names in the words no shape took, added to ``found`` (a weak
        one, a surname alone, once its full name is found too); the entries found."""
        text = doc.text
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
                if self._names_another(entry, h, text, toks, i, n):
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
        return seen_ids

    def _names_another(self, entry: Entry, h: Hit, text: str, toks: _Tokens,
                       i: int, n: int) -> bool:
        """Whether the gazetteer's name matched at ``toks[i:i + n]`` is here a word of
        another name: a body's, a person's, a document's, a place's."""
        if entry.type == "ORG" and n == 1 and toks[i][0] in BODY_WORDS and \
                self._named_before(text, toks, i):
            return True  # "the Rakhine Ethnic Congress": another body, named in full
        if entry.type == "ORG" and h.why == "alias" and \
                toks[i + n - 1][0] in ORG_HEADS and \
                self._named_before(text, toks, i, places=True):
            # "the Kurdistan Workers' Party" is not the Workers' Party of Korea:
            # another body's name ends with the words, read whole by its head word
            return True
        if entry.type == "PERSON" and h.why == "alias" and n == 1 and \
                self._named_before(text, toks, i) and \
                fold(toks[i - 1][0]) not in {fold(w) for w in entry.name.split()}:
            return True  # "Major General Athar Abbas" is not Mahmoud Abbas
        s, e = toks[i][1], toks[i + n - 1][2]
        if entry.type == "ORG" and n == 1 and i > 0 and toks[i][0].isupper() and \
                text[s - 1:s] == "-" and toks[i - 1][2] == s - 1 and toks[i - 1][0].isupper():
            return True  # "CSP-DPA": the tail of another body's short form, not dpa
        if entry.type == "ORG" and i + n < len(toks) and toks[i + n][0] == "Charter":
            return True  # "the UN Charter": a document's name, not the body
        if h.why == "demonym" and (_inside_name(text, toks, i, n) or _a_language(text, s, e)):
            # "the Saudi Hospital", "the Russian Declaration"; "translated from Spanish",
            return True  # "a Portuguese-language daily": a language
        if entry.type in ("GPE", "LOC") and h.why == "alias" and (
                _inside_name(text, toks, i, n)
                or not self._place_here(entry, text, toks, i, n)):
            return True
        return False

    def _kept(self, found: list[_Found], text: str, reference_date: date | None,
              taken: list[bool], seen_ids: set[str]) -> list[_Found]:
        """The matches that stand: roles read as their holder in the country named,
        shared roles and bare generic bodies no country decides left out, regions
        named by their cities."""
        found = [self._role_in_country(f, found, text, reference_date)
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
        return found

    def _add_found(self, found: list[_Found], extra: list[tuple[_Found, Entity]], text: str,
                   add: Callable[[_Found, Entity], None]) -> None:
        """The gazetteer's entries found, as the report names them, then the entities
        made for shapes."""
        for f in found:
            entry = self.g.entries[f.entry_id]
            sided = self._direction(f, entry, text)
            if sided is not None:
                add(*sided)
                if entry.kind != "country":
                    continue  # "the eastern Mediterranean" names a part, not the sea
            name = entry.name
            said = text[f.start:f.end]
            if entry.type in ("GPE", "LOC") and not name.isascii() and said.isascii() and \
                    not said.isupper() and f.why == "alias" and "\n" not in said:
                # "An Nuşayrāt", "Janīn": a town's name in its romanisation; the guide
                # names places in their common English spelling, the one the report writes
                name = re.sub(r"\s+", " ", said)
            add(f, Entity(entry.id, name, entry.type, country=entry.country, kind=entry.kind))
        for f, ent in extra:
            add(f, ent)

    def _add_unlisted(self, text: str, taken: list[bool], entities: dict[str, Entity],
                      mentions: list[Mention], add: Callable[[_Found, Entity], None]) -> None:
        """Names outside the gazetteer: people and bodies by their shape."""

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

    def _add_surnames(self, text: str, taken: list[bool], entities: dict[str, Entity],
                      add: Callable[[_Found, Entity], None]) -> None:
        """Surnames alone and spelling variants of people already found."""
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

    def _finish(self, doc: Doc, mentions: list[Mention], entities: dict[str, Entity]) -> None:
        """The mentions outside page furniture, in order, and the entities they name, with
        the countries bodies' names hold, set on ``doc``."""
        text = doc.text
        mentions = _people_named_as_things(mentions, entities, self.g)
        mentions = [m for m in mentions if not in_furniture(m, entities[m.entity_id], text,
                                                          doc.site)]
        mentions.sort(key=lambda m: m.start)
        named = {m.entity_id for m in mentions}
        doc.mentions = mentions
        doc.entities = {k: e for k, e in entities.items() if k in named}
        for m in mentions:  # "South Korea's spy agency" names South Korea too, and "the
            # Thai–Cambodian border" both countries; a charity, an outlet or an association
            # named after its country ("Norwegian Refugee Council", "Radio France
            # Internationale", "Voice of America") speaks for no state, and names none
            ent_m = doc.entities[m.entity_id]
            if ent_m.type == "ORG" and ent_m.kind != "outlet" and STATE_BODY.search(m.text) \
                    or ent_m.kind == "border":
                for ent in self._countries_in(m.text):
                    doc.entities.setdefault(ent.id, ent)


def _surnames_to_full_names(entities: dict[str, Entity], mentions: list[Mention]) -> None:
    """A person named by a surname before the full name comes ("Minister Abiad" in a
    transcript whose host introduced "Firass Abiad"): one person, under the full name.
    Only names the report's shapes made are joined, never two the gazetteer knows."""
    full: dict[str, str] = {}
    for e in entities.values():
        words = e.name.split()
        if e.type == "PERSON" and len(words) >= 2:
            full.setdefault(fold(words[-1]), e.id)
    for eid, e in list(entities.items()):
        if e.type != "PERSON" or " " in e.name or e.kind != "person":
            continue
        to = full.get(fold(e.name))
        if to is None or to == eid or any(m.why != "pattern" for m in mentions
                                          if m.entity_id == eid):
            continue
        mentions[:] = [replace(m, entity_id=to) if m.entity_id == eid else m
                       for m in mentions]
        del entities[eid]


# the words of a state's bodies: its ministries, forces, services, offices and commissions
STATE_BODY = re.compile(r"\b(?:[Mm]inistry|[Aa]rmy|[Nn]avy|[Aa]ir[ \t][Ff]orce|[Ff]orces|[Pp]olice|"
                        r"[Gg]uard|[Cc]ommand|[Dd]epartment|[Ss]ervice|[Ii]ntelligence|[Aa]gency|"
                        r"[Cc]ommittee|[Oo]ffice|[Gg]overnment|[Pp]arliament|[Ee]mbassy|"
                        r"[Mm]ilitary|[Mm]inister|[Cc]ommission)\b")

LANGUAGE_BEFORE = re.compile(r"\b(?:[Tt]ranslated|[Tt]ranslation|[Tt]ranslating)[ \t]+"
                             r"(?:from|into)[ \t]+(?:the[ \t]+)?$")


def _a_language(text: str, s: int, e: int) -> bool:
    """A people's word that names their language: "translated from Spanish", "a
    Portuguese-language daily", "the French original"."""
    return bool(LANGUAGE_BEFORE.search(text, max(0, s - 30), s)
                or LANGUAGE_AFTER.match(text, e, e + 40))


# "a Portuguese-language daily", "French-speaking areas", "the Dutch original", "Spanish-
# and Portuguese-language reports": the word names a language
LANGUAGE_AFTER = re.compile(r"-(?:language|speaking)\b|[ \t]+(?:original|translation)\b|"
                            r"-[ \t]+(?:and|or)[ \t]+\w+-(?:language|speaking)\b")


def _people_named_as_things(mentions: list[Mention], entities: dict[str, Entity],
                            g: Gazetteer) -> list[Mention]:
    """A name read as a person's by its shape alone that the report also names a place or a
    body, whole or as the start of one ("Majdal Shams" the town, "Al Asad" of "Al Asad Air
    Base", an outlet "Equator Newswire" by its byline): the place or the body. Gazetteer
    people keep their names."""
    named = {m.entity_id for m in mentions}
    things = [fold(entities[i].name).split() for i in named
              if entities[i].type in ("ORG", "GPE", "LOC")]
    if not things:
        return mentions
    drop = set()
    for i in named:
        ent = entities[i]
        if ent.type != "PERSON" or i in g.entries:
            continue
        words = fold(ent.name).split()
        if any(t[:len(words)] == words for t in things):
            drop.add(i)
    return [m for m in mentions if m.entity_id not in drop] if drop else mentions


@component("intex.entities.gazetteer.v1", requires=("text",), assigns=("mentions", "entities"))
def make_entities(gazetteer: Gazetteer | None = None) -> EntityFinder:
    return EntityFinder(gazetteer or default_gazetteer())
