"""Web UI accounts on a real database, SQLite and PostgreSQL: hashes, logins, sessions."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from intex.errors import NotFound, StoreError
from intex.model import TLP, Role, User
from intex.store import open_store


def test_passwords_are_stored_hashed_and_logins_work(db_url, tmp_path):
    store = open_store(db_url)
    store.users.add(User("ana", Role.ANALYST, TLP.AMBER, ("UKR",)), "correct horse battery")
    with store.engine.connect() as conn:
        raw = conn.execute(text("select password_hash from users")).scalar_one()
    assert raw.startswith("$argon2") and "correct horse" not in raw
    ana = store.users.login("ana", "correct horse battery")
    assert ana == User("ana", Role.ANALYST, TLP.AMBER, ("UKR",))
    assert store.users.login("ana", "wrong horse battery") is None
    assert store.users.login("nobody", "correct horse battery") is None


def test_bad_accounts_are_refused(db_url):
    store = open_store(db_url)
    with pytest.raises(StoreError):
        store.users.add(User("has space"), "long enough password")
    with pytest.raises(StoreError):
        store.users.add(User("shorty"), "tiny")
    store.users.add(User("twice"), "long enough password")
    with pytest.raises(StoreError):
        store.users.add(User("twice"), "long enough password")
    with pytest.raises(NotFound):
        store.users.remove("nobody")


def test_sessions_expire_end_at_logout_and_with_their_user(db_url, tmp_path):
    store = open_store(db_url)
    store.users.add(User("rea"), "long enough password")
    now = datetime(2026, 1, 1, tzinfo=UTC)
    token, csrf = store.users.open_session("rea", lifetime=timedelta(hours=1), now=now)
    assert store.users.session(token, now=now) == (User("rea"), csrf)
    assert store.users.session(token, now=now + timedelta(hours=2)) is None
    assert store.users.session("forged", now=now) is None
    with store.engine.connect() as conn:
        stored = conn.execute(text("select token_hash from web_sessions")).scalar_one()
    assert token not in stored
    store.users.close_session(token)
    assert store.users.session(token, now=now) is None
    token, _ = store.users.open_session("rea", lifetime=timedelta(hours=1), now=now)
    store.users.remove("rea")
    assert store.users.session(token, now=now) is None
