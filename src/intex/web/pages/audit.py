"""The audit log, for admins: who signed in (or failed to), changed accounts, reviewed,
merged, split or exported, newest first."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Request
from starlette.responses import Response

from intex import service
from intex.model import Role
from intex.model.audit import ACTIONS
from intex.web.render import Templates
from intex.web.sessions import require

PER = 100


def routes(templates: Templates) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/admin/audit")
    def audit(request: Request) -> Response:
        who = require(request, Role.ADMIN)
        action = request.query_params.get("action", "")
        action = action if action in ACTIONS else ""
        actor = request.query_params.get("actor", "").strip()[:100]
        try:
            page_no = max(1, min(int(request.query_params.get("page", "1")), 1_000_000))
        except ValueError:
            page_no = 1
        got = service.audit_log(request.app.state.store, who.user, action=action,
                                actor=actor, offset=(page_no - 1) * PER, limit=PER)

        def url(n: int) -> str:
            return "/admin/audit?" + urlencode({k: v for k, v in (
                ("action", action), ("actor", actor), ("page", str(n))) if v})

        return templates.page(request, "audit.html", {
            "page": got, "actions": sorted(ACTIONS.items()), "action": action,
            "actor": actor, "prev_url": url(page_no - 1) if page_no > 1 else None,
            "next_url": url(page_no + 1) if got.offset + len(got.entries) < got.total
            else None})

    return router
