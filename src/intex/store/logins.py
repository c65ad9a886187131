"""Failed sign-ins, one row each, in the database: every server process on one ledger
counts the same failures, so running two workers does not double an attacker's tries.

Rows are inserted, counted and swept, never updated, so processes need no lock."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import Engine, delete, func, select

from intex.store import schema as t
from intex.store.utc import aware


class LoginFailures:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def recent(self, name: str, address: str, *, since: datetime) -> tuple[int, datetime | None]:
        """How many failures for (name, address) since ``since``, and the oldest of them."""
        f = t.login_failures
        with self.engine.connect() as conn:
            row = conn.execute(select(func.count(), func.min(f.c.at)).where(
                f.c.name == name.lower()[:100], f.c.address == address[:64],
                f.c.at >= since)).one()
        return int(row[0]), aware(row[1]) if row[1] is not None else None

    def failed(self, name: str, address: str, *, at: datetime, keep: timedelta) -> None:
        """Count one failure; failures older than ``keep`` (of anyone) are swept."""
        f = t.login_failures
        with self.engine.begin() as conn:
            conn.execute(delete(f).where(f.c.at < at - keep))
            conn.execute(f.insert().values(id=str(uuid.uuid4()), name=name.lower()[:100],
                                           address=address[:64], at=at))

    def clear(self, name: str, address: str) -> None:
        f = t.login_failures
        with self.engine.begin() as conn:
            conn.execute(delete(f).where(f.c.name == name.lower()[:100],
                                         f.c.address == address[:64]))
