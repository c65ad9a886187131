"""The driver's side of a batch: plan the inputs, run an engine, count, load the ledger.

Results reach the ledger in input order through the same service function `intex ingest`
stores with, in batches with a savepoint each, so re-running a batch adds nothing and a
batch's ledger is the ledger `intex ingest` makes of the same reports.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from intex import service
from intex.batch.extract import Result
from intex.batch.records import plan
from intex.batch.report import BatchReport
from intex.errors import ConfigError
from intex.model import Extraction, Marking

if TYPE_CHECKING:
    from intex.service import Store

ENGINES = ("local", "spark")


def run_batch(inputs: Sequence[str], *, engine: str = "local", master: str = "local[*]",
              out: Path | None = None, store: Store | None = None,
              marking: Marking | None = None, partitions: int | None = None,
              max_bytes: int = 5_000_000, clock: Callable[[], datetime] | None = None,
              session: object | None = None) -> BatchReport:
    """Extract a corpus; write Parquet to ``out`` and/or load it into ``store``.

    ``session``: a SparkSession to reuse (else one is made for ``master`` and stopped)."""
    if engine not in ENGINES:
        raise ConfigError(f"unknown engine (use {' or '.join(ENGINES)})", subject=engine)
    if out is None and store is None:
        raise ConfigError("nothing to write: give --out, --db or both")
    units, missing = plan(inputs)
    report = BatchReport()
    for failure in missing:
        report.records += 1
        report.error(str(failure.error))
    if engine == "local":
        from intex.batch import local

        local.run(units, report=report, out=out, store=store, marking=marking,
                  clock=clock, max_bytes=max_bytes)
    else:
        from intex.batch import spark

        spark.run(units, report=report, out=out, store=store, marking=marking, clock=clock,
                  max_bytes=max_bytes, master=master, partitions=partitions,
                  session=session)
    return report


def tally(results: Iterable[Result], report: BatchReport,
          ) -> Iterator[tuple[str, Extraction]]:
    """Count results as they pass; hand on the extractions, in the order they come."""
    for r in results:
        if r.skipped is not None:
            report.skip(r.skipped)
            continue
        report.records += 1
        if r.extraction is None:
            report.error(r.error or f"{r.name}: failed")
            continue
        report.extracted += 1
        report.claims += len(r.extraction.claims)
        yield r.name, r.extraction


def consume(results: Iterable[Result], report: BatchReport, store: Store | None,
            marking: Marking | None, clock: Callable[[], datetime] | None) -> None:
    """Count results (in input order) and, with a store, load them into the ledger."""
    extractions = tally(results, report)
    if store is None:
        for _ in extractions:
            pass
        return
    run = service.store_extractions(store, extractions, marking=marking, clock=clock)
    for ev in service.recorded(store, run, by=service.actor("batch")):
        if ev.error is not None:
            report.error(str(ev.error))
        elif ev.result is not None and ev.result.status == "added":
            report.added += 1
        else:
            report.unchanged += 1
