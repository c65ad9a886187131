"""Resolution to canonical entities: gazetteer matches and their case, roles held in a
country, the country inside a body's name, a surname linked to the person named in full,
and a fuzzy look-up of spellings the gazetteer lacks.
"""

from __future__ import annotations

import re
from datetime import date

from rapidfuzz import fuzz

from intex.gazetteer import Gazetteer
from intex.gazetteer.loader import Hit
from intex.gazetteer.normalize import TOKEN, fold, key, stems
from intex.model import Entity
from intex.pipeline.entities.bodies import NAME_HEADS
from intex.pipeline.entities.context import STOP_CAPS, UNPLACED, _Found
from intex.pipeline.entities.people import NAME_WORD
from intex.pipeline.entities.places import ARABIC_ARTICLES, REGION_HEAD_WORDS, _dateline_place
from intex.pipeline.entities.shapes import GENERIC_BODIES

# words folded before, for reports in English: a plain dictionary answers faster than
# fold's own cache, which also keys on the language (cleared when it grows too big)
_FOLDED: dict[str, str] = {}
_MINISTRY_WORD = re.compile(r"ministry", re.I)


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


# the patterns ``Resolver`` reads, compiled once
# "-run", "-led", "-controlled", "-backed" after a name
_RUN_BY_SUFFIX = re.compile(r"-(?:run|led|controlled|backed)\b")
_SPACES = re.compile(r"\s+")


class Resolver:
    """Matching words to gazetteer entries and resolving them to one entity."""

    def _countries_inside(self, name: str) -> list[Entity]:
        """Countries a body's name holds ("UK Ministry of Defence", "Ethiopian Human Rights
        Commission"): the report names them, though the body's mention covers the words."""
        toks = [(t.group(0), t.start(), t.end()) for t in TOKEN.finditer(name)]
        out = []
        covered = 0  # "South Sudan People's Defence Forces" holds South Sudan, not Sudan too
        for i in range(len(toks)):
            if i < covered:
                continue
            for n in (3, 2, 1):
                if i + n > len(toks) or not toks[i][0][:1].isupper():
                    continue
                k = tuple(fold(t) for t, _, _ in toks[i:i + n])
                nxt = toks[i + n][0] if i + n < len(toks) else ""
                hits = [h for h in self.g.index.get(k, []) if h.why in ("alias", "demonym")
                        and self.g.entries[h.entry_id].kind == "country"
                        # "the Saudi Hospital": a people's word before a building's names
                        # no country (as in the report's own words, finder)
                        and not (h.why == "demonym" and nxt in NAME_HEADS)
                        and _case_ok(h, [t for t, _, _ in toks[i:i + n]], name,
                                     toks[i][1], toks[i + n - 1][2])]
                # "Yemen's Houthi-run health ministry": who runs it is named too
                if not hits and _RUN_BY_SUFFIX.match(name[toks[i + n - 1][2]:]):
                    hits = [h for h in self.g.index.get(k, []) if h.why == "alias"
                            and self.g.entries[h.entry_id].type == "ORG"]
                if hits:
                    e = self.g.entries[hits[0].entry_id]
                    out.append(Entity(e.id, e.name, e.type, country=e.country, kind=e.kind))
                    covered = i + n
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
        lead = None if _dateline_place(text, places[0].start, places[0].end) else \
            self.leading_country(found)
        if lead in by_country:
            # "Russian air defences downed 120 Ukrainian drones, the Defence Ministry said"
            # in a report about Russia: the body of the country the report is about, not
            # of the one its sentence happens to name last
            return _Found(f.start, f.end, by_country[lead], f.why)
        if lead is not None and _MINISTRY_WORD.search(text, f.start, f.end):
            # a country with no such ministry listed: the ministries named by their field
            # (finder.py) name it after the country
            return _Found(f.start, f.end, f.entry_id, UNPLACED)
        return _Found(f.start, f.end, by_country[self.g.entries[places[0].entry_id].country],
                      f.why)

    def leading_country(self, found: list[_Found]) -> str | None:
        """The country a report's places point to most, when one clearly leads (named
        at least three times, and at least twice as often as any other)."""
        counts: dict[str, int] = {}
        for g in found:
            entry = self.g.entries[g.entry_id]
            if g.why != "role" and entry.type in ("GPE", "LOC") and \
                    entry.country in self.g.country_by_code:
                counts[entry.country] = counts.get(entry.country, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if not ranked or ranked[0][1] < 3 or len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
            return None
        return ranked[0][0]

    def _generic_elsewhere(self, f: _Found, text: str, seen_ids: set[str]) -> bool:
        """A national body found by the bare name every country's body has ("National
        Police", "General Staff") in a report that never names its country."""
        entry = self.g.entries[f.entry_id]
        return entry.type == "ORG" and bool(entry.country) and \
            _SPACES.sub(" ", text[f.start:f.end]).lower() in GENERIC_BODIES and \
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
