"""The audit log: security-relevant and analyst actions, recorded by the use cases that
do them, read by admins (entries about marked things only within their clearance)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from intex.errors import PermissionDenied
from intex.model import Marking, Role, User
from intex.model.audit import ACTIONS, AuditEntry
from intex.service.access import sight
from intex.store import Store


def record(store: Store, action: str, actor: str | None, *, subject: str | None = None,
           detail: str | None = None, address: str | None = None,
           marking: Marking | None = None, at: datetime | None = None) -> None:
    """Append one entry; ``actor`` None is the command line (the ledger's owner)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    store.audit.record(AuditEntry(at or datetime.now(UTC), action, actor, subject, detail,
                                  address, marking))


@dataclass(frozen=True)
class AuditPage:
    total: int
    offset: int
    entries: tuple[AuditEntry, ...]


def audit_log(store: Store, user: User, *, action: str | None = None,
              actor: str | None = None, offset: int = 0, limit: int = 100) -> AuditPage:
    """The log, newest first, for an admin: an entry naming something marked above the
    admin's clearance is left out (and not counted)."""
    if not user.can(Role.ADMIN):
        raise PermissionDenied("the audit log is for admins", subject=user.name)
    total, rows = store.audit.entries(sight=sight(user), action=action or None,
                                      actor=actor or None, offset=offset, limit=limit)
    return AuditPage(total, offset, tuple(rows))
