"""Accounts, for admins: who may sign in, in which role, under which clearance."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from intex import service
from intex.errors import IntexError
from intex.model import TLP, Role, User
from intex.web.render import Templates
from intex.web.sessions import changing, require


def routes(templates: Templates) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    def page(request: Request, *, errors: list[str] | None = None,
             form: dict[str, str] | None = None, status: int = 200) -> Response:
        require(request, Role.ADMIN)
        return templates.page(request, "users.html", {
            "users": request.app.state.store.users.all(), "roles": list(Role),
            "levels": list(TLP), "errors": errors or [], "form": form or {},
            "done": request.query_params.get("done")}, status=status)

    @router.get("/admin/users")
    def users(request: Request) -> Response:
        return page(request)

    @router.post("/admin/users")
    async def add(request: Request) -> Response:
        await changing(request, Role.ADMIN)
        form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
        errors = []
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
        if form.get("password", "") != form.get("confirm", ""):
            errors.append("The two passwords differ.")
        codes = tuple(sorted({c.strip().upper() for c in form.get("rel", "").split(",")
                              if c.strip()}))
        if not errors:
            try:
                service.add_user(request.app.state.store,
                                 User(form.get("name", "").strip(), role, clearance, codes),
                                 form.get("password", ""))
            except IntexError as err:
                errors.append(str(err))
        if errors:
            form.pop("password", None)
            form.pop("confirm", None)
            return page(request, errors=errors, form=form)
        return RedirectResponse(f"/admin/users?done=added+{form['name'].strip()}",
                                status_code=303)

    @router.post("/admin/users/{name}/remove")
    async def remove(request: Request, name: str) -> Response:
        who = await changing(request, Role.ADMIN)
        if name == who.user.name:
            return page(request, errors=["You cannot remove your own account."])
        service.remove_user(request.app.state.store, name)
        return RedirectResponse(f"/admin/users?done=removed+{name}", status_code=303)

    return router
