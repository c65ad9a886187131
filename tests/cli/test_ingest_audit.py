"""Ingests run without a signed-in user are in the audit log as the web's are: who (the
channel and the operating system's user), what, when, under the reports' marking."""

from __future__ import annotations

import getpass
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

from intex.model import TLP, Marking
from intex.store import open_store

INTEX = [sys.executable, "-m", "intex"]


def run(*args: str, db) -> subprocess.CompletedProcess[str]:  # noqa: ANN001
    return subprocess.run([*INTEX, *args], capture_output=True, text=True, timeout=300,
                          env=dict(os.environ, INTEX_DB=str(db)))


def ingests(db) -> list:  # noqa: ANN001
    store = open_store(f"sqlite:///{db}")
    try:
        return store.audit.entries(action="report.ingested", limit=50)[1]
    finally:
        store.close()


def test_cli_ingest_is_recorded_with_who_what_and_when(tmp_path):
    db = tmp_path / "a.db"
    (tmp_path / "one.txt").write_text("Troops\n\nSeoul said 3,000 North Korean troops had "
                                      "arrived in Russia.\n")
    (tmp_path / "two.txt").write_text("Aid\n\nGermany said it would send 40 missiles.\n")
    (tmp_path / "bad.bin").write_bytes(b"\x00\x01\x02" * 50)
    before = datetime.now(UTC) - timedelta(seconds=1)
    out = run("ingest", str(tmp_path / "one.txt"), str(tmp_path / "two.txt"),
              str(tmp_path / "bad.bin"), "--tlp", "amber", "--rel", "KOR", db=db)
    assert out.returncode == 1  # the binary file failed, and the run says so
    [entry] = ingests(db)
    assert entry.actor == f"cli:{getpass.getuser()}"
    assert {"one.txt", "two.txt", "bad.bin"} <= {p.rsplit("/", 1)[-1]
                                                 for p in entry.subject.split(", ")}
    assert entry.detail == "2 added, 0 already held, 1 failed"
    assert entry.marking == Marking(TLP.AMBER, ("KOR",))
    at = entry.at if entry.at.tzinfo else entry.at.replace(tzinfo=UTC)
    assert before <= at <= datetime.now(UTC)
    again = run("ingest", str(tmp_path / "one.txt"), db=db)
    assert again.returncode == 0
    newest = ingests(db)[0]
    assert newest.detail == "0 added, 1 already held, 0 failed"
    assert newest.marking == Marking(TLP.CLEAR)  # nothing stored, no marking taken
