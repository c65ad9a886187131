#!/usr/bin/env python3
"""Database size and query speed at scale, on SQLite and PostgreSQL.

    python bench/db_size_bench.py --claims 1000000 --sqlite /tmp/big.db \\
        --postgres postgresql://user@127.0.0.1:5432/intex_bench

Fills an empty ledger with synthetic reports until it holds ``--claims`` claims, then
prints (one JSON line each) the database size, the size per 100,000 reports (the measured
size scaled linearly by 100,000 / reports made), and the time of the ledger query for one
subject, of the timeline data (every claim on that subject, by date) and of full-text
searches, each the median of ``--repeat`` warm runs through the Store interface.

The synthetic reports are the dev corpus (tests/corpus/dev) read once by the real
pipeline, then re-made: each report's text is sentences drawn at random from the whole
corpus (the length of a real report), its claims, mentions and sources are those of a
real report, with dates spread over 2014-2026 and each subject given one of 150
nationalities so that a subject is one question among many, not a quarter of the ledger.
Rows are bulk-inserted through the store's own tables (schema.py), so every index the
migrations make is paid for as in real use.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import text

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "corpus" / "dev"
sys.path.insert(0, str(ROOT / "src"))

from intex import service  # noqa: E402
from intex.model import TLP, Role, Span, User  # noqa: E402
from intex.store import (  # noqa: E402
    ClaimFilter,
    Store,
    open_store,
    subjects,  # noqa: E402
)
from intex.store import schema as t  # noqa: E402
from intex.store.store import claim_at, first_source, origin_key, stored_evidence  # noqa: E402

NATIONS = [n.replace("_", " ") for n in (
    "North_Korean South_Korean Russian Ukrainian Chinese Japanese American British French "
    "German Polish Italian Spanish Turkish Iranian Iraqi Syrian Israeli Lebanese Egyptian "
    "Libyan Sudanese Ethiopian Somali Kenyan Nigerian Malian Chadian Nigerien Algerian "
    "Moroccan Tunisian Saudi Yemeni Omani Emirati Qatari Kuwaiti Jordanian Afghan Pakistani "
    "Indian Bangladeshi Nepalese Burmese Thai Vietnamese Cambodian Laotian Malaysian "
    "Indonesian Filipino Australian Canadian Mexican Cuban Colombian Venezuelan Brazilian "
    "Peruvian Chilean Argentine Bolivian Ecuadorian Haitian Dutch Belgian Swiss Austrian "
    "Czech Slovak Hungarian Romanian Bulgarian Serbian Croatian Bosnian Albanian Greek "
    "Cypriot Finnish Swedish Norwegian Danish Estonian Latvian Lithuanian Belarusian "
    "Moldovan Georgian Armenian Azerbaijani Kazakh Uzbek Turkmen Kyrgyz Tajik Mongolian "
    "Taiwanese Singaporean Congolese Rwandan Burundian Ugandan Tanzanian Mozambican "
    "Zimbabwean Zambian Angolan Namibian Botswanan Malawian Ghanaian Ivorian Senegalese "
    "Guinean Liberian Cameroonian Gabonese Eritrean Djiboutian Mauritanian Gambian Beninese "
    "Togolese Icelandic Irish Scottish Welsh Portuguese Slovenian Macedonian Montenegrin "
    "Kosovar Maltese Luxembourgish Andorran Bahraini Sri_Lankan Maldivian Bhutanese "
    "Papuan Fijian Samoan Tongan Chechen Dagestani Kurdish Palestinian").split()]


def templates() -> list[Any]:
    paths = sorted(p for p in DEV.iterdir() if p.is_file())
    return [service.extract_bytes(p.read_bytes(), name=p.name) for p in paths]


def _id(prefix: str, *parts: object) -> str:
    return f"{prefix}--{hashlib.sha1(repr(parts).encode()).hexdigest()[:32]}"


def rows(exs: list[Any], n_claims: int, start: int = 0,
         seed: int = 11) -> Iterator[dict[str, list[dict]]]:
    """Synthetic reports numbered from ``start``, 500 at a time, as rows per table, until
    ``n_claims`` more claims are made."""
    rng = random.Random(seed * 1_000_003 + start)
    sentences = [s for ex in exs for s in re.split(r"(?<=[.!?])\s+", ex.document.text)
                 if len(s) > 30]
    made, i = 0, start
    now = datetime(2026, 1, 1, tzinfo=UTC)
    while made < n_claims:
        batch: dict[str, list[dict]] = {k: [] for k in (
            "reports", "report_bands", "claims", "claim_sources", "mentions")}
        for _ in range(500):
            ex = exs[i % len(exs)]
            rid = _id("report", i)
            body, size = [], 0
            while size < len(ex.document.text):
                s = rng.choice(sentences)
                body.append(s)
                size += len(s) + 1
            # the real report's quoted passages (overlapping quotes merged) each go once
            # where a drawn sentence was, so that the text holds every claim's quote at
            # its offsets, once, as a real report does
            passages: list[list[int]] = []
            for q0, q1 in sorted((c.evidence.start, c.evidence.end) for c in ex.claims):
                if passages and q0 <= passages[-1][1]:
                    passages[-1][1] = max(passages[-1][1], q1)
                else:
                    passages.append([q0, q1])
            slots = dict(zip(rng.sample(range(len(body)), min(len(body), len(passages))),
                             passages, strict=False))
            nation = NATIONS[rng.randrange(len(NATIONS))]
            title = f"{nation} {ex.document.title or 'report'} (no. {i})"  # never a copy
            txt, moved = title + "\n\n", []  # (passage start there, start here)
            for k, s in enumerate(body):
                txt += " " if k else ""
                if k in slots:
                    moved.append((slots[k][0], slots[k][1], len(txt)))
                    s = ex.document.text[slots[k][0]:slots[k][1]]
                txt += s
            published = date(2014, 1, 1) + timedelta(days=rng.randrange(365 * 12))
            batch["reports"].append(dict(
                id=rid, content_hash=hashlib.sha256(txt.encode()).hexdigest(),
                url=f"https://example.org/{i}", title=title, published=published,
                language="en", site="example.org", source_name=f"r{i}.txt",
                format=ex.document.format, text=txt, extractor="bench", ingested_at=now,
                tlp="CLEAR", releasable_to=None, cluster_id=rid,
                fingerprint="".join(f"{rng.getrandbits(64):016x}" for _ in ex.signature),
                raw=txt if ex.raw_format != "html" else ex.raw, raw_format=ex.raw_format,
                partner=None))
            batch["report_bands"] += [{"band": f"{b}:{rng.getrandbits(64):x}"[:40],
                                       "report_id": rid} for b in range(len(ex.bands))]
            batch["mentions"] += [{"report_id": rid, "entity_id": m.entity_id,
                                   "start": m.start, "end": m.end, "text": m.text,
                                   "why": m.why} for m in ex.mentions
                                  if any(e.id == m.entity_id for e in ex.entities)]
            for j, c in enumerate(ex.claims):
                cid = _id("claim", i, j)
                # the thing counted, of one nationality (the corpus's own subjects name
                # North Koreans so often that every question would be about them)
                subject = f"{nation} {c.unit or 'people'}"
                # where its passage went (a quote with no slot left keeps a copy)
                start = next((here + c.evidence.start - q0 for q0, q1, here in moved
                              if q0 <= c.evidence.start and c.evidence.end <= q1),
                             c.evidence.start)
                span = Span(start, start + len(c.evidence.text), c.evidence.text)
                when = published - timedelta(days=rng.randrange(30))
                cdate = when.isoformat() if rng.random() < 0.7 else (
                    when.isoformat()[:7] if rng.random() < 0.5 else None)
                batch["claims"].append(dict(
                    id=cid, report_id=rid, value=c.value, value_max=c.value_max,
                    approx=c.approx, unit=c.unit, subject=subject, status=c.status,
                    location=c.location, date=cdate, modality=c.modality,
                    evidence_start=span.start, evidence_end=span.end,
                    evidence=stored_evidence(txt, span), vague=c.vague, extractor="bench",
                    origin=origin_key(c, rid), tlp=None, releasable_to=None, partner=None,
                    at=claim_at(cdate, published), first_source=first_source(c)))
                batch["claim_sources"] += [{"claim_id": cid, "position": k, "name": s.name,
                                            "entity_id": s.entity_id, "kind": s.kind}
                                           for k, s in enumerate(c.sources)]
            made += len(ex.claims)
            i += 1
            if made >= n_claims:
                break
        yield batch


def fill(store: Store, exs: list[Any], n_claims: int) -> tuple[int, float]:
    """Bulk-insert synthetic reports until the ledger holds ``n_claims`` claims (carrying
    on where an interrupted run stopped); returns (reports made, seconds)."""
    from intex.store.upsert import insert_missing

    start = time.perf_counter()
    with store.engine.begin() as conn:  # the canonical entities, once
        seen: dict[str, Any] = {}
        for ex in exs:
            for e in ex.entities:
                seen.setdefault(e.id, e)
        insert_missing(conn, t.entities, ["id"], [
            {"id": e.id, "name": e.name, "type": e.type, "kind": e.kind,
             "country": e.country} for e in seen.values()])
    counts = store.counts()
    reports = counts["reports"]
    for batch in rows(exs, n_claims - counts["claims"], start=reports):
        with store.engine.begin() as conn:
            numbers = subjects.ids(conn, ((c["subject"], c["unit"]) for c in batch["claims"]))
            for c in batch["claims"]:
                c["subject_id"] = numbers[subjects.key(c["subject"], c["unit"])]
            for name in ("reports", "report_bands", "claims", "claim_sources", "mentions"):
                if not batch[name]:
                    continue
                if conn.dialect.name == "postgresql":  # COPY: the bulk path PostgreSQL has
                    cols = list(batch[name][0])
                    cur = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
                    quoted = ", ".join('"' + c + '"' for c in cols)
                    with cur.copy(f"COPY {name} ({quoted}) FROM STDIN") as cp:
                        for row in batch[name]:
                            cp.write_row([row[c] for c in cols])
                else:
                    conn.execute(getattr(t, name).insert(), batch[name])
        reports += len(batch["reports"])
        print(f"\r{reports} reports", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return reports, time.perf_counter() - start


def size_bytes(store: Store, url: str) -> int:
    with store.engine.connect() as conn:
        if store.engine.dialect.name == "postgresql":
            return int(conn.execute(text("SELECT pg_database_size(current_database())"))
                       .scalar_one())
    import sqlite3

    path = url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as raw:  # the WAL folded into the file, then its size
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return Path(path).stat().st_size


def server_clock(store: Store) -> Callable[[], float] | None:
    """On a PostgreSQL server on this machine: a clock of the CPU seconds its processes
    have used (live backends and workers, and those gone, as their postmaster reaped
    them), so that the server's share of a query is measured beside the client's; None
    when the server's processes cannot be read (another machine, no /proc)."""
    if store.engine.dialect.name != "postgresql":
        return None
    with store.engine.connect() as conn:
        backend = int(conn.execute(text("SELECT pg_backend_pid()")).scalar_one())
    tick = os.sysconf("SC_CLK_TCK")

    def fields(pid: int | str) -> list[str]:
        raw = Path(f"/proc/{pid}/stat").read_text()
        return raw[raw.rindex(")") + 2:].split()  # from the state field on

    try:
        postmaster = int(fields(backend)[1])
    except OSError:
        return None

    def clock() -> float:
        used = sum(int(x) for x in fields(postmaster)[13:15])  # cutime, cstime
        for pid in os.listdir("/proc"):
            if pid.isdigit():
                try:
                    f = fields(pid)
                    if int(f[1]) == postmaster:
                        used += int(f[11]) + int(f[12])  # utime, stime
                except (OSError, ValueError, IndexError):
                    continue
        return used / tick

    return clock


