"""`intex batch`: the extraction pipeline over large corpora, locally or on Apache Spark.

    plan(inputs)            folders, JSON lines and WARC files -> units of work, numbered
      └── records.read      a unit -> its records (RawInput or Failure), numbered; warcio
    extract.partition       records -> results; the pipeline is built once per process
    engines                 local.run (this process) | spark.run (the one seam to PySpark)
      ├── rows              results -> report, entity and claim rows (Parquet, --out)
      └── service           results, in input order -> the ledger (--db), idempotently

Both engines produce the same results in the same order, and the ledger is loaded in that
order, so a batch gives the ledger `intex ingest` gives for the same reports.
"""

from intex.batch.extract import Result
from intex.batch.records import Unit, plan, read
from intex.batch.report import BatchReport

__all__ = ["BatchReport", "Result", "Unit", "plan", "read"]
