"""Places found in a report beyond the gazetteer's plain matches: small towns in lists,
places named by their shape or head word, regions named by their cities, directions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from intex.gazetteer.normalize import TOKEN, fold, key, lemma
from intex.model import Entity
from intex.model.ids import entity_id
from intex.pipeline.entities.bodies import ORG_HEADS
from intex.pipeline.entities.context import (
    ARTICLE_BEFORE,
    LIST_AFTER,
    LIST_BEFORE,
    POSSESSIVE,
    STOP_CAPS,
    _capital_before,
    _Found,
    _sentence_start,
    _title_case,
    _written_lower,
)
from intex.pipeline.entities.people import ADDRESSED, NAME_WORD, TITLE_WORDS
from intex.pipeline.entities.places import (
    AREA_HEAD,
    AREA_NOT,
    BORDER_HEAD,
    BORDER_NAME,
    CYR_ADJ,
    CYR_REGION_LIST,
    DIRECTION,
    DIVISION_HEADS,
    GIVEN_NAME_PLACES,
    HROMADA,
    LIST_BEFORE_AND,
    LIST_NAME,
    LOCATIVE,
    LOCATIVE_BEFORE,
    MINOR_NOT_BEFORE,
    NAME_BEFORE,
    NAME_PARTICLES,
    NAMED_VILLAGE,
    NAMES_BEFORE,
    OWNER_PREFIX,
    PLACE,
    PLACE_FOLLOWERS,
    PLACE_LIST,
    PLACE_SHAPE,
    REGION_HEAD_WORDS,
    REGION_LABEL,
    REGION_LIST,
    REGION_WORD,
    REGIONS_NAMED,
    SETTLEMENT_LIST,
    TOPONYM_END,
    _city_context,
)
from intex.pipeline.entities.resolve import _inside_name

# a place found: a gazetteer entry's (no entity) or one made for it
_Shaped = tuple[_Found, Entity | None]

# one word for a people or a faith, as "community" follows it ("the Jewish community", "the
# Druze community", "the Muslim community"); a hromada is named by its town ("the Velykyi
# Burluk community")
PEOPLE_WORD = re.compile(r"[A-Z][a-z]+(?:ish|ian|an|ese|ite|ic|ze|im|i)")


class PlaceSearch:
    """Finding places beyond the gazetteer's plain matches."""

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
        # a territory that is a place of its own ("northern Gaza") is read as a country is
        if f.why != "alias" or not (entry.kind == "country" or (
                entry.kind == "region" and entry.type == "LOC" and entry.country is None) or (
                entry.kind == "region" and entry.type == "GPE")):
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
        if re.match(r" (?:al|el)-[A-Z]", text[toks[i + n - 1][2]:toks[i + n - 1][2] + 5]) and \
                entry.kind != "region":
            return False  # "Salem al-Meslet": a given name a town shares, then the family's
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
        heads = [h for h in AREA_HEAD.finditer(text) if _capital_before(text, h.start())]
        out = [*self._region_lists(text, lang), *self._cyrillic_region_lists(text, lang),
               *self._shaped_places(text), *self._area_names(text, heads),
               *self._plural_area_names(text, heads), *self._place_lists(text, lang),
               *self._borders(text), *self._settlement_lists(text), *self._hromadas(text),
               *self._named_villages(text), *self._locatives(text)]
        return [o for o in out if o is not None]

    def _region_lists(self, text: str, lang: str | None) -> Iterator[_Shaped | None]:
        """Places named in a list under one head word ("the Mykolaiv, Zaporizhzhia and Sumy
        regions")."""
        for m in REGION_LIST.finditer(text):
            head = DIVISION_HEADS.get(m.group("head"))
            for nm in re.finditer(PLACE, m.group("names")):
                s = m.start("names") + nm.start()
                hit = self._region_of(nm.group(0), lang, head=head or "region")
                if hit is not None:
                    yield (_Found(s, s + len(nm.group(0)), hit, "alias"), None)
                elif head and nm.group(0) not in STOP_CAPS and not any(
                        self.g.entries[h.entry_id].type in ("PERSON", "ORG")
                        or self.g.entries[h.entry_id].kind == "country"
                        for h in self.g.index.get(key(nm.group(0)), [])):
                    name = f"{nm.group(0)} {head}"
                    yield (_Found(s, s + len(nm.group(0)), "", "pattern"),
                           Entity(entity_id("LOC", name), name, "LOC", kind="region"))

    def _cyrillic_region_lists(self, text: str, lang: str | None) -> Iterator[_Shaped | None]:
        """Regions listed in Ukrainian or Russian ("по Курській та Бєлгородській областях")."""
        for m in CYR_REGION_LIST.finditer(text):
            for nm in re.finditer(CYR_ADJ, m.group("names")):
                s = m.start("names") + nm.start()
                hit = self._region_of(lemma(nm.group(0)), lang, head="область")
                if hit is not None:
                    yield (_Found(s, s + len(nm.group(0)), hit, "alias"), None)

    def _shaped_places(self, text: str) -> Iterator[_Shaped | None]:
        """A name and the word for what kind of place it is ("Izium Raion", "Cape Chauda")."""
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
            yield (_Found(s, m.end("name"), "", "pattern"),
                   Entity(entity_id("LOC", name), name, "LOC", kind="region"))

    def _area_names(self, text: str, heads: list[re.Match[str]]) -> Iterator[_Shaped | None]:
        """A name before an area's head word ("the Damboa area", "the Nowshera sector")."""
        for h in heads:
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
            if h.group("head") == "camp" and not any(
                    self.g.entries[x.entry_id].type == "GPE"
                    for x in self.g.index.get(key(name), [])):
                # "the Harris camp": a candidate's side, not ground; "Zamzam camp": a camp
                # the gazetteer knows by its own name
                continue
            known = self.g.index.get(key(name)) if not h.group("built") else [
                x for x in self.g.index.get(key(name), [])
                if self.g.entries[x.entry_id].type not in ("GPE", "LOC")]
            if not words or _sentence_start(text, s) or \
                    AREA_NOT.intersection(words[-1].lower().split("-")) or \
                    words[-1] in TITLE_WORDS or known or words[-1] in ORG_HEADS or \
                    any(h.why == "demonym" for h in self.g.index.get(key(words[0]), [])):
                continue  # a place the gazetteer knows is named by its own name
            full = f"{name} {h.group('head')}"
            yield (_Found(s, h.end("head"), "", "pattern"),
                   Entity(entity_id("LOC", full), full, "LOC", kind="region"))

    def _plural_area_names(self, text: str, heads: list[re.Match[str]]) -> Iterator[_Shaped | None]:
        """Names before a plural head word ("the Tawke and Peshkabir fields")."""
        for h in heads:
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
                yield (_Found(s, s + len(name), "", "pattern"),
                       Entity(entity_id("LOC", name), name, "LOC", kind="region"))

    def _place_lists(self, text: str, lang: str | None) -> Iterator[_Shaped | None]:
        """Towns in a list that names some the gazetteer knows ("Kobani, Ain Issa, Tel Tamr
        and Hasakah")."""
        last = 0
        for a in PLACE_LIST.finditer(text):
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
                        yield (_Found(at, at + len(name), "", "pattern"),
                               Entity(entity_id("LOC", full), full, "LOC", kind="region"))
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
                    yield self._settlement(name, at)

    def _borders(self, text: str) -> Iterator[_Shaped | None]:
        """Two countries' border ("the Thai–Cambodian border")."""
        for h in BORDER_HEAD.finditer(text):
            m = BORDER_NAME.search(text, max(0, h.start() - 60), h.start())
            if m and all(self._country_word(m.group(side)) for side in ("a", "b")):
                name = m.group("name") + " border"
                yield (_Found(m.start("name"), h.end(), "", "pattern"),
                       Entity(entity_id("LOC", name), name, "LOC", kind="border"))

    def _settlement_lists(self, text: str) -> Iterator[_Shaped | None]:
        """Settlements introduced as such ("the villages of Plekhovo and Vorozhba")."""
        for m in SETTLEMENT_LIST.finditer(text):
            for nm in re.finditer(PLACE, m.group("names")):
                s = m.start("names") + nm.start()
                if nm.group(0).split()[0] in TITLE_WORDS:
                    break  # "the village of Feski, Governor Oleh Syniehubov said"
                yield self._settlement(nm.group(0), s)

    def _hromadas(self, text: str) -> Iterator[_Shaped | None]:
        """A community by its name ("Borova hromada")."""
        for m in HROMADA.finditer(text):
            owner = OWNER_PREFIX.match(m.group("name"))
            cut = owner.end() if owner else 0
            if re.search(r"\b(?:a|an|A|An)[ \t]+$", text[max(0, m.start() - 4):m.start()]):
                continue  # "a Bedouin community": what kind of community, not its name
            if m.group(0).endswith("community") and PEOPLE_WORD.fullmatch(m.group("name")):
                continue  # "the Jewish community", "the Druze community": a people, not a place
            yield self._settlement(m.group("name")[cut:], m.start("name") + cut)

    def _named_villages(self, text: str) -> Iterator[_Shaped | None]:
        """A settlement and its kind ("Shwe Kyin village", "Maungdaw town")."""
        for m in NAMED_VILLAGE.finditer(text):
            words, s = m.group("name").split(), m.start("name")
            while words and words[0] in STOP_CAPS:
                s += len(words[0]) + 1
                words = words[1:]
            # "a Shiite village", "the Druze town": a word that says what kind of village
            if words and not ARTICLE_BEFORE.search(text[max(0, s - 5):s]) and \
                    not any(h.why == "demonym" for h in self.g.index.get(key(words[0]), [])):
                yield self._settlement(" ".join(words), s)

    def _locatives(self, text: str) -> Iterator[_Shaped | None]:
        """A lone name after "near", "from", "in" that ends as Ukrainian and Russian
        settlements' names do ("near Kindrashivka")."""
        for m in LOCATIVE.finditer(text):
            name = m.group("name")
            if TOPONYM_END.search(name) and not self.g.index.get(key(name)) and \
                    fold(name) not in self.g.by_surname and name not in STOP_CAPS:
                yield self._settlement(name, m.start("name"))

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
