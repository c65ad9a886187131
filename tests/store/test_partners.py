"""Partners on real SQLite and PostgreSQL ledgers: secrets hashed, logins, keys, revocation."""

import pytest
from sqlalchemy import text

from intex.errors import StoreError
from intex.model import TLP, Partner
from intex.store import open_store


def test_credentials_work_once_stored_only_hashed(db_url):
    store = open_store(db_url)
    creds = store.partners.add(Partner("seoul", TLP.AMBER, ("KOR",)),
                               password="correct horse battery")
    assert creds.password == "correct horse battery" and creds.api_key.startswith("ix_")
    with store.engine.connect() as conn:
        raw = conn.execute(text("select password_hash, key_hash from partners")).one()
    assert "correct horse" not in raw[0] and raw[0].startswith("$argon2")
    assert creds.api_key not in raw[1]
    seoul = store.partner_login("seoul", "correct horse battery")
    assert seoul is not None and seoul.max_tlp is TLP.AMBER and seoul.countries == ("KOR",)
    assert store.partner_login("seoul", "wrong password here") is None
    assert store.partner_login("nobody", "correct horse battery") is None
    assert store.partner_by_key(creds.api_key).name == "seoul"
    assert store.partner_by_key("ix_guess") is None


def test_revoked_partners_cannot_log_in(db_url):
    store = open_store(db_url)
    creds = store.partners.add(Partner("ngo", TLP.GREEN), password="a long enough secret")
    store.partners.revoke("ngo")
    assert store.partner_login("ngo", "a long enough secret") is None
    assert store.partner_by_key(creds.api_key) is None
    assert store.partners.get("ngo").revoked


def test_bad_partners_are_refused(db_url):
    store = open_store(db_url)
    with pytest.raises(StoreError):
        store.partners.add(Partner("a:b"))
    with pytest.raises(StoreError):
        store.partners.add(Partner("short"), password="tiny")
    store.partners.add(Partner("twice"))
    with pytest.raises(StoreError):
        store.partners.add(Partner("twice"))


def test_a_remembered_login_follows_the_partner_row(db_url):
    """A password verified once is taken again without argon2 for a while (a sync logs in
    on every page), but never past a revocation, a new password or a new agreement."""
    from intex.store.passwords import hash_password

    store = open_store(db_url)
    store.partners.add(Partner("seoul", TLP.AMBER, ("KOR",)), password="correct horse battery")
    store.partners.add(Partner("ngo", TLP.GREEN), password="a long enough secret")
    for _ in range(2):  # the second login is the remembered one
        assert store.partner_login("seoul", "correct horse battery").max_tlp is TLP.AMBER
        assert store.partner_login("ngo", "a long enough secret") is not None
        assert store.partner_login("seoul", "correct horse batteRy") is None
        assert store.partner_login("seoul", "a long enough secret") is None
    with store.engine.begin() as conn:  # a new agreement: the login says it
        conn.execute(text("update partners set max_tlp = 'GREEN' where name = 'seoul'"))
    assert store.partner_login("seoul", "correct horse battery").max_tlp is TLP.GREEN
    with store.engine.begin() as conn:  # a new password: the old one no longer works
        conn.execute(text("update partners set password_hash = :h where name = 'seoul'"),
                     {"h": hash_password("another horse battery")})
    assert store.partner_login("seoul", "correct horse battery") is None
    assert store.partner_login("seoul", "another horse battery") is not None
    store.partners.revoke("ngo")
    assert store.partner_login("ngo", "a long enough secret") is None
