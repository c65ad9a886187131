"""A crash mid-batch leaves a consistent ledger, and running again finishes the job."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

TEMPLATE = ("Update {n}\n\nThe regional governor said on Tuesday that {a} drones were shot "
            "down overnight and {b} people were wounded in the town of Sloviansk.\n\n"
            "Officials added that {c} homes were damaged.\n")


def reports(folder: Path, count: int) -> None:
    folder.mkdir()
    for n in range(count):
        (folder / f"r{n:04d}.txt").write_text(
            TEMPLATE.format(n=n, a=10 + n, b=2 + n % 7, c=30 + n), encoding="utf-8")


@pytest.mark.slow
def test_killed_ingest_leaves_whole_reports_only(tmp_path):
    src = tmp_path / "in"
    reports(src, 400)
    db = tmp_path / "l.db"
    env = {**os.environ, "INTEX_DB": str(db)}
    proc = subprocess.Popen([sys.executable, "-m", "intex", "ingest", str(src), "-q"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            with sqlite3.connect(db, timeout=1) as con:
                stored = con.execute("select count(*) from reports").fetchone()[0]
        except sqlite3.OperationalError:
            continue
        if stored >= 50:
            break
    assert proc.poll() is None, "ingest finished before it could be interrupted"
    proc.send_signal(signal.SIGKILL)
    proc.wait()

    con = sqlite3.connect(db)
    assert con.execute("pragma integrity_check").fetchone() == ("ok",)
    # every stored report is whole: each has its three claims, none has a partial set
    per_report = con.execute(
        "select r.id, count(c.id) from reports r left join claims c on c.report_id = r.id "
        "group by r.id").fetchall()
    assert per_report and {n for _, n in per_report} == {3}
    con.close()

    again = subprocess.run([sys.executable, "-m", "intex", "ingest", str(src), "-q"],
                           env=env, capture_output=True, timeout=600)
    assert again.returncode == 0, again.stderr
    con = sqlite3.connect(db)
    assert con.execute("select count(*) from reports").fetchone()[0] == 400
    assert con.execute("select count(*) from claims").fetchone()[0] == 1200
