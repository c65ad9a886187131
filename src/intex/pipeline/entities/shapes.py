"""Bodies and places the gazetteer does not know, found by the constructions reports use.

A report about a war the gazetteer has never heard of still writes "Lebanon's health
ministry", "the Nigerian Air Force said", "Cabo Delgado province", "the provinces of
Ninawa, Kirkuk and Salahuddin" or "in Djibo, a town in the north". These shapes name the
body or the place, and often its country, whatever the names are. The finder in
``finder`` runs them before its gazetteer pass, so that a country inside a body's
name ("Lebanon" in "Lebanon's health ministry") becomes part of the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from intex.gazetteer import Gazetteer
from intex.gazetteer.canonical import canonical_ministry
from intex.gazetteer.normalize import key
from intex.pipeline.alternation import grouped
from intex.pipeline.entities.context import STOP_CAPS
from intex.pipeline.prefilter import SLOW_SCAN, prefiltered, with_start_test

# a capitalised word, without a possessive "'s" ("Lebanon's" is Lebanon). Its letters are
# taken whole (*+, ++: no giving back): in the patterns below a name is followed by a
# space, a quote, a comma or the pattern's end, none of which a letter or hyphen given
# back could be, so trying the word shorter only cost time at every capital of a report.
# A pattern that asks for \b right after a name needs the word able to give back a final
# hyphen ("Khost-"): it takes the backtracking form (REGION_OF; tests/pipeline/
# test_entity_shapes_scan.py compares the two forms).
CAP = r"[A-Z][\w-]*+(?:['’](?![sS]\b)[\w-]++)*"
# "Cabo Delgado", "Mocimboa da Praia", "Deir ez-Zor", "Al Hudaydah"
PLACE_NAME = (rf"{CAP}(?:[ \t](?:(?:da|de|do|del|di|du|el|al|ez|ad|as|ash)[ \t])?{CAP}|"
              # "Rashaya al-Wadi", "Deir al-Balah": an Arabic article joined to its word
              rf"[ \t](?:al|el|ad|an|ar|as|ash|at|az|ez)-{CAP}){{0,2}}")
OWNER = rf"{CAP}(?:[ \t]{CAP}){{0,3}}"


def backtracking(pattern: str) -> str:
    """A pattern built from CAP, with CAP's words able to give letters back."""
    return pattern.replace("*+", "*").replace("++", "+")


# "Houthi-run", "Hamas-led", "Taliban-controlled": who holds the body, not whose it is
HELD_BY = r"(?:[A-Z][\w'’-]*-(?:run|led|controlled|backed|administered)[ \t]+)?"

MINISTRY_FIELDS = {
    "health": "Health", "defence": "Defence", "defense": "Defence", "foreign": "Foreign Affairs",
    "foreign affairs": "Foreign Affairs", "interior": "Interior", "home": "Interior",
    "justice": "Justice", "finance": "Finance", "information": "Information",
    "humanitarian affairs": "Humanitarian Affairs", "education": "Education",
    "energy": "Energy", "agriculture": "Agriculture", "internal affairs": "Interior",
    "emergencies": "Emergency Situations", "emergency situations": "Emergency Situations",
    # one name for each body whatever its country's title (gazetteer/canonical.py)
    "national defence": "Defence", "national defense": "Defence",
}
FIELD = r"(?P<field>[Hh]ealth|[Dd]efen[cs]e|[Ff]oreign(?:[ \t][Aa]ffairs)?|[Ii]nterior|[Hh]ome|" \
        r"[Jj]ustice|[Ff]inance|[Ii]nformation|[Hh]umanitarian[ \t][Aa]ffairs|[Ee]ducation|" \
        r"[Ee]nergy|[Aa]griculture|[Ii]nternal[ \t][Aa]ffairs|[Ee]mergencies|" \
        r"[Ee]mergency[ \t][Ss]ituations|[Nn]ational[ \t][Dd]efen[cs]e)"
# "Lebanon's health ministry", "the Iraqi Interior Ministry", "Yemen's Houthi-run health ministry"
MINISTRY_AFTER_OWNER = prefiltered(re.compile(
    rf"\b(?P<owner>{OWNER})(?:['’]s)?[ \t]+{HELD_BY}{FIELD}[ \t]+[Mm]inistry\b"), SLOW_SCAN)
