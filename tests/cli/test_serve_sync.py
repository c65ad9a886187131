"""The README's two-node walkthrough as a test: real `intex serve` and `intex sync` processes,
all on SQLite, then all on PostgreSQL."""

from __future__ import annotations

import getpass
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from intex.store import open_store

INTEX = [sys.executable, "-m", "intex"]
COLLECTION = "41596b49-c471-5cf0-b496-cb19192a7d93"


def run(*args: str, db):
    return subprocess.run([*INTEX, *args, "--db", str(db)], capture_output=True, timeout=300,
                          env=dict(os.environ))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_kyiv_serves_seoul_and_an_ngo_each_what_they_may_see(tmp_path, seed_bytes, new_db):
    kyiv, seoul, ngo = (new_db(n) for n in ("kyiv", "seoul", "ngo"))
    (tmp_path / "seed.txt").write_bytes(seed_bytes)
    (tmp_path / "red.txt").write_text("Strike\n\nThe Air Force said 40 drones were shot down "
                                      "over Kyiv.\n")
    (tmp_path / "green.txt").write_text("Aid\n\nGermany said it would send 500 million "
                                        "euros in aid to Ukraine.\n")
    run("ingest", str(tmp_path / "seed.txt"), "--tlp", "amber", "--rel", "KOR", db=kyiv)
    run("ingest", str(tmp_path / "red.txt"), "--tlp", "red", db=kyiv)
    run("ingest", str(tmp_path / "green.txt"), "--tlp", "green", db=kyiv)
    for name, tlp in (("seoul", ["--tlp", "amber", "--rel", "KOR"]), ("ngo", ["--tlp", "green"])):
        (tmp_path / f"{name}.secret").write_text(f"{name}-secret-long-enough\n")
        assert run("partner", "add", name, *tlp, "--secret-file",
                   str(tmp_path / f"{name}.secret"), db=kyiv).returncode == 0
    port = free_port()
    log = open(tmp_path / "serve.log", "w")  # noqa: SIM115 - the server writes to it
    server = subprocess.Popen([*INTEX, "serve", "--db", str(kyiv), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=log)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/taxii2/", timeout=1)
            except urllib.error.HTTPError:
                break  # 401: it is up and wants credentials
            except OSError:
                time.sleep(0.3)
        url = f"http://127.0.0.1:{port}/taxii2/intex/"
        for name, db in (("seoul", seoul), ("ngo", ngo)):
            assert run("partner", "add", "kyiv", "--url", url, "--collection", COLLECTION,
                       "--remote-user", name, "--remote-secret-file",
                       str(tmp_path / f"{name}.secret"), db=db).returncode == 0
            out = run("sync", db=db)
            assert out.returncode == 0, out.stderr
        got = {name: {c["value"] for c in json.loads(
            run("claims", "--all", "--format", "json", db=db).stdout)}
            for name, db in (("seoul", seoul), ("ngo", ngo))}
        assert got["ngo"] == {500_000_000}
        assert {3000, 12000, 10000, 11000, 500_000_000} == got["seoul"]
        assert 40 not in got["seoul"] | got["ngo"]
        for db in (seoul, ngo):  # each pull is in its audit log
            store = open_store(db)
            [entry] = store.audit.entries(action="partner.synced")[1]
            store.close()
            assert entry.actor == f"sync:{getpass.getuser()}" and entry.subject == "kyiv"
            assert " new), " in entry.detail and "claims" in entry.detail
    finally:
        server.terminate()
        server.wait(10)
        log.close()
        print((tmp_path / "serve.log").read_text())  # shown when the test fails
