"""How long one page of the web UI's ledger takes with N claims (default 100,000).

Makes a ledger (SQLite, or an empty PostgreSQL database) of synthetic reports and claims
(inserted directly, in bulk: this measures reading, not ingest), then times
``service.ledger_page`` as the web UI calls it: first page, a deep page, sorted by value,
filtered, and under a reader's sight.

    .venv/bin/python bench/ledger_bench.py [--claims 100000] [--db PATH | --postgres URL]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from intex import service
from intex.model import STATUSES, TLP, Partner, Role, User
from intex.store import schema as t
from intex.store import subjects
from intex.store.store import claim_at

SUBJECTS = ["North Korean troops", "drones", "missiles", "civilians", "refugees",
            "Russian soldiers", "tanks", "artillery shells"]
SOURCES = ["Kyrylo Budanov", "National Intelligence Service (South Korea)", "Pentagon",
           "Ministry of Defence (United Kingdom)", "John Kirby", "Volodymyr Zelensky"]
PER_REPORT = 10


def build(url: str, claims: int) -> service.Store:
    store = service.open_ledger(url)
    rnd = random.Random(7)
    now = datetime(2026, 1, 1, tzinfo=UTC)
    reports, rows, sources = [], [], []
    for n in range(claims // PER_REPORT):
        rid = f"report--{n:08d}"
        tlp = rnd.choice(["CLEAR", "GREEN", "GREEN", "AMBER"])
        reports.append({"id": rid, "content_hash": f"{n:064d}", "url": None,
                        "title": f"Report {n}", "published": date(2024, 1, 1)
                        + timedelta(days=n % 700), "language": "en", "site": None,
                        "source_name": None, "format": "text", "text": "x" * 200,
                        "extractor": "bench", "ingested_at": now, "tlp": tlp,
                        "releasable_to": None, "cluster_id": rid, "fingerprint": "",
                        "raw": None, "raw_format": None, "partner": None})
        for k in range(PER_REPORT):
            cid = f"claim--{n:08d}-{k}"
            value = float(rnd.choice([500, 1000, 3000, 10000, 11000, 12000]))
            rows.append({"id": cid, "report_id": rid, "value": value, "value_max": None,
                         "approx": False, "unit": "troops", "subject": rnd.choice(SUBJECTS),
                         "status": rnd.choice(STATUSES), "location": "Kursk Oblast",
                         "date": f"2024-{1 + (n + k) % 12:02d}-{1 + k:02d}",
                         "modality": "asserted", "evidence_start": k * 10,
                         "evidence_end": k * 10 + 9, "evidence": "x" * 9, "vague": False,
                         "extractor": "bench", "origin": f"{(n * PER_REPORT + k) % (claims // 2)}",
                         "tlp": None, "releasable_to": None, "partner": None,
                         "at": claim_at(f"2024-{1 + (n + k) % 12:02d}-{1 + k:02d}", None)})
            sources.append({"claim_id": cid, "position": 0, "name": rnd.choice(SOURCES),
                            "entity_id": None, "kind": None})
            rows[-1]["first_source"] = sources[-1]["name"].lower()  # as Store.add keeps it
    with store.engine.begin() as conn:
        numbers = subjects.ids(conn, ((c["subject"], c["unit"]) for c in rows))
        for c in rows:
            c["subject_id"] = numbers[subjects.key(c["subject"], c["unit"])]
        conn.execute(t.reports.insert(), reports)
        conn.execute(t.claims.insert(), rows)
        conn.execute(t.claim_sources.insert(), sources)
    return store


class Sized:
    """What a whole-ledger answer holds, counted as ``Page.total`` is."""

    def __init__(self, items: object) -> None:
        self.total = len(items)  # type: ignore[arg-type]


def timed(label: str, fn, repeat: int = 5) -> None:  # noqa: ANN001
    fn()  # warm
    wall, cpu = [], []
    for _ in range(repeat):
        start, c0 = time.perf_counter(), time.process_time()
        got = fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - c0)
    print(f"| {label} | {statistics.median(wall) * 1000:,.0f} ms "
          f"| {statistics.median(cpu) * 1000:,.0f} ms "
          f"| {got.total:,}{'' if getattr(got, 'exact', True) else '+'} rows |")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--db", type=Path, help="SQLite file to make (default: a temporary one)")
    ap.add_argument("--postgres", help="URL of an empty PostgreSQL database to fill instead")
    ap.add_argument("--reuse", action="store_true",
                    help="measure the ledger an earlier run made (--db or --postgres)")
    ap.add_argument("--pages-only", action="store_true",
                    help="leave out the pages that read the whole ledger (brief, sharing)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.postgres or f"sqlite:///{args.db or Path(tmp) / 'bench.db'}"
        start = time.perf_counter()
        store = service.open_ledger(url) if args.reuse else build(url, args.claims)
        with store.engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
        print(f"{store.counts()['claims']:,} claims stored in "
              f"{time.perf_counter() - start:.1f} s on {store.engine.dialect.name}; "
              f"load average {os.getloadavg()[0]:.1f}\n")
        admin = User("admin", Role.ADMIN, TLP.AMBER_STRICT, red=True)
        reader = User("rea", Role.READER, TLP.GREEN)
        f = service.ClaimFilter()
        print("| page (50 rows) | median wall of 5 | CPU (this process) | selected |\n"
              "|---|---|---|---|")
        timed("first page, by date", lambda: service.ledger_page(store, f, user=admin))
        timed("page 1,000, by date", lambda: service.ledger_page(
            store, f, user=admin, offset=49_950))
        # the same page reached by cursor, as the web UI's Next link asks for it (the
        # cursor, the last row of page 999, found untimed)
        for sort, desc in (("date", False), ("value", True), ("source", False)):
            last = service.ledger_page(store, f, user=admin, sort=sort, descending=desc,
                                       offset=49_900).next
            timed(f"page 1,000, by {sort}{', descending' if desc else ''}, by cursor",
                  lambda sort=sort, desc=desc, last=last: service.ledger_page(
                      store, f, user=admin, sort=sort, descending=desc, after=last))
        # the last page reads on to the ledger's end (echoes folded away) to learn that no
        # page follows; a page in the middle stops after its 51st row
        middle = service.ledger_page(store, f, user=admin, offset=24_900).next
        timed("page 500, by date, by cursor", lambda: service.ledger_page(
            store, f, user=admin, after=middle))
        timed("page 500, by date, by offset", lambda: service.ledger_page(
            store, f, user=admin, offset=24_950))
        timed("page 1,000, by value, descending, by offset", lambda: service.ledger_page(
            store, f, user=admin, sort="value", descending=True, offset=49_950))
        timed("by value, descending", lambda: service.ledger_page(
            store, f, user=admin, sort="value", descending=True))
        timed("by source", lambda: service.ledger_page(store, f, user=admin, sort="source"))
        timed("subject 'North Korean troops'", lambda: service.ledger_page(
            store, service.ClaimFilter(subject="North Korean troops"), user=admin))
        timed("source 'Budanov', status 'training'", lambda: service.ledger_page(
            store, service.ClaimFilter(source="Budanov", status="training"), user=admin))
        timed("a reader cleared for GREEN", lambda: service.ledger_page(
            store, f, user=reader))
        timed("every copy (no folding)", lambda: service.ledger_page(
            store, service.ClaimFilter(fold=False), user=admin))
        # the ledger page's heading: reports, claims and entities a reader may see
        seen = service.sight(reader)
        print("\n| heading counts | median wall of 5 | CPU (this process) | claims |\n"
              "|---|---|---|---|")
        timed("every one counted", lambda: Sized([None] * store.counts(seen)["claims"]))
        timed("counted up to 10,000 (as the page asks)",
              lambda: Sized([None] * store.counts(seen, cap=10_000)["claims"]))
        if args.pages_only:
            return
        # the other pages that read every claim a user may see, not one page of them
        service.add_partner(store, Partner("seoul", TLP.GREEN, ("KOR",)))
        print("\n| whole-ledger page | median wall of 5 | CPU (this process) | claims |\n"
              "|---|---|---|---|")
        timed("brief (four weeks to the latest estimate)",
              lambda: Sized(service.brief(store, user=admin).sections))
        timed("sharing preview for a GREEN partner",
              lambda: Sized([None] * service.share_preview(store, "seoul", user=admin,
                                                           sample=12).claims))


if __name__ == "__main__":
    main()
