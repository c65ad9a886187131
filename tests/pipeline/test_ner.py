"""The spaCy seam, with a small spaCy pipeline built here (no trained model ships on PyPI)."""

import pytest

from intex.errors import PipelineError
from intex.pipeline import Doc, build_pipeline

spacy = pytest.importorskip("spacy")


def tiny_nlp():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "PERSON", "pattern": "Oksana Marchenko"},
        {"label": "GPE", "pattern": "Kyiv"},
        {"label": "ORG", "pattern": "Hromada Relief"},
    ])
    return nlp


def run(text: str):
    names = ("intex.clean.v1", "intex.language.v1", "intex.sentences.v1",
             "intex.entities.gazetteer.v1", "intex.entities.spacy.v1")
    p = build_pipeline(names, {"intex.entities.spacy.v1": {"nlp": tiny_nlp()}})
    return p(Doc(raw=text))


def test_ner_adds_what_the_gazetteer_missed_and_resolves_what_it_knows():
    doc = run("Relief update\n\nVolunteers with Hromada Relief drove 40 families to Kyiv "
              "and thanked Oksana Marchenko for the buses.")
    by_name = {e.name: e for e in doc.entities.values()}
    assert by_name["Oksana Marchenko"].type == "PERSON"
    assert by_name["Hromada Relief"].type == "ORG"
    # Kyiv was already the gazetteer's: one entity, not two
    assert [e for e in doc.entities.values() if e.name == "Kyiv"] and \
        sum(1 for e in doc.entities.values() if "Kyiv" in e.name) == 1
    ner = [m for m in doc.mentions if m.why == "ner"]
    assert {m.text for m in ner} >= {"Oksana Marchenko"}


def test_a_missing_model_is_a_clear_build_error():
    with pytest.raises(PipelineError, match="not installed"):
        build_pipeline(("intex.clean.v1", "intex.language.v1", "intex.sentences.v1",
                        "intex.entities.gazetteer.v1", "intex.entities.spacy.v1"),
                       {"intex.entities.spacy.v1": {"model": "no_such_model_xx"}})
