"""Entities: the most named ones, and one entity's page with what an analyst may do to
it (merge it into another, split spellings off it)."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from intex import service
from intex.errors import IntexError
from intex.model import ENTITY_TYPES, Role
from intex.web import charts
from intex.web.pages.timeline import script_json
from intex.web.render import Templates
from intex.web.sessions import address, changing, viewer

DONE = {"merged": "Merged: every mention, spelling and claim source of the other entity "
                  "now counts here, and re-extraction keeps to it.",
        "split": "Split: the spellings you chose now name the other entity, for good."}


def routes(templates: Templates) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/entities")
    def listing(request: Request) -> Response:
        who = viewer(request)
        kind = request.query_params.get("type", "").upper()
        rows = service.entity_list(request.app.state.store, user=who.user,
                                   type_=kind if kind in ENTITY_TYPES else None, limit=300)
        return templates.page(request, "entities.html", {
            "rows": rows, "types": ENTITY_TYPES, "kind": kind})

    def page(request: Request, entity_id: str, *, errors: list[str] | None = None,
             form: dict[str, str] | None = None, status: int = 200) -> Response:
        who = viewer(request)
        store = request.app.state.store
        moved = service.entity_moved(store, entity_id)
        if moved is not None:
            service.entity_page(store, moved, user=who.user)  # NotFound when not visible
            return RedirectResponse(f"/entities/{quote(moved, safe=':')}?from="
                                    f"{quote(entity_id, safe='')}", status_code=303)
        got = service.entity_page(store, entity_id, user=who.user)
        analyst = who.user.can(Role.ANALYST)
        same_type = service.entity_list(store, user=who.user, type_=got.entity.type,
                                        limit=300) if analyst else []
        return templates.page(request, "entity.html", {
            "p": got, "e": got.entity, "analyst": analyst, "errors": errors or [],
            "form": form or {}, "types": ENTITY_TYPES,
            "candidates": [r for r in same_type if r[0] != entity_id],
            "done": DONE.get(request.query_params.get("done", "")),
            "came_from": request.query_params.get("from", "")[:200],
            "chart_json": script_json(charts.mentions_over_time(got.over_time))
            if got.over_time else None}, status=status)

    @router.get("/entities/{entity_id}")
    def entity(request: Request, entity_id: str) -> Response:
        return page(request, entity_id)

    async def form_of(request: Request) -> dict[str, str]:
        raw = await request.form()
        return {k: v for k, v in raw.items() if isinstance(v, str)}

    @router.post("/entities/{entity_id}/merge")
    async def merge(request: Request, entity_id: str) -> Response:
        who = await changing(request, Role.ANALYST)
        form = await form_of(request)
        store = request.app.state.store
        service.entity_page(store, entity_id, user=who.user)  # NotFound when not visible
        try:
            into = service.entity_named(store, form.get("into", "")[:300], user=who.user)
            service.merge_entities(store, entity_id, into, analyst=who.user.name,
                                   address=address(request), user=who.user)
        except IntexError as err:
            return page(request, entity_id, errors=[str(err)], form=form, status=422)
        return RedirectResponse(f"/entities/{quote(into, safe=':')}?done=merged",
                                status_code=303)

    @router.post("/entities/{entity_id}/split")
    async def split(request: Request, entity_id: str) -> Response:
        who = await changing(request, Role.ANALYST)
        raw = await request.form()
        aliases = [v for v in raw.getlist("alias") if isinstance(v, str)][:200]
        form = {k: v for k, v in raw.items() if isinstance(v, str) and k != "alias"}
        store = request.app.state.store
        service.entity_page(store, entity_id, user=who.user)
        errors = []
        if not aliases:
            errors.append("Tick the spellings that name someone or something else.")
        name = form.get("name", "").strip()[:200]
        if not name:
            errors.append("Give the name the split-off spellings stand for.")
        kind = form.get("type", "").upper()
        if kind and kind not in ENTITY_TYPES:
            errors.append(f"Type “{kind[:20]}” is not one of {', '.join(ENTITY_TYPES)}.")
        if errors:
            return page(request, entity_id, errors=errors, form=form, status=422)
        try:
            service.split_entity(store, entity_id, aliases, name=name, type_=kind or None,
                                 analyst=who.user.name, address=address(request),
                                 user=who.user)
        except IntexError as err:
            return page(request, entity_id, errors=[str(err)], form=form, status=422)
        return RedirectResponse(f"/entities/{quote(entity_id, safe=':')}?done=split",
                                status_code=303)

    return router
