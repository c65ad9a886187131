"""The audit log through the API, for admins (entries naming something marked above the
admin's clearance are left out, and not counted)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request

from intex import service
from intex.model import Role
from intex.web.api.models import AuditOut
from intex.web.sessions import require


def routes() -> APIRouter:
    router = APIRouter(tags=["admin"])

    @router.get("/audit", summary="The audit log, newest first (admins)",
                response_model=AuditOut)
    def audit(request: Request, action: str | None = Query(None, max_length=40),
              actor: str | None = Query(None, max_length=100),
              page: int = Query(1, ge=1, le=1_000_000),
              per: int = Query(100, ge=1, le=1000),
              ) -> dict[str, Any]:
        """``action`` is an action (``login.failed``) or its kind (``login``)."""
        who = require(request, Role.ADMIN)
        got = service.audit_log(request.app.state.store, who.user, action=action,
                                actor=actor, offset=(page - 1) * per, limit=per)
        return {"total": got.total, "offset": got.offset, "entries": [
            {"at": e.at.isoformat(), "action": e.action, "described": e.described,
             "actor": e.actor, "subject": e.subject, "detail": e.detail,
             "address": e.address, "marking": e.marking.label() if e.marking else None}
            for e in got.entries]}

    return router
