"""People: the titles and ranks before a name, the shapes of a person's name, and the
words a person's name never starts or ends with.
"""

from __future__ import annotations

import re

from intex.pipeline.alternation import grouped
from intex.pipeline.entities.bodies import NAME_HEADS, ORG_HEADS, OUTLET_HEADS
from intex.pipeline.prefilter import SLOW_SCAN, prefiltered, with_start_test

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
    r"leader|Presidents|Commissioner|Gen|Brig|Col|Havildar|Sepoy|Naik|"
    # a head of state or government in lower case after the country ("Indonesian
    # president X"), Taiwan's and China's "Premier X"; a person known by what they do
    # ("arms trader X", "basketball player X", "the philosopher X")
    r"president|Premier|premier|trader|player|philosopher|activist|lawyer|businessman|"
    r"businesswoman|negotiator|administrator|coordinator"
)
# the capitalised titles, one word each: what a list of places never runs into
TITLE_WORDS = {t.replace("\\", "") for t in TITLES.split("|")
               if t[:1].isupper() and " " not in t}
# letters of Latin names with accents: "Grégoire", "Félix", "Ángel"
# and of Central European names ("Łukasz", "Šimečka", "Żurek"): Latin Extended-A
_EXT_A = [chr(c) for c in range(0x100, 0x180)]
LOWER = "a-zß-öø-ÿ" + "".join(c for c in _EXT_A if c.islower())
UPPER = "A-ZÀ-ÖØ-Þ" + "".join(c for c in _EXT_A if c.isupper())
# (a capital inside first: "McKenzie", "DeSantis" are one word, not "Mc" and the rest)
NAME_WORD = (rf"(?:[A-Z][{LOWER}]*[A-Z][{LOWER}]+|"
             rf"[{UPPER}][{LOWER}'’]+(?:-[A-Za-z{UPPER[3:]}][{LOWER}'’]+)?|[A-Z]\.)")
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
# a name a thing is given: "the raid, code-named Silent Anvil,", "a drone dubbed Night Owl"
NAMING_BEFORE = re.compile(r"\b(?:called|dubbed|code-?named|nicknamed|known[ \t]+as|"
                           r"titled|entitled|codenamed)[ \t]+$", re.I)
NAMED_AS = re.compile(r"\b(?:identified|named|names)\b[^.,;\n]{0,30}?\bas[ \t]+$")
PERSON_BEFORE_SPEECH = re.compile(rf"(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}})$")
SPEECH_BEFORE = re.compile(r"\b(?:said|says|[Aa]ccording to|told|added|noted|wrote|quoted|"
                           r"citing|cited)\s+$")
# a person spoken to in a transcript: "Thank you, Farah, and good afternoon"
ADDRESSED = re.compile(r"\b(?:[Tt]hank[ \t]+you|[Tt]hanks),?[ \t]+$")
# words of respect before Burmese names: "U Hla Thein Aung", "Ko Zaw Zaw Tun", "Daw ..."
HONORIFICS = {"Ko", "Daw", "Naw", "Saw", "Maung"}
# what a person's name never ends or starts with
NOT_PERSON_LAST = NAME_HEADS | {"Island", "Islands", "River", "Reservoir", "Cape", "Sea",
                                "Plan", "Facility", "Fund", "Programme", "Program", "Operation",
                                "Exercise", "Storm", "Shield", "Strike", "Freedom", "Oblast",
                                "Region", "Province", "Raion", "District", "Bridge", "Port",
                                # a site's head noun: "Abbey Gate", "Kerem Crossing"
                                "Gate", "Crossing", "Checkpoint", "Barracks", "Stadium",
                                "Mosque", "Cathedral", "Palace", "Prison", "Hotel", "Dam",
                                "Terminal", "Compound", "Refinery", "Embassy", "Consulate",
                                # a ruler's domain, a staff's section, a weapon system, a
                                # body's charge: "Dansadau Emirate", "Defence Media
                                # Operations", "Iron Dome", "Missing Persons"
                                "Emirate", "Operations", "Dome", "Persons"}
NOT_PERSON_FIRST = {"Operation", "Exercise", "Head", "Ministers", "Members", "Forces",
                    # a village's, a storm's name; a verb opening a sentence ("Citing Cho, ...")
                    "Barangay", "Storm", "Typhoon", "Cyclone", "Hurricane", "Citing",
                    "Project", "Response", "Plan", "Mount", "Cape", "Lake", "Island", "Radio",
                    # ranks, written short: "Rear Adm.", "Lt. Gen."
                    "Rear", "Vice", "Adm", "Gen", "Lt", "Col", "Brig", "Maj", "Sgt", "Capt",
                    # an office named before its holder ("the General Officer Commanding"), a
                    # people's faith ("35 Sunni Bedouin")
                    "Officer", "Sunni", "Shia", "Shiite", "Alawite", "Druze"}
# an office, not its holder: "the Repatriation Commissioner", "Humanitarian Coordinator",
# "Deputy Spokesman", "Executive Vice-President" (a name ends with the person's own word)
OFFICE_WORDS = TITLE_WORDS | {"Coordinator", "Commissioner", "Officer", "Spokesman",
                              "Spokeswoman", "Vice-President", "Section", "Persons",
                              "Confederation", "Matrix", "Shoal", "Cantt", "Cantonment"}
# words that open a clause, capitalised at a sentence's start before a name
CLAUSE_OPENERS = {"But", "And", "Yet", "So", "While", "When", "Although", "Though", "After",
                  "Before", "Because", "Since", "If", "Then", "Meanwhile", "Later"}
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

# a writer's note opening a paragraph, over or under a column: "Nadia Korhonen is a former
# energy adviser", "Tomas Reiner writes on maritime law", "Ana Lucic is a senior fellow at":
# the author the article names, listed like anyone else it names
AUTHOR_NOTE = re.compile(
    rf"^(?P<name>{NAME_WORD}(?:[ \t]+{NAME_WORD}){{1,3}})[ \t]+(?:writes[ \t]+(?:on|about)|"
    r"is[ \t]+an?[ \t]+(?:former|(?:(?:senior|independent|freelance|visiting)[ \t]+)?"
    r"(?:fellow|researcher|analyst|journalist|correspondent|columnist|writer|editor|"
    r"professor|lecturer)))\b", re.M)

def _person_shaped(words: list[str]) -> bool:
    return words[-1] not in NOT_PERSON_LAST and words[0] not in NOT_PERSON_FIRST and \
        words[-1] not in ORG_HEADS and words[-1] not in OUTLET_HEADS and \
        words[-1].rstrip("'’s") not in OFFICE_WORDS


# scanned over each whole report: tried only where a match can start
TITLED_NAME = with_start_test(TITLED_NAME)
