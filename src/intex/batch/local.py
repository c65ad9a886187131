"""The local engine: the batch in this process, the same code path Spark runs, no Spark.

Parquet is written with pyarrow (the ``spark`` extra brings it), in row groups, so memory
stays flat however large the corpus.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from intex.batch.driver import consume
from intex.batch.extract import Result, partition, read_units
from intex.batch.records import Unit
from intex.batch.report import BatchReport
from intex.batch.rows import COLUMNS, table_rows
from intex.errors import ConfigError
from intex.model import Marking

if TYPE_CHECKING:
    from intex.service import Store

ROW_GROUP = 5000


def run(units: list[Unit], *, report: BatchReport, out: Path | None, store: Store | None,
        marking: Marking | None, clock: Callable[[], datetime] | None,
        max_bytes: int) -> None:
    results = partition(read_units(units, max_bytes))
    if out is None:
        consume(results, report, store, marking, clock)
        return
    sink = ParquetSink(out)
    complete = False
    try:
        consume(sink.tee(results, marking), report, store, marking, clock)
        complete = True
    finally:
        sink.close(complete=complete)


class ParquetSink:
    """One Parquet file per table under ``out``, replacing what was there only once the
    batch is done: until then the tables are written in hidden ``.TABLE.incomplete``
    folders, so a batch killed midway leaves the last complete output as it was."""

    def __init__(self, out: Path) -> None:
        try:
            import pyarrow as pa  # type: ignore[import-untyped]
            import pyarrow.parquet as pq  # type: ignore[import-untyped]
        except ImportError:
            raise ConfigError("writing Parquet needs pyarrow: pip install 'intex[spark]'",
                              subject=str(out)) from None
        self._pa, self._pq = pa, pq
        types = {"string": pa.string(), "int": pa.int32(), "double": pa.float64(),
                 "bool": pa.bool_(), "date": pa.date32()}
        self.schemas = {t: pa.schema([(n, types[k]) for n, k in cols])
                        for t, cols in COLUMNS.items()}
        self.rows: dict[str, list[dict[str, Any]]] = {t: [] for t in COLUMNS}
        self.writers: dict[str, Any] = {}
        self.out = out
        for table in COLUMNS:
            folder = self._partial(table)
            if folder.exists():  # left by a batch that was killed
                shutil.rmtree(folder)
            folder.mkdir(parents=True)
            self.writers[table] = pq.ParquetWriter(folder / "part-00000.parquet",
                                                   self.schemas[table])

    def _partial(self, table: str) -> Path:
        return self.out / f".{table}.incomplete"

    def tee(self, results: Iterator[Result], marking: Marking | None) -> Iterator[Result]:
        for r in results:
            for table, row in table_rows(r, marking):
                self.rows[table].append(row)
                if len(self.rows[table]) >= ROW_GROUP:
                    self._flush(table)
            yield r

    def _flush(self, table: str) -> None:
        if self.rows[table]:
            self.writers[table].write_table(self._pa.Table.from_pylist(
                self.rows[table], schema=self.schemas[table]))
            self.rows[table].clear()

    def close(self, *, complete: bool = True) -> None:
        """Finish the files; with ``complete``, put them in place of the old ones."""
        for table, writer in self.writers.items():
            if complete:
                self._flush(table)
            writer.close()
        for table in self.writers:
            if not complete:
                shutil.rmtree(self._partial(table), ignore_errors=True)
                continue
            folder = self.out / table
            if folder.exists():
                shutil.rmtree(folder)
            self._partial(table).rename(folder)
