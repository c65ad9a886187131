"""Where a counted thing is or happened, when no place stands before it as a preposition's
object (the builder's own reading). Two more forms reports use:

- the place is what was struck ("shelled the centre of the border city of Belgorod,
  killing 5", "Russia hit Kyiv with 32 missiles") or the label of a roll-up line
  ("Kharkiv Oblast: 2 killed, 11 wounded", "Sumy | 4 | 12");
- the place was given once for the paragraph: a number in a later sentence of it that
  names no place is where the paragraph's last located number is ("Fighting in Bakhmut
  killed 12 soldiers. Another 30 were wounded."). A new paragraph starts over, unless
  its sentence refers back to the event ("were wounded in the attack", "the clashes"):
  then the event's place holds.

A place that speaks ("Kyiv said"), one a demonym or a capital standing for a government
names, and a figure's place of origin are never its location.
"""

from __future__ import annotations

import re
from dataclasses import replace

from intex.model import Claim, Mention
from intex.pipeline.doc import Doc

SPEAKS = re.compile(r"^\W{0,2}\s*(?:said|says|told|warned|confirmed|claimed|reported|announced|"
                    r"denied|stated|added|insisted|estimated|would|will|has|have|had|is|was)\b",
                    re.I)
# the verb of an attack with its object, up to a kind of place named before it
STRUCK = re.compile(r"\b(?:hit|hits|struck|strikes?|striking|shelled|shelling|attacked|attacks?|"
                    r"bombed|bombing|targeted|targeting|pounded|raided|stormed|on)\s+"
                    r"(?:the\s+)?(?:(?:[\w'’-]+\s+){0,4}(?:city|town|village|port|region|province|"
                    r"district|centre|center|outskirts|suburbs?|area)\s+of\s+)?$", re.I)
EVENT_BACK = re.compile(r"\b(?:the|that|this)\s+(?:[\w-]+\s+)?(?:attacks?|strikes?|clashes|raids?|"
                        r"assault|blast|explosions?|fighting|shelling|bombing|ambush|siege|"
                        r"offensive|incident|violence|unrest|flood(?:ing)?|operation)\b", re.I)
LINE_START = re.compile(r"^\s*[-•*]?\s*$")
LABEL_END = re.compile(r"^\s*[:|]")


def _places(doc: Doc) -> dict[int, list[Mention]]:
    """Each sentence's place names that may be a location, in order."""
    out: dict[int, list[Mention]] = {}
    for m in doc.mentions:
        e = doc.entities.get(m.entity_id)
        if e is None or e.type not in ("GPE", "LOC") or m.why in ("demonym", "metonymy"):
            continue
        if SPEAKS.match(doc.text[m.end:m.end + 20]):
            continue
        out.setdefault(doc.sentence_of(m.start), []).append(m)
    return out


def _struck_or_label(doc: Doc, c: Claim, places: list[Mention]) -> str | None:
    for m in places:
        if STRUCK.search(doc.text[max(0, m.start - 60):m.start]) or (
                LINE_START.match(doc.text[c.evidence.start:m.start])
                and LABEL_END.match(doc.text[m.end:m.end + 3])):
            return doc.entities[m.entity_id].name
    return None


def settle_locations(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """``claims`` in order, each without a location given one where the forms above say."""
    if not claims:
        return claims
    by_sentence = _places(doc)
    out: list[Claim] = []
    last_in_paragraph: dict[int, str] = {}
    last_event: str | None = None
    for c in claims:
        loc = c.location
        if loc is None:
            loc = _struck_or_label(doc, c, by_sentence.get(doc.sentence_of(c.evidence.start), []))
        paragraph = doc.paragraph_of(c.evidence.start)
        if loc is None:
            loc = last_in_paragraph.get(paragraph)
        if loc is None and last_event is not None and EVENT_BACK.search(c.evidence.text):
            loc = last_event
        if loc is not None:
            last_in_paragraph[paragraph] = loc
            if EVENT_BACK.search(c.evidence.text) or c.location is not None:
                last_event = loc
        out.append(c if loc == c.location else replace(c, location=loc))
    return out
