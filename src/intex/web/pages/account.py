"""Signing in and out. Failed logins are counted per (user name, address) and paused."""

from __future__ import annotations

import math

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from intex.service import Store
from intex.web.render import Templates
from intex.web.sessions import (
    COOKIE,
    LOGIN_COOKIE,
    check_csrf,
    new_login_token,
    set_cookie,
    viewer,
)
from intex.web.throttle import LoginThrottle


def _safe_next(target: str | None) -> str:
    # only a path on this site: never an open redirect
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def routes(templates: Templates) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    def form(request: Request, *, name: str = "", message: str | None = None,
             status: int = 200) -> Response:
        # a form shown again with its message is a page that worked (200): only the
        # pause after too many failures says 429
        token = new_login_token()
        response = templates.page(request, "login.html", {
            "csrf": token, "name": name, "message": message,
            "next": _safe_next(request.query_params.get("next"))}, status=status)
        set_cookie(request, response, LOGIN_COOKIE, token, max_age=3600)
        return response

    @router.get("/login")
    def login_form(request: Request) -> Response:
        return form(request)

    @router.post("/login")
    async def login(request: Request, name: str = Form(""), password: str = Form(""),
                    next: str = Form("/")) -> Response:
        await check_csrf(request, request.cookies.get(LOGIN_COOKIE) or "\0")
        store: Store = request.app.state.store
        throttle: LoginThrottle = request.app.state.throttle
        address = request.client.host if request.client else "?"
        name = name.strip()
        if not name or not password:
            return form(request, name=name, message="Enter your user name and password.")
        wait = throttle.wait(name, address)
        if wait:
            return form(request, name=name, status=429, message=(
                f"Too many failed attempts. Try again in {math.ceil(wait / 60)} minutes."))
        user = store.users.login(name, password)
        if user is None:
            throttle.failed(name, address)
            return form(request, name=name,
                        message="That user name and password do not match.")
        throttle.succeeded(name, address)
        lifetime = request.app.state.session_lifetime
        token, _ = store.users.open_session(user.name, lifetime=lifetime)
        response = RedirectResponse(_safe_next(next), status_code=303)
        set_cookie(request, response, COOKIE, token, max_age=int(lifetime.total_seconds()))
        response.delete_cookie(LOGIN_COOKIE, path="/")
        return response

    @router.post("/logout")
    async def logout(request: Request) -> Response:
        who = viewer(request)
        await check_csrf(request, who.csrf)
        request.app.state.store.users.close_session(who.token)
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(COOKIE, path="/")
        return response

    @router.get("/favicon.ico")
    def favicon() -> Response:
        return RedirectResponse("/static/favicon.svg", status_code=301)

    return router
