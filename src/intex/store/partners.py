"""Partners and their credentials. Secrets are stored hashed: argon2id for passwords (the
one seam to argon2-cffi), SHA-256 for API keys (random, 256-bit: nothing to brute-force)."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache

from sqlalchemy import Engine, select

from intex.errors import NotFound, StoreError
from intex.model import TLP, Partner
from intex.store import schema as t


@dataclass(frozen=True)
class Credentials:
    """What a new partner is told once: its user name, password and API key."""

    name: str
    password: str
    api_key: str


@lru_cache(maxsize=1)
def _hasher():  # noqa: ANN202
    from argon2 import PasswordHasher

    return PasswordHasher()


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    # verified against for unknown names, so that they cost the same time as known ones
    return str(_hasher().hash(secrets.token_urlsafe(16)))


def _key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def _partner(row) -> Partner:  # noqa: ANN001
    return Partner(name=row.name, max_tlp=TLP[row.max_tlp],
                   countries=tuple(c for c in (row.countries or "").split(",") if c),
                   can_write=row.can_write, own=row.own, url=row.url,
                   collection=row.collection, revoked=row.revoked_at is not None,
                   push=bool(row.push))


class Partners:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(self, partner: Partner, *, password: str | None = None,
            remote_user: str | None = None, remote_secret: str | None = None,
            now: datetime | None = None) -> Credentials:
        """Register a partner; its password (given or made) and API key are returned once."""
        if not partner.name or len(partner.name) > 100 or ":" in partner.name:
            raise StoreError("a partner name is 1-100 characters without ':'",
                             subject=partner.name)
        password = password or secrets.token_urlsafe(18)
        if len(password) < 12:
            raise StoreError("a partner password has at least 12 characters",
                             subject=partner.name)
        key = "ix_" + secrets.token_urlsafe(32)
        with self.engine.begin() as conn:
            if conn.execute(select(t.partners.c.name).where(
                    t.partners.c.name == partner.name)).first():
                raise StoreError("a partner of that name exists (revoke it first)",
                                 subject=partner.name)
            conn.execute(t.partners.insert().values(
                name=partner.name, max_tlp=partner.max_tlp.name,
                countries=",".join(partner.countries) or None, can_write=partner.can_write,
                own=partner.own, password_hash=_hasher().hash(password),
                key_hash=_key_hash(key), url=partner.url, collection=partner.collection,
                remote_user=remote_user, remote_secret=remote_secret, push=partner.push,
                created_at=now or datetime.now(UTC)))
        return Credentials(partner.name, password, key)

    def all(self) -> list[Partner]:
        with self.engine.connect() as conn:
            return [_partner(r) for r in conn.execute(
                select(t.partners).order_by(t.partners.c.name))]

    def get(self, name: str) -> Partner:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.partners).where(t.partners.c.name == name)).first()
        if row is None:
            raise NotFound("no such partner", subject=name)
        return _partner(row)

    def revoke(self, name: str, now: datetime | None = None) -> None:
        with self.engine.begin() as conn:
            done = conn.execute(t.partners.update().where(t.partners.c.name == name).values(
                revoked_at=now or datetime.now(UTC), password_hash=None, key_hash=None))
        if not done.rowcount:
            raise NotFound("no such partner", subject=name)

    def login(self, name: str, password: str) -> Partner | None:
        """The partner these credentials belong to, or None; as slow for unknown names."""
        from argon2.exceptions import VerificationError

        with self.engine.connect() as conn:
            row = conn.execute(select(t.partners).where(t.partners.c.name == name)).first()
        stored = row.password_hash if row is not None and row.revoked_at is None else None
        try:
            _hasher().verify(stored or _dummy_hash(), password)
        except (VerificationError, ValueError):
            return None
        return _partner(row) if stored else None

    def by_key(self, key: str) -> Partner | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.partners).where(
                t.partners.c.key_hash == _key_hash(key))).first()
        return _partner(row) if row is not None and row.revoked_at is None else None

    def remote(self, name: str) -> tuple[str | None, str | None]:
        """How intex logs in to this partner's server: (user, secret)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(t.partners.c.remote_user, t.partners.c.remote_secret)
                               .where(t.partners.c.name == name)).first()
        if row is None:
            raise NotFound("no such partner", subject=name)
        return row[0], row[1]
