"""Two real `intex serve` processes on one ledger (SQLite and PostgreSQL), partners POSTing
overlapping bundles to both at once: every POST completes, every object version is held
once, and the ledger ends as one that took the same bundles one after the other."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text

from intex import service
from intex.model import TLP, Partner
from intex.store.postgres import driver_url
from intex.taxii import intake
from intex.taxii.routes import COLLECTION_ID
from tests.conftest import DEV
from tests.liveserver import free_port

pytestmark = [pytest.mark.network, pytest.mark.slow]
INTEX = [sys.executable, "-m", "intex"]
TAXII = "application/taxii+json;version=2.1"


def _bundles(new_db) -> list[bytes]:  # noqa: ANN001
    """Three bundles from three partner ledgers, sharing reports (so objects) pairwise."""
    reports = sorted(DEV.glob("*.txt"))[:6]
    out = []
    for i, chosen in enumerate((reports[:3], reports[2:5], [reports[0], *reports[4:6]])):
        store = service.open_ledger(new_db(f"partner{i}"))
        for ev in service.ingest(store, [str(p) for p in chosen]):
            assert ev.error is None, ev.error
        bundle = service.export_bundle(store)
        store.close()
        out.append(json.dumps({"objects": bundle["objects"]}).encode())
    return out


def _held(url: str) -> dict[str, list[tuple[object, ...]]]:
    engine = create_engine(driver_url(url))
    try:
        with engine.connect() as conn:
            return {name: sorted(tuple(r) for r in conn.execute(text(sql))) for name, sql in (
                ("objects", "select id, modified from stix_objects"),
                ("reports", "select id from reports"),
                ("claims", "select id, report_id, value from claims"))}
    finally:
        engine.dispose()


def _serve(db: str, port: int, log: Path) -> subprocess.Popen[bytes]:
    with log.open("w") as err:  # the child keeps its own copy of the handle
        return subprocess.Popen([*INTEX, "serve", "--db", db, "--port", str(port)],
                                stdout=subprocess.DEVNULL, stderr=err)


def _wait_up(port: int) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/taxii2/", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.3)
    raise AssertionError(f"intex serve on port {port} did not come up")


def test_two_servers_take_concurrent_posts_on_one_ledger(new_db, tmp_path):
    bundles = _bundles(new_db)
    hub, alone = new_db("hub"), new_db("alone")
    for url in (hub, alone):
        store = service.open_ledger(url)
        creds = service.add_partner(store, Partner("seoul", TLP.AMBER, can_write=True),
                                    password="seoul-secret-long-enough")
        store.close()
    auth = ("seoul", "seoul-secret-long-enough")
    reference = service.open_ledger(alone)
    for b in bundles:  # the reference: the same bundles, one after the other, as POSTed
        intake.take(reference, json.loads(b)["objects"], partner="seoul", max_bytes=10**8)
    reference.close()
    ports = [free_port(), free_port()]
    servers = [_serve(hub, p, tmp_path / f"serve{i}.log") for i, p in enumerate(ports)]
    try:
        for p in ports:
            _wait_up(p)
        results: list[tuple[int, dict[str, object]]] = []
        start = threading.Barrier(2 * len(bundles))

        def post(port: int, body: bytes) -> None:
            with httpx.Client(auth=auth, timeout=120) as http:
                start.wait()
                r = http.post(f"http://127.0.0.1:{port}/taxii2/intex/collections/"
                              f"{COLLECTION_ID}/objects/", content=body,
                              headers={"Content-Type": TAXII, "Accept": TAXII})
                results.append((r.status_code, r.json()))

        threads = [threading.Thread(target=post, args=(port, body))
                   for body in bundles for port in ports]  # every bundle to both servers
        for th in threads:
            th.start()
        for th in threads:
            th.join(timeout=300)
        assert len(results) == len(threads)
        for code, status in results:
            assert code == 202, status
            assert status["status"] == "complete" and status["failure_count"] == 0

        # each server serves every object once, in one order both agree on
        pages = []
        for p in ports:
            with httpx.Client(auth=auth, timeout=60) as http:
                got = http.get(f"http://127.0.0.1:{p}/taxii2/intex/collections/"
                               f"{COLLECTION_ID}/objects/", headers={"Accept": TAXII},
                               params={"limit": 10_000})
                assert got.status_code == 200, got.text
                pages.append([(o["id"], o.get("modified")) for o in got.json()["objects"]])
        assert pages[0] == pages[1] and len(set(pages[0])) == len(pages[0])
    finally:
        for s in servers:
            s.terminate()
            s.wait(15)
        for i in range(len(ports)):
            print((tmp_path / f"serve{i}.log").read_text())  # shown when the test fails
    assert creds.name == "seoul"
    got, want = _held(hub), _held(alone)
    for key in want:
        assert set(got[key]) ^ set(want[key]) == set(), key
        assert got[key] == want[key], key
