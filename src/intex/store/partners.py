"""Partners and their credentials. Secrets are stored hashed: argon2id for passwords
(``passwords``), SHA-256 for API keys (random, 256-bit: nothing to brute-force)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, select

from intex.errors import NotFound, StoreError
from intex.model import TLP, Partner
from intex.store import schema as t
from intex.store.passwords import hash_password, verify_password
from intex.store.upsert import insert_missing
from intex.store.utc import aware


@dataclass(frozen=True)
class SyncState:
    """Where intex stands with one partner collection: when it last synced, what came of it."""

    collection: str
    at: datetime
    result: str | None
    added_after: str  # "" until a sync got anything


@dataclass(frozen=True)
class Credentials:
    """What a new partner is told once: its user name, password and API key."""

    name: str
    password: str
    api_key: str


def _key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def _partner(row) -> Partner:  # noqa: ANN001
    return Partner(name=row.name, max_tlp=TLP[row.max_tlp],
                   countries=tuple(c for c in (row.countries or "").split(",") if c),
                   can_write=row.can_write, own=row.own, url=row.url,
                   collection=row.collection, revoked=row.revoked_at is not None,
                   push=bool(row.push))


#: how long a password verified by argon2 is taken again without it (a sync asks for a
#: page a second with HTTP Basic: argon2 on each would cost more than the pages)
REMEMBER_SECONDS = 300.0


class Partners:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        # keyed digests of (name, stored hash, password) verified lately -> until when;
        # the key lives in this process only, so the digests say nothing outside it
        self._key = secrets.token_bytes(32)
        self._verified: dict[bytes, float] = {}

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
            if not insert_missing(conn, t.partners, ["name"], [dict(
                    name=partner.name, max_tlp=partner.max_tlp.name,
                    countries=",".join(partner.countries) or None, can_write=partner.can_write,
                    own=partner.own, password_hash=hash_password(password),
                    key_hash=_key_hash(key), url=partner.url, collection=partner.collection,
                    remote_user=remote_user, remote_secret=remote_secret, push=partner.push,
                    created_at=now or datetime.now(UTC))]):
                raise StoreError("a partner of that name exists (revoke it first)",
                                 subject=partner.name)
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

    def change(self, partner: Partner) -> Partner:
        """Give a partner a new agreement (level, countries, writes, own node); its
        credentials stay. The agreement it had is returned. A revoked partner stays
        revoked: it is registered again under another name."""
        with self.engine.begin() as conn:
            row = conn.execute(select(t.partners).where(
                t.partners.c.name == partner.name)).first()
            if row is None:
                raise NotFound("no such partner", subject=partner.name)
            if row.revoked_at is not None:
                raise StoreError("a revoked partner's agreement cannot change",
                                 subject=partner.name)
            conn.execute(t.partners.update().where(t.partners.c.name == partner.name).values(
                max_tlp=partner.max_tlp.name, countries=",".join(partner.countries) or None,
                can_write=partner.can_write, own=partner.own))
        return _partner(row)

    def revoke(self, name: str, now: datetime | None = None) -> None:
        with self.engine.begin() as conn:
            done = conn.execute(t.partners.update().where(t.partners.c.name == name).values(
                revoked_at=now or datetime.now(UTC), password_hash=None, key_hash=None))
        if not done.rowcount:
            raise NotFound("no such partner", subject=name)

    def login(self, name: str, password: str) -> Partner | None:
        """The partner these credentials belong to, or None; as slow for unknown names."""
        with self.engine.connect() as conn:
            row = conn.execute(select(t.partners).where(t.partners.c.name == name)).first()
        stored = row.password_hash if row is not None and row.revoked_at is None else None
        if stored is None:
            verify_password(None, password)  # as slow as a known name
            return None
        # the row is read every time: a revoked partner or a changed password (another
        # stored hash) is never let in on an earlier verification
        digest = hmac.digest(self._key, "\0".join((name, stored, password)).encode(),
                             "sha256")
        now = time.monotonic()
        if self._verified.get(digest, 0.0) > now:
            return _partner(row)
        if not verify_password(stored, password):
            return None
        if len(self._verified) >= 1000:
            self._verified = {d: until for d, until in self._verified.items() if until > now}
        if len(self._verified) < 1000:
            self._verified[digest] = now + REMEMBER_SECONDS
        return _partner(row)

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

    def record_result(self, partner: str, collection: str, result: str,
                      now: datetime | None = None) -> None:
        """Note what a sync came to (an error, say) without moving its cursor."""
        sc = t.sync_cursors
        with self.engine.begin() as conn:
            done = conn.execute(sc.update().where(sc.c.partner == partner,
                                                  sc.c.collection == collection)
                                .values(updated_at=now or datetime.now(UTC),
                                        last_result=result))
            if not done.rowcount:
                conn.execute(sc.insert().values(partner=partner, collection=collection,
                                                added_after="", last_result=result,
                                                updated_at=now or datetime.now(UTC)))

    def syncs(self, partner: str) -> list[SyncState]:
        sc = t.sync_cursors
        with self.engine.connect() as conn:
            rows = conn.execute(select(sc).where(sc.c.partner == partner)
                                .order_by(sc.c.collection))
            return [SyncState(r.collection, aware(r.updated_at), r.last_result,
                              r.added_after)
                    for r in rows]
