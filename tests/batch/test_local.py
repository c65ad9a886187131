"""The local engine: the same ledger as `intex ingest`, Parquet out, idempotent re-runs."""

from __future__ import annotations

import getpass
import os
import subprocess
import sys

import pytest

from intex.batch.driver import run_batch
from intex.errors import ConfigError
from intex.model import TLP, Marking
from intex.service import open_ledger
from intex.store import open_store
from tests.batch.conftest import fixed_clock
from tests.batch.corpus import BASE, PAGES, write_damaged, write_jsonl, write_warc
from tests.batch.ledger import export, ingested

pytestmark = pytest.mark.network


def test_a_local_batch_makes_the_ledger_ingest_makes(tmp_path, news_site):
    warc = write_warc(tmp_path / "news.warc.gz", news_site)
    store = open_ledger(f"sqlite:///{tmp_path / 'batch.db'}")
    report = run_batch([str(warc)], engine="local", store=store, clock=fixed_clock,
                       out=tmp_path / "out")
    assert (report.records, report.extracted, report.failed, report.added) == \
        (len(PAGES) + 1, len(PAGES), 1, len(PAGES))
    assert report.errors == [f"{news_site}/logo.png: not text: looks like a PNG image"]
    assert export(store) == export(ingested(tmp_path, news_site))
    again = run_batch([str(warc)], engine="local", store=store, clock=fixed_clock)
    assert (again.added, again.unchanged) == (0, len(PAGES))
    assert store.counts() == {"reports": len(PAGES), "claims": report.claims,
                              "entities": store.counts()["entities"]}


def test_parquet_tables_hold_reports_entities_claims_and_errors(tmp_path):
    import pyarrow.parquet as pq

    out = tmp_path / "out"
    report = run_batch([str(write_jsonl(tmp_path / "news.jsonl"))], engine="local", out=out)
    tables = {t: pq.read_table(out / t).to_pylist()
              for t in ("reports", "entities", "claims", "errors")}
    assert len(tables["reports"]) == len(PAGES) == report.extracted
    assert len(tables["claims"]) == report.claims == sum(r["claims"] for r in tables["reports"])
    (err,) = tables["errors"]
    assert err["seq_record"] == 2 and "not a report record" in err["error"]
    troops = next(c for c in tables["claims"] if c["value"] == 3000)
    assert troops["subject"] == "North Korean troops" and troops["status"] == "sent"
    assert troops["sources"] == "National Intelligence Service (South Korea)"
    assert {e["name"] for e in tables["entities"]} >= {"Russia", "Germany"}
    again = run_batch([str(tmp_path / "news.jsonl")], engine="local", out=out)
    assert pq.read_table(out / "claims").to_pylist() == tables["claims"]
    assert again.claims == report.claims


def test_nothing_to_write_and_unknown_engines_are_config_errors(tmp_path):
    with pytest.raises(ConfigError, match="give --out, --db or both"):
        run_batch([str(tmp_path)], engine="local")
    with pytest.raises(ConfigError, match="unknown engine"):
        run_batch([str(tmp_path)], engine="flink", out=tmp_path / "o")


def test_the_batch_command(tmp_path):
    warc = write_warc(tmp_path / "news.warc.gz")
    db = tmp_path / "b.db"

    def batch(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "intex", "batch", str(warc), *args],
                              capture_output=True, text=True, timeout=300,
                              env=dict(os.environ, INTEX_DB=str(db)))

    first = batch("--engine", "local", "--tlp", "amber")
    assert first.returncode == 1  # the image record failed, and is named
    assert "logo.png: not text" in first.stderr
    assert "6 records: 5 extracted" in first.stderr and "ledger: 5 added" in first.stderr
    store = open_store(f"sqlite:///{db}")  # the run is in the audit log, as the web's are
    [entry] = store.audit.entries(action="report.ingested")[1]
    store.close()
    assert entry.actor == f"batch:{getpass.getuser()}"
    assert entry.detail == "5 added, 0 already held, 0 failed"
    assert entry.marking == Marking(TLP.AMBER)
    second = batch("--engine", "local", "--tlp", "amber")
    assert "ledger: 0 added, 5 unchanged" in second.stderr
    claims = subprocess.run([sys.executable, "-m", "intex", "claims", "--db", str(db),
                             "--subject", "North Korean troops", "--format", "csv"],
                            capture_output=True, text=True, timeout=300)
    assert "3000" in claims.stdout


def test_claim_values_are_floats_in_every_row(tmp_path):
    """Spark's DoubleType refuses a Python int: a claim of 300 must arrive as 300.0."""
    from dataclasses import replace

    from intex.batch.extract import Result
    from intex.batch.rows import table_rows
    from intex.service import extract_bytes

    ex = extract_bytes(b"Officials said 300 missiles and 12 launchers would be sent.",
                       name="aid.txt")
    # some rules give ints (the model's float admits them): as one of those would come
    ex = replace(ex, claims=tuple(replace(c, value=int(c.value), value_max=7) for c in ex.claims))
    rows = [row for table, row in table_rows(Result((0, 0), "aid.txt", ex)) if table == "claims"]
    assert len(rows) == 2 and all(type(r["value"]) is float for r in rows)
    assert all(type(r["value_max"]) is float for r in rows)


def test_damaged_warc_records_are_counted_named_and_the_rest_goes_on(tmp_path):
    cut, cut_at, corrupt, corrupt_at = write_damaged(tmp_path)
    store = open_ledger(f"sqlite:///{tmp_path / 'b.db'}")
    report = run_batch([str(cut), str(corrupt), str(write_warc(tmp_path / "news.warc.gz"))],
                       engine="local", store=store, out=tmp_path / "out")
    n = len(PAGES)
    # cut: every page but the last; corrupt: every page but the second; news: every page
    assert (report.records, report.extracted, report.failed) == (3 * n - 2 + 3, 3 * n - 2, 3)
    assert report.errors[0] == (f"{cut} at byte {cut_at}: WARC record cut short "
                                f"({BASE}/2026/10/troops-copy.html): the file ends inside "
                                "its gzip member")
    assert report.errors[1].startswith(f"{corrupt} at byte {corrupt_at}: WARC record "
                                       "unreadable: gzip member corrupt")
    assert report.errors[2] == f"{BASE}/logo.png: not text: looks like a PNG image"
    assert report.skipped == {"warcinfo record": 1, "request record": n, "HTTP 301": 1,
                              "not a page (text/css)": 1}
    assert store.counts()["reports"] == n and report.added == n
    import pyarrow.parquet as pq

    errors = pq.read_table(tmp_path / "out" / "errors").to_pylist()
    assert [e["error"] for e in errors] == report.errors
    assert [(e["seq_unit"], e["name"]) for e in errors[:2]] == [
        (0, f"{cut} at byte {cut_at}"), (1, f"{corrupt} at byte {corrupt_at}")]