# "the health ministry in Hamas-run Gaza", "the Ministry of Health in Gaza", "Iraq's Ministry
# of Interior", "the Ministry of Health of Lebanon"
MINISTRY_BEFORE_OWNER = prefiltered(re.compile(
    rf"\b(?:{FIELD}[ \t]+[Mm]inistry|"
    rf"[Mm]inistry[ \t]+of[ \t]+(?:the[ \t]+)?{FIELD.replace('field', 'field2')})"
    rf"[ \t]+(?:in|of)[ \t]+(?:the[ \t]+)?{HELD_BY}(?P<owner>{OWNER})"), SLOW_SCAN)
# a ministry with no owner beside it ("the health ministry said", "Foreign Ministry spokesman
# ..."): the country's the report is about, which the finder reads from the places around
# it. "The Ministry of Defence" in full, with no country, is left alone: it is how a
# ministry's own release, or a paper of its own country, names it
OWNERLESS_MINISTRY = prefiltered(re.compile(
    rf"\b{FIELD}[ \t]+[Mm]inistry\b(?!-|[ \t]+(?:of|in)[ \t]+[A-Z])"), SLOW_SCAN)
MINISTRY_OF_AFTER_OWNER = prefiltered(re.compile(
    rf"\b(?P<owner>{OWNER})(?:['’]s)?[ \t]+Ministry[ \t]+of[ \t]+(?:the[ \t]+)?"
    rf"{FIELD.replace('field', 'field2')}\b"), SLOW_SCAN)

# a national army by its word alone that speaks: "the army said", "an Army spokesman",
# "according to the national army"; not a longer name ("the Army Reserve") nor a group's
# ("the Arakan Army"). A bare mention ("the army ousted him") is no entity, as the guide
# lists parties by name
BARE_ARMY = prefiltered(re.compile(
    r"\b(?:(?:[Aa]ccording[ \t]+to|[Cc]iting)[ \t]+)?(?:[Tt]he|[Ii]ts|[Tt]heir|[Aa]n)[ \t]+"
    r"(?:national[ \t]+)?(?P<army>[Aa]rmy)\b(?![ \t]+[A-Z]|-)"
    # as a party that speaks, as sources read it: "the army said", "an Army spokesman",
    # "according to the army"
    r"(?:(?<=to[ \t]the[ \t]army)|(?<=to[ \t]the[ \t]Army)|"
    # a report that writes its country's army with a capital names a party by it, whatever
    # it does: "attacked the Army and the Police", "the Army's 8th Infantry Division"
    r"(?<=[ \t]Army)|"
    r"(?=(?:['’]s)?[ \t]+(?:(?:also|later|earlier|has|had|have)[ \t]+)?(?:said|says|reported|"
    r"announced|claimed|confirmed|stated|told|denied|added|spokesm[ae]n|spokesperson|"
    r"statement|named|launched|began|resumed)\b))"), SLOW_SCAN)
# "Secretary of the Army", "Chief of Staff of the Army": the army inside a title
TITLE_OF = re.compile(r"\b[A-Z][a-z]+[ \t]+of[ \t]+the[ \t]+$")
# a national force named by its country, as a speaker: "the Nigerian army said",
# "Mali's armed forces reported". Bare mentions ("reinforce the Russian army") are left
# alone: annotators list a force when it speaks, not whenever it is named.
FORCES = {"army": "Army", "navy": "Navy", "air force": "Air Force", "police": "Police",
          "military": "Armed Forces", "armed forces": "Armed Forces",
          "coast guard": "Coast Guard", "national guard": "National Guard",
          "gendarmerie": "Gendarmerie"}
FORCE_SPEAKS = prefiltered(re.compile(
    rf"\b(?P<owner>{OWNER})(?:['’]s)?[ \t]+(?P<force>[Aa]rmy|[Nn]avy|[Aa]ir[ \t][Ff]orce|"
    r"[Pp]olice|[Mm]ilitary|[Aa]rmed[ \t][Ff]orces|[Cc]oast[ \t][Gg]uard|"
    r"[Nn]ational[ \t][Gg]uard|[Gg]endarmerie)"
    r"(?=(?:[ \t]+(?:also|later|earlier|previously|has|had|have))?[ \t]*,?[ \t]*(?:said|says|"
    r"reported|announced|claimed|confirmed|stated|told|denied|added|wrote|posted|estimated|"
    r"say|suspect|suspects|suspected|believe|believes|believed)\b)"),
    SLOW_SCAN)
