"""Who sees what: a user's sight, and their accounts."""

from __future__ import annotations

from intex.errors import ConfigError
from intex.model import Marking, User
from intex.store import Store
from intex.store.sight import Sight


def sees(user: User | None, marking: Marking) -> bool:
    # no user: the ledger's owner at the command line, who sees all of it
    return user is None or user.may_see(marking)


def sight_of(user: User | None) -> Sight | None:
    return None if user is None else sight(user)


def add_user(store: Store, user: User, password: str) -> None:
    """Create a web UI account; its clearance decides what it sees everywhere."""
    try:
        sight(user)
    except ValueError as err:
        raise ConfigError(str(err), subject=user.name) from None
    store.users.add(user, password)


def remove_user(store: Store, name: str) -> None:
    store.users.remove(name)


def sight(user: User) -> Sight:
    """What a user may see, as the store applies it: the model's rule, level by level."""
    return Sight.of(user.may_see, user.countries)
