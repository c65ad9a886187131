"""Language identification: the one seam to py3langid."""

from __future__ import annotations

import re
from itertools import islice

from intex.pipeline.component import component
from intex.pipeline.doc import Doc

_LETTERS = re.compile(r"[^\W\d_]")
_WORDS = re.compile(r"[^\W\d_]+")
# words common in English prose and not words of the other languages written in Latin
# letters ("in", "a", "is", "die", "on" are words of those too)
_ENGLISH_WORDS = frozenset((
    "the", "of", "and", "that", "was", "were", "with", "said", "from", "have", "has",
    "this", "which", "would", "their", "they", "been", "after", "about", "than", "will",
    "who", "also", "more", "had", "its", "but", "not", "over", "into"))
# words common in the other languages in Latin letters: a few of them in the sample and
# the library decides (an English report quoting a paragraph in French, say)
_OTHER_WORDS = frozenset((
    "le", "la", "les", "des", "du", "et", "est", "une", "dans", "pour", "qui", "sur",
    "der", "die", "das", "und", "ist", "nicht", "mit", "den", "ein", "eine", "von", "zu",
    "el", "los", "las", "y", "que", "del", "por", "con", "para", "una", "es",
    "il", "di", "che", "della", "per", "sono", "gli", "non", "em", "não", "os", "uma",
    "het", "een", "van", "niet", "och", "att", "og", "ikke", "jest", "nie", "się",
    "na", "je", "se", "ja", "ei", "ir", "ar", "da", "bir", "ve", "bu"))


def sure_english(sample: str) -> bool:
    """Plainly English prose: 40 words or more, all but one in fifty of them in ASCII
    letters, "the" three times or more, one word in eight or more a common English word
    that other languages do not use, and no more than two of their common words. py3langid
    says "en" of every such sample of the corpora (tests/pipeline/test_language.py); this
    answers in a tenth of its time."""
    words = _WORDS.findall(sample)
    if len(words) < 40:
        return False
    lower = [w.lower() for w in words]
    if lower.count("the") < 3 or sum(w in _OTHER_WORDS for w in lower) > 2:
        return False
    if sum(w in _ENGLISH_WORDS for w in lower) * 8 < len(words):
        return False
    return sum(not w.isascii() for w in words) * 50 <= len(words)


def detect(text: str) -> str | None:
    # identification settles within a few sentences: 600 characters (some 100 words) give
    # the answer 1,500 did on every report of the corpora, in 40% of the time
    sample = text[:600]
    if next(islice(_LETTERS.finditer(sample), 19, None), None) is None:
        return None  # fewer than 20 letters (counted up to the 20th, not all 600)
    if sure_english(sample):
        return "en"
    import py3langid

    lang, _score = py3langid.classify(sample)
    return str(lang)


class LanguageDetector:
    def __call__(self, doc: Doc) -> Doc:
        found = detect(doc.text)
        # the page's own declaration is a hint; the text decides
        doc.language = found or doc.language
        return doc


@component("intex.language.v1", requires=("text",), assigns=("language",))
def make_language() -> LanguageDetector:
    return LanguageDetector()