FORCE_AFTER_ACCORDING = prefiltered(re.compile(
    rf"\b(?:[Aa]ccording[ \t]+to|[Cc]iting)[ \t]+(?:the[ \t]+)?(?P<owner>{OWNER})(?:['’]s)?[ \t]+"
    r"(?P<force>army|navy|air force|police|military|armed forces)\b"
    # "citing Ukrainian military intelligence sources" is someone else
    r"(?![ \t]+(?!(?:on|in|at|on|the|that|which|who|as|and|said|says)\b)[a-z])"), SLOW_SCAN)

# a body's name with a country's or people's name in front: "Ethiopian Human Rights
# Commission", "Palestine Red Crescent Society", "Somali National Army"
BODY_HEADS = (
    "Commission", "Council", "Front", "Movement", "Brigades", "Brigade", "Forces", "Guard",
    "Society", "Crescent", "Agency", "Authority", "Observatory", "Army", "Navy", "Air Force",
    "Police", "Ministry", "Service", "Committee", "Directorate", "Command", "Corps",
    "Network", "Party", "Assembly", "Parliament", "Institute", "Office", "Department", "Force",
)
NATIONAL_BODY = re.compile(
    rf"(?=\b(?P<owner>{CAP})(?P<poss>['’]s)?[ \t]+(?P<body>(?:(?:{CAP}|for|of|and)[ \t]+){{0,4}}"
    rf"(?:{grouped('|'.join(BODY_HEADS), ignore_case=False)}))\b)")
# "the General Staff of Ukraine's Armed Forces": the construction ends a longer name
TAIL_OF_NAME = re.compile(r"[A-Z][\w'’-]*[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?$")
# a national force named by a branch word is "<Branch> (<Country>)" whatever form the text
# gives its name ("the Chad Army", "the Colombian National Army"), as the guide writes
# forces; police, coast guards and gendarmeries keep the name the text gives them
BRANCHES = {"Army", "Navy", "Air Force", "Armed Forces"}
# bodies every country has, whose name alone says nothing: "Russian Security Council" is
# the Security Council of Russia, as the annotation guide writes national bodies
GENERIC_BODIES = {
    "army": "Army", "navy": "Navy", "air force": "Air Force", "police": "Police",
    "armed forces": "Armed Forces", "security council": "Security Council",
    "national security council": "National Security Council", "coast guard": "Coast Guard",
    "defence ministry": "Ministry of Defence", "defense ministry": "Ministry of Defence",
    "foreign ministry": "Ministry of Foreign Affairs", "health ministry": "Ministry of Health",
    "interior ministry": "Ministry of Interior", "justice ministry": "Ministry of Justice",
    "finance ministry": "Ministry of Finance", "parliament": "Parliament",
    "national army": "Army", "national police": "National Police",
    "special forces": "Special Forces", "border guard": "Border Guard",
    "presidential office": "Office of the President",
}

# countries whose first-level regions reports call oblasts, named after their main city
OBLAST_COUNTRIES = {"RU", "UA", "BY", "KZ"}
# places named with the kind of place they are
REGION_HEADS = {"province": "Province", "governorate": "Governorate", "state": "State",
                "region": "Region", "territory": "Territory", "district": "District",
                "department": "Department", "county": "County", "prefecture": "Prefecture",
                "township": "Township",
                # Nigeria's districts: "Gujba Local Government Area", "Igabi local government
                # area"
                "local government area": "Local Government Area"}
HEAD = r"(?P<head>[Pp]rovince|[Gg]overnorate|[Ss]tate|[Rr]egion|[Tt]erritory|[Dd]istrict|" \
       r"[Dd]epartment|[Cc]ounty|[Pp]refecture|[Tt]ownship|" \
       r"[Ll]ocal[ \t][Gg]overnment[ \t][Aa]rea)"
HEADS = r"(?P<head>[Pp]rovinces|[Gg]overnorates|[Ss]tates|[Rr]egions|[Tt]erritories|" \
        r"[Dd]istricts|[Dd]epartments|[Cc]ounties|[Pp]refectures|[Tt]ownships)"
