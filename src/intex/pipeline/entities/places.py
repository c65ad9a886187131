"""Places: lists of regions and settlements, place names with their head word ("Izium
Raion", "the Damboa area"), borders, and the words that keep a name a place.
"""

from __future__ import annotations

import re

from intex.pipeline.alternation import grouped
from intex.pipeline.prefilter import SLOW_SCAN, prefiltered, with_start_test

DIRECTION = re.compile(r"\b(north|south|east|west|central|north-east|north-west|south-east|"
                       r"south-west|northeast|northwest|southeast|southwest)(?:ern)?$", re.I)
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
# what a small town's name never follows: an article ("the Mason", a ship), or a name's
# head and "of" ("Cape of Good Hope", "Bank of Baroda")
MINOR_NOT_BEFORE = re.compile(r"(?:\b(?:the|The|a|an)|[A-Z][\w'’-]*[ \t]+of)[ \t]+$")
LOCATIVE_BEFORE = re.compile(r"\b(?:in|on|at|near|outside|into|toward|towards|from)\s+$")
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
    # "Camp Bastion", "Camp Lemonnier": a base named with the word before its name
    r"(?<![\w'’-])(?P<name>(?:Cape|Lake|Mount|Camp)[ \t][A-Z][\w'’-]+|"
    rf"{PLACE_WHOLE}(?:[ \t][A-Z][\w'’-]++)?[ \t](?:" + grouped(
        r"Raion|raion|district|Island|Islands|Province|River|river|Reservoir|reservoir|"
        r"Peninsula|Strait|Bay|Cape|Spit|Valley|valley|Mountains|mountains|mountain range|Hills|"
        r"Desert|desert|Plateau|Township|(?:International[ \t])?Airport|airport|"
        r"Air[ \t]Base|air[ \t]base|Avenue|Street|Square|Boulevard|"
        # "Tyndall Air Force Base", "Peterson Space Force Base", "Nevatim Airbase"
        r"Force[ \t]Base|Airbase|Naval[ \t]Base|Naval[ \t]Air[ \t]Station",
        ignore_case=False) + ")"
    # "Air Base 201", "Air Base No. 10": a base known by its number
    r"|Air[ \t]Base[ \t](?:No\.[ \t])?\d+)\b")
# a stretch of ground named by a lower-case word for it: "the Damboa area of Borno", "the
# Nowshera sector", "the Bolan hills", "the Yeraskh section of the border", "Labbouneh heights"
# and a site named by a lower-case word for what stands there: "the Khurmala oil field", "the
# Sarsang block", "Donuzlav bay", "the Boma peninsula", "Leposavić municipality", "the Reim
# base", "Guayaquil's Litoral penitentiary", "the Beitunia checkpoint", a town's camp ("Jenin
# camp", the refugee camp that grew beside it) or a road junction ("the Dalo junction")
AREA_HEAD = re.compile(
    r"[ \t](?P<head>(?:forest[ \t])?area|section|sector|heights|hills|administrative[ \t]post|"
    r"(?:oil|gas)[ \t]?field|field|block|bay|peninsula|municipality|base|penitentiary|prison|"
    r"checkpoint|(?P<built>dam|airfield|airstrip|camp|junction)|"
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
# "Sumy Oblast's Shostka hromada": the owner's possessive is no part of the name
OWNER_PREFIX = re.compile(r"^[A-Z][\w-]*(?:[ \t][A-Z][\w-]*)?['’]s[ \t]+")
LOCATIVE = re.compile(r"\b(?:near|outside|around|toward|towards|from|in|into|at|of|and)[ \t]+"
                      r"(?P<name>[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)\b(?![ \t]+[A-Z])")
# endings that mark a Ukrainian or Russian settlement's name: Kindrashivka, Rodynske, Plekhovo
TOPONYM_END = re.compile(r"(?:ivka|ovka|evka|yivka|ivske|ske|ove|ovo|evo|yne|ino|sk|pil|pol|"
                         r"hrad|grad|ytsia|ychi|ivtsi)$")
REGION_HEAD_WORDS = {"oblast", "province", "governorate", "state", "region", "territory",
                     "district", "raion", "krai", "department", "county", "prefecture"}
ARABIC_ARTICLES = {"al", "el", "ad", "ash", "as", "an", "ar", "at", "az", "ad-", "ed"}
# what follows a region's bare name used as the label of a front or an area
REGION_LABEL = re.compile(r"[ \t]+(?:axis|axes|direction|directions|incursion|offensive|"
                          r"operation|front|border[ \t]+(?:region|area|areas|district))\b")
REGION_WORD = re.compile(r"\s+(?:Oblast|Krai|Province|Region)$")


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


def _dateline_place(text: str, s: int, e: int) -> bool:
    """'MOSCOW -', 'SEOUL, Oct. 29 (Yonhap) --': the place a story was filed from; also
    a place-and-date line without a dash: 'Peshawar, 7 July 2011'."""
    if not (s == 0 or text[s - 1] == "\n"):
        return False
    after = text[e:e + 60]
    return bool(re.match(
        r"(?:,\s*[^\n()–—-]{1,30})?\s*(?:\([^()\n]{1,30}\)\s*)?(?:--|—|–|-)\s", after)
        or DATE_LINE.match(after))


# the rest of a place-and-date line: ", May 28, 2019", ", 7 July 2011"
DATE_LINE = re.compile(r",[ \t]+(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},?[ \t]+\d{4}|"
                       r"\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?,?[ \t]+\d{4})[ \t]*(?:\n|$)")


# scanned over each whole report, and most reports hold none: a test for their words first
REGION_LIST, CYR_REGION_LIST, SETTLEMENT_LIST, HROMADA, NAMED_VILLAGE, AREA_HEAD, BORDER_HEAD = (
    prefiltered(rx, SLOW_SCAN) for rx in (REGION_LIST, CYR_REGION_LIST, SETTLEMENT_LIST, HROMADA,
                                          NAMED_VILLAGE, AREA_HEAD, BORDER_HEAD))
# scanned over each whole report: tried only where a match can start
PLACE_SHAPE, LOCATIVE = (with_start_test(rx) for rx in (PLACE_SHAPE, LOCATIVE))
