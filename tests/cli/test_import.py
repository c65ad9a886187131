"""`intex import` between two real ledgers: the round trip, idempotence, refusals."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from sqlalchemy import create_engine, text

from intex.store.postgres import driver_url

INTEX = [sys.executable, "-m", "intex"]
TLP_AMBER = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"


def sql(url: str, query: str) -> list[tuple[object, ...]]:
    engine = create_engine(driver_url(url))
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(query))]
    finally:
        engine.dispose()


def run(*args: str, db):
    return subprocess.run([*INTEX, *args], capture_output=True, timeout=300,
                          env=dict(os.environ, INTEX_DB=str(db)))


def test_a_bundle_from_one_ledger_lands_in_another(tmp_path, seed_bytes, new_db):
    (tmp_path / "seed.txt").write_bytes(seed_bytes)
    kyiv, seoul = new_db("kyiv"), new_db("seoul")
    took = run("ingest", str(tmp_path / "seed.txt"), "-q", "--tlp", "amber", "--rel", "KOR",
               db=kyiv)
    assert b"(5 claims)" in took.stderr, took.stderr
    bundle = tmp_path / "b.json"
    run("export", "-o", str(bundle), db=kyiv)
    out = run("import", str(bundle), "--partner", "kyiv", db=seoul)
    assert out.returncode == 0, out.stderr
    assert b"5 claims added" in out.stderr
    theirs = json.loads(run("claims", "--format", "json", "--all", db=kyiv).stdout)
    ours = json.loads(run("claims", "--format", "json", "--all", db=seoul).stdout)
    key = lambda c: (c["id"], c["value"], c["status"], tuple(c["sources"]), c["date"])  # noqa: E731
    assert sorted(map(key, ours)) == sorted(map(key, theirs))
    assert {r[0] for r in sql(seoul, "select partner from claims")} == {"kyiv"}
    assert sql(seoul, "select tlp, releasable_to from reports") == [("AMBER", "KOR")]
    # the same bundle again changes nothing
    again = run("import", str(bundle), "--partner", "kyiv", db=seoul)
    assert b"0 new objects" in again.stderr and b"0 claims added" in again.stderr
    # and seoul can serve it on, still marked
    relayed = json.loads(run("export", db=seoul).stdout)
    report = next(o for o in relayed["objects"] if o["type"] == "report")
    assert TLP_AMBER in report["object_marking_refs"]


def test_a_hostile_bundle_is_refused_whole_and_named(tmp_path, new_db):
    db = new_db()
    deep = tmp_path / "deep.json"
    deep.write_text('{"type": "bundle", "id": "bundle--x", "objects": ' + "[" * 5000
                    + "]" * 5000 + "}")
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"type": "bundle", "id": "bundle--1", "objects": [
        {"type": "report", "spec_version": "2.0", "id": "report--x"}]}))
    out = run("import", str(deep), str(wrong), str(tmp_path / "missing.json"), db=db)
    err = out.stderr.decode()
    assert out.returncode == 1
    assert "deep.json" in err and "wrong.json" in err and "missing.json" in err
    assert sql(db, "select count(*) from stix_objects") == [(0,)]
    assert sql(db, "select count(*) from reports") == [(0,)]
