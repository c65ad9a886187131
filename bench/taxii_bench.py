#!/usr/bin/env python3
"""TAXII 2.1 serving speed: intex's server beside OASIS medallion and beside the floor.

    python bench/taxii_bench.py --objects 100000 --post 2000 --medallion-budget 60

1. A real SQLite ledger holding ``--objects`` STIX objects (indicators, identities,
   relationships and reports naming them; all TLP:GREEN), served by a real
   ``intex serve`` process on loopback. A GREEN partner pages through the whole
   collection (``limit`` = the server's most, 1000, following ``next``): objects/s.
2. The floor: the same rows read from the same database file with the standard library's
   sqlite3 (no SQLAlchemy, no HTTP), in pages of 1000, each page serialised to a TAXII
   envelope, two ways: parsing each object and writing the page with ``json.dumps``
   (``floor_decoded``), and pasting the stored text together (``floor_verbatim``).
3. POST throughput: ``--post`` new objects in POSTs of ``--batch`` (each one checked by
   the importer and the OASIS validator, stored, status kept).
4. medallion (memory backend, the same kind of objects) at growing sizes, each a fresh
   process: the same paged GET and POSTs, until one size takes longer than
   ``--medallion-budget`` seconds; that size is where it becomes unusable.

Not a test: prints one JSON line per measurement. Loopback only; every loop is bounded.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
TLP_GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"
TAXII = "application/taxii+json;version=2.1"
COLLECTION = "41596b49-c471-5cf0-b496-cb19192a7d93"
T0 = "2026-03-02T09:00:00.000Z"


def say(**row: object) -> None:
    print(json.dumps(row), flush=True)


def objects(n: int, seed: int = 0) -> Iterator[dict]:
    """``n`` distinct STIX 2.1 objects: per 10, one identity, six indicators, two
    relationships and one report naming them."""
    base = {"spec_version": "2.1", "created": T0, "modified": T0,
            "object_marking_refs": [TLP_GREEN]}
    made = 0
    group = 0
    while made < n:
        def sid(kind: str, i: int, group: int = group) -> str:
            return f"{kind}--{uuid.uuid5(uuid.NAMESPACE_URL, f'{seed}/{group}/{kind}/{i}')}"
        org = sid("identity", 0)
        batch: list[dict] = [{"type": "identity", "id": org, "name": f"CERT {group}",
                              "identity_class": "organization", **base}]
        inds = []
        for i in range(6):
            inds.append(sid("indicator", i))
            batch.append({"type": "indicator", "id": inds[-1], "created_by_ref": org,
                          "name": f"staging host {group}.{i}",
                          "pattern": f"[ipv4-addr:value = '198.51.{group % 250}.{i}']",
                          "pattern_type": "stix", "valid_from": T0,
                          "indicator_types": ["malicious-activity"], **base})
        for i in range(2):
            batch.append({"type": "relationship", "id": sid("relationship", i),
                          "relationship_type": "related-to", "source_ref": inds[i],
                          "target_ref": inds[i + 1], "created_by_ref": org, **base})
        batch.append({"type": "report", "id": sid("report", 0), "name": f"Weekly {group}",
                      "published": T0, "report_types": ["threat-report"],
                      "created_by_ref": org, "object_refs": [org, *inds], **base})
        yield from batch[: n - made]
        made += len(batch)
        group += 1


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_up(url: str, proc: subprocess.Popen, log: Path, limit: float = 600) -> None:
    deadline = time.monotonic() + limit
    while True:
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.HTTPError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(log.read_text()[-2000:]) from None
            time.sleep(0.2)


def proc_cpu(pid: int) -> float:
    """CPU seconds (user + system) a process has used so far, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load() -> float:
    return round(os.getloadavg()[0], 2)


def page_all(http: httpx.Client, url: str, limit: int, budget: float) -> tuple[int, float]:
    """Follow ``next`` to the end (or the budget): (objects, seconds)."""
    start = time.perf_counter()
    got, params = 0, {"limit": str(limit)}
    while True:
        r = http.get(url, params=params)
        r.raise_for_status()
        body = r.json()
        got += len(body.get("objects", []))
        if not body.get("more") or time.perf_counter() - start > budget:
            return got, time.perf_counter() - start
        params = {"limit": str(limit), "next": body["next"]}


