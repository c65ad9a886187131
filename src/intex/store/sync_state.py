"""Where each exchange with a partner's TAXII collection stands, so that it resumes.

- pull: ``sync_cursors`` holds the ``added_after`` of the last complete pass and, while a
  pass is under way, the server's ``next`` token for its next page; ``sync_pending``
  holds pulled objects that wait for what they refer to (a report whose claims come on a
  later page). A page is parked and the cursor moved in one transaction.
- push: ``push_cursors`` holds the ``seq`` of the last object the partner accepted.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, func, select

from intex.store import schema as t
from intex.store.bulk import delete_rows, insert_rows

_c, _p, _u = t.sync_cursors, t.sync_pending, t.push_cursors
_CHUNK = 500


@dataclass(frozen=True)
class PullCursor:
    added_after: str | None = None  # the last X-TAXII-Date-Added-Last of a complete pass
    next_token: str | None = None  # mid-pass: where the next page starts


@dataclass(frozen=True)
class Parked:
    id: str
    modified: str
    refs: tuple[str, ...]


def _key(obj: dict[str, Any]) -> tuple[str, str]:
    return str(obj["id"]), str(obj.get("modified") or obj.get("created") or "")


def _forget(conn: Connection, partner: str, collection: str,
            keys: Sequence[tuple[str, str]]) -> None:
    """Delete these parked objects, one key lookup each."""
    delete_rows(conn, _p, [{"partner": partner, "collection": collection, "id": i,
                            "modified": m} for i, m in keys])


class SyncState:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # pull -------------------------------------------------------------------------------
    def cursor(self, partner: str, collection: str) -> PullCursor:
        with self.engine.connect() as conn:
            row = conn.execute(select(_c.c.added_after, _c.c.next_token).where(
                _c.c.partner == partner, _c.c.collection == collection)).first()
        if row is None:
            return PullCursor()
        return PullCursor(row.added_after or None, row.next_token)

    def park(self, partner: str, collection: str, objects: Sequence[dict[str, Any]],
             refs: Sequence[Iterable[str]], cursor: PullCursor, result: str | None = None,
             now: datetime | None = None) -> None:
        """Keep a page's objects until they can be taken, and move the cursor past the
        page, in one transaction: after a crash the next sync starts at the next page
        and nothing read is lost."""
        rows: dict[tuple[str, str], dict[str, Any]] = {}
        for obj, r in zip(objects, refs, strict=True):
            oid, modified = _key(obj)
            rows[(oid, modified)] = {"partner": partner, "collection": collection, "id": oid,
                                     "modified": modified, "refs": " ".join(sorted(set(r))),
                                     # the standard library's: what the page said, NaN
                                     # and integers past 64 bits included, for the
                                     # importer to judge
                                     "json": json.dumps(obj, ensure_ascii=False,
                                                        separators=(",", ":"))}
        with self.engine.begin() as conn:
            # a page read again (after a stale token) replaces what it parked before
            held = self._held(conn, partner, collection, rows)
            _forget(conn, partner, collection, held)
            insert_rows(conn, _p, list(rows.values()))
            conn.execute(_c.delete().where(_c.c.partner == partner,
                                           _c.c.collection == collection))
            conn.execute(_c.insert().values(
                partner=partner, collection=collection,
                added_after=cursor.added_after or "", next_token=cursor.next_token,
                updated_at=now or datetime.now(UTC), last_result=result))

    @staticmethod
    def _held(conn: Connection, partner: str, collection: str,
              keys: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
        wanted = set(keys)
        ids = sorted({k[0] for k in wanted})
        out = []
        for i in range(0, len(ids), _CHUNK):
            out += [(r.id, r.modified) for r in conn.execute(
                select(_p.c.id, _p.c.modified).where(
                    _p.c.partner == partner, _p.c.collection == collection,
                    _p.c.id.in_(ids[i:i + _CHUNK])))
                if (r.id, r.modified) in wanted]
        return out

    def parked(self, partner: str, collection: str) -> list[Parked]:
        """What waits, without the objects themselves."""
        with self.engine.connect() as conn:
            return [Parked(r.id, r.modified, tuple(r.refs.split()))
                    for r in conn.execute(select(_p.c.id, _p.c.modified, _p.c.refs).where(
                        _p.c.partner == partner, _p.c.collection == collection))]

    def parked_texts(self, partner: str, collection: str,
                     keys: Sequence[tuple[str, str]]) -> list[str]:
        """The JSON text of these parked objects (as ``park`` wrote it)."""
        wanted = set(keys)
        ids = sorted({k[0] for k in wanted})
        out = []
        with self.engine.connect() as conn:
            for i in range(0, len(ids), _CHUNK):
                # by id (the key's next column): a row-value IN is a scan in SQLite
                out += [r.json for r in conn.execute(
                    select(_p.c.id, _p.c.modified, _p.c.json).where(
                        _p.c.partner == partner, _p.c.collection == collection,
                        _p.c.id.in_(ids[i:i + _CHUNK])))
                    if (r.id, r.modified) in wanted]
        return out

    def parked_objects(self, partner: str, collection: str,
                       keys: Sequence[tuple[str, str]]) -> list[dict[str, Any]]:
        return [json.loads(text) for text in self.parked_texts(partner, collection, keys)]

    def unpark(self, partner: str, collection: str,
               keys: Sequence[tuple[str, str]]) -> None:
        with self.engine.begin() as conn:
            _forget(conn, partner, collection, keys)

    def waiting(self, partner: str, collection: str) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(_p).where(
                _p.c.partner == partner, _p.c.collection == collection)).scalar_one())

    # push -------------------------------------------------------------------------------
    def pushed(self, partner: str, collection: str) -> int:
        """The ``seq`` of the last object this partner's collection accepted (0: none)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(_u.c.seq).where(_u.c.partner == partner,
                                                      _u.c.collection == collection)).first()
        return int(row[0]) if row else 0

    def set_pushed(self, partner: str, collection: str, seq: int, result: str | None = None,
                   now: datetime | None = None) -> None:
        with self.engine.begin() as conn:
            conn.execute(_u.delete().where(_u.c.partner == partner,
                                           _u.c.collection == collection))
            conn.execute(_u.insert().values(partner=partner, collection=collection, seq=seq,
                                            updated_at=now or datetime.now(UTC),
                                            last_result=result))
