#!/usr/bin/env python3
"""intex side by side with a spaCy statistical NER pipeline alone, on the same texts.

    python bench/spacy_bench.py speed --reports 300 [--model en_core_web_sm]
    python bench/spacy_bench.py quality [--model en_core_web_sm]

Needs spaCy and a trained English pipeline in the Python that runs it (not a dependency
of intex: `pip install spacy` and a model package). ``--model`` is the package name or a
model folder.

``speed`` runs, on one core, over the plain-text reports that bench/ingest_bench.py makes
(the dev corpus re-numbered): the spaCy pipeline alone (every component the model has,
then only what sets the entities, as intex's spaCy component runs it), intex's
extraction alone (no store), and intex with the spaCy
component joined (INTEX_SPACY_MODEL). CPU seconds are the figures to compare.

``quality`` scores, with ../shared/tools/score_claims.py on the dev corpus and the seed:
spaCy's PERSON/ORG/GPE/LOC entities alone (it finds no claims), intex alone, and intex
with spaCy joined. The scorer runs one extractor process per report: this very script
(``extract``), so that every configuration reads the files the same way.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "LOC"}


def load(model: str, *, ner_only: bool = False):  # noqa: ANN201
    import spacy

    nlp = spacy.load(model)
    if ner_only:  # as intex's spaCy component runs it
        from intex.pipeline.ner import entities_only

        entities_only(nlp)
    return nlp


def texts(count: int) -> list[str]:
    sys.path.insert(0, str(ROOT / "bench"))
    from ingest_bench import variants

    gen = variants("text")
    return [next(gen).decode("utf-8") for _ in range(count)]


def timed(label: str, work, n: int) -> dict[str, object]:  # noqa: ANN001
    load_before = os.getloadavg()[0]
    wall, cpu = time.perf_counter(), time.process_time()
    found = work()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {"what": label, "reports": n, "cpu_seconds": round(cpu, 2),
            "reports_per_cpu_s": round(n / cpu, 1), "reports_per_s": round(n / wall, 1),
            "entities_found": found,
            "load_avg": [round(load_before, 1), round(os.getloadavg()[0], 1)]}


def speed(model: str, count: int) -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {0})
    sys.path.insert(0, str(ROOT / "src"))
    docs = texts(count)
    warm = docs[:20]

    for ner_only in (False, True):
        nlp = load(model, ner_only=ner_only)
        list(nlp.pipe(warm))
        label = f"spaCy {model} alone ({', '.join(nlp.pipe_names)})"
        print(json.dumps(timed(label, lambda nlp=nlp: sum(
            len(d.ents) for d in nlp.pipe(docs, batch_size=32)), count)), flush=True)

    from intex.extraction import run as extract
    from intex.pipeline import build_pipeline
    from intex.pipeline.component import DEFAULT

    i = DEFAULT.index("intex.entities.gazetteer.v1") + 1
    for label, names, config in (
            ("intex extraction alone", DEFAULT, {}),
            (f"intex extraction with spaCy {model} joined",
             (*DEFAULT[:i], "intex.entities.spacy.v1", *DEFAULT[i:]),
             {"intex.entities.spacy.v1": {"model": model}})):
        pipeline = build_pipeline(names, config)
        for t in warm:
            extract(pipeline, t, format="text")
        print(json.dumps(timed(label, lambda p=pipeline: sum(
            len(extract(p, t, format="text").entities) for t in docs), count)), flush=True)


def extract_spacy(path: Path, model: str) -> dict[str, object]:
    """The claims contract with spaCy's entities alone: names as spaCy spans them, one
    entity per distinct (type, name)."""
    nlp = load(model, ner_only=True)
    text = path.read_text(encoding="utf-8", errors="replace")
    seen: dict[tuple[str, str], list[dict[str, object]]] = {}
    for span in nlp(text).ents:
        etype = LABELS.get(span.label_)
        name = re.sub(r"^(the|The)\s+", "", span.text.strip())
        if etype and name:
            seen.setdefault((etype, name), []).append(
                {"start": span.start_char, "end": span.end_char, "text": span.text})
    return {"document": {}, "claims": [],
            "entities": [{"name": n, "type": t, "id": f"{t.lower()}:{n}", "mentions": m}
                         for (t, n), m in seen.items()]}


def quality(model: str) -> None:
    me = f"{sys.executable} {Path(__file__).resolve()}"
    intex = str(Path(sys.executable).with_name("intex"))
    runs = (("spaCy alone", f"{me} extract {{path}} --model {model}", {}),
            ("intex alone", f"{intex} extract {{path}} {{published_opt}} --format json",
             {"INTEX_SPACY_MODEL": "none"}),
            ("intex with spaCy", f"{intex} extract {{path}} {{published_opt}} --format json",
             {"INTEX_SPACY_MODEL": model}))
    sets = (("dev", ROOT / "tests" / "corpus" / "dev"), ("seed", SHARED / "seed"))
    for label, cmd, env in runs:
        for set_name, folder in sets:
            out = subprocess.run(
                [sys.executable, str(SHARED / "tools" / "score_claims.py"), "--gold",
                 str(folder / "gold.jsonl"), "--texts", str(folder), "--cmd", cmd,
                 "--timeout", "300"],
                capture_output=True, text=True, env={**os.environ, **env}, check=False)
            lines = out.stdout.strip().splitlines()
            by_type = [ln.strip() for ln in lines if ln.startswith("entities ")]
            print(json.dumps({"what": label, "set": set_name,
                              "scores": lines[-1] if lines else out.stderr[-300:],
                              "entities_by_type": by_type}), flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("speed")
    s.add_argument("--reports", type=int, default=300)
    q = sub.add_parser("quality")
    e = sub.add_parser("extract", help="spaCy's entities as the claims contract (for the scorer)")
    e.add_argument("path", type=Path)
    e.add_argument("--published")
    for p in (s, q, e):
        p.add_argument("--model", default="en_core_web_sm")
    args = ap.parse_args()
    if args.cmd == "speed":
        speed(args.model, args.reports)
    elif args.cmd == "quality":
        quality(args.model)
    else:
        print(json.dumps(extract_spacy(args.path, args.model)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
