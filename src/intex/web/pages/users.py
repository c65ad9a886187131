"""Accounts, for admins: who may sign in, in which role, under which clearance, and who
is a named recipient of TLP:RED (an admin's explicit choice, never implied)."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from intex import service
from intex.errors import IntexError
from intex.model import TLP, Role, User
from intex.web.render import Templates
from intex.web.sessions import address, changing, require

LEVELS = [lvl for lvl in TLP if lvl is not TLP.RED]  # RED is no clearance: see ``red``


def _account(form: dict[str, str], name: str, errors: list[str]) -> User:
    """The account a form describes (errors added for what cannot be read)."""
    try:
        role = Role(form.get("role", ""))
    except ValueError:
        errors.append("Choose a role.")
        role = Role.READER
    try:
        clearance = TLP.parse(form.get("clearance", ""))
    except ValueError:
        errors.append("Choose a clearance.")
        clearance = TLP.CLEAR
    codes = tuple(sorted({c.strip().upper() for c in form.get("rel", "").split(",")
                          if c.strip()}))
    return User(name, role, clearance, codes, red=form.get("red") == "on")


def routes(templates: Templates) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    def page(request: Request, *, errors: list[str] | None = None,
             form: dict[str, str] | None = None, status: int = 200) -> Response:
        require(request, Role.ADMIN)
        return templates.page(request, "users.html", {
            "users": request.app.state.store.users.all(), "roles": list(Role),
            "levels": LEVELS, "errors": errors or [], "form": form or {},
            "done": request.query_params.get("done")}, status=status)

    @router.get("/admin/users")
    def users(request: Request) -> Response:
        return page(request)

    @router.post("/admin/users")
    async def add(request: Request) -> Response:
        who = await changing(request, Role.ADMIN)
        form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
        errors: list[str] = []
        user = _account(form, form.get("name", "").strip(), errors)
        if form.get("password", "") != form.get("confirm", ""):
            errors.append("The two passwords differ.")
        if not errors:
            try:
                service.add_user(request.app.state.store, user, form.get("password", ""),
                                 by=who.user.name, address=address(request))
            except IntexError as err:
                errors.append(str(err))
        if errors:
            form.pop("password", None)
            form.pop("confirm", None)
            return page(request, errors=errors, form=form)
        return RedirectResponse(f"/admin/users?done=added+{quote(user.name)}",
                                status_code=303)

    def edit_page(request: Request, name: str, *, errors: list[str] | None = None,
                  form: dict[str, str] | None = None, status: int = 200) -> Response:
        who = require(request, Role.ADMIN)
        account = request.app.state.store.users.get(name)
        return templates.page(request, "user_edit.html", {
            "account": account, "roles": list(Role), "levels": LEVELS,
            "errors": errors or [], "form": form, "self": account.name == who.user.name},
            status=status)

    @router.get("/admin/users/{name}")
    def edit(request: Request, name: str) -> Response:
        return edit_page(request, name)

    @router.post("/admin/users/{name}")
    async def change(request: Request, name: str) -> Response:
        who = await changing(request, Role.ADMIN)
        form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
        store = request.app.state.store
        was = store.users.get(name)  # NotFound: no such account
        errors: list[str] = []
        user = _account(form, name, errors)
        if name == who.user.name and user.role is not was.role:
            errors.append("You cannot change your own role: ask another admin.")
        if not errors:
            try:
                service.change_user(store, user, by=who.user.name, address=address(request))
            except IntexError as err:
                errors.append(err.message[:1].upper() + err.message[1:] + ".")
        if errors:
            return edit_page(request, name, errors=errors, form=form)
        return RedirectResponse(f"/admin/users?done=changed+{quote(name)}", status_code=303)

    @router.post("/admin/users/{name}/remove")
    async def remove(request: Request, name: str) -> Response:
        who = await changing(request, Role.ADMIN)
        if name == who.user.name:
            return page(request, errors=["You cannot remove your own account."])
        service.remove_user(request.app.state.store, name, by=who.user.name,
                            address=address(request))
        return RedirectResponse(f"/admin/users?done=removed+{quote(name)}", status_code=303)

    return router