def post_all(http: httpx.Client, url: str, objs: list[dict], batch: int) -> float:
    start = time.perf_counter()
    for i in range(0, len(objs), batch):
        r = http.post(url, content=json.dumps({"objects": objs[i:i + batch]}),
                      headers={"Content-Type": TAXII})
        if r.status_code != 202:
            raise RuntimeError(f"POST: {r.status_code} {r.text[:500]}")
    return time.perf_counter() - start


# intex ------------------------------------------------------------------------------------

def build_ledger(db: Path, n: int) -> tuple[str, str]:
    """The ledger with ``n`` objects, stamped as served; (reader key, writer key)."""
    from intex import service
    from intex.model import TLP, Marking, Partner
    from intex.store.objects import Objects

    store = service.open_ledger(f"sqlite:///{db}")
    start, cpu = time.perf_counter(), time.process_time()
    chunk: list[dict] = []
    for obj in objects(n):
        chunk.append(obj)
        if len(chunk) == 5000:
            store.keep_stix(chunk, partner=None,
                            markings={o["id"]: Marking(TLP.GREEN) for o in chunk})
            chunk = []
    if chunk:
        store.keep_stix(chunk, partner=None, markings={o["id"]: Marking(TLP.GREEN) for o in chunk})
    Objects(store.engine).stamp(datetime.now(UTC))
    say(step="intex ledger built", objects=n, seconds=round(time.perf_counter() - start, 1),
        cpu_seconds=round(time.process_time() - cpu, 1), load=load())
    reader = service.add_partner(store, Partner("reader", max_tlp=TLP.GREEN))
    writer = service.add_partner(store, Partner("writer", max_tlp=TLP.GREEN, can_write=True))
    store.engine.dispose()
    return reader.api_key, writer.api_key


def floor(db: Path, page: int = 1000) -> None:
    """Reading the rows and writing TAXII envelopes of them, without a server."""
    con = sqlite3.connect(db)
    for kind in ("decoded", "verbatim"):
        start, cpu = time.perf_counter(), time.process_time()
        total, last = 0, 0
        while True:
            rows = con.execute("select seq, json from stix_objects where seq > ? "
                               "order by seq limit ?", (last, page)).fetchall()
            if not rows:
                break
            if kind == "decoded":
                body = json.dumps({"more": True, "objects": [json.loads(r[1]) for r in rows]})
            else:
                body = '{"more": true, "objects": [' + ", ".join(r[1] for r in rows) + "]}"
            assert body
            total += len(rows)
            last = rows[-1][0]
        took = time.perf_counter() - start
        say(step=f"floor_{kind}", objects=total, seconds=round(took, 2),
            objects_per_s=round(total / took),
            cpu_seconds=round(time.process_time() - cpu, 2), load=load())
    con.close()


def bench_intex(args: argparse.Namespace, tmp: Path) -> None:
    db = tmp / "intex.db"
    reader, writer = build_ledger(db, args.objects)
    floor(db)
    port = free_port()
    log = tmp / "intex.log"
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "intex", "serve", "--db", str(db),
                                 "--port", str(port)], stdout=out, stderr=subprocess.STDOUT,
                                env=dict(os.environ))
    try:
        base = f"http://127.0.0.1:{port}/taxii2/intex/collections/{COLLECTION}/objects/"
        wait_up(f"http://127.0.0.1:{port}/taxii2/", proc, log)
        with httpx.Client(headers={"Accept": TAXII, "Authorization": f"Bearer {reader}"},
                          timeout=120) as http:
            for run in range(args.runs):
                server_cpu, client_cpu = proc_cpu(proc.pid), time.process_time()
                got, took = page_all(http, base, 1000, budget=600)
                server_cpu = proc_cpu(proc.pid) - server_cpu
                say(step="intex paged GET", run=run, objects=got, seconds=round(took, 2),
                    objects_per_s=round(got / took), server_cpu_seconds=round(server_cpu, 2),
                    client_cpu_seconds=round(time.process_time() - client_cpu, 2),
                    load=load())
        new = list(objects(args.post, seed=1))
        with httpx.Client(headers={"Accept": TAXII, "Authorization": f"Bearer {writer}"},
                          timeout=600) as http:
            took = post_all(http, base, new, args.batch)
        say(step="intex POST", objects=len(new), batch=args.batch, seconds=round(took, 2),
            objects_per_s=round(len(new) / took))
    finally:
        proc.terminate()
        proc.wait(30)


