"""The query parameters of TAXII 2.1 §3.4: ``added_after``, ``limit``, ``next`` and the
``match[...]`` filters, read strictly (anything malformed is a 400, never a guess)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from starlette.datastructures import QueryParams

from intex.taxii.errors import TaxiiError

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000

_TIMESTAMP = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}--[0-9a-fA-F-]{36}$")
_TYPE = re.compile(r"^[a-z0-9][a-z0-9-]{0,249}$")


def timestamp(text: str) -> datetime:
    """An RFC 3339 / STIX timestamp as an aware datetime (nanoseconds cut to micro)."""
    if not _TIMESTAMP.match(text):
        raise ValueError(text)
    text = text.replace("Z", "+00:00")
    head, dot, rest = text.partition(".")
    if dot:
        digits = re.match(r"\d+", rest)
        assert digits is not None
        frac = digits.group()
        text = f"{head}.{(frac + '000000')[:6]}{rest[len(frac):]}"
    return datetime.fromisoformat(text).astimezone(UTC)


def version_of(text: str) -> datetime | None:
    try:
        return timestamp(text)
    except ValueError:
        return None


def stamp(at: datetime) -> str:
    """A TAXII timestamp, microseconds, UTC."""
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True)
class Params:
    added_after: datetime | None = None
    limit: int = DEFAULT_LIMIT
    next: str | None = None
    ids: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    versions: tuple[str, ...] = ("last",)  # "last", "first", "all" or timestamps
    spec_versions: tuple[str, ...] = ()


def _one(q: QueryParams, name: str) -> str | None:
    values = q.getlist(name)
    if len(values) > 1:
        raise TaxiiError(400, "Bad parameter", f"{name} is given more than once.")
    return values[0] if values else None


def _list(q: QueryParams, name: str, pattern: re.Pattern[str] | None = None) -> tuple[str, ...]:
    raw = _one(q, name)
    if raw is None:
        return ()
    items = tuple(v.strip() for v in raw.split(","))
    if len(items) > 100 or not all(items) or \
            (pattern is not None and not all(pattern.match(v) for v in items)):
        raise TaxiiError(400, "Bad parameter", f"{name} is not a comma-separated list of "
                         "valid values (at most 100).")
    return items


def parse(q: QueryParams, *, max_limit: int = MAX_LIMIT) -> Params:
    added_after = None
    if (raw := _one(q, "added_after")) is not None:
        try:
            added_after = timestamp(raw)
        except ValueError:
            raise TaxiiError(400, "Bad parameter",
                             "added_after is not a timestamp (e.g. 2026-01-01T00:00:00Z).",
                             ) from None
    limit = min(DEFAULT_LIMIT, max_limit)
    if (raw := _one(q, "limit")) is not None:
        # the OpenAPI description says 1 to 10**17 (more is clamped, absurd is refused)
        if not raw.isdigit() or len(raw) > 18 or not 1 <= int(raw) <= 10**17:
            raise TaxiiError(400, "Bad parameter", "limit is a positive integer.")
        limit = min(int(raw), max_limit)  # more than the server gives: the server's most
    versions = _list(q, "match[version]") or ("last",)
    for v in versions:
        if v not in ("last", "first", "all") and version_of(v) is None:
            raise TaxiiError(400, "Bad parameter",
                             "match[version] takes last, first, all or timestamps.")
    spec = _list(q, "match[spec_version]", re.compile(r"^\d\.\d$"))
    return Params(added_after=added_after, limit=limit, next=_one(q, "next"),
                  ids=_list(q, "match[id]", _ID), types=_list(q, "match[type]", _TYPE),
                  versions=versions, spec_versions=spec)
