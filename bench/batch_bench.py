#!/usr/bin/env python3
"""Batch throughput: records/s on Spark local[1] and local[2], against plain ingest.

    python bench/batch_bench.py --reports 400

Reports are made from the dev corpus (HTML and text, figures re-numbered so that none is a
duplicate) and written twice: as a gzipped WARC file of HTTP responses (what `intex batch`
reads, as Common Crawl's news crawl stores pages) and as a folder of files (what plain
`intex ingest` reads). Measured, each on a fresh SQLite ledger or output folder:

- ingest:      service.ingest over the folder (read, extract, store), this process
- local:       `intex batch --engine local --db` over the WARC (the same work, no Spark)
- spark[N]:    `intex batch --engine spark --master local[N] --out` (extract, Parquet), and
               with `--db` (extract, load the ledger on the driver) for N = 1 and 2

Spark's start (JVM, Python workers, pipeline built in each worker) is timed apart, by a
warm-up batch, and left out of the records/s. Each measurement gives wall time and CPU
time (this process and every process under it: the JVM and Spark's Python workers) and
the load average before and after, since the machine may be shared. Prints one JSON line
per measurement.
"""

from __future__ import annotations

import argparse
import io
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


def variants(seed: int = 11) -> Iterator[tuple[str, bytes]]:
    """Endless distinct (suffix, bytes) reports made by re-numbering the dev corpus."""
    rng = random.Random(seed)
    files = sorted(p for p in DEV.iterdir() if p.suffix in (".txt", ".html"))
    texts = [(p.suffix, p.read_text(encoding="utf-8")) for p in files]
    n = 0
    while True:
        suffix, base = texts[n % len(texts)]
        out = re.sub(r"\d[\d,]*", lambda m: f"{rng.randint(2, 99_999):,}", base)
        n += 1
        tail = f"<p>Report {n}.</p>" if suffix == ".html" else f"\n\nReport {n}.\n"
        yield suffix, (out + tail).encode("utf-8")


def write_corpus(folder: Path, count: int) -> tuple[Path, Path]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    files = folder / "files"
    files.mkdir()
    warc = folder / "corpus.warc.gz"
    gen = variants()
    with warc.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for i in range(count):
            suffix, data = next(gen)
            (files / f"r{i:06d}{suffix}").write_bytes(data)
            ctype = "text/html; charset=utf-8" if suffix == ".html" else \
                "text/plain; charset=utf-8"
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"http://bench.invalid/r{i:06d}{suffix}", "response",
                payload=io.BytesIO(data), length=len(data), http_headers=headers))
    return files, warc


def tree_cpu() -> float:
    """CPU seconds (user + system) of this process and every process under it (Spark's
    JVM and its Python workers), plus those of children that have ended."""
    import resource

    tick = os.sysconf("SC_CLK_TCK")
    parent: dict[int, int] = {}
    spent: dict[int, float] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parent[int(entry)] = int(fields[1])
        spent[int(entry)] = (int(fields[11]) + int(fields[12])) / tick
    mine, changed = {os.getpid()}, True
    while changed:
        more = {pid for pid, pp in parent.items() if pp in mine} - mine
        changed = bool(more)
        mine |= more
    ended = resource.getrusage(resource.RUSAGE_CHILDREN)
    return sum(spent.get(pid, 0.0) for pid in mine) + ended.ru_utime + ended.ru_stime


def timed(label: str, count: int, fn, **extra: object) -> dict[str, object]:  # noqa: ANN001
    load_before = os.getloadavg()[0]
    cpu = tree_cpu()
    start = time.perf_counter()
    got = fn()
    elapsed = time.perf_counter() - start
    cpu = tree_cpu() - cpu
    row = {"what": label, "records": count, "seconds": round(elapsed, 2),
           "records_per_s": round(count / elapsed, 1),
           "ms_per_record": round(1000 * elapsed / count, 2),
           "cpu_seconds": round(cpu, 2), "records_per_cpu_s": round(count / cpu, 1),
           "cpu_ms_per_record": round(1000 * cpu / count, 2),
           "load_1m": [load_before, os.getloadavg()[0]], **extra}
    if got is not None:
        row["failed"] = got.failed
    print(json.dumps(row), flush=True)
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=400)
    ap.add_argument("--cores", default="1,2", help="Spark local[N] for these N")
    args = ap.parse_args()

    from intex import service
    from intex.batch.driver import run_batch
    from intex.batch.spark import make_session

    print(json.dumps({"machine": platform.machine(), "cpus": os.cpu_count(),
                      "python": platform.python_version(),
                      "load_avg": os.getloadavg()}), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        files, warc = write_corpus(base, args.reports)
        n = args.reports

        def ledger(name: str) -> service.Store:
            return service.open_ledger(f"sqlite:///{base / name}.db")

        service.default_pipeline()  # built before any clock starts, as in the workers
        def ingest() -> None:
            for ev in service.ingest(ledger("ingest"), [str(files)]):
                assert ev.error is None, ev.error

        rows = [timed("ingest (folder, one process)", n, ingest)]
        rows.append(timed("batch --engine local --db", n, lambda: run_batch(
            [str(warc)], engine="local", store=ledger("local"))))
        (base / "warm").mkdir()
        warm = write_corpus(base / "warm", 8)[1]
        for cores in (int(c) for c in args.cores.split(",")):
            start = time.perf_counter()
            spark = make_session(f"local[{cores}]")
            run_batch([str(warm)], engine="spark", session=spark, out=base / "warm-out")
            print(json.dumps({"what": f"spark local[{cores}] start + warm-up",
                              "seconds": round(time.perf_counter() - start, 2)}), flush=True)
            rows.append(timed(
                f"batch --engine spark local[{cores}] --out", n,
                lambda s=spark, c=cores: run_batch([str(warc)], engine="spark", session=s,
                                                   out=base / f"out{c}"), cores=cores))
            rows.append(timed(
                f"batch --engine spark local[{cores}] --db", n,
                lambda s=spark, c=cores: run_batch([str(warc)], engine="spark", session=s,
                                                   store=ledger(f"spark{c}")), cores=cores))
            spark.stop()
        ingest_ms, ingest_cpu = rows[0]["ms_per_record"], rows[0]["cpu_ms_per_record"]
        for row in rows[1:]:
            print(json.dumps({"what": row["what"], "overhead_ms_per_record_vs_ingest":
                              round(float(row["ms_per_record"]) - float(ingest_ms), 2),
                              "cpu_overhead_ms_per_record_vs_ingest":
                              round(float(row["cpu_ms_per_record"]) - float(ingest_cpu), 2)}),
                  flush=True)


if __name__ == "__main__":
    sys.exit(main())
