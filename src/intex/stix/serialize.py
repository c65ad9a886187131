"""STIX objects as plain JSON data, and bundles as bytes that do not vary."""

from __future__ import annotations

import json
from typing import Any


def to_dict(obj: Any) -> dict[str, Any]:
    """A stix2 object as the plain dict it serializes to (stix2's types stay in here)."""
    out: dict[str, Any] = json.loads(obj.serialize())
    return out


def dumps(bundle: dict[str, Any], *, indent: int | None = None) -> str:
    """The canonical text of a bundle: sorted keys, UTF-8 kept, the same bytes each time."""
    return json.dumps(bundle, sort_keys=True, ensure_ascii=False, indent=indent,
                      separators=(",", ": ") if indent is not None else (",", ":"))
