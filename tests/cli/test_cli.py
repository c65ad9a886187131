"""The command line as a user meets it: real processes, a real database file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import SEED

INTEX = [sys.executable, "-m", "intex"]


def run(*args: str, env_db: Path | str | None = None, input: bytes | None = None):
    env = dict(os.environ)
    if env_db is not None:
        env["INTEX_DB"] = str(env_db)
    return subprocess.run([*INTEX, *args], capture_output=True, input=input, env=env,
                          timeout=120)


def test_extract_prints_the_contract(seed_bytes):
    out = run("extract", str(SEED), "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) == {"document", "entities", "claims"}
    assert {"value", "value_max", "approx", "unit", "subject", "status", "location",
            "sources", "date", "modality", "evidence"} <= set(data["claims"][0])
    text = run("extract", str(SEED), "--format", "text").stdout.decode()
    ev = data["claims"][0]["evidence"]
    assert text[ev["start"]:ev["end"]] == ev["text"]


def test_extract_reads_stdin_and_takes_published(seed_bytes):
    out = run("extract", "-", "--published", "2024-10-29", input=b"Report\n\n"
              b"The Air Force said on Tuesday that 40 drones were shot down over Kyiv.")
    claim = json.loads(out.stdout)["claims"][0]
    assert claim["value"] == 40 and claim["date"] == "2024-10-29"


def test_ingest_batch_goes_on_past_bad_inputs(tmp_path, seed_bytes, new_db):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "seed.txt").write_bytes(seed_bytes)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    db = new_db()  # SQLite, then PostgreSQL
    out = run("ingest", str(tmp_path / "in"), str(tmp_path / "missing.txt"), "-q", env_db=db)
    err = out.stderr.decode()
    assert out.returncode == 1  # something failed, and the exit code says so
    assert "empty.txt" in err and "image.txt" in err and "missing.txt" in err
    assert "1 added" in err
    claims = json.loads(run("claims", "--subject", "North Korea", "--format", "json",
                            env_db=db).stdout)
    assert {c["value"] for c in claims} == {3000, 12000, 10000, 11000}
    again = run("ingest", str(tmp_path / "in" / "seed.txt"), "-q", env_db=db)
    assert again.returncode == 0 and "1 unchanged" in again.stderr.decode()


def test_source_grade_shows_in_the_ledger(tmp_path, seed_bytes, new_db):
    db = new_db()  # SQLite, then PostgreSQL
    src = tmp_path / "seed.txt"
    src.write_bytes(seed_bytes)
    run("ingest", str(src), "-q", env_db=db)
    assert run("source", "grade", "Kyrylo Budanov", "B", env_db=db).returncode == 0
    rows = json.loads(run("claims", "--source", "Budanov", "--format", "json",
                          env_db=db).stdout)
    assert rows and rows[0]["grades"]["Kyrylo Budanov"] == "B"
    csv_out = run("claims", "--format", "csv", env_db=db).stdout.decode()
    assert csv_out.splitlines()[0].startswith("date,value")


def test_review_correction_survives_reingest(tmp_path, seed_bytes, new_db):
    db = new_db()  # SQLite, then PostgreSQL
    src = tmp_path / "seed.txt"
    src.write_bytes(seed_bytes)
    run("ingest", str(src), "-q", env_db=db)
    rows = json.loads(run("claims", "--format", "json", "--status", "sent", env_db=db).stdout)
    cid = rows[0]["id"]
    out = run("review", cid, "correct", "--value", "3500", "--source", "NIS", env_db=db)
    assert out.returncode == 0, out.stderr
    run("ingest", str(src), "-q", env_db=db)
    (row,) = json.loads(run("claims", "--format", "json", "--status", "sent", env_db=db).stdout)
    assert row["review"] == "corrected" and row["value"] == 3500 and row["sources"] == ["NIS"]
    bad = run("review", "claim--nope", "accept", env_db=db)
    assert bad.returncode == 2 and b"no such claim" in bad.stderr


def test_reextract_reads_stored_reports_again(tmp_path, seed_bytes, new_db):
    db = new_db()  # SQLite, then PostgreSQL
    src = tmp_path / "seed.txt"
    src.write_bytes(seed_bytes)
    run("ingest", str(src), "-q", env_db=db)
    before = json.loads(run("claims", "--format", "json", "--all", env_db=db).stdout)
    out = run("reextract", "--all", env_db=db)
    assert out.returncode == 0 and b"1 reports read again" in out.stderr
    after = json.loads(run("claims", "--format", "json", "--all", env_db=db).stdout)
    assert [c["id"] for c in after] == [c["id"] for c in before]


def test_show_a_claim_with_its_provenance(tmp_path, seed_bytes, new_db):
    db = new_db()  # SQLite, then PostgreSQL
    src = tmp_path / "seed.txt"
    src.write_bytes(seed_bytes)
    run("ingest", str(src), "-q", env_db=db)
    row = json.loads(run("claims", "--format", "json", "--status", "training",
                         env_db=db).stdout)[0]
    out = run("show", row["id"], env_db=db, ).stdout.decode()
    assert "11,000" in out and "Kyrylo Budanov" in out and "intex.claims.rules.v1" in out
    assert row["report"] in out
    report = run("show", row["report"], env_db=db).stdout.decode()
    assert "Ukraine and South Korea" in report
    assert run("show", "claim--missing", env_db=db).returncode == 2


def test_the_size_cap_is_a_setting_and_names_the_input(tmp_path, seed_bytes):
    (tmp_path / "big.txt").write_bytes(seed_bytes)
    env_db = tmp_path / "l.db"
    env = dict(os.environ, INTEX_DB=str(env_db), INTEX_MAX_BYTES="1000")
    out = subprocess.run([*INTEX, "ingest", str(tmp_path / "big.txt"), "-q"],
                         capture_output=True, env=env, timeout=120)
    assert out.returncode == 1
    assert b"big.txt" in out.stderr and b"cap" in out.stderr


def test_a_users_gazetteer_file_extends_the_names_intex_knows(tmp_path):
    tsv = tmp_path / "mine.tsv"
    tsv.write_text("# name\ttype\taliases\tcountry\tkind\troles\n"
                   "Taras Hnatiuk\tPERSON\tHnatiuk|Gnatyuk\tUA\tperson\tspokesman for the Dnipro "
                   "brigade\n"
                   "Dnipro Volunteer Brigade\tORG\tDVB\tUA\tmilitary\t\n", encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text("Brigade update\n\nThe DVB said 14 drones were shot down. Gnatyuk added "
                      "that 3 soldiers were wounded.", encoding="utf-8")
    env = dict(os.environ, INTEX_GAZETTEER=str(tsv))
    out = subprocess.run([*INTEX, "extract", str(report)], capture_output=True, env=env,
                         timeout=120)
    data = json.loads(out.stdout)
    names = {(e["type"], e["name"]) for e in data["entities"]}
    assert ("PERSON", "Taras Hnatiuk") in names and ("ORG", "Dnipro Volunteer Brigade") in names
    bad = subprocess.run([*INTEX, "extract", str(report)], capture_output=True, timeout=120,
                         env=dict(os.environ, INTEX_GAZETTEER=str(tmp_path / "missing.tsv")))
    assert bad.returncode == 2 and b"missing.tsv" in bad.stderr