PLURAL = {"provinces": "province", "governorates": "governorate", "states": "state",
          "regions": "region", "territories": "territory", "districts": "district",
          "departments": "department", "counties": "county", "prefectures": "prefecture",
          "townships": "township"}
NAMED_REGION = prefiltered(re.compile(
    # ("the Islamic State of Iraq" is no region; "Gujba Local Government Area of Yobe State" is)
    rf"\b(?P<name>{PLACE_NAME})[ \t]+{HEAD}\b"
    r"(?:(?<=[Aa]rea)(?![ \t]+[A-Z])|(?![ \t]+(?:of|[A-Z])))"), SLOW_SCAN)
PLACE_NAME_B = backtracking(PLACE_NAME)  # before \b
# "the province of Khost", "Syria's southern province of Sweida"
REGION_OF = prefiltered(re.compile(
    rf"\b(?:the|{CAP}['’]s)[ \t]+(?:(?:north|south|east|west|central|north-?east|north-?west|"
    rf"south-?east|south-?west)(?:ern)?[ \t]+)?{HEAD}[ \t]+of[ \t]+(?P<name>{PLACE_NAME_B})\b"),
    SLOW_SCAN)
NAME_LIST = (rf"(?P<names>{PLACE_NAME}(?:[ \t]*,[ \t]*{PLACE_NAME})*"
             rf"(?:[ \t]*,?[ \t]+and[ \t]+{PLACE_NAME}))")
REGION_LIST_AFTER = prefiltered(re.compile(
    rf"\b{HEADS}[ \t]*,?[ \t]+(?:of|including|such[ \t]+as|like|namely|among[ \t]+them)"
    rf"[ \t]+{NAME_LIST}"), SLOW_SCAN)
REGION_LIST_BEFORE = prefiltered(re.compile(rf"\b{NAME_LIST}[ \t]+{HEADS}\b"), SLOW_SCAN)
# "the Zamzam camp", "Abu Shouk displacement camp", "Jabalia refugee camp"
CAMP = prefiltered(re.compile(
    rf"\b(?P<name>{PLACE_NAME})[ \t]+(?:(?:refugee|displacement|IDP|displaced|"
    r"displaced[ \t]persons|transit|military)[ \t]+)?camps?\b"), SLOW_SCAN)
# "in Djibo, a town in northern Burkina Faso"; "Hodeidah, the port city"
APPOSED = re.compile(
    rf"\b(?P<name>{PLACE_NAME}),[ \t]+(?:a|an|the)[ \t]+(?:[\w-]+[ \t]+){{0,2}}?"
    r"(?P<kind>town|village|city|settlement|hamlet|port|district|suburb|neighbourhood|"
    r"neighborhood|camp|locality|commune)\b(?=[ \t]+(?:in|on|of|near|north|south|east|west|"
    r"some|about|around|that|where|which|held|controlled|,)|[ \t]*[,.;])")
# "near Karachev in Russia's Bryansk region", "at Kalma in South Darfur": an unknown name
# placed inside a known place is a place
LOCATED_IN = re.compile(
    rf"\b(?:near|outside|in|at|around|from)[ \t]+(?P<name>{PLACE_NAME})[ \t]+in[ \t]+"
    r"(?:the[ \t]+)?(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|"
    rf"south-?west)(?:ern)?[ \t]+)?(?P<where>{CAP}(?:[ \t]{CAP})?)")
# "struck Maifadoun, in Nabatieh district", "strikes on Sarbin, in Bint Jbeil district": an
# unknown name (after a preposition, or as what was struck) placed, after a comma, in a
# division named with its head word is a town
IN_DIVISION = re.compile(
    rf"\b(?:near|outside|in|at|around|from|on|before|beyond|past|towards?|"
    r"hit|struck|shelled|bombed|targeted|raided)"
    rf"[ \t]+(?P<name>{PLACE_NAME}),[ \t]+in[ \t]+"
    rf"(?:the[ \t]+)?{CAP}(?:[ \t]{CAP}){{0,2}}[ \t]+(?:[Dd]istrict|[Pp]rovince|[Gg]overnorate|"
    r"[Rr]egion|[Cc]ounty|[Ss]tate|[Dd]epartment|[Pp]refecture|[Oo]blast|[Rr]aion|"
    r"Local[ \t]Government[ \t]Area)\b")