def timed(fn: Callable[[], Any], repeat: int, server: Callable[[], float] | None = None,
          ) -> tuple[float, float, float, float | None, Any]:
    """(median wall ms, worst wall ms, median CPU ms of this process, median CPU ms of
    the database server or None, the answer)."""
    fn()  # warm
    times, cpu, served, out = [], [], [], None
    for _ in range(repeat):
        s0 = server() if server else 0.0
        start, c0 = time.perf_counter(), time.process_time()
        out = fn()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
        if server:
            served.append((server() - s0) * 1000)
    return (statistics.median(times), max(times), statistics.median(cpu),
            statistics.median(served) if served else None, out)


def measure(url: str, n_claims: int, repeat: int, exs: list[Any], keep: bool) -> None:
    backend = "postgresql" if url.startswith("postgres") else "sqlite"
    store = open_store(url)
    have = store.counts()["claims"]
    if have and not keep:
        raise SystemExit(f"{url} is not empty (pass --reuse to fill it up and measure it)")
    reports, secs = fill(store, exs, n_claims) if have < n_claims \
        else (store.counts()["reports"], 0.0)
    if backend == "postgresql":  # what autovacuum does to a ledger in use, done now
        with store.engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql(
                "VACUUM ANALYZE")
    else:
        with store.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    counts = store.counts()
    size = size_bytes(store, url)
    emit(backend=backend, what="size", reports=counts["reports"], claims=counts["claims"],
         fill_seconds=round(secs, 1), bytes=size, mb=round(size / 2**20, 1),
         mb_per_100k_reports=round(size / 2**20 * 100_000 / counts["reports"], 1))
    subject = "North Korean soldiers"
    clock = server_clock(store)
    admin = User("bench", Role.ADMIN, TLP.AMBER_STRICT, red=True)
    for what, fn in (
            ("ledger", lambda: service.ledger(store, ClaimFilter(subject=subject))),
            ("timeline", lambda: service.ledger(store, ClaimFilter(
                subject=subject, fold=False, limit=10**9))),
            # what the web timeline page draws, for an admin (their sight applies)
            ("timeline-page", lambda: service.timeline(store, subject, user=admin).estimates),
            ("ledger-page", lambda: service.ledger_page(store, ClaimFilter(), user=admin).rows),
            ("search-rare", lambda: store.search("Kursk Bryansk", 20)),
            ("search-common", lambda: store.search("troops", 20)),
            ("search-phrase", lambda: store.search("North Korean soldiers", 20))):
        med, worst, cpu, served, out = timed(fn, repeat, clock)
        emit(backend=backend, what=what, rows=len(out), median_ms=round(med, 1),
             max_ms=round(worst, 1), cpu_ms=round(cpu, 1),
             server_cpu_ms=None if served is None else round(served, 1),
             claims=counts["claims"], load=os.getloadavg()[0])
    store.close()


def emit(**fields: object) -> None:
    print(json.dumps({"machine": f"{platform.machine()} {os.cpu_count()} cpu",
                      **fields}), flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--claims", type=int, default=1_000_000)
    ap.add_argument("--sqlite", help="path of a new SQLite file to fill")
    ap.add_argument("--postgres", help="URL of an empty PostgreSQL database to fill")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--reuse", action="store_true",
                    help="fill up (to --claims) and measure a database an earlier run "
                    "filled")
    args = ap.parse_args()
    if not (args.sqlite or args.postgres):
        ap.error("name --sqlite PATH and/or --postgres URL")
    exs = templates()
    if args.sqlite:
        measure(f"sqlite:///{Path(args.sqlite).resolve()}", args.claims, args.repeat, exs,
                args.reuse)
    if args.postgres:
        measure(args.postgres, args.claims, args.repeat, exs, args.reuse)


if __name__ == "__main__":
    main()
