"""A story copied many times stays one cluster, and a new copy reads a bounded number of
rows to find its kin, however big the cluster has grown (on SQLite and PostgreSQL)."""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy import text as sql

from intex import service
from intex.pipeline.fingerprint import BANDS
from intex.store import ClaimFilter, open_store
from intex.store.near_duplicates import BAND_MEMBERS

STORY = """Ministry: 1,200 drones shot down this week

KYIV — Ukraine's air defence units shot down 1,200 attack drones over the past week,
the Air Force said on Sunday, adding that Russia had launched 1,450 drones in total.
Officials said the attacks targeted energy facilities in eastern Ukraine, and that
repair crews had restored power to most of the affected districts by Monday morning.
"""
#: more copies than a bounded look-up reads rows: an unbounded one would read more
COPIES = BANDS * BAND_MEMBERS + 20


def copy(n: int) -> bytes:
    """The story as outlet ``n`` ran it: its own dateline credit and footer."""
    return (STORY.replace("KYIV —", f"KYIV (Outlet {n}) —")
            + f"\nFiled by desk {n} of outlet {n}.\n").encode()


def rows_read(store, add) -> int:  # noqa: ANN001
    """Rows the statements reading fingerprint bands and fingerprints return while
    ``add()`` stores one report (the statements are captured, then run again)."""
    seen: list[tuple[str, object]] = []

    def capture(conn, cursor, statement, parameters, context, executemany):  # noqa: ANN001
        low = statement.lower()
        if low.lstrip().startswith("select") and ("report_bands" in low
                                                  or "fingerprint" in low):
            seen.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", capture)
    try:
        add()
    finally:
        event.remove(store.engine, "before_cursor_execute", capture)
    assert seen, "no band look-up seen"
    with store.engine.connect() as conn:
        return sum(len(conn.exec_driver_sql(s, p).all()) for s, p in seen)


def test_a_big_cluster_stays_linked_and_each_copy_reads_a_bounded_number_of_rows(db_url):
    store = open_store(db_url)
    results, reads, filed_under = [], [], []
    for n in range(COPIES):
        ex = service.extract_bytes(copy(n), name=f"outlet-{n}.txt")
        filed_under.append(set(ex.bands))
        reads.append(rows_read(store, lambda ex=ex: results.append(
            store.add(ex, extractor="t"))))
    first = results[0].report_id
    assert all(r.status == "added" for r in results)
    # every later copy is linked to an earlier one, and all are one cluster
    assert all(r.near_duplicate_of for r in results[1:])
    with store.engine.connect() as conn:
        clusters = {row[0] for row in conn.execute(sql("SELECT cluster_id FROM reports"))}
        filed = conn.execute(sql(
            "SELECT band, count(*) FROM report_bands GROUP BY band")).all()
    assert clusters == {first}
    # the ledger still counts one origin, repeated by every outlet
    folded = store.claims(ClaimFilter(subject="drones"))
    assert folded and all(r.repeats == COPIES for r in folded)
    # a band lists at most BAND_MEMBERS reports, and a copy reads at most that many a band
    # (plus their fingerprints): the same rows once the bands are full, whatever the count
    assert max(n for _, n in filed) == BAND_MEMBERS
    assert max(reads) <= 2 * BANDS * BAND_MEMBERS
    # unbounded, the last copy would have read a band row and a fingerprint of each
    # earlier copy sharing a band with it: more than the bound
    sharing = sum(1 for bands in filed_under[:-1] if bands & filed_under[-1])
    assert 2 * sharing > 2 * BANDS * BAND_MEMBERS >= reads[-1] > 0


def test_ten_outlets_repeating_one_briefing_are_one_origin_even_past_the_band_cap(db_url):
    """Copies stored after the bands are full still find the cluster and fold into it."""
    store = open_store(db_url)
    for n in range(BAND_MEMBERS + 10):
        store.add(service.extract_bytes(copy(n), name=f"outlet-{n}.txt"), extractor="t")
    late = store.add(service.extract_bytes(copy(999), name="late.txt"), extractor="t")
    assert late.near_duplicate_of
    (match, similarity), = store.near_duplicates(late.report_id)
    assert match == late.near_duplicate_of and similarity >= 0.5
    folded = store.claims(ClaimFilter(subject="drones"))
    assert folded and all(r.repeats == BAND_MEMBERS + 11 for r in folded)
