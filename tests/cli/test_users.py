"""``intex user``: real processes, a real database file."""

from __future__ import annotations

import os
import subprocess
import sys

INTEX = [sys.executable, "-m", "intex"]


def run(*args: str, db, input: bytes | None = None):  # noqa: ANN001
    return subprocess.run([*INTEX, *args], capture_output=True, timeout=120, input=input,
                          env=dict(os.environ, INTEX_DB=str(db)))


def test_user_add_list_remove(tmp_path):
    db = tmp_path / "users.db"
    (tmp_path / "pw").write_text("a long enough password\n")
    out = run("user", "add", "ana", "--role", "analyst", "--clearance", "amber", "--rel",
              "ukr", "--password-file", str(tmp_path / "pw"), db=db)
    assert out.returncode == 0, out.stderr
    assert b"analyst, cleared up to TLP:AMBER, countries UKR" in out.stdout
    assert b"ana" in run("user", "list", db=db).stdout
    assert run("user", "add", "bob", "--role", "boss", db=db).returncode != 0
    again = run("user", "add", "ana", "--password-file", str(tmp_path / "pw"), db=db)
    assert again.returncode == 2 and b"ana: a user of that name exists" in again.stderr
    prompted = run("user", "add", "rea", db=db, input=b"another long password\n"
                   b"another long password\n")
    assert prompted.returncode == 0, prompted.stderr
    assert run("user", "remove", "ana", db=db).returncode == 0
    assert b"ana" not in run("user", "list", db=db).stdout
