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


def test_intex_spacy_model_names_the_pipeline_the_default_extraction_joins(tmp_path,
                                                                           monkeypatch):
    from intex.pipeline.component import default_names

    folder = tmp_path / "my_model"
    tiny_nlp().to_disk(folder)
    monkeypatch.setenv("INTEX_SPACY_MODEL", str(folder))
    assert "intex.entities.spacy.v1" in default_names()
    doc = build_pipeline()(Doc(raw="Relief update\n\nVolunteers thanked Oksana Marchenko "
                                   "for 40 buses."))
    assert any(m.why == "ner" and m.text == "Oksana Marchenko" for m in doc.mentions)

    monkeypatch.setenv("INTEX_SPACY_MODEL", "none")  # installed, but switched off
    assert "intex.entities.spacy.v1" not in default_names()
    monkeypatch.delenv("INTEX_SPACY_MODEL")  # unasked, spaCy stays out, installed or not
    assert "intex.entities.spacy.v1" not in default_names()
    monkeypatch.setenv("INTEX_SPACY_MODEL", "no_such_model_xx")  # asked for, not there
    with pytest.raises(PipelineError, match="no_such_model_xx"):
        default_names()


def test_only_what_sets_the_entities_runs(tmp_path, monkeypatch):
    from intex.pipeline.ner import entities_only

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "GPE", "pattern": "Kyiv"}])
    entities_only(nlp)
    assert nlp.pipe_names == ["entity_ruler"]
    assert [e.text for e in nlp("Trains left Kyiv.").ents] == ["Kyiv"]
