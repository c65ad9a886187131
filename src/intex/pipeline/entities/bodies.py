"""Bodies: the head words of organisations ("Ministry", "Brigade"), names led by an
armed group's noun, outlets and broadcasters, ships and the platform X.
"""

from __future__ import annotations

import re

from intex.pipeline.alternation import grouped
from intex.pipeline.prefilter import SLOW_SCAN, Prefiltered, prefiltered, with_start_test

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
    # a hospital is a body that counts and speaks ("Bwera Hospital received eight", "doctors
    # at the Al-Aqsa Martyrs Hospital said")
    "Hospital",
)
ORG_HEAD_WORD = re.compile(rf"\b(?:{'|'.join(ORG_HEADS)})\b")
# Arabic names keep their article: "Ahrar al-Sham Movement", "Jaish al-Adl"
ARTICLE_WORD = r"(?:al|el|ad|ash|as|an|ar|at|az|ul|wal)-[A-Z][\w'’-]*"
_ORG_HEADS = grouped("|".join(ORG_HEADS), ignore_case=False)  # tried a letter at a time
# a name led by a Spanish article, in an English report: a gang's, a cartel faction's or a
# paper's ("Los Choneros", "Los Lobos", "La Mayiza"); places so named are the gazetteer's
# ("Los Angeles", "La Paz")
ARTICLE_LED = re.compile(r"(?<![\w'’-])(?P<name>(?:Los|Las|La)[ \t][A-Z][\w'’-]+)\b")
# a body named head first: "the Secretariat of National Defence", "the Government of National
# Unity", "the regional Ministry of Natural Resources" (with no capitalised word before it,
# which ORG_NAME asks for)
ORG_HEAD_SET = frozenset(ORG_HEADS)
OF_NAME = re.compile(r" (?:of|for) (?:the )?[A-Z]")  # a literal first: found fast
HEAD_OF = re.compile(
    rf"(?<![\w'’-])(?P<name>(?:{_ORG_HEADS})[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?"
    rf"[A-Z][\w'’-]*+(?:[ \t]+(?:[A-Z][\w'’-]*+|(?:of|for|and|the|de|del)(?=[ \t]+[A-Z])))*)")
# (a capitalised word is taken whole, *+: only white space follows it, which no letter
# given back could be; shapes.CAP says more)
ORG_NAME = re.compile(
    rf"\b(?:the[ \t]+)?(?P<name>(?:\d+(?:st|nd|rd|th)[ \t]+(?=[A-Z]))?"
    rf"(?:[A-Z][\w'’.-]*+|of|the|for|and|on|de|in)"
    rf"(?:[ \t]+(?:[A-Z][\w'’.-]*+|{ARTICLE_WORD}|of|"
    rf"the|for|and|on|in|\d+(?:st|nd|rd|th)))*[ \t]+(?:{_ORG_HEADS})\b(?:[ \t]+(?:of|for)"
    rf"(?:[ \t]+the)?(?:[ \t]+[A-Z][\w'’-]*+)+)?)")
NAME_HEADS = {"Declaration", "Summit", "Agreement", "Format", "Process", "Accords", "Accord",
              "Memorandum", "Communique", "Conference", "Forum", "Treaty", "Protocol", "Airport",
              "Station", "Street", "Avenue", "Square", "University", "Institute", "Plant",
              "Initiative", "Group", "Platform", "Charter", "Compact", "Statement", "Talks",
              "Hospital"}
# one-word names of a country's bodies that other bodies end with ("Rakhine Ethnic Congress")
BODY_WORDS = {"Congress", "Senate", "Parliament", "Assembly", "Cabinet", "Duma"}
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
# an outlet named before the word for what it is: "the Lakeside Herald newspaper", "the
# Volga Segodnya media group", "the TASS agency"; "the Kremlin-run newspaper" names none
OUTLET_THEN_KIND = prefiltered(with_start_test(re.compile(
    rf"\bthe[ \t]+(?P<name>{OUTLET_NAME})[ \t]+(?:newspaper|daily|tabloid|news[ \t]agency|"
    r"agency|media[ \t]group|news[ \t]portal|news[ \t]website|news[ \t]site|broadcaster|"
    r"TV[ \t]channel)\b(?!['’]s)")), SLOW_SCAN)