# words before a region head that make it something else: "the Islamic State", "member
# states", "the Russian state", "the Union State", "a police state"
NOT_REGION_NAME = {"islamic", "member", "union", "nation", "deep", "free", "secretary",
                   "home", "welfare", "police", "sovereign", "independent", "head", "heads",
                   "federal", "central", "eastern", "western", "northern", "southern", "border",
                   "frontline", "front", "occupied", "autonomous", "the", "this", "that",
                   "whole", "entire", "same", "every", "each", "state", "region", "capital",
                   "affected", "military", "administrative", "government", "rebel",
                   "special", "gulf", "arab", "baltic", "nordic", "african", "european",
                   "asian", "american"}
# words that end the name of a body or a building, not of a town
ORG_WORDS = set(BODY_HEADS) | {"Hospital", "University", "School", "Parliament", "Congress",
                               "Embassy", "Airport", "Station", "Base", "Hotel", "Prison",
                               # "at Government House in Katsina", "the Presidential Palace"
                               "House", "Palace", "Mosque", "Church", "Stadium", "Market"}
# words a settlement's or camp's name never is
NOT_PLACE_NAME = {"the", "a", "an", "this", "that", "its", "their", "his", "her", "our",
                  "military", "army", "boot", "training", "prison", "detention", "base",
                  "refugee", "displacement", "camp", "summer", "concentration", "labour",
                  "labor", "peace", "opposition", "government", "regime", "rebel"}


# scanned over each whole report: tried only where a name can start
APPOSED, LOCATED_IN, IN_DIVISION = (with_start_test(rx) for rx in (APPOSED, LOCATED_IN,
                                                                   IN_DIVISION))


@dataclass(frozen=True)
class Shape:
    """A name found by its construction: the entry it resolves to, or a new entity."""
    start: int
    end: int
    type: str
    name: str
    entry_id: str = ""  # a gazetteer entry, when the construction names a known one
    country: str | None = None  # ISO code of the body's country
    kind: str = "organization"


