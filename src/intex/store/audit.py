"""The audit log: entries appended, read newest first, never changed."""

from __future__ import annotations

import uuid

from sqlalchemy import ColumnElement, Engine, func, select

from intex.model import TLP, Marking
from intex.model.audit import AuditEntry
from intex.store import schema as t
from intex.store.sight import Sight
from intex.store.utc import aware


def _entry(row) -> AuditEntry:  # noqa: ANN001
    at = aware(row.at)
    marking = Marking(TLP[row.tlp], tuple(c for c in (row.releasable_to or "").split(",")
                                          if c)) if row.tlp else None
    return AuditEntry(at, row.action, row.actor, row.subject, row.detail, row.address,
                      marking)


class AuditLog:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def record(self, entry: AuditEntry) -> None:
        m = entry.marking
        with self.engine.begin() as conn:
            conn.execute(t.audit_log.insert().values(
                id=str(uuid.uuid4()), at=entry.at, action=entry.action,
                actor=entry.actor[:100] if entry.actor else None,
                subject=entry.subject[:400] if entry.subject else None,
                detail=entry.detail, address=entry.address[:64] if entry.address else None,
                tlp=m.tlp.name if m else None,
                releasable_to=",".join(m.releasable_to) or None if m else None))

    def _where(self, sight: Sight | None, action: str | None,
               actor: str | None) -> list[ColumnElement[bool]]:
        a = t.audit_log
        out: list[ColumnElement[bool]] = []
        if sight is not None:  # entries about marked things only for who may see them
            out.append(a.c.tlp.is_(None) | sight.condition(a.c.tlp, a.c.releasable_to))
        if action:
            out.append(a.c.action.startswith(action, autoescape=True))
        if actor:
            out.append(a.c.actor == actor)
        return out

    def entries(self, *, sight: Sight | None = None, action: str | None = None,
                actor: str | None = None, offset: int = 0, limit: int = 100,
                ) -> tuple[int, list[AuditEntry]]:
        """(how many match, one page of them newest first) among what ``sight`` allows."""
        a = t.audit_log
        where = self._where(sight, action, actor)
        with self.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(a).where(*where)).scalar()
            rows = conn.execute(select(a).where(*where).order_by(a.c.at.desc(), a.c.id)
                                .offset(offset).limit(limit)).all()
        return int(total or 0), [_entry(r) for r in rows]
