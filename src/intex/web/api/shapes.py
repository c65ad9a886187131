"""How the API writes intex's objects as JSON (one place, so every endpoint agrees)."""

from __future__ import annotations

from typing import Any

from fastapi import Request

from intex.errors import ConfigError
from intex.model import Entity
from intex.model.estimate import Estimate, Sighting
from intex.service import ClaimRow
from intex.web import filters


def claim_json(row: ClaimRow) -> dict[str, Any]:
    out = row.claim.to_json()
    out.update({"id": row.claim.id, "report": row.report_id, "report_title": row.title,
                "published": row.published.isoformat() if row.published else None,
                "review": row.review, "repeated_by": row.repeats, "grades": row.grades,
                "marking": row.marking.label(), "language": row.language})
    return out


def entity_ref(entity: Entity) -> dict[str, Any]:
    return {"id": entity.id, "name": entity.name, "type": entity.type}


def estimate_json(e: Estimate) -> dict[str, Any]:
    c = e.claim
    return {"claim": c.id, "report": e.report_id, "report_title": e.title,
            "when": e.when.isoformat(), "when_text": e.when_text, "kind": e.kind,
            "value": c.value, "value_max": c.value_max, "approx": c.approx,
            "value_text": e.value_text, "unit": c.unit, "subject": c.subject,
            "status": c.status, "source": e.source, "chain": e.chain,
            "marking": e.marking.label(), "repeated_by": e.repeats, "review": e.review,
            "evidence": c.evidence.text}


def sighting_json(s: Sighting) -> dict[str, Any]:
    c = s.claim
    return {"claim": c.id, "report": s.report_id, "report_title": s.title,
            "date": c.date, "value": c.value, "value_max": c.value_max, "status": c.status,
            "marking": s.marking.label(), "review": s.review}


def ledger_filters(request: Request, *, own: tuple[str, ...] = ("page", "per")
                   ) -> filters.LedgerQuery:
    """The ledger filters of the query string (``own`` are the endpoint's own keys)."""
    q = filters.read({k: v for k, v in request.query_params.items() if k not in own})
    if q.errors:
        raise ConfigError(" ".join(q.errors))
    return q
