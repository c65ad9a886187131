"""Web UI accounts and their sessions. Passwords are stored as argon2id hashes; a session
cookie holds a random token of which only the SHA-256 is stored, so a copy of the
database signs nobody in."""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, select

from intex.errors import NotFound, StoreError
from intex.model import TLP, Role, User
from intex.store import schema as t
from intex.store.passwords import hash_password, verify_password
from intex.store.utc import aware

MIN_PASSWORD = 12
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$")


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _user(row) -> User:  # noqa: ANN001
    return User(row.name, Role(row.role), TLP[row.clearance],
                tuple(c for c in (row.countries or "").split(",") if c),
                bool(row.red_recipient))


def _check_password(name: str, password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise StoreError(f"a password has at least {MIN_PASSWORD} characters", subject=name)


class Users:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(self, user: User, password: str, now: datetime | None = None) -> None:
        if not _NAME.match(user.name):
            raise StoreError("a user name is 1-100 letters, digits or . _ @ -",
                             subject=user.name)
        _check_password(user.name, password)
        with self.engine.begin() as conn:
            if conn.execute(select(t.users.c.name).where(t.users.c.name == user.name)).first():
                raise StoreError("a user of that name exists", subject=user.name)
            conn.execute(t.users.insert().values(
                name=user.name, role=user.role.value, clearance=user.clearance.name,
                countries=",".join(user.countries) or None, red_recipient=user.red,
                password_hash=hash_password(password), created_at=now or datetime.now(UTC)))

    def change(self, user: User) -> User:
        """Set an account's role, clearance, countries and RED recipiency; the old one."""
        with self.engine.begin() as conn:
            row = conn.execute(select(t.users).where(t.users.c.name == user.name)).first()
            if row is None:
                raise NotFound("no such user", subject=user.name)
            conn.execute(t.users.update().where(t.users.c.name == user.name).values(
                role=user.role.value, clearance=user.clearance.name,
                countries=",".join(user.countries) or None, red_recipient=user.red))
        return _user(row)

    def set_password(self, name: str, password: str, *, keep_session: str | None = None,
                     ) -> None:
        """A new password; every session of the user ends but ``keep_session`` (the
        cookie token of the one that changed it)."""
        _check_password(name, password)
        keep = _token_hash(keep_session) if keep_session else None
        with self.engine.begin() as conn:
            done = conn.execute(t.users.update().where(t.users.c.name == name)
                                .values(password_hash=hash_password(password)))
            if not done.rowcount:
                raise NotFound("no such user", subject=name)
            others = t.web_sessions.delete().where(t.web_sessions.c.user_name == name)
            if keep is not None:
                others = others.where(t.web_sessions.c.token_hash != keep)
            conn.execute(others)

    def all(self) -> list[User]:
        with self.engine.connect() as conn:
            return [_user(r) for r in conn.execute(select(t.users).order_by(t.users.c.name))]

    def get(self, name: str) -> User:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.users).where(t.users.c.name == name)).first()
        if row is None:
            raise NotFound("no such user", subject=name)
        return _user(row)

    def remove(self, name: str) -> None:
        """Remove an account; its sessions end with it."""
        with self.engine.begin() as conn:
            conn.execute(t.web_sessions.delete().where(t.web_sessions.c.user_name == name))
            done = conn.execute(t.users.delete().where(t.users.c.name == name))
        if not done.rowcount:
            raise NotFound("no such user", subject=name)

    def login(self, name: str, password: str) -> User | None:
        """The user these credentials belong to, or None; as slow for unknown names."""
        with self.engine.connect() as conn:
            row = conn.execute(select(t.users).where(t.users.c.name == name)).first()
        stored = row.password_hash if row is not None else None
        return _user(row) if verify_password(stored, password) else None

    # sessions ------------------------------------------------------------------
    def open_session(self, name: str, *, lifetime: timedelta,
                     now: datetime | None = None) -> tuple[str, str]:
        """A new session for the user: (cookie token, CSRF token). Only hashes are kept
        of the cookie token; expired sessions of anyone are swept on the way."""
        now = now or datetime.now(UTC)
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        with self.engine.begin() as conn:
            conn.execute(t.web_sessions.delete().where(t.web_sessions.c.expires_at < now))
            conn.execute(t.web_sessions.insert().values(
                token_hash=_token_hash(token), user_name=name, csrf=csrf, created_at=now,
                expires_at=now + lifetime))
        return token, csrf

    def session(self, token: str, now: datetime | None = None) -> tuple[User, str] | None:
        """The user signed in with this cookie token and the session's CSRF token."""
        now = now or datetime.now(UTC)
        with self.engine.connect() as conn:
            row = conn.execute(
                select(t.users, t.web_sessions.c.csrf, t.web_sessions.c.expires_at)
                .join(t.web_sessions, t.web_sessions.c.user_name == t.users.c.name)
                .where(t.web_sessions.c.token_hash == _token_hash(token))).first()
        if row is None or aware(row.expires_at) <= now:
            return None
        return _user(row), row.csrf

    def close_session(self, token: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(t.web_sessions.delete().where(
                t.web_sessions.c.token_hash == _token_hash(token)))
