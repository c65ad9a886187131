"""Statistical NER as an extra signal: the one seam to spaCy.

Used when INTEX_SPACY_MODEL names a trained pipeline (a package such as
``en_core_web_sm`` or a model folder) and spaCy is installed; none is required, and
none joins unasked: on the dev corpus the small English model's extra names cost more
precision than they add recall (bench/spacy_bench.py). Only what sets the entities
runs. Its spans only add entities where the gazetteer and the shape rules found
nothing, and names it finds are still resolved through the gazetteer first.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from typing import Any

from intex.errors import PipelineError
from intex.gazetteer import Gazetteer, default_gazetteer
from intex.model import Entity, Mention
from intex.model.ids import entity_id
from intex.pipeline.component import component
from intex.pipeline.doc import Doc

LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "LOC"}
DEFAULT_MODEL = "en_core_web_sm"


def model_name() -> str | None:
    """The spaCy pipeline asked for in INTEX_SPACY_MODEL; None when none is ("none" or
    unset: spaCy stays out even when installed)."""
    name = os.environ.get("INTEX_SPACY_MODEL", "").strip()
    return None if name.lower() in ("", "none") else name


def joins() -> bool:
    """Whether the default pipeline takes spaCy: INTEX_SPACY_MODEL names a model that is
    installed (one named and missing is a PipelineError, rather than running without
    what the user asked for)."""
    model = model_name()
    if model is None:
        return False
    if available(model):
        return True
    raise PipelineError(f"spaCy pipeline {model!r} is not installed "
                        "(INTEX_SPACY_MODEL; none switches spaCy off)")


def available(model: str | None = None) -> bool:
    """Whether spaCy and the model are installed (cheap: nothing is loaded)."""
    model = model or model_name()
    if model is None or importlib.util.find_spec("spacy") is None:
        return False
    if Path(model).is_dir():
        return (Path(model) / "config.cfg").is_file()
    try:
        return importlib.util.find_spec(model) is not None
    except (ImportError, ValueError):  # a dotted or odd name that is no package
        return False


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
def make_spacy_entities(model: str | None = None, nlp: Any = None,
                        gazetteer: Gazetteer | None = None) -> SpacyEntities:
    model = model or model_name() or DEFAULT_MODEL
    if nlp is None:
        try:
            import spacy

            nlp = spacy.load(model)
        except (ImportError, OSError) as err:
            raise PipelineError(f"spaCy pipeline {model!r} is not installed ({err})") from err
        entities_only(nlp)
    return SpacyEntities(nlp, gazetteer or default_gazetteer())


def entities_only(nlp: Any) -> None:
    """Run only what sets the entities: the components that assign ``doc.ents`` and the
    shared embedding layers they listen to (tagger, parser and lemmatizer cost most of a
    small pipeline's time and add nothing here)."""
    keep = {name for name in nlp.pipe_names
            if "doc.ents" in nlp.get_pipe_meta(name).assigns}
    keep |= {name for name, pipe in nlp.pipeline
             if keep & set(getattr(pipe, "listening_components", ()))}
    nlp.select_pipes(enable=[n for n in nlp.pipe_names if n in keep])
