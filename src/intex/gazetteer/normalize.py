"""Spelling-insensitive keys for names: case, diacritics, apostrophes and script folded."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """One word folded: 'Zelenskyi' stays itself, 'Türk' → 'turk', 'Курськ' → 'kursk'."""
    text = unicodedata.normalize("NFKD", word)
    text = "".join(c for c in text if not unicodedata.combining(c))
    if not text.isascii():
        from anyascii import anyascii

        text = anyascii(text)
    text = text.lower().replace("’", "").replace("'", "").replace(".", "")
    return text


def key(name: str) -> tuple[str, ...]:
    return tuple(f for f in (fold(t) for t in tokens(name)) if f)


def tokens(text: str) -> list[str]:
    return [m.group(0) for m in TOKEN.finditer(text)]
