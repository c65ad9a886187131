"""Words reports use for the same counted thing. Pure data, shared by store and service."""

from __future__ import annotations

# the first word of each group is the one the ledger uses
SAME_THING: tuple[tuple[str, ...], ...] = (
    ("troops", "troop", "soldiers", "soldier", "servicemen", "serviceman", "infantrymen",
     "personnel", "fighters", "forces", "servicemembers", "service members"),
    ("drones", "drone", "uavs", "uav", "shaheds", "shahed", "unmanned aerial vehicles"),
    ("missiles", "missile", "rockets", "rocket"),
    ("civilians", "civilian", "people", "residents", "persons"),
    ("refugees", "displaced", "idps", "evacuees"),
    ("prisoners", "pows", "prisoners of war", "captives"),
    ("casualties", "losses", "killed", "wounded", "dead"),
)


def _group(word: str) -> tuple[str, ...] | None:
    w = word.lower()
    return next((group for group in SAME_THING if w in group), None)


def synonyms(word: str) -> frozenset[str]:
    group = _group(word)
    return frozenset(group) if group else frozenset({word.lower()})


def canonical_unit(unit: str | None) -> str:
    """One name for a counted thing, whatever word a report used ('soldiers' → 'troops')."""
    group = _group(unit or "")
    return group[0] if group else (unit or "").lower()
