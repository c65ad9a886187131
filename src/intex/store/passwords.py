"""Password hashing: argon2id through argon2-cffi, the one seam to it."""

from __future__ import annotations

import secrets
from functools import lru_cache


@lru_cache(maxsize=1)
def _hasher():  # noqa: ANN202
    from argon2 import PasswordHasher

    return PasswordHasher()


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    # verified against for unknown names, so that they cost the same time as known ones
    return str(_hasher().hash(secrets.token_urlsafe(16)))


def hash_password(password: str) -> str:
    return str(_hasher().hash(password))


def verify_password(stored: str | None, password: str) -> bool:
    """Whether ``password`` matches ``stored``; as slow when there is nothing stored."""
    from argon2.exceptions import VerificationError

    try:
        _hasher().verify(stored or _dummy_hash(), password)
    except (VerificationError, ValueError):
        return False
    return stored is not None
