#!/usr/bin/env python3
"""What extraction yields, hashed: to show a speed change leaves the output as it was.

    python bench/extract_identity.py                 # one hash over everything
    python bench/extract_identity.py --out /tmp/a    # and one file per input, to diff

For every report under tests/corpus (dev and any held-out set) and ../shared/seed, and for the
first reports ``bench/ingest_bench.py`` makes (300 text, 60 HTML), it writes what
``intex extract --format json`` prints (in-process), then the mentions, entities,
language, content hash, MinHash signature and bands. Run it before a change and after:
the same hash means the same output on all of them.
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

    files = sorted([*(ROOT / "tests" / "corpus").glob("*/*"),
                    *(ROOT.parent / "shared" / "seed").glob("*.txt")])
    out = [(f"{p.parent.name}_{p.name}", p.read_bytes()) for p in files
           if p.is_file() and p.suffix in (".txt", ".html", ".htm")]
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, help="a folder for one dump per input")
    ap.add_argument("--text", type=int, default=300, help="bench text reports")
    ap.add_argument("--html", type=int, default=60, help="bench HTML pages")
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
    print(json.dumps({"inputs": len(items), "sha256": total.hexdigest()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
