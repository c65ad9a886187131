"""Who is asking, and may they: session cookies, CSRF tokens and roles.

The session cookie holds a random token (HttpOnly, SameSite=Strict, Secure over https);
the database keeps its hash with the session's CSRF token, which every state-changing
request must send back, as the form field ``csrf`` or the ``X-CSRF-Token`` header.
Before sign-in, the login form is protected the same way by a short-lived cookie."""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass

from fastapi import Request
from starlette.responses import Response

from intex.model import Role, User
from intex.service import Store

COOKIE = "intex_session"
LOGIN_COOKIE = "intex_login"
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"


class SignInNeeded(Exception):
    """No valid session: pages send the browser to the login form, the API answers 401."""


class Forbidden(Exception):
    """Signed in, but the role does not allow it (or the CSRF token is wrong)."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


@dataclass(frozen=True)
class Viewer:
    user: User
    csrf: str
    token: str


def set_cookie(request: Request, response: Response, name: str, value: str,
               max_age: int) -> None:
    response.set_cookie(name, value, max_age=max_age, httponly=True, samesite="strict",
                        secure=request.url.scheme == "https", path="/")


def viewer(request: Request) -> Viewer:
    """The signed-in user of this request (SignInNeeded otherwise)."""
    got = getattr(request.state, "viewer", None)
    if isinstance(got, Viewer):
        return got
    token = request.cookies.get(COOKIE)
    store: Store = request.app.state.store
    found = store.users.session(token) if token else None
    if found is None:
        raise SignInNeeded()
    who = Viewer(found[0], found[1], token or "")
    request.state.viewer = who
    return who


def require(request: Request, role: Role) -> Viewer:
    who = viewer(request)
    if not who.user.can(role):
        raise Forbidden(f"This needs the {role.value} role; you are signed in as "
                        f"{who.user.role.value}.")
    return who


async def check_csrf(request: Request, expected: str) -> None:
    """Refuse a state-changing request that does not carry the expected token."""
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and request.headers.get("content-type", "").startswith(
            ("application/x-www-form-urlencoded", "multipart/form-data")):
        form = await request.form()
        value = form.get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    if not sent or not hmac.compare_digest(sent, expected):
        await request.close()  # any uploads parsed with the form are spooled files
        raise Forbidden("This form has expired or did not come from this site; "
                        "reload the page and try again.")


async def changing(request: Request, role: Role) -> Viewer:
    """A state-changing request: signed in, holding ``role``, with the session's token."""
    who = require(request, role)
    await check_csrf(request, who.csrf)
    return who


def address(request: Request) -> str:
    """The client's address, for the login throttle and the audit log."""
    return request.client.host if request.client else "?"


def new_login_token() -> str:
    return secrets.token_urlsafe(24)
