"""JSON text in and out of the object store, behind one seam: orjson (several times the
standard library's speed on the TAXII read path, where every served object is parsed to
check its markings and references)."""

from __future__ import annotations

from typing import Any

import orjson


def loads(text: str | bytes) -> Any:
    return orjson.loads(text)


def dumps(value: Any) -> str:
    """Compact JSON with sorted keys, non-ASCII kept as is (as ``keep_stix`` writes)."""
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode("utf-8")
