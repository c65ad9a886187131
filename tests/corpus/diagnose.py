#!/usr/bin/env python3
"""List, per matched claim, the gold and the predicted source chain and status.

    .venv/bin/python tests/corpus/diagnose.py [--only source|status] [--doc PREFIX]

Runs the pipeline in one process over the dev corpus (the shared scorer starts one
process per report, which is slow to iterate on) and matches claims the way the scorer
does, then prints each source or status error with its sentence, followed by the
scorer's summary figures. For reading errors while working on attribution; the gate is
still tests/test_quality_gate.py with the shared scorer.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from gold_reports import ROOT, gold_reports, scorer  # a sibling: run as a file


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=ROOT / "tests" / "corpus" / "dev" / "gold.jsonl")
    ap.add_argument("--only", choices=("source", "status", "missed"))
    ap.add_argument("--doc", default="", help="only reports whose id starts with this")
    ap.add_argument("--quiet", action="store_true", help="figures only")
    args = ap.parse_args()
    from intex.service import extract_bytes

    sc = scorer()
    tot = {"gold": 0, "pred": 0, "tp": 0, "full": 0, "src": 0, "status": 0}
    for doc, path, when in gold_reports(args.gold, args.gold.parent):
        if not doc["id"].startswith(args.doc):
            continue
        out = json.loads(json.dumps(extract_bytes(path.read_bytes(), name=str(path),
                                                  published=when).to_json()))
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
                    (args.only == "status" and st_ok) or args.only == "missed":
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
    _, _, f = sc.prf(tot["tp"], tot["pred"], tot["gold"])
    _, _, ff = sc.prf(tot["full"], tot["pred"], tot["gold"])
    tp = max(tot["tp"], 1)
    print(f"claims gold {tot['gold']} pred {tot['pred']} matched {tot['tp']}  claim F1 {f:.3f}"
          f"  full F1 {ff:.3f}  source {tot['src'] / tp:.3f}  status {tot['status'] / tp:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
