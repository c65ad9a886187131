"""Casualties handled after the fact: the dead or wounded that a sentence reports being
carried, flown home, handed back or identified, and captives carried in an
exchange.

Such a sentence counts what is done with people already hurt or killed, not a toll:
"2,000 injured soldiers had been flown back home", "the bodies of two volunteers were
handed back", "only 24 of the bodies have been identified", "on board were seven of the
wounded" are `other`. Finding, recovering, counting or burying bodies still establishes
deaths and stays `killed`; moving the wounded to hospital stays with the care rules.
"""

from __future__ import annotations

import re

from intex.pipeline.doc import Quantity

# the verbs of handling: moving people or remains, giving them back, naming them ("taken
# prisoner", "taken away" say they were seized)
_HANDLING = (r"(?:flown|taken(?!\s+(?:prisoners?|hostages?|captives?|into|away|off|"
             r"by\s+force))|carried|ferried|airlifted|transported|repatriated|returned|"
             r"handed\s+(?:back|over)|brought\s+(?:back|out|home)|sent\s+home|identified)")
_ADVERB = r"(?:(?:also|already|so\s+far|now|since|then|later|reportedly|all)\s+)*"
_AUX = (r"(?:(?:have|has|had)\s+" + _ADVERB + r"been|were|was|are|is|being|be)")
# another verb or clause between the count and the handling: "nine soldiers died in the
# raid and their weapons were taken", "30 soldiers, dead or wounded, were flown out" (the
# aside names what befell them)
_OTHER_CLAUSE = re.compile(r"\b(?:were|was|are|is|have|has|had|be|been|and|but|while|that|"
                           r"which|who|died)\b|,", re.I)

# the count's own verb after it, passive: "... soldiers had already been flown back"
_HANDLED_AFTER = re.compile(r"(?P<gap>[^.;:!?]{0,60}?)\b" + _AUX + r"\s+" + _ADVERB +
                            _HANDLING + r"\b", re.I)
# the count as the object of handling, or what stands aboard: "handed back the bodies of
# 12 soldiers", "on board were seven of the wounded"
_HANDLED_BEFORE = re.compile(
    r"(?:\b(?:handed\s+(?:back|over)|repatriated|returned|exchanged|swapped|"
    r"carried|ferried|airlifted)\s+(?:the\s+)?(?:(?:bodies|remains)\s+of\s+)?"
    r"(?:(?:about|some|around|nearly|more\s+than|at\s+least)\s+)?"
    r"|\b(?:on\s+board|aboard)\b[^.;:!?]{0,40}?\b(?:were|was|are|is)\b[^.;:!?]*)$", re.I)
_WHOLE_BEFORE = re.compile(r"\bof\s+(?:the|those|these|all)\s+$", re.I)
# moved on to care (the care rules decide) or into custody (still held)
_TO_CARE = re.compile(r"\b(?:hospitals?|clinics?|medical|treatment|care|detention|custody|"
                      r"prisons?|jails?|camps?|cells?)\b", re.I)


def casualties_handled(text: str, q: Quantity, window: tuple[int, int]) -> bool:
    """Whether ``q`` counts dead or wounded that the sentence reports being moved, handed
    back or identified (not hurt or killed there)."""
    start, end = q.span.start, q.span.end
    # the sentence before the count, also where the count's window starts later (a list)
    begin = max(max(text.rfind(c, 0, start) for c in ".;!?\n") + 1, start - 120)
    if _WHOLE_BEFORE.search(text, max(begin, start - 16), start):
        return False  # "24 of the 118 bodies were identified": the whole is the toll
    if _HANDLED_BEFORE.search(text, begin, start):
        return True
    m = _HANDLED_AFTER.match(text, end, window[1])
    if m is None or _OTHER_CLAUSE.search(m.group("gap")):
        return False  # "12 were killed and 30 wounded, and were taken ...": not its verb
    return not _TO_CARE.search(text, m.end(), min(window[1], m.end() + 40))
