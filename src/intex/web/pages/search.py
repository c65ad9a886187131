"""Search: reports by their full text, entities by name or alias."""

from __future__ import annotations

import re

from fastapi import APIRouter, Request
from starlette.responses import Response

from intex import service
from intex.web.render import Templates
from intex.web.sessions import viewer


def _marked(snippet: str) -> list[tuple[str, bool]]:
    """The store's snippet ("… [hit] …") as (text, is a hit) parts, for <mark>."""
    out: list[tuple[str, bool]] = []
    for i, part in enumerate(re.split(r"\[|\]", snippet)):
        if part:
            out.append((part, i % 2 == 1))
    return out


def routes(templates: Templates) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/search")
    def search(request: Request) -> Response:
        who = viewer(request)
        words = request.query_params.get("q", "").strip()[:500]
        found = service.find(request.app.state.store, who.user, words) if words else None
        snippets = {rid: _marked(snippet) for rid, _, snippet in found.reports} if found else {}
        return templates.page(request, "search.html", {"words": words, "found": found,
                                                       "snippets": snippets})

    return router
