"""The brief: new and changed estimates per subject since a day, as a page, as Markdown
and as a printable HTML page."""

from __future__ import annotations

import re
from datetime import date

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response

from intex import service
from intex.web import brief as export
from intex.web.render import Templates
from intex.web.sessions import address, viewer

DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _ask(request: Request) -> tuple[date | None, str | None, list[str]]:
    """(since, subject, errors) from the query string."""
    raw = request.query_params.get("since", "").strip()
    subject = " ".join(request.query_params.get("subject", "").split())[:200] or None
    if not raw:
        return None, subject, []
    try:
        if not DAY.match(raw):
            raise ValueError
        return date.fromisoformat(raw), subject, []
    except ValueError:
        return None, subject, [f"“{raw[:40]}” is not a day written YYYY-MM-DD."]


def _query(b: service.Brief) -> str:
    from urllib.parse import urlencode

    return urlencode({"since": b.since.isoformat(), **({"subject": b.subject}
                                                        if b.subject else {})})


def _file(b: service.Brief, ext: str) -> str:
    return f"brief-{b.since.isoformat()}.{ext}"


def _exported(request: Request, b: service.Brief, form: str) -> None:
    service.record(request.app.state.store, "export.brief", viewer(request).user.name,
                   subject=_query(b), detail=form, address=address(request))


def routes(templates: Templates) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    def made(request: Request) -> tuple[service.Brief | None, list[str]]:
        who = viewer(request)
        since, subject, errors = _ask(request)
        if errors:
            return None, errors
        return service.brief(request.app.state.store, since, user=who.user,
                             subject=subject), []

    @router.get("/brief")
    def page(request: Request) -> Response:
        b, errors = made(request)
        _, subject, _ = _ask(request)
        return templates.page(request, "brief.html", {
            "brief": b, "errors": errors, "subject": subject or "",
            "since": request.query_params.get("since", "")[:40] if errors else
            (b.since.isoformat() if b else ""),
            "query": _query(b) if b else "", "line": export.line, "what": export.WHAT},
            status=422 if errors else 200)

    @router.get("/brief.md")
    def markdown(request: Request) -> Response:
        b, errors = made(request)
        if b is None:
            return PlainTextResponse("\n".join(errors) + "\n", status_code=422)
        base = f"{request.url.scheme}://{request.url.netloc}"
        _exported(request, b, "Markdown")
        return PlainTextResponse(export.markdown(b, base_url=base),
                                 media_type="text/markdown; charset=utf-8", headers={
                                     "Content-Disposition":
                                     f'attachment; filename="{_file(b, "md")}"'})

    @router.get("/brief/print")
    def printable(request: Request) -> Response:
        b, errors = made(request)
        if b is None:
            return PlainTextResponse("\n".join(errors) + "\n", status_code=422)
        headers = {"Content-Security-Policy": export.PRINT_CSP}
        _exported(request, b, "printable HTML")
        if request.query_params.get("download") == "1":
            headers["Content-Disposition"] = f'attachment; filename="{_file(b, "html")}"'
        return HTMLResponse(export.html(b, env=templates.env), headers=headers)

    return router