# medallion --------------------------------------------------------------------------------

def medallion_run(tmp: Path, n: int, args: argparse.Namespace) -> float:
    port = free_port()
    root = f"http://127.0.0.1:{port}/bench/"
    objs = list(objects(n))
    manifest = [{"id": o["id"], "date_added": "2026-03-02T10:00:00.000000Z",
                 "version": o["modified"], "media_type": "application/stix+json;version=2.1"}
                for o in objs]
    data = {"/discovery": {"title": "bench", "default": root, "api_roots": [root]},
            "bench": {"information": {"title": "bench", "versions": [TAXII],
                                      "max_content_length": 100_000_000},
                      "status": [],
                      "collections": [{"id": COLLECTION, "title": "bench", "can_read": True,
                                       "can_write": True, "media_types": [
                                           "application/stix+json;version=2.1"],
                                       "objects": objs, "manifest": manifest}]}}
    (tmp / "m-data.json").write_text(json.dumps(data))
    (tmp / "m-config.json").write_text(json.dumps({
        "backend": {"module": "medallion.backends.memory_backend",
                    "module_class": "MemoryBackend", "filename": str(tmp / "m-data.json"),
                    "session_timeout": 3600},
        "users": {"bench": "bench-password"}, "taxii": {"max_page_size": 1000}}))
    log = tmp / "medallion.log"
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "medallion.scripts.run", "--host",
                                 "127.0.0.1", "--port", str(port), str(tmp / "m-config.json")],
                                stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_up(f"http://127.0.0.1:{port}/taxii2/", proc, log)
        url = f"{root}collections/{COLLECTION}/objects/"
        with httpx.Client(headers={"Accept": TAXII}, auth=("bench", "bench-password"),
                          timeout=args.medallion_budget * 2) as http:
            got, took = page_all(http, url, 1000, budget=args.medallion_budget)
            say(step="medallion paged GET", size=n, objects=got, seconds=round(took, 2),
                objects_per_s=round(got / took), complete=got == n)
            if got < n:
                return float("inf")
            new = list(objects(min(args.post, 500), seed=1))
            posted = post_all(http, url, new, args.batch)
            say(step="medallion POST", size=n, objects=len(new), batch=args.batch,
                seconds=round(posted, 2), objects_per_s=round(len(new) / posted))
        return took + posted
    finally:
        proc.terminate()
        proc.wait(30)


def bench_medallion(args: argparse.Namespace, tmp: Path) -> None:
    size = 1000
    while size <= args.objects:
        took = medallion_run(tmp, size, args)
        if took > args.medallion_budget:
            say(step="medallion unusable", size=size, budget_s=args.medallion_budget)
            return
        size *= 2
    say(step="medallion kept within budget", up_to=size // 2)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--objects", type=int, default=100_000)
    ap.add_argument("--post", type=int, default=2000, help="objects to POST")
    ap.add_argument("--batch", type=int, default=100, help="objects per POST")
    ap.add_argument("--runs", type=int, default=2, help="paged GETs of the whole collection")
    ap.add_argument("--medallion-budget", type=float, default=60.0,
                    help="seconds one medallion size may take")
    ap.add_argument("--skip", choices=["intex", "medallion"], action="append", default=[])
    args = ap.parse_args()
    say(step="machine", python=platform.python_version(), cpus=os.cpu_count(),
        platform=platform.platform(), date=datetime.now(UTC).date().isoformat())
    with tempfile.TemporaryDirectory() as tmp:
        if "intex" not in args.skip:
            bench_intex(args, Path(tmp))
        if "medallion" not in args.skip:
            bench_medallion(args, Path(tmp))


if __name__ == "__main__":
    main()