class ShapeFinder:
    def __init__(self, g: Gazetteer) -> None:
        self.g = g

    # bodies ------------------------------------------------------------------------
    def bodies(self, text: str) -> list[Shape]:
        return [b for b in self._bodies(text) if not TAIL_OF_NAME.search(text[:b.start])]

    def _bodies(self, text: str) -> list[Shape]:
        out: list[Shape] = []
        for rx in (MINISTRY_AFTER_OWNER, MINISTRY_BEFORE_OWNER, MINISTRY_OF_AFTER_OWNER):
            for m in rx.finditer(text):
                field = m.groupdict().get("field") or m.groupdict().get("field2")
                owner, s, e = self._owner(m)
                if owner is None:
                    continue
                label = MINISTRY_FIELDS[re.sub(r"\s+", " ", field.lower())]
                out.append(self._body(s, e, f"Ministry of {label}", owner, text, "ministry"))
        for rx in (FORCE_SPEAKS, FORCE_AFTER_ACCORDING):
            for m in rx.finditer(text):
                owner, s, e = self._owner(m)
                if owner is None:
                    continue
                label = FORCES[re.sub(r"\s+", " ", m.group("force").lower())]
                shape = self._body(s, e, label, owner, text, "military")
                if not shape.entry_id and label not in BRANCHES and \
                        m.group("force")[:1].isupper() and \
                        not re.search(r"['’]s\s", text[s:e]) and \
                        not self._demonym(text[s:m.start("force")].strip()):
                    shape = replace(shape, name=text[s:e])  # "the Kosovo Police said"
                out.append(shape)
        for m in NATIONAL_BODY.finditer(text):
            owner = self._place(m.group("owner"), country_only=True)
            s, e = m.start("owner"), m.end("body")
            if owner is None:
                continue
            # "South Sudanese": a two-word owner whose first word the match left out
            prev = re.search(rf"({CAP})[ \t]+$", text[max(0, s - 20):s])
            if prev and self._place(f"{prev.group(1)} {m.group('owner')}", True) is not None:
                s -= len(prev.group(0))
                owner = self._place(text[s:m.end("owner")], True)
            if key(text[s:e]) in self.g.index:
                continue  # the gazetteer knows the whole name and reads it itself
            body = m.group("body")
            generic = GENERIC_BODIES.get(body.lower())
            if generic:
                shape = self._body(s, e, generic, owner, text, "agency")
                if not shape.entry_id and generic not in BRANCHES and \
                        not m.group("poss") and body[:1].isupper() and \
                        not self._demonym(text[s:m.end("owner")]):
                    # "the Kosovo Police", "six China Coast Guard ships": a force named by
                    # its country's name keeps the name ("the Peruvian Air Force" is the
                    # guide's "Air Force (Peru)", and so is "the Peru Air Force")
                    shape = replace(shape, name=text[s:e])
                out.append(shape)
            elif len(body.split()) >= 2 and body.split()[0][:1].isupper():
                # "Kenya's National Police Service": the country is the owner, not a word
                # of the name, which the guide writes "National Police Service (Kenya)"
                name = canonical_ministry(f"{ministry_of(body)} ({owner.name})") \
                    if m.group("poss") else text[s:e]
                out.append(Shape(s, e, "ORG", name, country=owner.country))
        return out

    def ownerless_ministries(self, text: str) -> list[tuple[int, int, str]]:
        """Ministries named by their field alone: span and the guide's head-first name
        without its country ("Ministry of Health")."""
        out = []
        for m in OWNERLESS_MINISTRY.finditer(text):
            field = re.sub(r"\s+", " ", m.group("field").lower())
            out.append((m.start(), m.end(), f"Ministry of {MINISTRY_FIELDS[field]}"))
        return out

    def bare_armies(self, text: str) -> list[tuple[int, int, str]]:
        """A national army named by its word alone ("the army said", "attacked the Army
        and the police", "the national army"): span and the guide's "Army", whose country
        the finder reads from the places around it, as for ministries named by their
        field. A capitalised word after it makes it part of another name ("the Army
        Reserve")."""
        return [(m.start("army"), m.end("army"), "Army") for m in BARE_ARMY.finditer(text)
                if not TITLE_OF.search(text, max(0, m.start("army") - 40), m.start("army"))]

    def _demonym(self, words: str) -> bool:
        return any(h.why == "demonym" for h in self.g.index.get(key(words), []))

    def _owner(self, m: re.Match):
        """The country or place a construction names as the body's owner, and the span of
        the whole body. The capitalised run may hold more than the owner ("As Lebanon's
        health ministry", "in Gaza City Monday"), so the owner is the longest known part
        touching the body: the run's tail when the owner comes first, its head when last."""
        owner = m.group("owner")
        words = list(re.finditer(r"\S+", owner))
        base = m.start("owner")
        first = m.end("owner") < m.end()  # the body's words follow the owner
        spans = [(w.start(), len(owner)) for w in words] if first else \
            [(0, w.end()) for w in reversed(words)]
        for a, b in spans:
            entry = self._place(owner[a:b], country_only=False)
            if entry is not None:
                return entry, (base + a if first else m.start()), (m.end() if first
                                                                   else base + b)
        return None, 0, 0

    def _place(self, name: str, country_only: bool):
        """The country a name stands for: a country, its people, its capital ("the defence
        ministry in Moscow"); or a territory with its own authorities ("Gaza")."""
        for h in self.g.index.get(key(name), []):
            entry = self.g.entries[h.entry_id]
            if entry.kind == "country":
                return entry
            capital_of = self.g.capital_of.get(entry.id)
            if capital_of and h.why == "alias":
                return self.g.entries[capital_of]
            if not country_only and h.why == "alias" and entry.type in ("LOC", "GPE") and \
                    entry.kind == "region":
                return entry
        return None

    def _body(self, s: int, e: int, label: str, owner, text: str, kind: str) -> Shape:
        place = owner.name
        if owner.kind != "country":  # "the health ministry in Gaza": the place as written
            place = re.sub(r"\s+(?:Strip|Oblast|Province|Region)$", "", owner.name)
        name = f"{label} ({place})"
        known = [h for h in self.g.index.get(key(name), []) if
                 self.g.entries[h.entry_id].type == "ORG"] or \
            [h for h in self.g.index.get(key(text[s:e]), []) if
             self.g.entries[h.entry_id].type == "ORG"]
        if known:
            entry = self.g.entries[known[0].entry_id]
            return Shape(s, e, "ORG", entry.name, entry_id=entry.id, country=entry.country,
                         kind=entry.kind or kind)
        return Shape(s, e, "ORG", name, country=owner.country, kind=kind)

    # places ------------------------------------------------------------------------
    def acronyms(self, text: str) -> list[Shape]:
        """A body defined with its short form ("... Operations (UKMTO)") and each later use
        of the short form, as one body: the gazetteer's entry when it knows either name."""
        out: list[Shape] = []
        for s, e, name, acr in acronym_names(text):
            known = self.g.lookup(name) or self.g.lookup(acr)
            if known and known[0].type != "ORG":
                continue  # "United States (US)": a country, not a body
            entry_id = known[0].id if known else ""
            label = known[0].name if known else name
            out.append(Shape(s, e, "ORG", label, entry_id))
            for m in re.finditer(rf"(?<![\w(]){re.escape(acr)}(?![\w)])", text[e:]):
                out.append(Shape(e + m.start(), e + m.end(), "ORG", label, entry_id))
        return out

    def places(self, text: str) -> list[Shape]:
        out: list[Shape] = []
        for m in NAMED_REGION.finditer(text):  # "Cabo Delgado province", "Idlib governorate"
            out += self._region(m.group("name"), m.start("name"), m.group("head"),
                                end=m.end("head"))
        for m in REGION_OF.finditer(text):  # "the province of Khost"
            out += self._region(m.group("name"), m.start("name"), m.group("head"))
        for rx in (REGION_LIST_AFTER, REGION_LIST_BEFORE):  # "provinces including A, B and C"
            for m in rx.finditer(text):
                head = PLURAL[m.group("head").lower()]
                for nm in re.finditer(PLACE_NAME, m.group("names")):
                    if nm.group(0).split()[0] == "and":
                        continue
                    out += self._region(nm.group(0), m.start("names") + nm.start(), head)
        for m in CAMP.finditer(text):  # "the Zamzam camp": a camp, named bare
            out += self._settlement(m.group("name"), m.start("name"), "LOC")
        for m in LOCATED_IN.finditer(text):  # "near Karachev in Russia's Bryansk region"
            if self._known_place(m.group("where")) and \
                    m.group("name").split()[-1] not in ORG_WORDS:
                out += self._settlement(m.group("name"), m.start("name"), "GPE")
        for m in IN_DIVISION.finditer(text):  # "Maifadoun, in Nabatieh district"
            if m.group("name").split()[-1] not in ORG_WORDS:
                out += self._settlement(m.group("name"), m.start("name"), "GPE")
        for m in APPOSED.finditer(text):  # "Djibo, a town in the north"
            kind = m.group("kind")
            etype = "LOC" if kind in ("district", "suburb", "neighbourhood", "neighborhood",
                                      "camp") else "GPE"
            out += self._settlement(m.group("name"), m.start("name"), etype)
        return out

    def _region(self, name: str, start: int, head: str, end: int | None = None) -> list[Shape]:
        words = name.split()
        # "In Dnipropetrovsk region": a sentence's preposition is no part of the name
        while words and words[0].lower() in NOT_REGION_NAME | {"and", "of", "in", "on", "at",
                                                                 "from", "near", "across"}:
            start += len(words[0]) + 1
            words = words[1:]
        if not words or words[-1].lower() in NOT_REGION_NAME:
            return []
        name = " ".join(words)
        if self._not_a_place(name) or re.search(r"-[a-z]", name):
            return []  # "Russian-occupied territory", "government-held districts"
        label = REGION_HEADS[head.lower()]
        hits = self.g.index.get(key(name), [])
        if label in ("Region", "Province") and any(
                self.g.entries[h.entry_id].country in OBLAST_COUNTRIES and
                self.g.entries[h.entry_id].type == "GPE" for h in hits):
            label = "Oblast"  # "the Murmansk region": Russia's regions are oblasts
        full = f"{name} {label}"
        for k in (key(full), key(f"{name} {head}")):
            known = [h.entry_id for h in self.g.index.get(k, [])
                     if self.g.entries[h.entry_id].type == "LOC"]
            if known and end is None:
                # a listed name ("Kachin, Kayah and Shan states") is the region the list names
                entry = self.g.entries[known[0]]
                return [Shape(start, start + len(name), "LOC", entry.name, entry_id=entry.id)]
            if known or self.g.index.get(k):
                return []  # "Kursk region", "Rakhine State", "Defense Department": the
                # gazetteer reads it
        for h in hits:
            entry = self.g.entries[h.entry_id]
            if entry.type == "LOC" or entry.kind == "country":
                return []  # "the Tigray region" is Tigray, which the gazetteer knows
        # "Idlib governorate" covers its head word; a listed name ("provinces including
        # Hatay") only itself
        span_end = start + len(name) if end is None else end
        return [Shape(start, span_end, "LOC", full, kind="region")]

    def _settlement(self, name: str, start: int, etype: str) -> list[Shape]:
        words = name.split()
        while words and words[0].lower() in NOT_PLACE_NAME | {"and", "of"}:
            start += len(words[0]) + 1
            words = words[1:]
        if not words or words[-1].lower() in NOT_PLACE_NAME:
            return []
        name = " ".join(words)
        if self._not_a_place(name) or self.g.index.get(key(name)):
            return []  # known places are the gazetteer's; known people and bodies are not places
        return [Shape(start, start + len(name), etype, name,
                      kind="settlement" if etype == "GPE" else "region")]

    def _known_place(self, name: str) -> bool:
        return any(self.g.entries[h.entry_id].type in ("GPE", "LOC") and h.why == "alias"
                   for h in self.g.index.get(key(name), []))

    def _not_a_place(self, name: str) -> bool:
        """A demonym, a country's name, a person or a body is not a new place."""
        first = name.split()[0]
        if first in STOP_CAPS and len(name.split()) == 1:
            return True
        for h in self.g.index.get(key(name), []):
            entry = self.g.entries[h.entry_id]
            if h.why == "demonym" or entry.kind == "country" or entry.type in ("PERSON", "ORG"):
                return True
        return any(h.why == "demonym" for h in self.g.index.get(key(first), []))


