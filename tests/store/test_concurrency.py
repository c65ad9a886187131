"""Several real `intex ingest` processes on one ledger at once, on SQLite and PostgreSQL:
overlapping report sets, a syndicated copy in one process and its original in another,
and a reader process polling all the while. Nothing is lost or stored twice, entities stay
one per id, near-duplicates still find each other, and no reader sees half a report."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from intex.store.postgres import driver_url
from tests.conftest import DEV

INTEX = [sys.executable, "-m", "intex"]

# polls claims per report until told to stop; prints every distinct (report, count) seen
READER = """
import json, sys, time
from pathlib import Path
from sqlalchemy import create_engine, text
url, stop = sys.argv[1], Path(sys.argv[2])
engine = create_engine(url)
seen = set()
polls = 0
while not stop.exists():
    with engine.connect() as conn:
        for rid, n in conn.execute(text(
                "select report_id, count(*) from claims group by report_id")):
            seen.add((rid, n))
    polls += 1
    time.sleep(0.02)
engine.dispose()
print(json.dumps({"polls": polls, "seen": sorted(seen)}))
"""


def _ledger(url: str) -> dict[str, object]:
    """What a ledger holds, in a form two ledgers can be compared by."""
    engine = create_engine(driver_url(url))
    try:
        with engine.connect() as conn:
            def rows(sql: str) -> list[tuple[object, ...]]:
                return sorted(tuple(r) for r in conn.execute(text(sql)))
            pairs = rows("select report_id, other_id from near_duplicates")
            return {
                "reports": rows("select id, content_hash from reports"),
                "claims": rows("select id, report_id, value from claims"),
                "sources": rows("select claim_id, position, name from claim_sources"),
                "entities": rows("select id, name, type from entities"),
                "aliases": rows("select entity_id, alias from aliases"),
                "mentions": rows("select report_id, entity_id, start from mentions"),
                "origins": len(rows("select distinct origin from claims")),
                "clusters": _components(pairs),
            }
    finally:
        engine.dispose()


def _components(pairs: list[tuple[object, ...]]) -> list[list[str]]:
    """The near-duplicate sets (who was first among them depends on timing; the sets not)."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for a, b in pairs:
        parent[root(str(a))] = root(str(b))
    groups: dict[str, list[str]] = {}
    for x in parent:
        groups.setdefault(root(x), []).append(x)
    return sorted(sorted(g) for g in groups.values())


def _inputs(folder: Path) -> list[list[Path]]:
    """Three overlapping sets; the second holds syndicated copies of reports in the first."""
    originals = sorted(p for p in DEV.glob("*.txt"))[:18]
    copies = []
    for p in originals[:4]:
        copy = folder / f"copy-{p.name}"
        copy.write_text("(Agency) " + p.read_text(encoding="utf-8")
                        + "\nThis story was updated.\n", encoding="utf-8")
        copies.append(copy)
    return [originals[:12], copies + originals[6:18], originals[:6] + originals[12:18]]


@pytest.mark.slow
def test_concurrent_ingesters_lose_nothing_and_duplicate_nothing(new_db, tmp_path):
    sets = _inputs(tmp_path)
    shared, alone = new_db("shared"), new_db("alone")
    env = dict(os.environ)
    reference = subprocess.run(  # one process, one after the other
        [*INTEX, "ingest", "-q", "--db", alone, *map(str, sum(sets, []))],
        capture_output=True, timeout=600, env=env)
    assert reference.returncode == 0, reference.stderr.decode()
    subprocess.run([*INTEX, "claims", "--db", shared], capture_output=True, timeout=120,
                   env=env, check=True)  # migrated before the race, as a server would be
    stop = tmp_path / "stop"
    reader = subprocess.Popen([sys.executable, "-c", READER, driver_url(shared), str(stop)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    ingesters = [subprocess.Popen([*INTEX, "ingest", "-q", "--db", shared, *map(str, s)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
                 for s in sets]
    outs = [p.communicate(timeout=600) for p in ingesters]
    stop.touch()
    seen_out, reader_err = reader.communicate(timeout=60)
    for p, (_, err) in zip(ingesters, outs, strict=True):
        assert p.returncode == 0, err.decode()
        assert b"0 failed" in err
    assert reader.returncode == 0, reader_err.decode()

    got, want = _ledger(shared), _ledger(alone)
    for key in want:
        assert got[key] == want[key], key
    assert any(len(c) > 1 for c in want["clusters"])  # the copies were linked, as alone

    # every count a reader saw of a report's claims was all of them
    final: dict[str, int] = {}
    for _cid, rid, _v in want["claims"]:  # type: ignore[attr-defined]
        final[rid] = final.get(rid, 0) + 1
    seen = json.loads(seen_out)
    assert seen["polls"] > 3
    assert {rid: n for rid, n in seen["seen"] if n != final[rid]} == {}
