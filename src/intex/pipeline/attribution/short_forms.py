"""Short forms of names: "DEP" for Delta Evening Post, "NORTHCOM" for Northern Command.

A report names a body in full once (in its masthead, a copyright line, a sentence) and by
a short form elsewhere (a dateline's agency, a later cue), often without defining it in
brackets. The guide names sources in full, so a short form that abbreviates a name the
report gives is that name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from intex.model import Entity, SourceRef

_SMALL = {"of", "the", "for", "and", "on", "de", "in", "&"}
_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
SHORT_FORM = re.compile(r"[A-Z][A-Z&]{1,11}")


def abbreviates(short: str, name: str) -> bool:
    """Whether ``short`` is made of the words of ``name`` (perhaps after a few leading
    words, "U.S." before "Northern Command"), each word giving its first letter and maybe
    more letters of its own, in order: "RVNS" (River Valley News Service), "DNL" (Delta
    NewsLine), "NORTHCOM" (NORTHern COMmand). The short form must not be a word of the
    name itself."""
    letters = short.upper().replace("&", "")
    words = [w.strip(".-’'") for w in _WORD.findall(name) if w.lower() not in _SMALL]
    words = [w for w in words if w]
    if len(letters) < 2 or len(words) < 2 or any(w.upper() == letters for w in words):
        return False
    for i in range(len(words) - 1):
        if _spelled(letters, [w.upper() for w in words[i:]]):
            return True
    return False


def _spelled(letters: str, words: list[str]) -> bool:
    """``letters`` is, word by word, each word's first letter and then any of its later
    letters in order, every word giving at least its first."""
    if not words:
        return not letters
    if not letters or letters[0] != words[0][0]:
        return False
    head, rest = words[0], words[1:]
    # the letters this word gives after its first: a subsequence of its own later letters
    options = [1]
    k, j = 1, 1
    while k < len(letters) and j < len(head):
        if letters[k] == head[j]:
            k += 1
            options.append(k)
        j += 1
    return any(_spelled(letters[n:], rest) for n in reversed(options))


def expanded(short: str, names: list[str]) -> str | None:
    """The first of ``names`` that ``short`` abbreviates, as a name is written: title case
    for a name in capitals ("DELTA EVENING POST" -> "Delta Evening Post")."""
    for name in names:
        if name and abbreviates(short, name):
            return name.title() if name.isupper() else name
    return None


def in_full(chain: list[SourceRef], entities: Mapping[str, Entity], text: str) -> list[SourceRef]:
    """``chain`` with a party named by a short form no list knows ("NORTHCOM assessed")
    named as the body the report names in full ("U.S. Northern Command"). A short form the
    report defines in brackets ("... Force (ISAF)") is left as the entity stage reads it:
    the body goes by it."""
    if not chain or chain[0].entity_id or not SHORT_FORM.fullmatch(chain[0].name) or \
            f"({chain[0].name})" in text:
        return chain
    for ent in entities.values():
        if ent.type == "ORG" and abbreviates(chain[0].name, ent.name):
            return [SourceRef(ent.name, ent.id, ent.kind or "organization"), *chain[1:]]
    return chain
