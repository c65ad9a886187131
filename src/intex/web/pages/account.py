"""Signing in and out, and changing one's password. Failed sign-ins are counted per
(user name, address) in the database and paused (``service.sign_in``)."""

from __future__ import annotations

import math

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from intex import service
from intex.errors import IntexError, PermissionDenied
from intex.service import Store
from intex.web.render import Templates
from intex.web.sessions import (
    COOKIE,
    LOGIN_COOKIE,
    address,
    check_csrf,
    new_login_token,
    set_cookie,
    viewer,
)


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
        name = name.strip()
        if not name or not password:
            return form(request, name=name, message="Enter your user name and password.")
        got = service.sign_in(store, name, password, address=address(request),
                              policy=request.app.state.login_policy)
        if got.wait:
            return form(request, name=name, status=429, message=(
                f"Too many failed attempts. Try again in {math.ceil(got.wait / 60)} minutes."))
        user = got.user
        if user is None:
            return form(request, name=name,
                        message="That user name and password do not match.")
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
        service.record(request.app.state.store, "logout", who.user.name,
                       subject=who.user.name, address=address(request))
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(COOKIE, path="/")
        return response

    def password_page(request: Request, *, errors: list[str] | None = None,
                      done: bool = False, status: int = 200) -> Response:
        viewer(request)
        return templates.page(request, "password.html", {"errors": errors or [],
                                                         "done": done}, status=status)

    @router.get("/account/password")
    def password_form(request: Request) -> Response:
        return password_page(request, done=request.query_params.get("done") == "1")

    @router.post("/account/password")
    async def change_password(request: Request) -> Response:
        who = viewer(request)
        await check_csrf(request, who.csrf)
        raw = await request.form()
        form = {k: v for k, v in raw.items() if isinstance(v, str)}
        current, new, again = (form.get(k, "") for k in ("current", "new", "confirm"))
        errors = []
        if not current:
            errors.append("Enter your current password.")
        if new != again:
            errors.append("The two new passwords differ.")
        elif new == current and new:
            errors.append("The new password is the one you have.")
        if not errors:
            try:
                service.change_password(request.app.state.store, who.user.name, current, new,
                                        address=address(request), keep_session=who.token,
                                        policy=request.app.state.login_policy)
            except PermissionDenied as err:
                errors.append(err.message[:1].upper() + err.message[1:] + ".")
            except IntexError as err:
                errors.append(err.message[:1].upper() + err.message[1:] + ".")
        if errors:
            return password_page(request, errors=errors)  # the form again: 200, as login
        return RedirectResponse("/account/password?done=1", status_code=303)

    @router.get("/favicon.ico")
    def favicon() -> Response:
        return RedirectResponse("/static/favicon.svg", status_code=301)

    return router
