#!/usr/bin/env python3
"""A sync of N objects between two intex nodes on loopback.

    python bench/sync_bench.py --objects 100000 [--page 1000]

Node "kyiv" gets N STIX objects: a few dev-corpus reports are ingested and exported once,
and that bundle (reports, attributed claims, notes, relationships, identities,
locations) is copied with fresh ids until there are N objects, kept as kyiv's
published objects. Then a real ``intex serve`` process serves kyiv's SQLite file and a
real ``intex sync`` process pulls everything into node "seoul"'s SQLite file; the time
of that process is the measurement (setup is not timed), wall clock and CPU seconds of
the sync process and of the server while it ran. A second ``intex sync``
measures a sync with nothing new. Prints one JSON line per measurement.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "corpus" / "dev"
INTEX = [sys.executable, "-m", "intex"]
COLLECTION = "41596b49-c471-5cf0-b496-cb19192a7d93"
_ID = re.compile(r'"([a-z0-9-]+--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"')
# objects every copy shares: they are the same in any intex export
SHARED = ("marking-definition--", "extension-definition--", "identity--20217a82-")


def template(folder: Path, reports: int) -> list[dict]:
    """One export of a few real reports, marked GREEN (what seoul may see)."""
    from intex import service
    from intex.model import TLP, Marking

    store = service.open_ledger(f"sqlite:///{folder / 'template.db'}")
    paths = sorted(DEV.glob("*.txt"))[:reports]
    for ev in service.ingest(store, [str(p) for p in paths], marking=Marking(TLP.GREEN)):
        assert ev.error is None, ev.error
    return service.export_bundle(store)["objects"]


def copies(objects: list[dict], total: int) -> list[dict]:
    text = json.dumps(objects)
    own = sorted({i for i in _ID.findall(text) if not i.startswith(SHARED)})
    out: list[dict] = [o for o in objects if o["id"].startswith(SHARED)]
    n = 0
    while len(out) < total:
        n += 1
        fresh = {i: f"{i.split('--')[0]}--{uuid.uuid5(uuid.NAMESPACE_URL, f'{n}/{i}')}"
                 for i in own}
        copy = json.loads(_ID.sub(lambda m, fresh=fresh: f'"{fresh.get(m[1], m[1])}"', text))
        out += [o for o in copy if not o["id"].startswith(SHARED)]
    return out[:total]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cpu_children() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def proc_cpu(pid: int) -> float:
    """CPU seconds (user + system) a running process has used, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def spied(name: str) -> list[str]:
    """``intex``, or with INTEX_BENCH_PYSPY=DIR, intex sampled by py-spy into DIR/NAME.txt
    (collapsed stacks; the CPU figures then include py-spy's own)."""
    folder = os.environ.get("INTEX_BENCH_PYSPY")
    if not folder:
        return INTEX
    return ["py-spy", "record", "-r", "250", "-f", "raw", "-o", f"{folder}/{name}.txt",
            "--", *INTEX]


def timed(*args: str, run: int = 1) -> tuple[float, float, subprocess.CompletedProcess[bytes]]:
    """Run one intex command: (wall seconds, its CPU seconds, result); with
    INTEX_BENCH_PROFILE=FILE, under cProfile into FILE (FILE.2 for the second run)."""
    profile = os.environ.get("INTEX_BENCH_PROFILE")
    if profile and run > 1:
        profile = f"{profile}.{run}"
    command = [sys.executable, "-m", "cProfile", "-o", profile, "-m", "intex"] if profile \
        else spied(f"sync{run}")
    start, cpu = time.perf_counter(), cpu_children()
    # a first page may take the server a while (it works out what seoul may see)
    done = subprocess.run([*command, *args], capture_output=True,
                          env=dict(os.environ, INTEX_TIMEOUT="600"))
    return time.perf_counter() - start, cpu_children() - cpu, done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--objects", type=int, default=100_000)
    parser.add_argument("--reports", type=int, default=6, help="dev reports in the template")
    parser.add_argument("--page", type=int, default=1000, help="objects per TAXII page")
    args = parser.parse_args()
    from intex import service

    folder = Path(tempfile.mkdtemp(prefix="intex-sync-bench-"))
    kyiv, seoul = folder / "kyiv.db", folder / "seoul.db"
    objects = copies(template(folder, args.reports), args.objects)
    store = service.open_ledger(f"sqlite:///{kyiv}")
    store.keep_stix(objects, partner=None, markings=service.object_markings(objects))
    (folder / "seoul.secret").write_text("seoul-bench-password\n")
    subprocess.run([*INTEX, "partner", "add", "seoul", "--tlp", "amber", "--secret-file",
                    str(folder / "seoul.secret"), "--db", str(kyiv)], check=True,
                   capture_output=True)
    port = free_port()
    # INTEX_BENCH_SERVER_PROFILE=FILE: the server under cProfile (written when it stops)
    served_profile = os.environ.get("INTEX_BENCH_SERVER_PROFILE")
    serve = [sys.executable, "-m", "cProfile", "-o", served_profile, "-m", "intex"] \
        if served_profile else spied("serve")
    server = subprocess.Popen([*serve, "serve", "--db", str(kyiv), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/taxii2/", timeout=1)
            except urllib.error.HTTPError:
                break  # 401: up
            except OSError:
                time.sleep(0.3)
        subprocess.run([*INTEX, "partner", "add", "kyiv", "--url",
                        f"http://127.0.0.1:{port}/taxii2/intex/", "--collection", COLLECTION,
                        "--remote-user", "seoul", "--remote-secret-file",
                        str(folder / "seoul.secret"), "--db", str(seoul)], check=True,
                       capture_output=True)
        env_page = ["--page-size", str(args.page)]
        served = proc_cpu(server.pid)
        seconds, cpu, done = timed("sync", *env_page, "--db", str(seoul))
        served = proc_cpu(server.pid) - served
        if done.returncode != 0:
            sys.exit(done.stderr.decode())
        got = service.open_ledger(f"sqlite:///{seoul}")
        with got.engine.connect() as conn:
            held = conn.exec_driver_sql("select count(*) from stix_objects").scalar_one()
        machine = {"machine": platform.machine(), "cpus": os.cpu_count(),
                   "python": platform.python_version()}
        print(json.dumps({"measure": "sync", "objects": len(objects), "held_after": held,
                          "seconds": round(seconds, 1),
                          "objects_per_s": round(len(objects) / seconds),
                          "sync_cpu_seconds": round(cpu, 1),
                          "server_cpu_seconds": round(served, 1),
                          "load": round(os.getloadavg()[0], 1),
                          "page": args.page, **machine, "said": done.stderr.decode()[-300:]}))
        again, cpu, done = timed("sync", *env_page, "--db", str(seoul), run=2)
        print(json.dumps({"measure": "sync, nothing new", "seconds": round(again, 2),
                          "sync_cpu_seconds": round(cpu, 2),
                          "said": done.stderr.decode()[-200:]}))
    finally:
        # SIGINT to its group: the server (and py-spy around it) stop and write their files
        os.killpg(server.pid, signal.SIGINT)
        server.wait(60)
        if not os.environ.get("INTEX_BENCH_KEEP"):  # the two ledgers, unless asked to keep
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
