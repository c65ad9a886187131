"""Accounts in the database, on SQLite and PostgreSQL: failed sign-ins counted by every
process together, the audit log read within a clearance, and TLP:RED recipients kept
through the migration that made RED an admin's explicit choice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from importlib import resources

import pytest
from sqlalchemy import text as sql

from intex import service
from intex.errors import ConfigError, PermissionDenied
from intex.model import TLP, Marking, Role, User
from intex.model.audit import AuditEntry
from intex.store import open_store

PASSWORD = "a long enough password"
T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


def test_two_processes_throttle_sign_ins_together(db_url):
    # two stores, two engines and pools: what two `intex serve` workers hold
    one, two = open_store(db_url), open_store(db_url)
    one.users.add(User("rea"), PASSWORD)
    clock = Clock()
    policy = service.LoginPolicy(failures=5, window=timedelta(minutes=15), clock=clock)
    for i in range(5):
        store = (one, two)[i % 2]
        clock.now += timedelta(seconds=10)
        assert service.sign_in(store, "rea", "wrong", address="10.0.0.9",
                               policy=policy).user is None
    for store in (one, two):  # each sees all five, whichever counted them
        paused = service.sign_in(store, "rea", PASSWORD, address="10.0.0.9", policy=policy)
        assert paused.user is None and 0 < paused.wait <= 15 * 60
    # another address, or the same name in other letters from another address, goes on
    assert service.sign_in(two, "REA", "wrong", address="10.0.0.8", policy=policy).wait == 0
    assert service.sign_in(one, "rea", PASSWORD, address="10.0.0.7", policy=policy).user
    clock.now += timedelta(minutes=15)
    assert service.sign_in(two, "rea", PASSWORD, address="10.0.0.9", policy=policy).user \
        == User("rea")
    # a success forgets the failures; old failures of anyone are swept on the next one
    assert one.login_failures.recent("rea", "10.0.0.9", since=T0) == (0, None)
    clock.now += timedelta(hours=1)
    service.sign_in(one, "zed", "wrong", address="10.0.0.1", policy=policy)
    with one.engine.connect() as conn:
        assert conn.execute(sql("select count(*) from login_failures")).scalar() == 1
    actions = [e.action for e in one.audit.entries(limit=100)[1]]
    assert actions.count("login.failed") == 7 and actions.count("login.paused") == 2
    assert actions.count("login.ok") == 2
    one.close()
    two.close()


def test_the_audit_log_hides_what_an_admin_may_not_see(db_url):
    store = open_store(db_url)
    at = T0
    for action, subject, marking in (
            ("login.ok", "ana", None),
            ("claim.reviewed", "claim--green", Marking(TLP.GREEN)),
            ("claim.reviewed", "claim--amber-kor", Marking(TLP.AMBER, ("KOR",))),
            ("claim.reviewed", "claim--red", Marking(TLP.RED)),
            ("export.stix", "subject=drones", None)):
        at += timedelta(minutes=1)
        store.audit.record(AuditEntry(at, action, "ana", subject, None, "127.0.0.1", marking))

    def seen(user: User, **kw: str) -> tuple[int, list[str | None]]:
        got = service.audit_log(store, user, **kw)
        return got.total, [e.subject for e in got.entries]

    green = User("adm", Role.ADMIN, TLP.GREEN)
    assert seen(green) == (3, ["subject=drones", "claim--green", "ana"])
    kor = User("adm", Role.ADMIN, TLP.AMBER, ("KOR",))
    assert seen(kor, action="claim") == (2, ["claim--amber-kor", "claim--green"])
    red = User("adm", Role.ADMIN, TLP.AMBER_STRICT, ("KOR",), red=True)
    assert seen(red)[0] == 5 and seen(red, actor="bob") == (0, [])
    got = service.audit_log(store, red, action="claim.reviewed").entries[0]
    assert got.marking == Marking(TLP.RED) and got.at == T0 + timedelta(minutes=4)
    assert got.described == "reviewed a claim"
    with pytest.raises(PermissionDenied):
        service.audit_log(store, User("ana", Role.ANALYST, TLP.RED))
    store.close()


def test_users_cleared_for_red_stay_named_recipients_through_the_migration(db_url):
    from alembic import command
    from alembic.config import Config

    store = open_store(db_url)
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("intex.store") / "migrations"))
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0011")
    with store.engine.begin() as conn:
        for name, clearance in (("old", "RED"), ("amb", "AMBER")):
            conn.execute(sql("insert into users (name, role, clearance, password_hash, "
                             "created_at) values (:n, 'reader', :c, 'x', :t)"),
                         {"n": name, "c": clearance, "t": T0})
    store.close()
    store = open_store(db_url)  # migrates to head
    assert store.users.get("old") == User("old", Role.READER, TLP.AMBER_STRICT, red=True)
    assert store.users.get("amb") == User("amb", Role.READER, TLP.AMBER)
    assert store.users.get("old").may_see(Marking(TLP.RED))
    assert not store.users.get("amb").may_see(Marking(TLP.RED))
    store.close()


def test_account_changes_and_passwords(db_url):
    store = open_store(db_url)
    service.add_user(store, User("ana", Role.ANALYST, TLP.AMBER), PASSWORD, by="root")
    token, _ = store.users.open_session("ana", lifetime=timedelta(hours=1))
    other, _ = store.users.open_session("ana", lifetime=timedelta(hours=1))
    was = service.change_user(store, User("ana", Role.ADMIN, TLP.AMBER_STRICT, red=True),
                              by="root", address="10.1.1.1")
    assert was == User("ana", Role.ANALYST, TLP.AMBER)
    assert store.users.get("ana").red
    with pytest.raises(ConfigError, match="no clearance"):
        service.change_user(store, User("ana", Role.ADMIN, TLP.RED))
    with pytest.raises(PermissionDenied, match="not right"):
        service.change_password(store, "ana", "wrong", "another long password",
                                address="10.1.1.1", keep_session=token)
    service.change_password(store, "ana", PASSWORD, "another long password",
                            address="10.1.1.1", keep_session=token)
    assert store.users.session(token) is not None and store.users.session(other) is None
    assert store.users.login("ana", "another long password") is not None
    assert store.users.login("ana", PASSWORD) is None
    entries = store.audit.entries(limit=10)[1]
    assert [e.action for e in entries][::-1] == [
        "user.added", "user.changed", "password.refused", "password.changed"]
    changed = entries[2]
    assert changed.actor == "root" and changed.address == "10.1.1.1"
    assert changed.detail == ("analyst, TLP:AMBER → admin, TLP:AMBER+STRICT, "
                              "RED recipient")
    store.close()
