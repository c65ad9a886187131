"""Language identification: the one seam to py3langid."""

from __future__ import annotations

from intex.pipeline.component import component
from intex.pipeline.doc import Doc


def detect(text: str) -> str | None:
    sample = text[:4000]
    if sum(c.isalpha() for c in sample) < 20:
        return None
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