# a body's name with its short form in brackets: "United Kingdom Maritime Trade Operations
# (UKMTO)", "International Organization for Migration (IOM)"; the short form later in the
# report is the same body
DEFINED_ACRONYM = prefiltered(re.compile(
    r"(?P<name>[A-Z][\w'’.-]*(?:[ \t]+(?:[A-Z][\w'’.-]*|of|the|for|and|on|de|in))*)"
    r"[ \t]+\((?P<acr>[A-Z][A-Za-z]*[A-Z]|[A-Z]{2})\)"), SLOW_SCAN)
SMALL_WORDS = {"of", "the", "for", "and", "on", "de", "in"}


def acronym_names(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, full name, short form) for each name whose bracketed short form is
    made of the initials of its capitalised words; the name starts where the initials do,
    so "said the United Nations (UN)" gives "United Nations"."""
    out = []
    for m in DEFINED_ACRONYM.finditer(text):
        acr, words = m.group("acr"), m.group("name").split()
        letters = acr.upper()
        for i in range(len(words)):
            rest = words[i:]
            if rest[0] in SMALL_WORDS:
                continue
            big = [w for w in rest if w not in SMALL_WORDS]
            initials = "".join(w[0] for w in big).upper()
            # "Kosovo Force (KFOR)": the last word may give more than its first letter
            clipped = len(big) >= 2 and len(letters) > len(big) and \
                letters == initials[:-1] + big[-1][:len(letters) - len(big) + 1].upper()
            if (initials == letters or clipped) and len(rest) >= 2:
                start = m.start("name") + len(" ".join(words[:i])) + (1 if i else 0)
                out.append((start, m.end("name"), " ".join(rest), acr))
                break
    return out


# a ministry named by its field before the head word ("Ukraine's Infrastructure Ministry"):
# the guide writes national bodies head first, "Ministry of Infrastructure (Ukraine)"
MINISTRY_AFTER = re.compile(r"(?P<field>[A-Z][\w'’-]*(?:[ \t]+(?:and[ \t]+)?[A-Z][\w'’-]*)?)"
                            r"[ \t]+Ministry")
FIELD_NAMES = {"emergencies": "Emergency Situations", "emergency": "Emergency Situations"}


def ministry_of(body: str) -> str:
    """'Infrastructure Ministry' -> 'Ministry of Infrastructure'; any other name as it is."""
    m = MINISTRY_AFTER.fullmatch(body)
    if m is None:
        return body
    field = m.group("field")
    low = field.lower()
    return f"Ministry of {MINISTRY_FIELDS.get(low) or FIELD_NAMES.get(low) or field}"
