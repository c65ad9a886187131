"""Statistical NER as an extra signal: the one seam to spaCy.

Used when spaCy and a trained pipeline (``en_core_web_sm`` by default) are installed;
none is required. Its spans only add entities where the gazetteer and the shape rules
found nothing, and names it finds are still resolved through the gazetteer first.
"""

from __future__ import annotations

import importlib.util
from typing import Any

from intex.errors import PipelineError
from intex.gazetteer import Gazetteer, default_gazetteer
from intex.model import Entity, Mention
from intex.model.ids import entity_id
from intex.pipeline.component import component
from intex.pipeline.doc import Doc

LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "LOC"}
DEFAULT_MODEL = "en_core_web_sm"


def available(model: str = DEFAULT_MODEL) -> bool:
    """Whether spaCy and the model are installed (cheap: nothing is loaded)."""
    return importlib.util.find_spec("spacy") is not None and \
        importlib.util.find_spec(model) is not None


class SpacyEntities:
    def __init__(self, nlp: Any, gazetteer: Gazetteer) -> None:
        self.nlp = nlp
        self.g = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        if doc.language not in (None, "en"):
            return doc
        taken = [False] * (len(doc.text) + 1)
        for m in doc.mentions:
            for p in range(m.start, m.end):
                taken[p] = True
        added: list[Mention] = []
        for span in self.nlp(doc.text).ents:
            etype = LABELS.get(span.label_)
            if etype is None or any(taken[span.start_char:span.end_char]):
                continue
            name = span.text.strip()
            known = [e for e in self.g.lookup(name) if e.type == etype]
            if known:
                entry = known[0]
                ent = Entity(entry.id, entry.name, entry.type, country=entry.country,
                             kind=entry.kind)
            else:
                ent = Entity(entity_id(etype, name), name, etype)
            doc.entities.setdefault(ent.id, ent)
            added.append(Mention(ent.id, span.start_char, span.end_char, span.text, "ner"))
            for p in range(span.start_char, span.end_char):
                taken[p] = True
        doc.mentions = sorted([*doc.mentions, *added], key=lambda m: m.start)
        return doc


@component("intex.entities.spacy.v1", requires=("text", "mentions", "entities", "language"),
           assigns=("mentions", "entities"))
def make_spacy_entities(model: str = DEFAULT_MODEL, nlp: Any = None,
                        gazetteer: Gazetteer | None = None) -> SpacyEntities:
    if nlp is None:
        try:
            import spacy

            nlp = spacy.load(model, disable=["lemmatizer", "textcat"])
        except (ImportError, OSError) as err:
            raise PipelineError(f"spaCy pipeline {model!r} is not installed ({err})") from err
    return SpacyEntities(nlp, gazetteer or default_gazetteer())
