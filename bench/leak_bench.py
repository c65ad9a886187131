#!/usr/bin/env python3
"""Cost of one case of the TAXII leak property (``tests/taxii/test_leaks.py``).

    python bench/leak_bench.py --cases 500 [--db sqlite|URL] [--nagle]

Runs ``--cases`` hypothesis cases of the property's ``check`` (the same strategies, the
same 24 agreements, the same oracle) against a real uvicorn server on 127.0.0.1 over a
fresh SQLite ledger (or the PostgreSQL database ``--db`` names), and prints one JSON
line: wall and CPU time per case (CPU of this process: client, oracle and server threads
share it), and the machine's load. ``--nagle`` binds the listening socket with protocol
0, as the test helper did before: asyncio then leaves Nagle's algorithm on for accepted
connections, and every answer's body waits for the client's delayed ACK of its headers
(~40 ms on Linux loopback).

Not a test; loopback only.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=500)
    ap.add_argument("--db", default="sqlite", help="'sqlite' (a fresh file) or a database URL")
    ap.add_argument("--nagle", action="store_true",
                    help="listen on a socket made with protocol 0 (Nagle left on)")
    args = ap.parse_args()

    import httpx
    import uvicorn
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
    from tests.taxii import test_leaks as leaks

    from intex import service
    from intex.taxii import create_app

    url = f"sqlite:///{tempfile.mkdtemp()}/leaks.db" if args.db == "sqlite" else args.db
    store = service.open_ledger(url)
    proto = 0 if args.nagle else socket.IPPROTO_TCP
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, proto)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(store), log_level="warning",
                                           lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)
    base = f"http://127.0.0.1:{sock.getsockname()[1]}"
    with httpx.Client(base_url=base, timeout=120) as http:
        world = leaks.World(store, http)

        @settings(max_examples=args.cases, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(batch=leaks.batches(), partner=st.sampled_from(leaks.AGREEMENTS),
               asked=st.lists(st.sampled_from(leaks.POOL + leaks.NEVER), min_size=1,
                              max_size=6),
               endpoint=st.sampled_from(["last", "object", "versions", "missing"]))
        def case(batch, partner, asked, endpoint):  # noqa: ANN001, ANN202
            leaks.check(world, batch, partner, asked, endpoint)

        load = os.getloadavg()[0]
        wall, cpu = time.perf_counter(), time.process_time()
        case()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    server.should_exit = True
    thread.join(timeout=10)
    print(json.dumps({"bench": "leak_case", "backend": store.engine.dialect.name,
                      "cases": args.cases, "nagle": args.nagle,
                      "wall_ms_per_case": round(wall / args.cases * 1000, 1),
                      "cpu_ms_per_case": round(cpu / args.cases * 1000, 1),
                      "load_before": round(load, 2),
                      "load_after": round(os.getloadavg()[0], 2), "cpus": os.cpu_count()}))


if __name__ == "__main__":
    main()
