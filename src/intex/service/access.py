"""Who sees what: a user's sight, their accounts and signing in.

TLP:RED reaches named recipients only: an admin names them (``User.red``), no clearance
implies it, and a clearance stops at AMBER+STRICT."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from intex.errors import ConfigError, PermissionDenied
from intex.model import TLP, Marking, User
from intex.store import Store
from intex.store.sight import Sight


def sees(user: User | None, marking: Marking) -> bool:
    # no user: the ledger's owner at the command line, who sees all of it
    return user is None or user.may_see(marking)


def sight_of(user: User | None) -> Sight | None:
    return None if user is None else sight(user)


def _check(user: User) -> None:
    try:
        sight(user)
    except ValueError as err:
        raise ConfigError(str(err), subject=user.name) from None
    if user.clearance is TLP.RED:
        raise ConfigError("TLP:RED is no clearance: it goes to named recipients only; clear "
                          "the user for AMBER+STRICT and name them a RED recipient",
                          subject=user.name)
    if user.red and user.clearance < TLP.AMBER_STRICT:
        raise ConfigError("a TLP:RED recipient is someone inside the organisation: clear "
                          "them for AMBER+STRICT first", subject=user.name)


def _described(user: User) -> str:
    return (f"{user.role.value}, {user.clearance_label}"
            + (f", countries {', '.join(user.countries)}" if user.countries else ""))


def add_user(store: Store, user: User, password: str, *, by: str | None = None,
             address: str | None = None) -> None:
    """Create a web UI account; its clearance decides what it sees everywhere. ``by`` is
    the admin doing it (None: the command line), for the audit log."""
    from intex.service.audit import record

    _check(user)
    store.users.add(user, password)
    record(store, "user.added", by, subject=user.name, detail=_described(user),
           address=address)


def change_user(store: Store, user: User, *, by: str | None = None,
                address: str | None = None) -> User:
    """Set an account's role, clearance, countries and whether it is a RED recipient;
    returns the account as it was."""
    from intex.service.audit import record

    _check(user)
    was = store.users.change(user)
    record(store, "user.changed", by, subject=user.name,
           detail=f"{_described(was)} → {_described(user)}", address=address)
    return was


def remove_user(store: Store, name: str, *, by: str | None = None,
                address: str | None = None) -> None:
    from intex.service.audit import record

    store.users.remove(name)
    record(store, "user.removed", by, subject=name, address=address)


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class LoginPolicy:
    """How many failed sign-ins (per user name and address, counted in the database by
    every server process together) pause that pair, and for how long."""

    failures: int = 5
    window: timedelta = timedelta(minutes=15)
    clock: Callable[[], datetime] = field(default=_now)


@dataclass(frozen=True)
class SignIn:
    user: User | None  # None: refused
    wait: float = 0.0  # seconds before this name may try again from this address


def _paused(store: Store, name: str, address: str, policy: LoginPolicy,
            now: datetime) -> float:
    count, oldest = store.login_failures.recent(name, address, since=now - policy.window)
    if count < policy.failures or oldest is None:
        return 0.0
    return max(1.0, (policy.window - (now - oldest)).total_seconds())


def sign_in(store: Store, name: str, password: str, *, address: str,
            policy: LoginPolicy | None = None) -> SignIn:
    """Check a user's password, unless failures for this name and address pause it;
    every outcome goes to the audit log."""
    from intex.service.audit import record

    policy = policy or LoginPolicy()
    now = policy.clock()
    wait = _paused(store, name, address, policy, now)
    if wait:
        record(store, "login.paused", None, subject=name, address=address, at=now)
        return SignIn(None, wait)
    user = store.users.login(name, password)
    if user is None:
        store.login_failures.failed(name, address, at=now, keep=policy.window)
        record(store, "login.failed", None, subject=name, address=address, at=now)
        return SignIn(None)
    store.login_failures.clear(name, address)
    record(store, "login.ok", user.name, subject=user.name, address=address, at=now)
    return SignIn(user)


def change_password(store: Store, name: str, current: str, new: str, *, address: str,
                    keep_session: str | None = None,
                    policy: LoginPolicy | None = None) -> None:
    """A signed-in user's new password, given the current one (a wrong one counts as a
    failed sign-in); the user's other sessions end."""
    from intex.service.audit import record

    policy = policy or LoginPolicy()
    now = policy.clock()
    if _paused(store, name, address, policy, now):
        record(store, "password.refused", name, subject=name, address=address, at=now,
               detail="too many failed attempts")
        raise PermissionDenied("too many failed attempts: try again later", subject=name)
    if store.users.login(name, current) is None:
        store.login_failures.failed(name, address, at=now, keep=policy.window)
        record(store, "password.refused", name, subject=name, address=address, at=now,
               detail="wrong current password")
        raise PermissionDenied("the current password is not right", subject=name)
    store.users.set_password(name, new, keep_session=keep_session)
    record(store, "password.changed", name, subject=name, address=address, at=now)


def sight(user: User) -> Sight:
    """What a user may see, as the store applies it: the model's rule, level by level."""
    return Sight.of(user.may_see, user.countries)
