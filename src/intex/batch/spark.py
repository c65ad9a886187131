"""The one seam to PySpark: the batch as Spark jobs, in local mode or on a cluster.

Units (files) are spread over tasks, read there, spread again over ``partitions`` and
extracted by ``extract.partition`` in mapPartitions, so each Python worker builds the
pipeline once. The results are cached; Parquet is written by Spark itself; the ledger is
loaded on the driver in input order (sorted by sequence key, streamed with
toLocalIterator). Executors must be able to import intex (see the README for clusters).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
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


def make_session(master: str = "local[*]", *, app_name: str = "intex batch") -> Any:
    """A SparkSession for ``master``; in local mode bound to loopback, workers run by
    this Python (so they import the same intex)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise ConfigError("the spark engine needs PySpark: pip install 'intex[spark]'",
                          subject="--engine spark") from None
    builder = (SparkSession.builder.master(master).appName(app_name)
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.session.timeZone", "UTC"))
    if master.startswith("local"):
        # workers are started by this Python (so they import this intex); the setting
        # alone is not read by every launcher, the environment variable is
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = (builder.config("spark.driver.host", "127.0.0.1")
                   .config("spark.driver.bindAddress", "127.0.0.1")
                   .config("spark.pyspark.python", sys.executable)
                   .config("spark.pyspark.driver.python", sys.executable))
    try:
        spark = builder.getOrCreate()
    except Exception as exc:  # no Java, a master that does not answer
        raise ConfigError(f"cannot start Spark: {str(exc).splitlines()[0][:300]}",
                          subject=master) from None
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def run(units: list[Unit], *, report: BatchReport, out: Path | None, store: Store | None,
        marking: Marking | None, clock: Callable[[], datetime] | None, max_bytes: int,
        master: str, partitions: int | None, session: Any = None) -> None:
    from pyspark import StorageLevel

    spark = session if session is not None else make_session(master)
    try:
        sc = spark.sparkContext
        n = max(1, partitions or sc.defaultParallelism)
        if not units:
            return
        results = (sc.parallelize(units, min(len(units), n))
                   .mapPartitions(lambda us: read_units(us, max_bytes))
                   .repartition(n)
                   .mapPartitions(partition)
                   .persist(StorageLevel.MEMORY_AND_DISK))
        try:
            if out is not None:
                _write_parquet(spark, results, out, marking)
            ordered = results.sortBy(lambda r: r.seq, numPartitions=n)
            if store is None:  # counting needs no extraction on the driver
                ordered = ordered.map(_light)
            consume(ordered.toLocalIterator(), report, store, marking, clock)
        finally:
            results.unpersist()
    finally:
        if session is None:
            spark.stop()


def _light(r: Result) -> Result:
    """A result without its extraction, only what counting needs."""
    if r.extraction is None:
        return r
    from intex.model import Extraction

    ex = r.extraction
    return Result(r.seq, r.name, Extraction(ex.document, (), (), ex.claims, None,
                                            ex.raw_format, (), ()))


def _write_parquet(spark: Any, results: Any, out: Path, marking: Marking | None) -> None:
    from pyspark.sql import types as T

    kinds = {"string": T.StringType(), "int": T.IntegerType(), "double": T.DoubleType(),
             "bool": T.BooleanType(), "date": T.DateType()}
    rows = results.flatMap(lambda r: list(table_rows(r, marking))).cache()
    try:
        for table, cols in COLUMNS.items():
            schema = T.StructType([T.StructField(n, kinds[k], True) for n, k in cols])
            names = [n for n, _ in cols]
            data = rows.filter(lambda tr, table=table: tr[0] == table).map(
                lambda tr, names=names: tuple(tr[1][n] for n in names))
            (spark.createDataFrame(data, schema).write.mode("overwrite")
             .parquet(str(out / table)))
    finally:
        rows.unpersist()
