"""Spelling-insensitive keys for names: case, diacritics, apostrophes and script folded.

Cyrillic is transliterated the way English-language reports spell Ukrainian and Russian
names (Київ → kyiv, Харьков → kharkov), so a Cyrillic report meets the same gazetteer
entries as an English one. The two languages read some letters differently (г is h in
Ukrainian, g in Russian; и is y or i), so folding takes the language when it is known.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# a possessive "'s" is not part of the name: "Pyongyang's" is Pyongyang
TOKEN = re.compile(r"[^\W_]+(?:['’](?![sS]\b)[^\W_]+)*", re.UNICODE)
CYRILLIC = re.compile(r"[\u0400-\u04ff]")

_COMMON = {
    "а": "a", "б": "b", "в": "v", "д": "d", "е": "e", "ж": "zh", "з": "z", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "",
    "ъ": "", "'": "", "’": "", "ʼ": "",
}
# Ukrainian national transliteration (2010), as Ukrainian names appear in English
_UK = {**_COMMON, "г": "h", "ґ": "g", "є": "ie", "и": "y", "і": "i", "ї": "i", "й": "i",
       "ю": "iu", "я": "ia", "ы": "y", "э": "e", "ё": "e"}
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
# Russian, in the spelling English reports use (Kharkov, Belgorod, Kurskaya)
_RU = {**_COMMON, "г": "g", "ґ": "g", "є": "ye", "и": "i", "і": "i", "ї": "yi", "й": "y",
       "ю": "yu", "я": "ya", "ы": "y", "э": "e", "ё": "e"}
_UK_ONLY = set("іїєґ")
_RU_ONLY = set("ыэёъ")


def cyrillic_language(word: str) -> str | None:
    """'uk' or 'ru' when the letters decide it, else None."""
    low = set(word.lower())
    if low & _UK_ONLY:
        return "uk"
    if low & _RU_ONLY:
        return "ru"
    return None


def transliterate(word: str, lang: str | None = None) -> str:
    """Cyrillic to Latin; the word's own letters decide the language before ``lang`` does."""
    lang = cyrillic_language(word) or lang or "uk"
    table = _RU if lang == "ru" else _UK
    out = []
    for i, c in enumerate(word.lower()):
        if lang != "ru" and c in _UK_INITIAL and (i == 0 or not word[i - 1].isalpha()):
            out.append(_UK_INITIAL[c])
        else:
            out.append(table.get(c, c))
    return "".join(out)


@lru_cache(maxsize=200_000)
def fold(word: str, lang: str | None = None) -> str:
    """One word folded: 'Zelenskyi' stays itself, 'Türk' → 'turk', 'Київ' → 'kyiv'."""
    if word.isascii():  # most words of most reports: what the steps below come to for them
        return word.lower().replace("'", "").replace(".", "")
    text = unicodedata.normalize("NFC", word)
    if CYRILLIC.search(text):
        text = transliterate(text, lang)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    if not text.isascii():
        from anyascii import anyascii

        text = anyascii(text)
    text = text.lower().replace("’", "").replace("'", "").replace(".", "")
    return text


def key(name: str, lang: str | None = None) -> tuple[str, ...]:
    return tuple(f for f in (fold(t, lang) for t in tokens(name)) if f)


def keys(name: str) -> set[tuple[str, ...]]:
    """Every key a name is known by: a Cyrillic name under both readings."""
    if not CYRILLIC.search(name):
        return {key(name)}
    return {key(name, "uk"), key(name, "ru")} - {()}


def tokens(text: str) -> list[str]:
    return [m.group(0) for m in TOKEN.finditer(text)]


# Cyrillic case endings, so that an inflected name meets its dictionary form: "Курській
# області" (in Kursk Oblast) is "Курська область". Adjectives go to the feminine, the gender
# of область; nouns lose their ending and are tried with the nominative ones.
_ADJ_UK = re.compile(r"(?<=[сцз]ьк)(?:ий|ого|ому|им|ім|ій|ої|ою|у|ої|і|их|ими|а)$")
_ADJ_RU = re.compile(r"(?<=[сцз]к)(?:ий|ого|ому|им|ом|ой|ую|ою|ая|ие|их|ими|ым|ое)$")
_OBLAST = re.compile(r"^(?:област[іиюьейя]\w*|обл\.?)$", re.I)
_NOUN_END = re.compile(r"(?:ою|ею|ом|ем|ах|ях|ам|ям|ів|ей|ой|ові|еві|а|у|ю|і|и|е|я|ї)$")


def lemma(word: str) -> str:
    """A Cyrillic word's dictionary form where the ending alone decides it."""
    if not CYRILLIC.search(word):
        return word
    if _OBLAST.match(word):
        return "область"
    low = word.lower()
    if _ADJ_UK.search(low) and cyrillic_language(word) != "ru":
        return word[:_ADJ_UK.search(low).start()] + "а"
    if _ADJ_RU.search(low):
        return word[:_ADJ_RU.search(low).start()] + "ая"
    return word


def stems(word: str) -> list[str]:
    """Nominative guesses for an inflected Cyrillic name: 'Сумах' → 'Суми', 'Одесі' → 'Одеса'."""
    if not CYRILLIC.search(word):
        return []
    m = _NOUN_END.search(word.lower())
    stem = word[:m.start()] if m else word
    if len(stem) < 3:
        return []
    return [stem + end for end in ("", "а", "я", "и", "ь") if stem + end != word]
