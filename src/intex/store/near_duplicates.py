"""Which stored reports a new one is compared with, a bounded number whatever the ledger holds.

A report is filed under its sixteen fingerprint bands (``pipeline/fingerprint``); an
earlier report sharing a band is a candidate near-duplicate. Renumbered or syndicated
copies of one story share most bands, so a band of a story told a thousand times would
list a thousand reports, and each new copy would read and compare them all. Here a band
lists at most ``BAND_MEMBERS`` reports (the first that came; a report is not filed under a
band already full), and the look-up reads at most that many of each band: at most
``BANDS * BAND_MEMBERS`` candidate rows per new report.

Nothing is lost by it: a report is compared with the reports that share its bands, and
when a band is full they are earlier members of the same story, already linked to each
other; the new copy joins their cluster (its ``cluster_id``, which is what the ledger
counts as one origin) through the most similar of them. A report whose story has drifted
far from the first copies files itself under its own, new bands, where the next drifted
copies find it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import bindparam, literal_column, select, union_all
from sqlalchemy.engine import Connection

from intex.store import prepared
from intex.store import schema as t

#: reports a band lists (and the look-up reads of one band)
BAND_MEMBERS = 8


@lru_cache(maxsize=4)
def _members(bands: int) -> Any:
    b = t.report_bands.c
    # the bounds written into the SQL, so that every look-up sends the bands alone
    # (``prepared`` sends statements whose every parameter the caller gives)
    limit, offset = literal_column(str(BAND_MEMBERS)), literal_column("0")
    parts = [select(b.band, b.report_id).where(b.band == bindparam(f"b{i}"))
             .limit(limit).offset(offset).subquery(f"m{i}") for i in range(bands)]
    return union_all(*(select(p.c.band, p.c.report_id) for p in parts))


@lru_cache(maxsize=1)
def _fingerprints() -> Any:
    r = t.reports.c
    return select(r.id, r.fingerprint, r.cluster_id).where(
        r.id.in_(bindparam("ids", expanding=True)))


def candidates(conn: Connection, bands: Sequence[str],
               ) -> tuple[list[tuple[str, str, str]], list[str]]:
    """(id, fingerprint, cluster) of the reports sharing a band with ``bands``, at most
    ``BAND_MEMBERS`` per band, and those of ``bands`` that have room for one more."""
    if not bands:
        return [], []
    listed: dict[str, int] = {}
    ids: set[str] = set()
    for band, report_id in prepared.rows(conn, _members(len(bands)),
                                         {f"b{i}": b for i, b in enumerate(bands)}):
        listed[band] = listed.get(band, 0) + 1
        ids.add(report_id)
    room = [b for b in dict.fromkeys(bands) if listed.get(b, 0) < BAND_MEMBERS]
    if not ids:
        return [], room
    rows = prepared.rows(conn, _fingerprints(), {"ids": sorted(ids)})
    return [(row[0], row[1], row[2]) for row in rows], room
