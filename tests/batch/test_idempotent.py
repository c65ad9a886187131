"""Loading a batch is idempotent on SQLite and PostgreSQL: a re-run changes no row of any
table, and a batch process killed midway, then run again, ends with the ledger and the
Parquet tables an uninterrupted batch makes, nothing twice."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select

from intex.batch.driver import run_batch
from intex.service import Store, open_ledger
from intex.store import schema
from tests.batch.conftest import fixed_clock
from tests.batch.corpus import PAGES, write_warc
from tests.batch.ledger import export

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "tests" / "corpus" / "dev"
REPORTS = 40  # more than one storing batch (25), so a kill can fall between two


def dump(store: Store) -> dict[str, list[tuple[str, ...]]]:
    """Every row of every table but the audit log, as text, in a fixed order (the audit
    log records each run, with when and what came of it: a run is something done)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    with store.engine.connect() as conn:
        for table in schema.metadata.sorted_tables:
            if table is schema.audit_log:
                continue
            rows = conn.execute(select(table)).all()
            out[table.name] = sorted(tuple(str(v) for v in row) for row in rows)
    return out


def corpus(folder: Path) -> Path:
    """The first reports of the development corpus, as files."""
    folder.mkdir()
    files = sorted(p for p in DEV.iterdir() if p.suffix in (".txt", ".html"))[:REPORTS]
    for p in files:
        shutil.copy(p, folder / p.name)
    return folder


def test_a_second_run_changes_no_row(db_url, tmp_path):
    warc = write_warc(tmp_path / "news.warc.gz")
    store = open_ledger(db_url)
    first = run_batch([str(warc)], engine="local", store=store, clock=fixed_clock)
    assert first.added == len(PAGES)
    before = dump(store)
    assert len(before["reports"]) == len(PAGES) and before["claims"]
    again = run_batch([str(warc)], engine="local", store=store)  # another day: real clock
    assert (again.added, again.unchanged) == (0, len(PAGES))
    assert dump(store) == before
    with store.engine.connect() as conn:  # each run is in the audit log, saying what it did
        log = conn.execute(select(schema.audit_log.c.detail)
                           .order_by(schema.audit_log.c.at)).scalars().all()
    assert log == [f"{len(PAGES)} added, 0 already held, 0 failed",
                   f"0 added, {len(PAGES)} already held, 0 failed"]
    store.close()


BATCH = """
import sys
from datetime import UTC, datetime
from pathlib import Path
from intex.batch.driver import run_batch
from intex.service import open_ledger
store = open_ledger(sys.argv[1])
r = run_batch([sys.argv[2]], engine="local", store=store, out=Path(sys.argv[3]),
              clock=lambda: datetime(2026, 11, 20, 9, 30, tzinfo=UTC))
print(r.added, r.unchanged, r.failed)
"""


def batch(url: str, folder: Path, out: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", BATCH, url, str(folder), str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ))


def test_a_batch_killed_midway_and_run_again_completes_without_duplicates(new_db, tmp_path):
    import pyarrow.parquet as pq

    folder = corpus(tmp_path / "reports")
    url = new_db("killed")
    store = open_ledger(url)
    out = tmp_path / "parquet"
    proc = batch(url, folder, out)
    held = 0
    try:
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline and proc.poll() is None:
            held = store.counts()["reports"]
            if held:  # the first batch is stored: kill it before the next
                proc.send_signal(signal.SIGKILL)
                break
            time.sleep(0.05)
        proc.wait(60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(30)
        proc.stdout.close()  # type: ignore[union-attr]
        proc.stderr.close()  # type: ignore[union-attr]
    assert proc.returncode == -signal.SIGKILL, "the batch ended before it could be killed"
    assert 0 < store.counts()["reports"] < REPORTS
    assert not (out / "reports").exists()  # no Parquet table passes for a whole one

    again = batch(url, folder, out)
    said, err = again.communicate(timeout=600)
    assert again.returncode == 0, err
    added, unchanged, failed = map(int, said.split())
    assert failed == 0 and added + unchanged == REPORTS and unchanged >= held

    whole_url = new_db("whole")
    whole = open_ledger(whole_url)
    straight = batch(whole_url, folder, tmp_path / "straight")
    said, err = straight.communicate(timeout=600)
    assert straight.returncode == 0, err
    assert said.split()[:1] == [str(REPORTS)]
    assert store.counts() == whole.counts()
    assert store.counts()["reports"] == REPORTS
    assert export(store) == export(whole)
    assert dump(store) == dump(whole)
    for table in ("reports", "entities", "claims", "errors"):
        assert pq.read_table(out / table).to_pylist() == \
            pq.read_table(tmp_path / "straight" / table).to_pylist(), table
    assert sorted(p.name for p in out.iterdir()) == ["claims", "entities", "errors", "reports"]
    store.close()
    whole.close()
