"""Entities: gazetteer look-up, roles and titles, demonyms, and names found by their shape.

Every mention is resolved to one canonical entity: "Zelenskyi", "Zelenskyy" and "the
President of Ukraine" become Volodymyr Zelensky. Names outside the gazetteer are found
by how reports introduce people and bodies (titles, appositions, speech verbs, the head
words of organisations) and linked within the report by surname.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from intex.gazetteer import Gazetteer, default_gazetteer
from intex.gazetteer.normalize import fold
from intex.model import Entity, Mention
from intex.model.ids import entity_id
from intex.pipeline.component import component
from intex.pipeline.doc import Doc

TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
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
    r"journalist|correspondent|colonel|general|sergeant|lieutenant|captain|major"
)
NAME_WORD = r"(?:[A-Z][a-z'’]+(?:-[A-Za-z][a-z'’]+)?|[A-Z]\.|[A-Z][a-z]*[A-Z][a-z]+)"
TITLED_NAME = re.compile(rf"\b(?:{TITLES})\s+(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}})")
SPEECH_AFTER = re.compile(
    r"^\s*,?\s*(?:\w+\s+){0,1}(?:said|says|told|added|noted|stated|wrote|claimed|confirmed|"
    r"warned|explained|reported|announced|stressed|emphasized|emphasised|insisted|argued|"
    r"believes|estimated|estimates|assessed|denied|revealed|posted|commented)\b")
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
)
ORG_NAME = re.compile(
    rf"\b(?:the[ \t]+)?(?P<name>(?:[A-Z][\w'’.-]*|of|the|for|and|on|de|in)(?:[ \t]+(?:[A-Z][\w'’.-]*|of|"
    rf"the|for|and|on|in|\d+(?:st|nd|rd|th)))*[ \t]+(?:{'|'.join(ORG_HEADS)})(?:[ \t]+(?:of|for)"
    rf"(?:[ \t]+the)?(?:[ \t]+[A-Z][\w'’-]*)+)?)")
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
    "Despite", "Although", "Though", "With", "Without", "Under", "Amid", "Among", "Between",
    "Through", "Across", "Against", "Toward", "Towards", "Within", "Points", "Attention",
    "Key", "Summary", "Home", "Politics", "World", "War", "Ukraine", "Kyiv", "Top", "Latest",
}


@dataclass
class _Found:
    start: int
    end: int
    entry_id: str
    why: str


class EntityFinder:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.g = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        toks = [(m.group(0), m.start(), m.end()) for m in TOKEN.finditer(text)]
        folded = [fold(t) for t, _, _ in toks]
        found: list[_Found] = []
        taken = [False] * len(text)
        seen_ids: set[str] = set()
        pending_weak: list[tuple[int, int, str]] = []
        i = 0
        while i < len(toks):
            hit = None
            for n in range(min(self.g.max_len, len(toks) - i), 0, -1):
                k = tuple(folded[i:i + n])
                hits = self.g.index.get(k)
                if not hits:
                    continue
                surface = [t for t, _, _ in toks[i:i + n]]
                ok = [h for h in hits if _case_ok(h, surface, text, toks[i][1], toks[i + n - 1][2])]
                if ok:
                    hit = (n, _best(ok, k, self.g))
                    break
            if hit:
                n, h = hit
                s, e = toks[i][1], toks[i + n - 1][2]
                entry = self.g.entries[h.entry_id]
                if entry.type in ("GPE", "LOC") and h.why == "alias" and \
                        _inside_name(text, toks, i, n):
                    i += n
                    continue
                if h.weak and h.entry_id not in seen_ids:
                    pending_weak.append((s, e, h.entry_id))
                else:
                    found.append(_Found(s, e, h.entry_id, h.why))
                    seen_ids.add(h.entry_id)
                    for p in range(s, e):
                        taken[p] = True
                # a role may hold a body's name ("head of the Main Directorate of
                # Intelligence"): look inside it too
                i += 1 if h.why == "role" else n
            else:
                i += 1
        for s, e, eid in pending_weak:  # a surname alone counts once the full name is known
            if eid in seen_ids:
                found.append(_Found(s, e, eid, "alias"))
                for p in range(s, e):
                    taken[p] = True
        entities: dict[str, Entity] = {}
        mentions: list[Mention] = []

        def add(f: _Found, entity: Entity) -> None:
            entities.setdefault(entity.id, entity)
            mentions.append(Mention(entity.id, f.start, f.end, text[f.start:f.end], f.why))

        for f in found:
            entry = self.g.entries[f.entry_id]
            add(f, Entity(entry.id, entry.name, entry.type, country=entry.country,
                          kind=entry.kind))
        # "eastern Russia", "southern Ukraine": a direction and a country make a region
        for f in list(found):
            entry = self.g.entries[f.entry_id]
            if entry.type != "GPE" or entry.kind != "country" or f.why != "alias":
                continue
            m = DIRECTION.search(text[max(0, f.start - 16):f.start].rstrip())
            if m and text[f.start - 1] == " ":
                s = f.start - 16 + m.start() if f.start >= 16 else m.start()
                name = f"{m.group(0).lower()} {entry.name}"
                add(_Found(s, f.end, "", "pattern"),
                    Entity(entity_id("LOC", name), name, "LOC", country=entry.country,
                           kind="region"))
        # names outside the gazetteer
        for f, etype in self._shapes(text, taken):
            name = text[f.start:f.end]
            ent = self._link_surname(name, entities) if etype == "PERSON" else None
            if ent is None:
                ent = Entity(entity_id(etype, name), name, etype, kind="person"
                             if etype == "PERSON" else "organization")
            add(f, ent)
            for p in range(f.start, f.end):
                taken[p] = True
        # surnames alone and spelling variants of people already found
        people = [e for e in entities.values() if e.type == "PERSON"]
        for m in re.finditer(rf"\b{NAME_WORD}\b", text):
            if taken[m.start()] or m.group(0) in STOP_CAPS or len(m.group(0)) < 4:
                continue
            ent = self._link_surname(m.group(0), {e.id: e for e in people}) or \
                self._fuzzy_gazetteer(m.group(0))
            if ent is not None:
                add(_Found(m.start(), m.end(), ent.id, "alias"), ent)
                for p in range(m.start(), m.end()):
                    taken[p] = True
        mentions.sort(key=lambda m: m.start)
        doc.mentions = mentions
        doc.entities = entities
        return doc

    def _shapes(self, text: str, taken: list[bool]):
        def free(s: int, e: int) -> bool:
            return not any(taken[s:e])

        out: list[tuple[_Found, str]] = []
        for m in ORG_NAME.finditer(text):
            s, e = m.start("name"), m.end("name")
            name = m.group("name")
            words = name.split()
            while words and words[0] in ("of", "the", "for", "and", "on", "in", "The"):
                s += len(words[0]) + 1
                words = words[1:]
            if len(words) >= 2 and free(s, e) and words[0][:1].isupper():
                out.append((_Found(s, e, "", "pattern"), "ORG"))
                for p in range(s, e):
                    taken[p] = True
        for m in TITLED_NAME.finditer(text):
            s, e = m.start("name"), m.end("name")
            words = m.group("name").split()
            while words and words[-1] in STOP_CAPS:
                e -= len(words[-1]) + 1
                words = words[:-1]
            if words and words[0] not in STOP_CAPS and free(s, e) and \
                    not any(w in STOP_CAPS for w in words):
                out.append((_Found(s, e, "", "pattern"), "PERSON"))
                for p in range(s, e):
                    taken[p] = True
        for m in re.finditer(rf"{NAME_WORD}(?:[ \t]+{NAME_WORD}){{1,3}}", text):
            s, e = m.start(), m.end()
            words = m.group(0).split()
            if any(w in STOP_CAPS for w in words) or not free(s, e):
                continue
            after = SPEECH_AFTER.match(text[e:e + 40])
            before = SPEECH_BEFORE.search(text[max(0, s - 20):s])
            appos = re.match(r"^,\s+(?:the|a|an)?\s*[a-z]", text[e:e + 6]) or \
                re.search(r"(?:\b[a-z]+|,)\s*,?\s*$", text[max(0, s - 3):s]) and \
                re.match(r"^,", text[e:e + 1])
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
        return None

    def _fuzzy_gazetteer(self, word: str) -> Entity | None:
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
              "Initiative", "Group", "Platform", "Charter", "Compact", "Statement", "Talks"}


def _inside_name(text: str, toks, i: int, n: int) -> bool:
    """'Vilnius' in 'the G7 Vilnius Declaration' is part of another name, not a place."""
    nxt = toks[i + n][0] if i + n < len(toks) else ""
    return nxt in NAME_HEADS


def _case_ok(hit, surface: list[str], text: str, start: int, end: int) -> bool:
    if hit.exact_case:
        return text[start:end].replace(".", "").replace(" ", "").isupper()
    if hit.why == "role":
        return True
    caps = hit.capitals
    words = [w for w in surface]
    if len(caps) != len(words):
        return words[0][:1].isupper() or not caps or not caps[0]
    return all(w[:1].isupper() or not c for w, c in zip(words, caps, strict=False))


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
