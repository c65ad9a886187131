"""Stable identifiers.

Ids are derived from content, never from a counter or a clock, so that the same
report ingested twice, on two machines, gets the same ids (they become STIX ids
later: UUIDv5 under one intex namespace).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import uuid

NAMESPACE = uuid.UUID("6f3b0f9e-5c1a-5bd4-9a34-1f7e2c9d4b10")


def content_hash(text: str) -> str:
    """SHA-256 of a text with white space folded: the same article, however wrapped."""
    folded = " ".join(text.split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def uuid5(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "\x1f".join(parts)))


def slug(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


def entity_id(type_: str, name: str) -> str:
    return f"{type_.lower()}:{slug(name)}"


def report_id(key: str) -> str:
    """``key`` is the report's canonical URL when it has one, else its content hash."""
    return f"report--{uuid5('report', key)}"


def claim_id(report: str, start: int, end: int, value: float, value_max: float | None,
             occurrence: int = 0) -> str:
    """A claim is its report, its sentence and its figure (the n-th time that figure
    appears in that sentence): what an extractor reads around it (status, unit,
    sources) may change between versions without the claim, and its review, moving."""
    key = uuid5("claim", report, str(start), str(end), repr(float(value)),
                repr(None if value_max is None else float(value_max)), str(occurrence))
    return f"claim--{key}"
