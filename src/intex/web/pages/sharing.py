"""Sharing: partners, their agreements and syncs, and what each of them would get."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from intex import service
from intex.model import Role
from intex.web.render import Templates
from intex.web.sessions import require


def routes(templates: Templates) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/sharing")
    def partners(request: Request) -> Response:
        require(request, Role.ANALYST)
        return templates.page(request, "sharing.html", {
            "partners": service.partners(request.app.state.store)})

    @router.get("/sharing/{name}")
    def preview(request: Request, name: str) -> Response:
        who = require(request, Role.ANALYST)
        got = service.share_preview(request.app.state.store, name, user=who.user, sample=12)
        return templates.page(request, "share_preview.html", {"v": got, "pt": got.partner})

    return router
