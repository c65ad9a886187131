"""intex pulls from OASIS's reference TAXII 2.1 server, medallion, for real: medallion runs
in its own process on loopback (its memory backend, a data file written here), and the
`intex partner add --url` / `intex sync` commands bring its collection into the ledger."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.liveserver import free_port

pytestmark = [pytest.mark.network, pytest.mark.slow]

INTEX = [sys.executable, "-m", "intex"]
API_ROOT = "trust-group"
COLLECTION = "3f1d0b2e-7c61-4a55-9d0e-6b8a2f4c1e90"
TLP_GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"
TLP_AMBER = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"
T0 = "2026-03-02T09:00:00.000Z"
STAMP = {"spec_version": "2.1", "created": T0, "modified": T0}

CERT = "identity--5b0a6f43-2c8e-4d1a-9b7e-3f6d2a1c8e55"
ACTOR = "threat-actor--9e2d4c6a-1b3f-4e5d-8a7c-0f1e2d3c4b5a"
INDICATOR = "indicator--c4a8e2f0-6b1d-4f3e-9a5c-7d2b0e8f1a63"
REPORT = "report--0d7e9c1b-3a5f-4b2d-8e6c-1f9a7b3d5e20"
RELATION = "relationship--6f3b1d9e-2c7a-4e8b-a1d5-9c0e3f7b2a48"

OBJECTS = [
    {"type": "identity", "id": CERT, "name": "Regional CERT", "identity_class": "organization",
     "object_marking_refs": [TLP_GREEN], **STAMP},
    {"type": "threat-actor", "id": ACTOR, "name": "Lazarus Group",
     "threat_actor_types": ["nation-state"], "created_by_ref": CERT,
     "object_marking_refs": [TLP_GREEN], **STAMP},
    {"type": "indicator", "id": INDICATOR, "name": "Staging server",
     "pattern": "[ipv4-addr:value = '198.51.100.7']", "pattern_type": "stix",
     "valid_from": T0, "indicator_types": ["malicious-activity"], "created_by_ref": CERT,
     "object_marking_refs": [TLP_AMBER], **STAMP},
    {"type": "relationship", "id": RELATION, "relationship_type": "indicates",
     "source_ref": INDICATOR, "target_ref": ACTOR, "created_by_ref": CERT,
     "object_marking_refs": [TLP_AMBER], **STAMP},
    {"type": "report", "id": REPORT, "name": "Staging infrastructure seen in March",
     "description": "The CERT said 3 servers were used to stage the operation.",
     "published": T0, "report_types": ["threat-report"], "created_by_ref": CERT,
     "object_refs": [ACTOR, INDICATOR, RELATION], "object_marking_refs": [TLP_GREEN],
     **STAMP},
]


def medallion_data(port: int) -> dict:
    """medallion's memory backend file: discovery, one API root, one collection and its
    manifest (medallion pages and dates objects by the manifest)."""
    root = f"http://127.0.0.1:{port}/{API_ROOT}/"
    manifest = [{"id": o["id"], "date_added": f"2026-03-02T10:00:0{i}.000000Z",
                 "version": o["modified"], "media_type": "application/stix+json;version=2.1"}
                for i, o in enumerate(OBJECTS)]
    return {
        "/discovery": {"title": "Trust group TAXII", "description": "medallion under test",
                       "default": root, "api_roots": [root]},
        API_ROOT: {
            "information": {"title": "Trust group", "description": "shared indicators",
                            "versions": ["application/taxii+json;version=2.1"],
                            "max_content_length": 10_000_000},
            "status": [],
            "collections": [{"id": COLLECTION, "title": "Indicators", "description": "",
                             "can_read": True, "can_write": False,
                             "media_types": ["application/stix+json;version=2.1"],
                             "objects": OBJECTS, "manifest": manifest}],
        },
    }


@contextmanager
def medallion(tmp: Path, user: str, password: str) -> Iterator[str]:
    """A medallion server on a free loopback port; yields its API root URL."""
    port = free_port()
    (tmp / "data.json").write_text(json.dumps(medallion_data(port)))
    (tmp / "config.json").write_text(json.dumps({
        "backend": {"module": "medallion.backends.memory_backend",
                    "module_class": "MemoryBackend", "filename": str(tmp / "data.json")},
        "users": {user: password}, "taxii": {"max_page_size": 2}}))
    log = open(tmp / "medallion.log", "w")  # noqa: SIM115 - the server writes to it
    proc = subprocess.Popen([sys.executable, "-m", "medallion.scripts.run", "--host",
                             "127.0.0.1", "--port", str(port), str(tmp / "config.json")],
                            stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/taxii2/", timeout=1)
            except urllib.error.HTTPError:
                break  # 401: up, and wants credentials
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError((tmp / "medallion.log").read_text()) from None
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}/{API_ROOT}/"
    finally:
        proc.terminate()
        proc.wait(10)
        log.close()


def run(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*INTEX, *args, "--db", str(db)], capture_output=True, text=True,
                          timeout=300, env=dict(os.environ))


def test_intex_syncs_a_collection_from_medallion(tmp_path):
    db = tmp_path / "ledger.db"
    (tmp_path / "secret").write_text("medallion-password-1\n")
    with medallion(tmp_path, "intex", "medallion-password-1") as url:
        added = run("partner", "add", "trust", "--url", url, "--collection", COLLECTION,
                    "--remote-user", "intex", "--remote-secret-file", str(tmp_path / "secret"),
                    db=db)
        assert added.returncode == 0, added.stderr
        first = run("sync", "trust", db=db)
        assert first.returncode == 0, first.stderr
        # medallion gives at most 2 objects a page: 5 objects take 3 pages
        assert "trust: 5 objects in 3 pages, 5 new, 1 reports" in first.stderr
        again = run("sync", "trust", db=db)
        assert again.returncode == 0, again.stderr
        assert " 0 new" in again.stderr

        # wrong credentials: an error naming the partner, and nothing changes
        (tmp_path / "wrong").write_text("not-the-password\n")
        run("partner", "add", "trust-bad", "--url", url, "--collection", COLLECTION,
            "--remote-user", "intex", "--remote-secret-file", str(tmp_path / "wrong"), db=db)
        bad = run("sync", "trust-bad", db=db)
        assert bad.returncode == 1 and "401" in bad.stderr

    con = sqlite3.connect(db)
    rows = {r[0]: r[1:] for r in con.execute(
        "select id, partner, tlp, json from stix_objects")}
    assert set(rows) == {o["id"] for o in OBJECTS}  # every object, the unknown types too
    assert {r[0] for r in rows.values()} == {"trust"}  # provenance: who sent it
    assert rows[INDICATOR][1] == "AMBER" and rows[ACTOR][1] == "GREEN"  # markings kept
    by_id = {o["id"]: o for o in OBJECTS}
    assert all(json.loads(r[2]) == by_id[i] for i, r in rows.items())  # verbatim
    report = con.execute("select id, partner, tlp, title from reports").fetchall()
    assert report == [(REPORT, "trust", "GREEN", "Staging infrastructure seen in March")]
    cursor = con.execute("select collection, added_after from sync_cursors "
                         "where partner = 'trust'").fetchall()
    assert cursor == [(COLLECTION, "2026-03-02T10:00:04.000000Z")]
