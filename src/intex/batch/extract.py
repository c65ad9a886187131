"""Records to results, one partition at a time: the pipeline is built once per process
(``service.default_pipeline`` keeps it), never once per record; a record that fails,
however it fails, becomes an error result and the partition goes on."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from intex import service
from intex.batch.records import Seq, Unit, read
from intex.batch.warc import Item, Skipped
from intex.errors import IntexError
from intex.ingest import Failure
from intex.model import Extraction


@dataclass(frozen=True)
class Result:
    """One record's outcome: its extraction, the one line of error that names it, or why
    it was skipped (no report, no fault)."""

    seq: Seq
    name: str
    extraction: Extraction | None = None
    error: str | None = None
    skipped: str | None = None


def partition(records: Iterable[tuple[Seq, Item]]) -> Iterator[Result]:
    """Extract each record of a partition (Spark's mapPartitions calls this)."""
    pipeline = service.default_pipeline()
    for seq, item in records:
        if isinstance(item, Skipped):
            yield Result(seq, item.name, skipped=item.reason)
            continue
        if isinstance(item, Failure):
            yield Result(seq, item.name, error=str(item.error))
            continue
        try:
            got = service.extract_input(pipeline, item)
        except Exception as exc:  # one bad record must never stop a corpus
            yield Result(seq, item.name, error=f"{item.name}: extraction failed "
                                                f"({type(exc).__name__}: {str(exc)[:200]})")
            continue
        if isinstance(got, IntexError):
            yield Result(seq, item.name, error=str(got))
        else:
            yield Result(seq, item.name, extraction=got)


def read_units(units: Iterable[Unit], max_bytes: int = 5_000_000,
               ) -> Iterator[tuple[Seq, Item]]:
    """Every record of these units, with its sequence key (Spark's flatMap calls this)."""
    for unit in units:
        yield from read(unit, max_bytes)
