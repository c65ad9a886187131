#!/usr/bin/env python3
"""List, per matched claim, the gold and the predicted source chain and status.

    .venv/bin/python tests/corpus/diagnose.py [--only source|status|missed|extra|entity]
                                              [--doc PREFIX]

Runs the pipeline in one process over the dev corpus (the shared scorer starts one
process per report, which is slow to iterate on) and matches claims the way the scorer
does, then prints each source or status error with its sentence, followed by the
scorer's summary figures. ``--only entity`` lists each report's missed and spurious
entity names instead, with per-label figures. For reading errors while working on
extraction; the gate is still tests/test_quality_gate.py with the shared scorer.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from gold_reports import ROOT, gold_reports, scorer  # a sibling: run as a file


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=ROOT / "tests" / "corpus" / "dev" / "gold.jsonl")
    # missed: gold claims no prediction matches; extra: predictions no gold claim matches;
    # entity: each report's missed and spurious entity names
    ap.add_argument("--only", choices=("source", "status", "missed", "extra", "entity"))
    ap.add_argument("--doc", default="", help="only reports whose id starts with this")
    ap.add_argument("--quiet", action="store_true", help="figures only")
    args = ap.parse_args()
    from intex.service import extract_bytes

    sc = scorer()
    tot = {"gold": 0, "pred": 0, "tp": 0, "full": 0, "src": 0, "status": 0}
    ent = {t: [0, 0, 0] for t in sc.ENTITY_TYPES}  # tp, pred, gold
    for doc, path, when in gold_reports(args.gold, args.gold.parent):
        if not doc["id"].startswith(args.doc):
            continue
        out = json.loads(json.dumps(extract_bytes(path.read_bytes(), name=str(path),
                                                  published=when).to_json()))
        _entity_errors(sc, doc, out, ent, quiet=args.quiet or args.only != "entity")
        if args.only == "entity":
            continue
        gold, pred = sc.scored(doc["claims"]), sc.scored(out["claims"])
        pairs = sc.match_claims(gold, pred)
        tot["gold"] += len(gold)
        tot["pred"] += len(pred)
        tot["tp"] += len(pairs)
        for g, p in pairs:
            src_ok = any(sc.same_name(a, b) for a in g.get("sources", [])
                         for b in p.get("sources") or [])
            st_ok = g.get("status") == p.get("status")
            tot["src"] += src_ok
            tot["status"] += st_ok
            tot["full"] += src_ok and st_ok
            if args.quiet or (src_ok and st_ok) or (args.only == "source" and src_ok) or \
                    (args.only == "status" and st_ok) or args.only in ("missed", "extra"):
                continue
            print(f"{doc['id']} {g['value']} [{g.get('subject')}]")
            if not src_ok:
                print(f"   source gold {g.get('sources')}  got {p.get('sources')}")
            if not st_ok:
                print(f"   status gold {g.get('status')}  got {p.get('status')}")
            print(f"   | {p['evidence']['text'][:300]}")
        if args.only == "missed" and not args.quiet:
            matched = {id(g) for g, _ in pairs}
            for g in gold:
                if id(g) not in matched:
                    print(f"{doc['id']} missed {g['value']} [{g.get('subject')}] "
                          f"| {g.get('evidence')}")
        if args.only == "extra" and not args.quiet:
            found = {id(p) for _, p in pairs}
            for p in pred:
                if id(p) not in found:
                    print(f"{doc['id']} extra {p['value']} [{p.get('subject')}] {p.get('status')}"
                          f" | {p['evidence']['text'][:200]}")
    if args.only == "entity":
        for t, (a, b, c) in ent.items():
            p, r, f = sc.prf(a, b, c)
            print(f"entities {t:<6} gold {c:4d} predicted {b:4d}: P {p:.3f} R {r:.3f} F1 {f:.3f}")
        _, _, f = sc.prf(*(sum(v[i] for v in ent.values()) for i in range(3)))
        print(f"entity F1 {f:.3f}")
        return 0
    prec, rec, f = sc.prf(tot["tp"], tot["pred"], tot["gold"])
    _, _, ff = sc.prf(tot["full"], tot["pred"], tot["gold"])
    _, _, ef = sc.prf(*(sum(v[i] for v in ent.values()) for i in range(3)))
    tp = max(tot["tp"], 1)
    print(f"claims gold {tot['gold']} pred {tot['pred']} matched {tot['tp']} full {tot['full']}"
          f"  claim P {prec:.3f} R {rec:.3f} F1 {f:.4f}  full F1 {ff:.4f}"
          f"  source {tot['src'] / tp:.3f}  status {tot['status'] / tp:.3f}  entity F1 {ef:.3f}")
    return 0


def _entity_errors(sc: Any, doc: dict[str, Any], out: dict[str, Any],
                   ent: dict[str, list[int]], quiet: bool) -> None:
    """Count one report's entities the scorer's way and print its misses (-) and
    spurious names (+) by label."""
    gold_e, pred_e = sc.entity_names(doc.get("entities")), sc.entity_names(out.get("entities"))
    for t in sc.ENTITY_TYPES:
        ent[t][0] += sc.match_names(gold_e[t], pred_e[t])
        ent[t][1] += len(pred_e[t])
        ent[t][2] += len(gold_e[t])
        if quiet:
            continue
        missed = [g for g in gold_e[t] if not any(sc.same_name(g, p) for p in pred_e[t])]
        extra = [p for p in pred_e[t] if not any(sc.same_name(g, p) for g in gold_e[t])]
        if missed or extra:
            print(f"{doc['id']} {t:<6} " + "  ".join([*(f"-{m}" for m in missed),
                                                      *(f"+{x}" for x in extra)]))


if __name__ == "__main__":
    sys.exit(main())
