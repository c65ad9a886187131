#!/usr/bin/env python3
"""Check a gold JSONL file against the contract in ../shared/spec/claims.md.

    python3 tests/corpus/check_gold.py tests/corpus/dev/gold.jsonl

Every evidence string must stand verbatim (white space folded) in its text
file and be at most 12 words; statuses and modalities must be the contract's
words; ranges must be ordered.  Exits 1 on the first file with problems.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

STATUSES = {"deployed", "present", "training", "expected", "planned", "sent", "killed",
            "wounded", "casualties", "captured", "displaced", "supplied", "destroyed",
            "launched", "intercepted", "other"}
MODALITIES = {None, "asserted", "estimated", "forecast", "intended", "denied", "reported"}
TYPES = ("PERSON", "ORG", "GPE", "LOC")
FIELDS = ("id", "text_file", "url", "title", "published", "language", "claims", "entities")


def fold(text: str) -> str:
    return " ".join(text.split())


def problems(line: dict, folder: Path) -> list[str]:
    out = [f"missing field {f}" for f in FIELDS if f not in line]
    path = folder / line.get("text_file", "")
    if not path.is_file():
        return out + [f"no text file {path}"]
    text = fold(path.read_text(encoding="utf-8", errors="replace"))
    pub = line.get("published")
    if pub is not None and not re.fullmatch(r"\d{4}-\d\d-\d\d", pub):
        out.append(f"published {pub!r} is not YYYY-MM-DD")
    for i, c in enumerate(line.get("claims", [])):
        where = f"claim {i} ({c.get('value')})"
        ev = fold(c.get("evidence") or "")
        if not ev or ev not in text:
            out.append(f"{where}: evidence not verbatim in text: {ev!r}")
        if len(ev.split()) > 12:
            out.append(f"{where}: evidence has {len(ev.split())} words (max 12)")
        if c.get("status") not in STATUSES:
            out.append(f"{where}: status {c.get('status')!r}")
        if c.get("modality") not in MODALITIES:
            out.append(f"{where}: modality {c.get('modality')!r}")
        if not isinstance(c.get("value"), (int, float)):
            out.append(f"{where}: value must be a number")
        vm = c.get("value_max")
        if vm is not None and (not isinstance(vm, (int, float)) or vm < c.get("value", 0)):
            out.append(f"{where}: value_max {vm!r} must be a number above value")
        if not isinstance(c.get("sources"), list):
            out.append(f"{where}: sources must be a list")
        date = c.get("date")
        if date is not None and not re.fullmatch(r"(\d{4}-)?\d\d(-\d\d)?|\d{4}", date):
            out.append(f"{where}: date {date!r}")
    ents = line.get("entities", {})
    for t in ents:
        if t not in TYPES:
            out.append(f"entity type {t!r}")
    return out


def main(argv: list[str]) -> int:
    gold = Path(argv[1] if len(argv) > 1 else "tests/corpus/dev/gold.jsonl")
    bad = 0
    ids: set[str] = set()
    for n, raw in enumerate(gold.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            continue
        line = json.loads(raw)
        if line.get("id") in ids:
            print(f"{gold}:{n}: duplicate id {line.get('id')}")
            bad += 1
        ids.add(line.get("id"))
        for p in problems(line, gold.parent):
            print(f"{gold}:{n} {line.get('id')}: {p}")
            bad += 1
    print(f"{len(ids)} documents, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