# "Polish broadcaster Radio Zet", "the state agency Kabar", "the Gazeta news portal": a
# country's broadcaster is a body when its name is an outlet's ("Radio", "TV", "24")
OUTLET_AFTER_KIND = prefiltered(with_start_test(re.compile(
    r"\b(?:[A-Z][\w-]+[ \t]+(?:(?:public|state|private|commercial)[ \t]+)?broadcaster|"
    rf"[Ss]tate[ \t]+agency|news[ \t]portal)[ \t]+(?P<name>{OUTLET_NAME})(?![\w'’-])")),
    SLOW_SCAN)
# an outlet the words after it say is one: "Kan, Israel's public broadcaster, reported", "the
# Sentinel, a local newspaper," (a broadcaster that a state or the public owns: "Piers
# Morgan, a British broadcaster" is a person)
OUTLET_APPOSED = prefiltered(with_start_test(re.compile(
    rf"(?<![\w'’-])(?P<name>{OUTLET_NAME}),[ \t]+(?:[A-Z][\w-]*['’]s|the|a|an)[ \t]+"
    r"(?:[a-z-]+[ \t]+){0,2}?(?:(?:public|state|national|state-run|state-owned)[ \t]+"
    r"broadcaster|news[ \t]agency|newspaper|daily|TV[ \t]channel|television[ \t]channel|"
    r"radio[ \t]station|news[ \t]outlet|news[ \t]website)\b")), SLOW_SCAN)
# a channel known by its number: "told Channel 12", "Kan 11 reported"; a month's day
# ("on March 18 said") is none
NUMBERED_CHANNEL = prefiltered(with_start_test(re.compile(
    r"(?<![\w'’-])(?P<name>Channel[ \t]\d{1,2}|"
    r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    r"[A-Z][a-z]+[ \t]\d{1,2}(?=[ \t]+(?:reported|said|broadcast|aired|reports|says)\b))"
    r"(?![\w.,:]\d)")), SLOW_SCAN)
OUTLET_NAME_BEFORE = re.compile(rf"(?<![\w'’-])(?P<name>{OUTLET_NAME})$")
OUTLET_DESK = prefiltered(with_start_test(re.compile(
    rf"\bthe[ \t]+(?P<name>{OUTLET_NAME})[ \t]+(?:desk|newsroom)\b")), SLOW_SCAN)
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
# a ship's prefix: what follows is the ship's name ("USS Carney", "the MV Tutor")
SHIP = with_start_test(re.compile(
    # navies' own prefixes too: Spain's ESPS and SPS, the Netherlands' HNLMS, Denmark's HDMS,
    # Australia's HMAS, New Zealand's HMNZS, South Korea's ROKS, Turkey's TCG, Portugal's NRP
    r"\b(?:M/V|MV|M/T|MT|USS|HMS|RFS|INS|HMCS|FGS|ESPS|SPS|HNLMS|HDMS|HMAS|HMNZS|ROKS|TCG|NRP|"
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


def _org_spans(text: str):
    """Spans of names shaped like bodies; "the Ansar Front and the Popular Brigades" is two
    bodies, the first one ending where another name begins."""
    for m in ORG_NAME.finditer(text):
        s, e = m.start("name"), m.end("name")
        # "... near Avdiivka. The 3rd Assault Brigade": a sentence ends inside the run
        stops = list(re.finditer(r"(?<=[a-z]{3})\.\s+", text[s:e]))
        if stops:
            s += stops[-1].end()
        # and "Al-Aqsa Hospital in Deir al-Balah and al-Awda Hospital": a body placed with
        # "in" and then "and" another body is two, the place no part of either
        run = text[s:e]
        placed = PLACED_BODY.search(run)
        # ("... at Fort Johnson and the 19th Engineer Battalion": a numbered unit too)
        cuts = [m.span() for m in re.finditer(r"(?<=\S) and the (?=[A-Z]|\d+(?:st|nd|rd|th) )",
                                              run)]
        if placed and ENDS_WITH_HEAD.search(run):
            cuts = sorted([*cuts, (placed.end("head"), placed.end("and"))])
        start = 0
        for cut_s, cut_e in [*cuts, (len(run), len(run))]:
            part = run[start:cut_s]
            if ORG_HEAD_WORD.search(part):
                yield s + start, s + cut_s
            start = cut_e


PLACED_BODY = re.compile(rf"\b(?:{_ORG_HEADS})(?P<head>)[ \t]+in[ \t]+[^\n]*?"
                         r"(?P<and> and )(?!the )")
ENDS_WITH_HEAD = re.compile(rf"\b(?:{_ORG_HEADS})$")


# scanned over each whole report: tried only where a match can start
ORG_NAME, ARTICLE_LED = (with_start_test(rx) for rx in (ORG_NAME, ARTICLE_LED))
