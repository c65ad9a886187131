"""The audit log's entries: who did what, when, from where, to what.

Actions are dotted names, the part before the dot naming what was acted on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from intex.model.marking import Marking

#: every action the log records, with what it means (the admin page shows these words)
ACTIONS = {
    "login.ok": "signed in",
    "login.failed": "sign-in failed",
    "login.paused": "sign-in refused: too many failures",
    "logout": "signed out",
    "password.changed": "changed their password",
    "password.refused": "password change refused",
    "user.added": "added an account",
    "user.changed": "changed an account",
    "user.removed": "removed an account",
    "claim.reviewed": "reviewed a claim",
    "claim.marked": "marked a claim",
    "report.marked": "marked a report",
    "report.ingested": "ingested reports",
    "source.marked": "set a source's default marking",
    "source.unmarked": "removed a source's default marking",
    "partner.added": "added a partner",
    "partner.changed": "changed a partner's agreement",
    "partner.revoked": "revoked a partner",
    "partner.synced": "pulled from a partner's server",
    "entity.merged": "merged entities",
    "entity.split": "split an entity",
    "export.stix": "exported STIX",
    "export.brief": "exported a brief",
}


@dataclass(frozen=True, slots=True)
class AuditEntry:
    at: datetime
    action: str  # one of ACTIONS
    actor: str | None  # the user; None for the command line (the ledger's owner)
    subject: str | None = None
    detail: str | None = None
    address: str | None = None
    marking: Marking | None = None  # of what ``subject`` names, when that is marked

    @property
    def described(self) -> str:
        return ACTIONS.get(self.action, self.action)
