"""Ingest: upload files, paste text, give URLs or feeds; what became of each input."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.datastructures import FormData, UploadFile
from starlette.responses import Response

from intex import service
from intex.errors import IntexError
from intex.model import TLP, Marking, Role, User
from intex.web.render import Templates
from intex.web.sessions import address, changing, require

MAX_FILES = 200


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def routes(templates: Templates) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    def page(request: Request, *, events: list[service.IngestEvent] | None = None,
             errors: list[str] | None = None, form: dict[str, str] | None = None,
             status: int = 200) -> Response:
        who = require(request, Role.ANALYST)
        return templates.page(request, "ingest.html", {
            "events": events, "errors": errors or [], "form": form or {},
            "feeds": service.feed_states(request.app.state.store, who.user),
            "levels": [lvl for lvl in TLP if who.user.may_see(Marking(lvl))]},
            status=status)

    @router.get("/ingest")
    def ingest_form(request: Request) -> Response:
        return page(request)

    @router.post("/ingest")
    async def ingest(request: Request) -> Response:
        who = await changing(request, Role.ANALYST)
        raw = await request.form(max_files=MAX_FILES)
        try:
            return await _ingest(request, who.user, raw)
        finally:
            await raw.close()  # uploads are spooled to temporary files

    async def _ingest(request: Request, user: User, raw: FormData) -> Response:
        form = {k: v for k, v in raw.items() if isinstance(v, str)}
        errors: list[str] = []
        try:
            level = TLP.parse(form.get("tlp", "clear") or "clear")
        except ValueError:
            errors.append(f"Marking “{form.get('tlp')}” is not a TLP level.")
            level = TLP.CLEAR
        codes = tuple(sorted({c.strip().upper() for c in form.get("rel", "").split(",")
                              if c.strip()}))
        bad = [c for c in codes if len(c) != 3 or not c.isalpha()]
        if bad:
            errors.append(f"Releasable to: not ISO 3166 alpha-3 codes: {', '.join(bad)}.")
        marking = Marking(level, codes)
        if not errors and not user.may_see(marking):
            errors.append("You may not mark a report above your own clearance: you "
                          "could not read it afterwards.")
        uploads = [f for f in raw.getlist("files") if isinstance(f, UploadFile) and f.filename]
        pasted = form.get("text", "").strip()
        urls, feeds = _lines(form.get("urls", "")), _lines(form.get("feeds", ""))
        if not errors and not (uploads or pasted or urls or feeds):
            errors.append("Give at least one file, some text, a URL or a feed.")
        if errors:
            return page(request, errors=errors, form=form)
        store = request.app.state.store
        items = [(f.filename or "upload", await f.read()) for f in uploads]
        if pasted:
            items.append((form.get("name", "").strip() or "pasted text", pasted.encode()))
        events = service.ingest_texts(store, items, marking=marking) if items else []
        if urls:
            try:
                events += list(service.ingest(store, urls, marking=marking))
            except IntexError as err:
                events.append(service.IngestEvent(", ".join(urls), error=err))
        if feeds:  # each read once, and listed below with how it went
            try:
                events += service.poll_feeds(store, feeds, marking=marking)
            except IntexError as err:
                events.append(service.IngestEvent(", ".join(feeds), error=err))
        service.ingested(store, events, marking=marking, by=user.name,
                         address=address(request))
        return page(request, events=events, form={"tlp": form.get("tlp", ""),
                                                  "rel": form.get("rel", "")})

    return router
