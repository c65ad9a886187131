"""People and bodies found by how reports introduce them: titles, speech verbs,
appositions, the head words of organisations and outlets.
"""

from __future__ import annotations

import re

from intex.gazetteer.normalize import key
from intex.pipeline.entities.bodies import (
    APPOSED_HEAD,
    ARTICLE_LED,
    BROADCAST_HEAD,
    BROADCASTER,
    DIRECTIONS,
    GROUP_NOUNS,
    HEAD_OF,
    LEAD_ORG,
    NUMBERED_CHANNEL,
    OF_NAME,
    ORG_HEAD_SET,
    ORG_HEAD_WORD,
    ORG_HEADS,
    ORG_LEADERS,
    OUTLET_AFTER_KIND,
    OUTLET_APPOSED,
    OUTLET_BEFORE,
    OUTLET_DESK,
    OUTLET_HEADS,
    OUTLET_NAME_BEFORE,
    OUTLET_THEN_KIND,
    _org_spans,
)
from intex.pipeline.entities.context import ARTICLE_BEFORE, STOP_CAPS, _Found, _sentence_start
from intex.pipeline.entities.people import (
    AGE_AFTER,
    AUTHOR_NOTE,
    CLAUSE_OPENERS,
    HONORIFICS,
    MINISTER_OF,
    NAME_WORD,
    NAMED_AS,
    NAMING_BEFORE,
    POST_AUTHOR,
    SPEECH_AFTER,
    SPEECH_BEFORE,
    TITLE_WORDS,
    TITLED_NAME,
    _person_shaped,
)
from intex.pipeline.entities.places import LOCATIVE_BEFORE
from intex.pipeline.entities.shapes import ministry_of

# the noun for a body right before its name, with or without a comma, the noun itself told
# apart by a word before it: "the opposition party, X,", "the rebel group X", "the Saudi
# channel X" (not "the leader of the group, X,"; nor "broadcaster", which a person may be)
GROUP_BEFORE = re.compile(r"\b(?!(?:the|of|a|an|this|that|its|his|her|their|our)\b)"
                          r"[A-Za-z]+[ \t]+(?:party|group|movement|alliance|coalition|militia|"
                          r"faction|channel|newspaper|outlet)[ \t]*,?[ \t]+$")

FORCE_OWNER = re.compile(r"(?:Army|Navy|Air[ \t]Force|Marine[ \t]Corps|Police)['’]s[ \t]+"
                         r"(?=\d|[A-Z])")

# a person's name: words with capitals, with the particles and Arabic articles that join
# them ("Vivian van de Perre", "Hadi al-Bahra", "Farha Abu al-Haija")
_JOINED = r"(?:(?:van|von|de|der|den|da|du|bin|ibn)[ \t]+)*"
PERSON_RUN = re.compile(rf"{NAME_WORD}(?:[ \t]+{_JOINED}(?:{NAME_WORD}|(?:al|el)-[A-Z][\w'’]+))"
                        r"{1,3}")
# a name's apposition that says who the person is, with a capital: "X, Commissioner of ...",
# "X, Prosecutor General of ...", "X, WFP's regional director"
ROLE_APPOSED = re.compile(
    r",[ \t]+(?:the[ \t]+)?(?:[A-Z][\w.-]*['’]s[ \t]+(?:[a-z]+[ \t]+)?(?:director|head|chief|"
    r"spokesman|spokeswoman|spokesperson|representative|coordinator|commander|minister|"
    r"envoy|adviser|advisor)\b|(?:Commissioner|Prosecutor|Chair|Chairman|Chairwoman|"
    r"Director|Minister|Secretary|Governor|Ambassador|Spokesman|Spokeswoman|Spokesperson)"
    r"[ \t]+(?:of|for|General|at)\b)")
# the role, a comma, then the name that ends the clause: "according to the government's chief
# negotiator, Majed Fadail.", "Derna's mayor, Abdulmenam al-Ghaithi, said"
ROLE_BEFORE_COMMA = re.compile(
    r"\b(?:negotiator|administrator|mayor|governor|coordinator|spokesman|spokeswoman|"
    r"spokesperson|commander|director|minister|envoy|representative),[ \t]+$")


