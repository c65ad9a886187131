#!/usr/bin/env python3
"""What extraction yields, hashed: to show a speed change leaves the output as it was.

    python bench/extract_identity.py                 # one hash over everything
    python bench/extract_identity.py --out /tmp/a    # and one file per input, to diff

For every report under tests/corpus/dev and ../shared/seed (never a blind held-out set,
``tests/corpus/holdout*``: nobody tuning may run those), and for the
first reports ``bench/ingest_bench.py`` makes (300 text, 60 HTML), it writes what
``intex extract --format json`` prints (in-process), then the mentions, entities,
language, content hash, MinHash signature and bands. Run it before a change and after:
the same hash means the same output on all of them.

``--store`` also ingests them all, in batches of 25 at a fixed time, into a new SQLite
store and hashes every table it then holds, the FTS5 index's own tables included
(``store_sha256``): a change to the store's writes must leave that hash as it was too.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def inputs(text: int, html: int) -> list[tuple[str, bytes]]:
    from ingest_bench import variants

    corpus = [p for p in (ROOT / "tests" / "corpus").glob("*/*")
              if not p.parent.name.startswith("holdout")]  # blind sets are never run
    files = sorted([*corpus, *(ROOT.parent / "shared" / "seed").glob("*.txt")])
    out = sorted((f"{p.parent.name}_{p.name}", p.read_bytes()) for p in files
                 if p.is_file() and p.suffix in (".txt", ".html", ".htm"))  # by name, not by path
    for kind, n in (("text", text), ("html", html)):
        gen = variants(kind)
        out += [(f"bench_{kind}_{i}", next(gen)) for i in range(n)]
    return out


def dump(name: str, data: bytes) -> str:
    from intex import service

    try:
        r = service.extract_bytes(data, name=name)
    except Exception as err:  # noqa: BLE001 - an input's error is part of its output
        return f"ERROR {type(err).__name__}: {err}\n"
    return (json.dumps(r.to_json(), ensure_ascii=False, indent=2) + "\n"
            + json.dumps([list(r.signature), list(r.bands), [repr(m) for m in r.mentions],
                          [repr(e) for e in r.entities], r.document.language,
                          r.document.content_hash]) + "\n")


def store_hash(items: list[tuple[str, bytes]]) -> str:
    """Every table of a new SQLite store after ingesting ``items``, hashed row by row."""
    import sqlite3
    import tempfile
    from datetime import UTC, datetime

    from intex import service
    from intex.store import open_store

    def extractions():  # noqa: ANN202
        for name, data in items:
            try:
                yield name, service.extract_bytes(data, name=name)
            except Exception as err:  # noqa: BLE001 - failures pass through as events
                yield name, err

    total = hashlib.sha256()
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{tmp}/identity.db")
        when = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
        for e in service.store_extractions(store, extractions(), clock=lambda: when):
            total.update(f"{e.name} {e.result} {e.error}\n".encode())
        store.close()
        db = sqlite3.connect(f"{tmp}/identity.db")
        tables = [r[0] for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name != 'alembic_version' ORDER BY name")]
        for name in tables:
            rows = sorted(repr(r) for r in db.execute(f'SELECT * FROM "{name}"'))
            total.update(f"{name} {len(rows)}\n".encode())
            for r in rows:
                total.update(r.encode() + b"\n")
        db.close()
    return total.hexdigest()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, help="a folder for one dump per input")
    ap.add_argument("--text", type=int, default=300, help="bench text reports")
    ap.add_argument("--html", type=int, default=60, help="bench HTML pages")
    ap.add_argument("--store", action="store_true",
                    help="also hash the store's tables after ingesting every input")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT / "bench"))
    total = hashlib.sha256()
    items = inputs(args.text, args.html)
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
    for name, data in items:
        text = dump(name, data)
        total.update(text.encode())
        if args.out:
            (args.out / f"{name}.json").write_text(text, encoding="utf-8")
    out = {"inputs": len(items), "sha256": total.hexdigest()}
    if args.store:
        out["store_sha256"] = store_hash(items)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
