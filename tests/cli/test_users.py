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


def test_red_is_an_explicit_choice_never_a_clearance(tmp_path):
    db = tmp_path / "users.db"
    (tmp_path / "pw").write_text("a long enough password\n")
    pw = ("--password-file", str(tmp_path / "pw"))
    refused = run("user", "add", "ciso", "--clearance", "red", *pw, db=db)
    assert refused.returncode == 2 and b"TLP:RED is no clearance" in refused.stderr
    low = run("user", "add", "ciso", "--clearance", "amber", "--red", *pw, db=db)
    assert low.returncode == 2 and b"clear them for AMBER+STRICT first" in low.stderr
    named = run("user", "add", "ciso", "--clearance", "amber+strict", "--red", *pw, db=db)
    assert named.returncode == 0, named.stderr
    assert b"cleared up to TLP:AMBER+STRICT, RED recipient" in named.stdout
    assert run("user", "add", "ana", "--clearance", "amber+strict", *pw, db=db
               ).returncode == 0
    listed = run("user", "list", db=db).stdout.decode()
    assert [line for line in listed.splitlines() if "named recipient" in line] == [
        line for line in listed.splitlines() if "ciso" in line]
    changed = run("user", "change", "ciso", "--no-red", db=db)
    assert changed.returncode == 0, changed.stderr
    assert b"(was reader, cleared up to TLP:AMBER+STRICT, RED recipient)" in changed.stdout
    assert "named recipient" not in run("user", "list", db=db).stdout.decode()
    assert run("user", "change", "nobody", "--red", db=db).returncode != 0