class NameSearch:
    """Finding people and bodies by the shape of their names."""

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
            # "the Army's 8th Infantry Division": the force that owns a unit is no word of
            # its name (the force is read on its own, as "the Army")
            force = FORCE_OWNER.match(text, s, e)
            if force:
                s = force.end()
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
            # "the 33rd Front of the FARC": a body the gazetteer knows after "of" owns the
            # numbered unit, which goes by the words before it (a country after "of" is the body's
            # own: "the Naval Forces of Ukraine")
            of_known = re.search(r"[ \t]+of[ \t]+(?:the[ \t]+)?(?P<owner>\S[^\n]*)$",
                                 text[s:e])
            if of_known and re.match(r"\d", text[s:e]) and not free(s, e) and \
                    free(s, s + of_known.start()) and \
                    ORG_HEAD_WORD.search(text, s, s + of_known.start()) and \
                    any(en.type == "ORG" for en in self.g.lookup(of_known.group("owner"))):
                e = s + of_known.start()
                words = text[s:e].split()
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
        for rx in (MINISTER_OF, POST_AUTHOR, AUTHOR_NOTE):
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
        outlet_like = [m for m in OUTLET_AFTER_KIND.finditer(text) if any(
            w in OUTLET_HEADS or w in ("Channel", "Radio") or not w.isalpha() or w.isupper()
            for w in m.group("name").split())]  # not "British broadcaster Piers Morgan"
        for found in (BROADCASTER.finditer(text), [m for m in after if m],
                      OUTLET_DESK.finditer(text), OUTLET_THEN_KIND.finditer(text),
                      outlet_like, OUTLET_APPOSED.finditer(text),
                      NUMBERED_CHANNEL.finditer(text)):  # "state broadcaster PTV"
            for m in found:
                s, e = m.start("name"), m.end("name")
                words = m.group("name").split()
                if free(s, e) and words[0] not in STOP_CAPS and not any(
                        re.search(r"-(?:run|led|controlled|owned|backed|based|linked|funded|"
                                  r"affiliated|language)$", w) for w in words) and not any(
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
            # "Deputy Interior Minister Maciej Kowal": a field between two titles, the name
            # after the last title
            titled = [w.end() for w in re.finditer(r"\S+", text[s:e])
                      if w.group(0) in TITLE_WORDS]
            if titled and len(words) > 2:
                rest = text[s + titled[-1]:e]
                cut = titled[-1] + len(rest) - len(rest.lstrip())
                if cut < e - s:
                    s += cut
                    words = text[s:e].split()
            # "the General Coordination for ...": a body's name, not a general's
            the_title = len(words) == 1 and re.search(r"\bthe[ \t]+$",
                                                      text[max(0, m.start() - 4):m.start()])
            if words and words[0] not in STOP_CAPS and free(s, e) and not the_title and \
                    not any(w in STOP_CAPS for w in words) and _person_shaped(words):
                out.append((_Found(s, e, "", "pattern"), "PERSON"))
                for p in range(s, e):
                    taken[p] = True
        for m in PERSON_RUN.finditer(text):
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
            if GROUP_BEFORE.search(text[max(0, s - 24):s]):
                # "the main opposition party, Les Démocrates,", "the Saudi channel Al
                # Ekhbariya": the noun before the name says it is a body
                out.append((_Found(s, e, "", "pattern"), "ORG"))
                for p in range(s, e):
                    taken[p] = True
                continue
            if not _person_shaped(words) or NAMING_BEFORE.search(text[max(0, s - 16):s]):
                continue  # "an operation called Iron Anvil": a thing's given name
            appos = re.match(r"^,\s+(?:the|a|an)?\s*[a-z]", text[e:e + 6]) or \
                re.search(r"(?:\b[a-z]+|,)\s*,?\s*$", text[max(0, s - 3):s]) and \
                re.match(r"^,", text[e:e + 1]) or \
                ROLE_APPOSED.match(text, e, e + 60) or \
                ROLE_BEFORE_COMMA.search(text, max(0, s - 40), s) and \
                re.match(r"[.,;]", text[e:e + 1])
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
