#!/usr/bin/env python3
"""Fit the weights that choose a claim's source (and status) from annotated reports.

    .venv/bin/python tests/corpus/train_attribution.py [--cv] [--write]

Runs the pipeline over the dev corpus (and the seed) with the rules' own choices, keeps
for every number that matches a gold claim the candidates the report offered and which
of them the gold names, and fits a logistic regression (scikit-learn, a dev dependency)
over their features. ``--cv`` prints the accuracy of the learned choice against the
rules' in document folds; ``--write`` stores the weights in
``src/intex/pipeline/attribution/data/``. Never run it on the holdout corpus: that one
only ever gets scored.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from gold_reports import ROOT, SHARED, gold_reports, scorer  # a sibling: run as a file

DATA = ROOT / "src" / "intex" / "pipeline" / "attribution" / "data"


def collect(gold_path: Path, texts: Path) -> list[dict[str, Any]]:
    """One row per matched claim: its document, the gold sources and status, the
    candidates the report offered with their features."""
    from intex.extraction import run
    from intex.ingest.formats import decode
    from intex.pipeline import build_pipeline

    sc = scorer()
    rows: list[dict[str, Any]] = []
    seen: list[dict[str, Any]] = []
    pipe = build_pipeline(config={"intex.claims.rules.v1": {"sources": None,
                                                             "trace": seen.append}})
    for doc, path, when in gold_reports(gold_path, texts):
        raw = decode(path.read_bytes(), str(path), None)
        seen.clear()
        ex = run(pipe, raw.text, format="html" if raw.format == "html" else "text",
                 url=raw.url, published=when or raw.published, title=raw.title,
                 source_name=str(path))
        out = json.loads(json.dumps(ex.to_json()))
        traces = {(t["value"], t["sentence"]): t for t in seen if t["what"] == "sources"}
        for g, p in sc.match_claims(sc.scored(doc["claims"]), sc.scored(out["claims"])):
            t = traces.get((p["value"], p["evidence"]["text"]))
            if t is None:
                continue
            gold = g.get("sources") or []
            labels = [any(sc.same_name(gs, n) for gs in gold for n in o["names"])
                      for o in t["options"]]
            rows.append({"doc": doc["id"], "gold": gold, "options": t["options"],
                         "labels": labels, "status": g.get("status")})
    return rows


def fit(rows: list[dict[str, Any]], c: float) -> tuple[dict[str, float], float]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    feats, ys = [], []
    for r in rows:
        if not any(r["labels"]):
            continue  # no candidate is right: nothing to learn about choosing
        for o, y in zip(r["options"], r["labels"], strict=True):
            feats.append(o["feats"])
            ys.append(int(y))
    vec = DictVectorizer()
    x = vec.fit_transform(feats)
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(x, ys)
    weights = {name: round(float(w), 4) for name, w in
               zip(vec.get_feature_names_out(), model.coef_[0], strict=True) if abs(w) > 1e-4}
    return weights, round(float(model.intercept_[0]), 4)


def choose(weights: dict[str, float], options: list[dict[str, Any]]) -> int:
    scores = [sum(weights.get(k, 0.0) * v for k, v in o["feats"].items()) for o in options]
    return max(range(len(options)), key=lambda i: (scores[i], -i))


def cross_validate(rows: list[dict[str, Any]], c: float, folds: int = 5) -> None:
    docs = sorted({r["doc"] for r in rows})
    right = rule = oracle = 0
    for k in range(folds):
        test = {d for i, d in enumerate(docs) if i % folds == k}
        w, _ = fit([r for r in rows if r["doc"] not in test], c)
        for r in rows:
            if r["doc"] in test:
                right += r["labels"][choose(w, r["options"])]
                rule += r["labels"][0]
                oracle += any(r["labels"])
    n = len(rows)
    print(f"C={c}: learned {right / n:.3f}  rules {rule / n:.3f}  any candidate {oracle / n:.3f}"
          f"  ({n} claims, {folds} folds by document)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cv", action="store_true")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("-C", type=float, default=0.3, help="inverse regularisation strength")
    ap.add_argument("--dump", type=Path, help="write the rows as JSON (for reading errors)")
    args = ap.parse_args()
    dev = ROOT / "tests" / "corpus" / "dev"
    rows = collect(dev / "gold.jsonl", dev)
    if (SHARED / "seed" / "gold.jsonl").exists():
        rows += collect(SHARED / "seed" / "gold.jsonl", SHARED / "seed")
    if args.dump:
        args.dump.write_text(json.dumps(rows))
    if args.cv:
        for c in (0.03, 0.1, 0.3, 1.0, 3.0):
            cross_validate(rows, c)
    if args.write:
        weights, bias = fit(rows, args.C)
        DATA.mkdir(exist_ok=True)
        (DATA / "sources.json").write_text(json.dumps(
            {"about": "weights choosing a claim's source; fitted by "
                      "tests/corpus/train_attribution.py on the dev corpus and the seed",
             "C": args.C, "bias": bias, "weights": dict(sorted(weights.items()))},
            indent=1) + "\n")
        print(f"wrote {len(weights)} weights to {DATA / 'sources.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
