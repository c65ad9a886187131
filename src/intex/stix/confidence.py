"""A claim's STIX ``confidence`` (0–100) from its sources' reliability and its modality.

Analysts grade sources on the NATO/Admiralty scale (STANAG 2511): a letter for the
**source's reliability** and a digit for the **information's credibility**.

====  =============================  ====  ==================================
A     completely reliable            1     confirmed by other sources
B     usually reliable               2     probably true
C     fairly reliable                3     possibly true
D     not usually reliable           4     doubtful
E     unreliable                     5     improbable
F     reliability cannot be judged   6     truth cannot be judged
====  =============================  ====  ==================================

intex cannot corroborate a figure on its own, so the digit it gives is what the wording
supports (:data:`CREDIBILITY_BY_MODALITY`): a plain assertion is at best "possibly
true" until an analyst says more. STIX 2.1 Appendix A maps Admiralty credibility onto
``confidence`` (1→90, 2→70, 3→50, 4→30, 5→10, 6→absent); intex starts from that value
and moves it by the reliability of the chain (:data:`RELIABILITY_SHIFT`), so that read
back through Appendix A's ranges (80–100→1, 60–79→2, 40–59→3, 20–39→4, 0–19→5) an
assertion by a completely reliable source reads "probably true" and one by an unreliable
source "doubtful". Admiralty grades whoever provided the information, so a chain's
reliability is that of its original asserting party; when that party is ungraded (or F)
the first graded party relaying it stands in (usually the outlet), and a chain with no
graded party is F.
"""

from __future__ import annotations

from collections.abc import Iterable

RELIABILITY = ("A", "B", "C", "D", "E", "F")
RELIABILITY_MEANING = {
    "A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
    "D": "not usually reliable", "E": "unreliable", "F": "reliability cannot be judged",
}
CREDIBILITY_MEANING = {
    1: "confirmed by other sources", 2: "probably true", 3: "possibly true",
    4: "doubtful", 5: "improbable", 6: "truth cannot be judged",
}

#: what the wording of a claim supports, before any analyst looks at it
CREDIBILITY_BY_MODALITY = {
    "asserted": 3,   # stated as fact by its source, not confirmed
    "estimated": 3,  # the source's own estimate
    "forecast": 4,   # about what has not happened yet
    "intended": 4,   # a plan or an announcement of intent
    "reported": 4,   # hearsay: the source passes on what others said
    "denied": 5,     # the source says the figure is not so
}

#: STIX 2.1 Appendix A, Admiralty credibility → STIX confidence (6 is "not present")
STIX_BY_CREDIBILITY = {1: 90, 2: 70, 3: 50, 4: 30, 5: 10}

#: how far the chain's reliability moves the value
RELIABILITY_SHIFT = {"A": 20, "B": 10, "C": 0, "D": -10, "E": -20, "F": 0}


def chain_reliability(grades: Iterable[str | None]) -> str:
    """The first A–E grade along a chain, original asserting party first; else F."""
    return next((g.strip().upper() for g in grades
                 if g and g.strip().upper() in RELIABILITY[:5]), "F")


def credibility(modality: str) -> int:
    return CREDIBILITY_BY_MODALITY.get(modality, 6)


def admiralty(reliability: str, modality: str) -> str:
    """The analyst-facing grade, e.g. ``"B3"``."""
    return f"{_letter(reliability)}{credibility(modality)}"


def stix_confidence(reliability: str, modality: str) -> int | None:
    """STIX ``confidence`` for a claim; None (leave it out) when the truth cannot be judged."""
    base = STIX_BY_CREDIBILITY.get(credibility(modality))
    if base is None:
        return None
    return max(0, min(100, base + RELIABILITY_SHIFT[_letter(reliability)]))


def credibility_from_stix(confidence: int) -> int:
    """STIX 2.1 Appendix A, STIX confidence → Admiralty credibility (for importers)."""
    if not 0 <= confidence <= 100:
        raise ValueError(f"confidence {confidence} is outside 0-100")
    for floor, digit in ((80, 1), (60, 2), (40, 3), (20, 4)):
        if confidence >= floor:
            return digit
    return 5


def _letter(reliability: str) -> str:
    letter = reliability.strip().upper()
    if letter not in RELIABILITY:
        raise ValueError(f"reliability grade {reliability!r} is not one of A-F")
    return letter
