#!/usr/bin/env python3
"""Ingest throughput and memory: plain-text and HTML reports through extract + store.

    python bench/ingest_bench.py --text 2000 --html 300 --long 100000
    python bench/ingest_bench.py --text 500 --html 0 --breakdown

Reports are made from the dev corpus (tests/corpus/dev) with their figures and names
shuffled, so that every report is new to the store (no dedupe short-cut) while keeping
the length and shape of real reports. Runs on one core (the process is pinned to CPU 0,
or the one ``--cpu`` names, where the OS allows). Prints one JSON line per measurement,
with wall-clock and CPU time: on a machine shared with other work the CPU figure is the
one to compare. The load average before and after each measurement says how shared the
machine was. ``--long`` prints its resident memory 50 times as it goes, so that a run
stopped early still says how memory grew.

``--breakdown`` adds where the CPU time of a report goes: each pipeline component, the
rest of extraction (ids, model objects, near-duplicate fingerprint), decoding, and the
store's writes, in milliseconds per report (measured after a warm-up of 30 reports, so
that models and memos are loaded).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "corpus" / "dev"


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# a figure in the prose; in HTML, tags and character references are skipped whole, so
# that "charset=utf-8", "h2" or "&#8217;" never become "utf-16", "h7" or "&#31,337;"
FIGURE = re.compile(r"\d[\d,]*")
FIGURE_OUTSIDE_MARKUP = re.compile(r"<!--.*?-->|<[^>]*>|&#?\w+;|(\d[\d,]*)", re.S)


def renumber(text: str, rng: random.Random, kind: str) -> str:
    """``text`` with each figure replaced by a random one (markup left alone in HTML)."""
    if kind != "html":
        return FIGURE.sub(lambda m: f"{rng.randint(2, 99_999):,}", text)
    return FIGURE_OUTSIDE_MARKUP.sub(
        lambda m: f"{rng.randint(2, 99_999):,}" if m.group(1) else m.group(0), text)


def variants(kind: str, seed: int = 7) -> Iterator[bytes]:
    """Endless distinct reports of one kind, made by re-numbering the dev corpus."""
    rng = random.Random(seed)
    suffix = ".html" if kind == "html" else ".txt"
    texts = [p.read_text(encoding="utf-8") for p in sorted(DEV.glob(f"*{suffix}"))]
    n = 0
    while True:
        base = texts[n % len(texts)]
        out = renumber(base, rng, kind)
        n += 1
        yield (out + f"\n\nReport {n}.\n").encode("utf-8")


def run(kind: str, count: int, db: str, sample_every: int = 0) -> dict[str, object]:
    from intex.extraction import run as extract
    from intex.ingest.formats import decode
    from intex.pipeline.claims import EXTRACTOR
    from intex.service import ready_pipeline
    from intex.store import open_store

    pipeline = ready_pipeline()
    gc.freeze()  # as `intex ingest` does once its pipeline is ready (cli/common.py)
    store = open_store(db)
    gen = variants(kind)
    samples = []
    claims = 0
    batch: list = []
    load = os.getloadavg()[0]
    start = time.perf_counter()
    cpu = time.process_time()  # CPU time: on a shared machine, wall time says little
    for i in range(count):
        data = next(gen)
        raw = decode(data, f"{kind}-{i}")
        ex = extract(pipeline, raw.text, format="html" if raw.format == "html" else "text",
                     source_name=raw.name)
        batch.append((ex, None))
        if len(batch) >= 25 or i == count - 1:  # as `intex ingest` stores them
            claims += sum(r.claims for r in store.add_many(batch, extractor=EXTRACTOR))
            batch.clear()
        if sample_every and i % sample_every == 0:
            samples.append((i, round(rss_mb(), 1)))
            # as it goes: a long run on a shared machine may be stopped before its end
            print(json.dumps({"kind": kind, "reports_done": i, "rss_mb": samples[-1][1],
                              "cpu_seconds": round(time.process_time() - cpu, 1),
                              "seconds": round(time.perf_counter() - start, 1),
                              "load_avg": round(os.getloadavg()[0], 1)}), flush=True)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu
    store.close()
    return {"kind": kind, "reports": count, "seconds": round(elapsed, 2),
            "reports_per_s": round(count / elapsed, 1), "cpu_seconds": round(cpu, 2),
            "reports_per_cpu_s": round(count / cpu, 1), "claims": claims,
            "rss_mb_end": round(rss_mb(), 1), "rss_samples": samples,
            "load_avg": [round(load, 1), round(os.getloadavg()[0], 1)]}


def breakdown(kind: str, count: int, db: str) -> dict[str, object]:
    """CPU milliseconds per report, by part: each component, the rest of extraction,
    decoding and the store."""
    from intex.extraction import run as extract
    from intex.ingest.formats import decode
    from intex.pipeline.claims import EXTRACTOR
    from intex.service import ready_pipeline
    from intex.store import open_store

    pipeline = ready_pipeline()
    gc.freeze()  # as `intex ingest` does once its pipeline is ready (cli/common.py)
    spent: dict[str, float] = {}

    def timed(name, step):  # noqa: ANN001, ANN202
        def call(doc):  # noqa: ANN001, ANN202
            t = time.process_time()
            try:
                return step(doc)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - t
        return call

    pipeline.steps = tuple(timed(n, s) for n, s in zip(pipeline.names, pipeline.steps,
                                                       strict=True))
    store = open_store(db)
    gen = variants(kind)
    for i in range(30):  # warm-up: models, gazetteer and memos loaded
        raw = decode(next(gen), f"warm-{i}")
        extract(pipeline, raw.text, format="html" if raw.format == "html" else "text")
    spent.clear()
    batch: list = []
    load = os.getloadavg()[0]
    total = time.process_time()
    for i in range(count):
        t = time.process_time()
        raw = decode(next(gen), f"{kind}-{i}")
        spent["decode"] = spent.get("decode", 0.0) + time.process_time() - t
        t = time.process_time()
        in_steps = sum(spent.get(n, 0.0) for n in pipeline.names)
        ex = extract(pipeline, raw.text, format="html" if raw.format == "html" else "text",
                     source_name=raw.name)
        rest = time.process_time() - t - (sum(spent.get(n, 0.0) for n in pipeline.names)
                                          - in_steps)
        spent["extraction: ids, objects, fingerprint"] = \
            spent.get("extraction: ids, objects, fingerprint", 0.0) + rest
        batch.append((ex, None))
        if len(batch) >= 25 or i == count - 1:
            t = time.process_time()
            store.add_many(batch, extractor=EXTRACTOR)
            spent["store: SQLite writes, FTS5, near-duplicates"] = \
                spent.get("store: SQLite writes, FTS5, near-duplicates", 0.0) \
                + time.process_time() - t
            batch.clear()
    total = time.process_time() - total
    store.close()
    parts = {k: round(v * 1000 / count, 2) for k, v in spent.items()}
    return {"kind": kind, "reports": count, "breakdown_ms_per_report": parts,
            "total_ms_per_report": round(total * 1000 / count, 2),
            "reports_per_cpu_s": round(count / total, 1),
            "load_avg": [round(load, 1), round(os.getloadavg()[0], 1)]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--text", type=int, default=2000, help="plain-text reports to ingest")
    ap.add_argument("--html", type=int, default=300, help="HTML pages to ingest")
    ap.add_argument("--long", type=int, default=0, help="a long run for memory (e.g. 100000)")
    ap.add_argument("--breakdown", action="store_true",
                    help="instead of throughput: CPU time per report by part")
    ap.add_argument("--cpu", type=int, default=0,
                    help="the core to pin the run to (another when core 0 is busy)")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {args.cpu})
    sys.path.insert(0, str(ROOT / "src"))
    machine = {"machine": platform.machine(), "python": platform.python_version(),
               "cpus_used": 1, "cpu": _cpu()}
    print(json.dumps({"machine": machine}))
    with tempfile.TemporaryDirectory() as tmp:
        for kind, count in (("text", args.text), ("html", args.html)):
            if count:
                measure = breakdown if args.breakdown else run
                print(json.dumps(measure(kind, count, f"sqlite:///{tmp}/{kind}.db")),
                      flush=True)
        if args.long:
            print(json.dumps(run("text", args.long, f"sqlite:///{tmp}/long.db",
                                 sample_every=max(1, args.long // 50))), flush=True)
    return 0


def _cpu() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor()


if __name__ == "__main__":
    sys.exit(main())
