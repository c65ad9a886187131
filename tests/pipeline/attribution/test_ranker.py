"""The learned source choice: the shipped weights load, decide where the rules give a
number to the report's own voice (and only there), and are what training on the dev
corpus gives (ranker.py, candidates.py, tests/corpus/train_attribution.py)."""

import json
import sys
from pathlib import Path

from intex.pipeline import Doc, build_pipeline
from intex.pipeline.attribution.ranker import load_ranker
from tests.pipeline.wire import sources_of

ROOT = Path(__file__).resolve().parents[3]
SHIPPED = ROOT / "src" / "intex" / "pipeline" / "attribution" / "data" / "sources.json"

# a monitoring mission's key points: the first names the body with a verb no rule reads
# as a cue ("verified"), so the rules leave its figures to the outlet
KEY_POINTS = ("Lakeside Observer\n\nMonthly summary\n\nKEY POINTS\n\n"
              "  • March was the worst month this year for civilians in the valley. The UN "
              "human rights mission verified that at least 112 civilians were killed and 430 "
              "were injured during the month.\n"
              "  • Children were again among the victims: six boys and girls died and 41 were "
              "hurt.\n  • Most of the damage was recorded near the front line.\n\n"
              "© Lakeside Observer 2025")


def test_the_shipped_weights_load_with_the_decisions_they_apply_to():
    ranker = load_ranker("sources")
    assert len(ranker.weights) > 20
    assert ranker.applies_when == ("rule&kind=outlet", "rule&kind=none")
    assert ranker.applies({"rule&kind=outlet": 1.0})
    assert not ranker.applies({"rule&kind=person": 1.0})


def test_the_default_pipeline_gives_a_named_body_what_the_rules_give_the_outlet(pipeline):
    rules = build_pipeline(config={"intex.claims.rules.v1": {"sources": None}})
    assert [sources_of(rules, KEY_POINTS, v) for v in (112, 430)] == [["Lakeside Observer"]] * 2
    learned = [sources_of(pipeline, KEY_POINTS, v) for v in (112, 430)]
    assert ["United Nations"] in learned
    assert sources_of(pipeline, KEY_POINTS, 41) == ["Lakeside Observer"]  # no party named


def test_every_claims_sources_are_the_option_the_shipped_weights_rank_first():
    seen: list[dict] = []
    pipe = build_pipeline(config={"intex.claims.rules.v1": {"trace": seen.append}})
    doc = pipe(Doc(raw=KEY_POINTS))
    ranker = load_ranker("sources")
    traced = [t for t in seen if t["what"] == "sources"]
    assert len(traced) == len(doc.claims)
    for t, claim in zip(traced, doc.claims, strict=True):
        best = ranker.best([o["feats"] for o in t["options"]])
        assert t["chosen"] == best
        assert [s.name for s in claim.sources] == t["options"][best]["names"]
    assert any(t["chosen"] != 0 for t in traced)


def test_the_weights_leave_the_rules_choice_where_a_cue_gave_it():
    seen: list[dict] = []
    pipe = build_pipeline(config={"intex.claims.rules.v1": {"trace": seen.append}})
    text = ("Harbour Post\n\nThe regional governor, Ivan Fedorov, said 14 people were "
            "wounded in the shelling. The UN mission verified that 9 civilians were killed "
            "in the town last week.\n\n© Harbour Post 2025")
    pipe(Doc(raw=text))
    by_value = {t["value"]: t for t in seen if t["what"] == "sources"}
    cued = by_value[14]
    assert "rule&kind=outlet" not in cued["options"][0]["feats"]
    assert cued["chosen"] == 0
    assert cued["options"][0]["names"][0] == "Ivan Fedorov"
    assert any(len(t["options"]) > 1 for t in by_value.values())


def test_training_on_the_dev_corpus_reproduces_the_shipped_weights():
    sys.path.insert(0, str(ROOT / "tests" / "corpus"))
    try:
        import train_attribution as train
    finally:
        sys.path.remove(str(ROOT / "tests" / "corpus"))
    rows = train.all_rows()
    assert len(rows) > 1000
    fitted = train.weights_file(rows, train.L2)
    # not equal: the extraction changed since the weights were written; refit with
    # `.venv/bin/python tests/corpus/train_attribution.py --cv --write`
    assert json.loads(fitted) == json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert fitted == train.weights_file(rows, train.L2)  # the same rows, the same weights


def test_a_ranker_decides_only_where_the_rules_option_has_a_feature_it_applies_to():
    from intex.pipeline.attribution.ranker import LinearRanker

    ranker = LinearRanker({"named": 2.0, "outlet": -1.0}, 0.0, ["rule&kind=outlet"])
    by_outlet = [{"rule": 1.0, "outlet": 1.0, "rule&kind=outlet": 1.0}, {"named": 1.0}]
    by_cue = [{"rule": 1.0, "cue_before": 1.0, "rule&kind=person": 1.0}, {"named": 1.0}]
    assert ranker.best(by_outlet) == 1
    assert ranker.best(by_cue) == 0
    assert LinearRanker({"named": 2.0}).best(by_cue) == 1  # no condition: always decides
