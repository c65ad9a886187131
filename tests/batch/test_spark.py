"""Spark in local mode (local[2], one shared session) on a WARC file built here: the ledger
equals `intex ingest`'s export for export, Parquet equals the local engine's, bad records
are counted, a re-run changes nothing."""

from __future__ import annotations

import pytest

from intex.batch.driver import run_batch
from intex.service import open_ledger
from tests.batch.conftest import fixed_clock
from tests.batch.corpus import BASE, PAGES, write_damaged, write_jsonl, write_warc
from tests.batch.ledger import export, ingested

pytestmark = [pytest.mark.network, pytest.mark.slow]


def _sorted(rows):
    return sorted(rows, key=lambda r: sorted((k, str(v)) for k, v in r.items()))


def test_a_spark_batch_makes_the_ledger_ingest_makes(tmp_path, news_site, spark):
    import pyarrow.parquet as pq

    warc = write_warc(tmp_path / "news.warc.gz", news_site)
    jsonl = write_jsonl(tmp_path / "more.jsonl", news_site)  # the same pages again
    store = open_ledger(f"sqlite:///{tmp_path / 'spark.db'}")
    report = run_batch([str(warc), str(jsonl)], engine="spark", session=spark,
                       store=store, clock=fixed_clock, out=tmp_path / "spark-out",
                       partitions=2)
    n = len(PAGES)
    assert (report.records, report.extracted, report.failed) == (2 * n + 2, 2 * n, 2)
    assert (report.added, report.unchanged) == (n, n)
    assert report.errors[0] == f"{news_site}/logo.png: not text: looks like a PNG image"
    assert report.errors[1].startswith(f"{jsonl}:3: not a report record")

    assert export(store) == export(ingested(tmp_path, news_site))

    again = run_batch([str(warc)], engine="spark", session=spark, store=store,
                      clock=fixed_clock)
    assert (again.added, again.unchanged, again.failed) == (0, n, 1)

    local = run_batch([str(warc), str(jsonl)], engine="local", out=tmp_path / "local-out")
    assert local.claims == report.claims
    for table in ("reports", "entities", "claims", "errors"):
        got = pq.read_table(tmp_path / "spark-out" / table).to_pylist()
        want = pq.read_table(tmp_path / "local-out" / table).to_pylist()
        assert _sorted(got) == _sorted(want), table


def test_damaged_warc_records_are_reported_on_spark_as_locally(tmp_path, spark):
    import pyarrow.parquet as pq

    cut, cut_at, corrupt, corrupt_at = write_damaged(tmp_path)
    inputs = [str(cut), str(corrupt), str(write_warc(tmp_path / "news.warc.gz"))]
    on_spark = run_batch(inputs, engine="spark", session=spark, out=tmp_path / "spark-out",
                         partitions=2)
    local = run_batch(inputs, engine="local", out=tmp_path / "local-out")
    assert on_spark.errors[0] == (f"{cut} at byte {cut_at}: WARC record cut short "
                                  f"({BASE}/2026/10/troops-copy.html): the file ends inside "
                                  "its gzip member")
    assert on_spark.errors[1].startswith(f"{corrupt} at byte {corrupt_at}: ")
    assert (on_spark.records, on_spark.extracted, on_spark.failed, on_spark.claims,
            on_spark.errors, on_spark.skipped) == \
        (local.records, local.extracted, local.failed, local.claims, local.errors,
         local.skipped)
    assert on_spark.extracted == 3 * len(PAGES) - 2
    for table in ("reports", "errors"):
        got = pq.read_table(tmp_path / "spark-out" / table).to_pylist()
        want = pq.read_table(tmp_path / "local-out" / table).to_pylist()
        assert _sorted(got) == _sorted(want), table
