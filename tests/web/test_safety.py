"""Sessions and safety over real HTTP: cookie flags, CSRF on every state change,
throttled logins, roles, no open redirect, nothing loaded from anywhere else."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path

import httpx
import pytest

from intex import service
from intex.web import create_app
from tests.web import live

pytestmark = pytest.mark.network


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 1, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(scope="module")
def clock() -> Clock:
    return Clock()


@pytest.fixture(scope="module")
def site(small_ledger, clock):  # noqa: ANN001, ANN201
    app = create_app(small_ledger, login_policy=service.LoginPolicy(
        failures=5, window=timedelta(seconds=900), clock=clock))
    with live.in_thread(app) as base:
        yield base


@pytest.fixture
def new_client(site):  # noqa: ANN001, ANN201
    made: list[httpx.Client] = []

    def make(**kwargs: object) -> httpx.Client:
        c = httpx.Client(base_url=site, follow_redirects=False, timeout=30, **kwargs)
        made.append(c)
        return c

    yield make
    for c in made:
        c.close()


def _login_token(c: httpx.Client) -> str:
    got = re.search(r'name="csrf" value="([^"]+)"', c.get("/login").text)
    assert got is not None
    return got[1]


def test_session_cookie_flags(new_client):
    c = new_client()
    done = live.http_sign_in(c, "ana")
    assert done.status_code == 303
    cookie = done.headers["set-cookie"].lower()
    assert "intex_session=" in cookie and "httponly" in cookie and "samesite=strict" in cookie
    assert "secure" not in cookie  # plain http on loopback
    # behind a TLS proxy on loopback (uvicorn trusts its X-Forwarded-Proto) cookies
    # are Secure; the login form's cookie and the session's are set by the same code
    https = new_client(headers={"X-Forwarded-Proto": "https"})
    form = https.get("/login")
    assert "secure" in form.headers["set-cookie"].lower()
    assert "samesite=strict" in form.headers["set-cookie"].lower()


def test_every_state_change_needs_the_csrf_token(new_client, small_ledger):
    c = new_client()
    live.http_sign_in(c, "admin")
    claim = c.get("/api/claims").json()["claims"][0]["id"]
    posts = [("/logout", {}), (f"/claims/{claim}/review", {"action": "accept"}),
             ("/ingest", {"text": "Officials said 40 drones were shot down."}),
             ("/admin/users", {"name": "mallory", "role": "admin", "clearance": "RED",
                               "password": "x" * 20, "confirm": "x" * 20}),
             ("/admin/users/rea/remove", {})]
    for path, form in posts:
        for token in (None, "forged-token"):
            data = dict(form, **({"csrf": token} if token else {}))
            got = c.post(path, data=data)
            assert got.status_code == 403, (path, token)
            assert "did not come from this site" in got.text
    assert "mallory" not in [u.name for u in small_ledger.users.all()]
    assert c.get("/api/session").status_code == 200  # still signed in: logout was refused
    # the login form itself is protected too
    assert new_client().post("/login", data={"name": "ana", "password": live.PASSWORD}
                             ).status_code == 403


def test_logins_are_throttled_per_user_and_address(new_client, clock):
    c = new_client()
    for _ in range(5):
        bad = c.post("/login", data={"csrf": _login_token(c), "name": "rea",
                                     "password": "wrong wrong wrong"})
        assert bad.status_code == 200 and "do not match" in bad.text
    paused = c.post("/login", data={"csrf": _login_token(c), "name": "rea",
                                    "password": live.PASSWORD})
    assert paused.status_code == 429 and "Too many failed attempts" in paused.text
    assert live.http_sign_in(new_client(), "ana").status_code == 303  # others unaffected
    clock.now += timedelta(seconds=901)
    assert live.http_sign_in(new_client(), "rea").status_code == 303


def test_two_servers_on_one_database_throttle_together(small_ledger):
    """Two apps, each with its own Store (engine, pool) over one database file: what two
    ``intex serve`` workers are. Failures at either count at both."""
    url = str(small_ledger.engine.url)
    stores = [service.open_ledger(url), service.open_ledger(url)]
    clock = Clock()
    policy = service.LoginPolicy(failures=4, window=timedelta(minutes=15), clock=clock)
    with live.in_thread(create_app(stores[0], login_policy=policy)) as one, \
            live.in_thread(create_app(stores[1], login_policy=policy)) as two:
        for i in range(4):
            with httpx.Client(base_url=(one, two)[i % 2]) as c:
                bad = c.post("/login", data={"csrf": _login_token(c), "name": "ana",
                                             "password": f"guess number {i}"})
                assert "do not match" in bad.text
        for base in (one, two):
            with httpx.Client(base_url=base) as c:
                paused = c.post("/login", data={"csrf": _login_token(c), "name": "ana",
                                                "password": live.PASSWORD})
                assert paused.status_code == 429, base
        clock.now += timedelta(minutes=16)
        with httpx.Client(base_url=two) as c:
            assert live.http_sign_in(c, "ana").status_code == 303
    for s in stores:
        s.close()


def test_roles_are_enforced(new_client):
    reader = new_client()
    live.http_sign_in(reader, "rea")
    assert reader.get("/ingest").status_code == 403
    assert reader.get("/admin/users").status_code == 403
    analyst = new_client()
    live.http_sign_in(analyst, "ana")
    assert analyst.get("/ingest").status_code == 200
    assert analyst.get("/admin/users").status_code == 403
    admin = new_client()
    live.http_sign_in(admin, "admin")
    assert admin.get("/admin/users").status_code == 200


def test_bad_form_input_gets_a_message_not_a_trace(new_client):
    admin = new_client()
    live.http_sign_in(admin, "admin")
    page = admin.get("/admin/users")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text)[1]
    got = admin.post("/admin/users", data={"csrf": csrf, "name": "bad name!",
                                           "role": "reader", "clearance": "GREEN",
                                           "password": "x" * 14, "confirm": "x" * 14})
    assert got.status_code == 200 and "a user name is 1-100 letters" in got.text
    got = admin.post("/admin/users", data={"csrf": csrf, "name": "bob", "role": "reader",
                                           "clearance": "GREEN", "rel": "KOR'--",
                                           "password": "x" * 14, "confirm": "x" * 14})
    assert "not ISO 3166 alpha-3" in got.text
    ledger = admin.get("/", params={"since": "last tuesday", "status": "vaporised"})
    assert ledger.status_code == 200
    assert "is not a date" in ledger.text and "is not one of" in ledger.text
    ingest = admin.post("/ingest", data={"csrf": csrf, "tlp": "PURPLE"})
    assert "is not a TLP level" in ingest.text
    for text in (got.text, ledger.text, ingest.text):
        assert "Traceback" not in text


def test_redirect_after_login_stays_on_this_site(new_client):
    for target in ("//evil.example/x", "https://evil.example/", "/\\evil.example"):
        c = new_client()
        token = _login_token(c)
        done = c.post("/login", data={"csrf": token, "name": "ana",
                                      "password": live.PASSWORD, "next": target})
        assert done.headers["location"] == "/"


def test_nothing_is_loaded_from_elsewhere(site):
    page = httpx.get(site + "/login")
    csp = page.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    web = Path(str(resources.files("intex.web")))
    for path in list((web / "templates").glob("*.html")) + list((web / "static").glob("*.css")):
        text = path.read_text()
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text), path
        assert "url(http" not in text, path
    vendored = httpx.get(site + "/static/vendor/htmx-2.0.11.min.js")
    assert vendored.status_code == 200 and "htmx" in vendored.text[:2000]
