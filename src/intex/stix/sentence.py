"""A claim in one plain English sentence, for readers that do not know the extension.

    Kyrylo Budanov, as relayed by Ukrainska Pravda, said that about 11,000 North Korean
    infantrymen were training in eastern Russia (18 October 2024).
"""

from __future__ import annotations

import calendar

from intex.model import Claim

VERB = {
    "asserted": "said that", "estimated": "estimated that", "forecast": "forecast that",
    "intended": "announced that", "denied": "denied that",
    "reported": "reported, citing others, that",
}
STATUS_PHRASE = {
    "deployed": "were deployed", "present": "were present", "training": "were training",
    "expected": "were expected", "planned": "were planned", "sent": "had been sent",
    "killed": "had been killed", "wounded": "had been wounded",
    "casualties": "were casualties", "captured": "had been captured",
    "displaced": "had been displaced", "supplied": "had been supplied",
    "destroyed": "had been destroyed", "launched": "had been launched",
    "intercepted": "had been intercepted", "other": "were counted",
}

TOWARDS = {"sent": "to", "supplied": "to", "expected": "in", "launched": "at"}


def figure(claim: Claim) -> str:
    """``about 11,000``, ``10,000 to 12,000``, ``40 percent``, ``thousands (read as …)``."""
    if claim.vague:
        words = _number(claim.value) + (f" to {_number(claim.value_max)}"
                                        if claim.value_max is not None else "")
        text = f"an unspecified number (read as {words})"
    elif claim.value_max is not None and claim.value_max != claim.value:
        text = f"{_number(claim.value)} to {_number(claim.value_max)}"
    else:
        text = _number(claim.value)
    if claim.approx and not claim.vague:
        text = f"about {text}"
    if claim.unit == "percent":
        text += " percent"
    return text


def counted(claim: Claim) -> str:
    if claim.unit == "percent":
        return f"of {claim.subject}" if claim.subject else ""
    thing = claim.subject or claim.unit or "items"
    return f"of {thing}" if claim.vague else thing


def label(claim: Claim) -> str:
    """A short name: ``about 11,000 North Korean infantrymen training``."""
    parts = [figure(claim), counted(claim), claim.status if claim.status != "other" else ""]
    return " ".join(p for p in parts if p)


def sentence(claim: Claim) -> str:
    names = [s.name for s in claim.sources] or ["An unnamed source"]
    who = names[0]
    if len(names) > 1:
        who += ", as relayed by " + _join(names[1:]) + ","
    what = " ".join(p for p in (figure(claim), counted(claim),
                                STATUS_PHRASE.get(claim.status, "were counted")) if p)
    where = f" {TOWARDS.get(claim.status, 'in')} {claim.location}" if claim.location else ""
    when = f" ({_date(claim.date)})" if claim.date else ""
    text = f"{who} {VERB.get(claim.modality, 'said that')} {what}{where}{when}."
    return text[0].upper() + text[1:]


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _number(x: float | None) -> str:
    if x is None:
        return ""
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,}"


def _date(iso: str) -> str:
    """``2024-10-18`` → ``18 October 2024``; partial dates as far as they go."""
    parts = iso.split("-")
    try:
        if len(parts) == 3:
            return f"{int(parts[2])} {calendar.month_name[int(parts[1])]} {parts[0]}"
        if len(parts) == 2 and len(parts[0]) == 4:
            return f"{calendar.month_name[int(parts[1])]} {parts[0]}"
        if len(parts) == 2:
            return f"{int(parts[1])} {calendar.month_name[int(parts[0])]}"
    except (ValueError, IndexError):
        return iso
    return iso
