"""Entities through the API: the most named ones, one entity's page as data, and an
analyst's merge and split. Merges and splits hold from then on: re-extraction keeps to
them (``entity_links``), and the audit log records them."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field
from starlette.responses import JSONResponse, RedirectResponse, Response

from intex import service
from intex.errors import ConfigError, NotFound
from intex.model import ENTITY_TYPES, Role
from intex.web.api.models import EntitiesOut, EntityOut, MergedOut, SplitOut
from intex.web.api.shapes import claim_json, entity_ref
from intex.web.sessions import address, changing, viewer


class MergeBody(BaseModel):
    """The entity to merge into, by id or exact name."""

    into: str = Field(min_length=1, max_length=300)


class SplitBody(BaseModel):
    """Spellings of this entity that name someone or something else, and what that is
    (an entity of that name is made when none exists)."""

    aliases: list[str] = Field(min_length=1, max_length=200)
    name: str = Field(min_length=1, max_length=200)
    type: str | None = Field(default=None, description=f"one of {', '.join(ENTITY_TYPES)}")


def _page_json(p: service.EntityPage) -> dict[str, Any]:
    e = p.entity
    return {**entity_ref(e), "country": e.country, "kind": e.kind,
            "reports": p.reports, "mentions": p.mentions,
            "aliases": [{"text": a.text, "why": a.why, "explained": a.explained,
                         "mentions": a.mentions} for a in p.aliases],
            "asserts": [claim_json(r) for r in p.asserts],
            "about": [claim_json(r) for r in p.about],
            "co_mentioned": [{**entity_ref(o), "reports": n} for o, n in p.co_mentioned],
            "over_time": [{"month": m, "mentions": n} for m, n in p.over_time],
            "undated_mentions": p.undated,
            "links": [{"entity": ln.entity_id, "alias": ln.alias, "into": ln.into_id,
                       "analyst": ln.analyst, "at": ln.at.isoformat()} for ln in p.links]}


def routes() -> APIRouter:
    router = APIRouter(tags=["entities"])

    @router.get("/entities", summary="Entities named in reports you may see, most named first",
                response_model=EntitiesOut)
    def listing(request: Request, type: str | None = Query(None, max_length=20),
                name: str | None = Query(None, max_length=200),
                limit: int = Query(100, ge=1, le=1000)) -> dict[str, Any]:
        """``type`` is one of the entity types; ``name`` matches part of a name. Counts
        are of mentions and reports you may see."""
        who = viewer(request)
        kind = type.upper() if type else None
        if kind and kind not in ENTITY_TYPES:
            raise ConfigError(f"type is one of {', '.join(ENTITY_TYPES)}", subject=type)
        rows = service.entity_list(request.app.state.store, user=who.user, type_=kind,
                                   name=name or None, limit=limit)
        return {"entities": [{"id": i, "name": n, "type": t, "mentions": m, "reports": r}
                             for i, n, t, m, r in rows]}

    @router.get("/entities/{entity_id}", summary="One entity: aliases and why, its claims, "
                "who is named with it, mentions over time", response_model=EntityOut,
                responses={
                    307: {"description": "merged into another entity: its address"}})
    def entity(request: Request, entity_id: str) -> Response:
        who = viewer(request)
        store = request.app.state.store
        moved = service.entity_moved(store, entity_id)
        if moved is not None:
            service.entity_page(store, moved, user=who.user)  # NotFound when not visible
            return RedirectResponse(f"/api/entities/{moved}", status_code=307)
        return JSONResponse(_page_json(service.entity_page(store, entity_id, user=who.user)))

    @router.post("/entities/{entity_id}/merge", summary="Merge this entity into another",
                 response_model=MergedOut)
    async def merge(request: Request, entity_id: str, body: MergeBody) -> dict[str, Any]:
        """Analysts only, with the session's ``X-CSRF-Token``. Every mention, spelling and
        claim source of this entity then counts for the other; returns the other."""
        who = await changing(request, Role.ANALYST)
        store = request.app.state.store
        service.entity_page(store, entity_id, user=who.user)  # NotFound when not visible
        into = service.entity_named(store, body.into, user=who.user)
        if into == entity_id:
            raise ConfigError("an entity cannot be merged into itself", subject=entity_id)
        moved = service.merge_entities(store, entity_id, into, analyst=who.user.name,
                                       address=address(request), user=who.user)
        return {"merged": entity_id, "into": into, "mentions_moved": moved,
                "entity": _page_json(service.entity_page(store, into, user=who.user))}

    @router.post("/entities/{entity_id}/split", summary="Split spellings off this entity",
                 response_model=SplitOut)
    async def split(request: Request, entity_id: str, body: SplitBody) -> dict[str, Any]:
        """Analysts only, with the session's ``X-CSRF-Token``. The spellings given then
        name the other entity, in every report stored or read again."""
        who = await changing(request, Role.ANALYST)
        store = request.app.state.store
        page = service.entity_page(store, entity_id, user=who.user)
        kind = body.type.upper() if body.type else None
        if kind and kind not in ENTITY_TYPES:
            raise ConfigError(f"type is one of {', '.join(ENTITY_TYPES)}", subject=body.type)
        seen = {a.text for a in page.aliases}
        unknown = [a for a in body.aliases if a not in seen]
        if unknown:  # spellings only from what the analyst may see
            raise NotFound("no such spelling of this entity", subject=", ".join(unknown)[:200])
        other, moved = service.split_entity(store, entity_id, body.aliases,
                                            name=" ".join(body.name.split()), type_=kind,
                                            analyst=who.user.name, address=address(request),
                                            user=who.user)
        try:  # nothing of it may be left that this analyst sees
            left: dict[str, Any] | None = _page_json(
                service.entity_page(store, entity_id, user=who.user))
        except NotFound:
            left = None
        return {"split": entity_id, "into": other, "mentions_moved": moved, "entity": left}

    return router
