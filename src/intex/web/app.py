"""``create_app``: the analyst web UI and its JSON API, and, at the same address, any
other app (the TAXII server) under its own prefix.

    /            pages (server-side templates, a little htmx)
    /api/...     JSON API, described at /api/openapi.json; one error shape (web/api.py)
    /static/...  CSS and vendored JavaScript, from the package (nothing from a CDN)
    /taxii2/...  handed to the TAXII app untouched
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import timedelta
from importlib import resources
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from intex.errors import IntexError, NotFound, PermissionDenied
from intex.service import LoginPolicy, Store
from intex.web.api import error_response
from intex.web.render import Templates
from intex.web.sessions import Forbidden, SignInNeeded

log = logging.getLogger(__name__)

SECURITY_HEADERS = {
    # everything the pages load comes from here: no CDN, no inline script
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; "
                               "style-src 'self'; script-src 'self'; frame-ancestors 'none'; "
                               "form-action 'self'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


class OneAddress:
    """Sends requests under a prefix to another ASGI app, the rest to the web UI."""

    def __init__(self, web: ASGIApp, others: Mapping[str, ASGIApp]) -> None:
        self.web = web
        self.others = dict(others)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            path: str = scope["path"]
            for prefix, app in self.others.items():
                if path == prefix or path.startswith(prefix + "/"):
                    await app(scope, receive, send)
                    return
        await self.web(scope, receive, send)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def create_app(store: Store, *, others: Mapping[str, ASGIApp] | None = None,
               session_hours: float = 12.0, login_policy: LoginPolicy | None = None,
               title: str = "intex") -> ASGIApp:
    """The web UI over ``store``; ``others`` maps a path prefix ("/taxii2") to an app
    served beside it. Sessions last ``session_hours``; ``login_policy`` says how many
    failed sign-ins pause a name (counted in the database, across processes)."""
    from intex.web import api
    from intex.web.pages import (
        account,
        audit,
        brief,
        entities,
        ingest,
        ledger,
        reports,
        search,
        sharing,
        timeline,
        users,
    )

    app = FastAPI(title=f"{title} API", docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json", version="1")
    app.state.store = store
    app.state.templates = Templates()
    app.state.login_policy = login_policy or LoginPolicy()
    app.state.session_lifetime = timedelta(hours=session_hours)
    app.mount("/static", StaticFiles(
        directory=str(resources.files("intex.web") / "static")), name="static")

    templates: Templates = app.state.templates

    def failure(request: Request, status: int, message: str, code: str) -> Response:
        if _wants_json(request):
            return error_response(status, code, message)
        return templates.page(request, "error.html", {"status": status, "message": message},
                              status=status)

    def crashed(request: Request, err: Exception) -> Response:
        log.exception("web request failed", exc_info=err)
        return failure(request, 500, "Something went wrong on the server; it is logged.",
                       "internal")

    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Response:
        try:
            response: Response = await call_next(request)
        except Exception as err:  # noqa: BLE001
            # answered here: an exception let out to the server (Starlette re-raises it
            # after its handler answers) makes it drop the connection, at times before
            # the client has read the answer
            response = crashed(request, err)
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        if not request.url.path.startswith("/static/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.exception_handler(SignInNeeded)
    async def sign_in(request: Request, _err: SignInNeeded) -> Response:
        if _wants_json(request):
            return error_response(401, "unauthenticated", "Sign in first.")
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)

    @app.exception_handler(Forbidden)
    async def forbidden(request: Request, err: Forbidden) -> Response:
        return failure(request, 403, err.message, "forbidden")

    @app.exception_handler(PermissionDenied)
    async def denied(request: Request, err: PermissionDenied) -> Response:
        return failure(request, 403, err.message, "forbidden")

    @app.exception_handler(NotFound)
    async def not_found(request: Request, err: NotFound) -> Response:
        return failure(request, 404, str(err), "not_found")

    @app.exception_handler(IntexError)
    async def refused(request: Request, err: IntexError) -> Response:
        return failure(request, 400, str(err), "bad_request")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, err: StarletteHTTPException) -> Response:
        messages = {404: "There is nothing at this address.",
                    405: "This address does not take that method."}
        return failure(request, err.status_code,
                       messages.get(err.status_code, str(err.detail)),
                       {404: "not_found", 405: "method_not_allowed"}.get(
                           err.status_code, "error"))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, err: RequestValidationError) -> Response:
        where = ", ".join(".".join(str(p) for p in e.get("loc", ())[1:]) or "request"
                          for e in err.errors()[:3])
        return failure(request, 422, f"Some input could not be read: {where}.", "invalid")

    @app.exception_handler(Exception)
    async def crash(request: Request, err: Exception) -> Response:
        return crashed(request, err)

    for module in (account, ledger, reports, search, ingest, users, audit, timeline, brief,
                   entities, sharing):
        app.include_router(module.routes(templates))
    app.include_router(api.routes(), prefix="/api")
    return OneAddress(app, others or {})
