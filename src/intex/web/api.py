"""The JSON API under /api: the same use cases as the pages, for scripts.

Every error, whatever raised it, has one shape (pinned by tests/web/test_api.py):

    {"error": {"status": 404, "code": "not_found", "message": "claim--…: no such claim"}}

Sign in through /login (the session cookie); requests that change anything also send
the session's CSRF token in the ``X-CSRF-Token`` header (``GET /api/session`` gives it).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field
from starlette.responses import JSONResponse

from intex import service
from intex.errors import ConfigError
from intex.model import ReviewState, Role
from intex.service import ClaimRow
from intex.web import filters
from intex.web.sessions import changing, viewer


def error_response(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "code": code, "message": message}},
                        status_code=status)


def claim_json(row: ClaimRow) -> dict[str, Any]:
    out = row.claim.to_json()
    out.update({"id": row.claim.id, "report": row.report_id, "report_title": row.title,
                "published": row.published.isoformat() if row.published else None,
                "review": row.review, "repeated_by": row.repeats, "grades": row.grades,
                "marking": row.marking.label(), "language": row.language})
    return out


class ReviewBody(BaseModel):
    action: Literal["accept", "reject", "correct"]
    value: float | None = None
    value_max: float | None = None
    status: str | None = None
    date: str | None = Field(default=None, pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?|\d{2}-\d{2})$")
    location: str | None = None
    sources: list[str] | None = None
    note: str | None = None


ACTIONS = {"accept": ReviewState.ACCEPTED, "reject": ReviewState.REJECTED,
           "correct": ReviewState.CORRECTED}


def _filters(request: Request) -> filters.LedgerQuery:
    """The ledger filters of the query string (paging is the API's own: page, per)."""
    q = filters.read({k: v for k, v in request.query_params.items()
                      if k not in ("page", "per")})
    if q.errors:
        raise ConfigError(" ".join(q.errors))
    return q


def routes() -> APIRouter:
    router = APIRouter(tags=["ledger"])

    @router.get("/session", summary="Who is signed in, and the CSRF token to send back")
    def session(request: Request) -> dict[str, Any]:
        who = viewer(request)
        return {"user": who.user.name, "role": who.user.role.value,
                "clearance": who.user.clearance.label, "countries": list(who.user.countries),
                "csrf": who.csrf}

    @router.get("/claims", summary="The ledger, filtered, sorted and paged")
    def claims(request: Request, page: int = Query(1, ge=1),
               per: int = Query(50, ge=1, le=500)) -> dict[str, Any]:
        who = viewer(request)
        q = _filters(request)
        got = service.ledger_page(request.app.state.store, q.claim_filter, user=who.user,
                                  sort=q.sort, descending=q.descending,
                                  offset=(page - 1) * per, limit=per)
        return {"total": got.total, "offset": got.offset, "limit": got.limit,
                "claims": [claim_json(r) for r in got.rows]}

    @router.get("/claims/{claim_id}", summary="One claim with its review")
    def claim(request: Request, claim_id: str) -> dict[str, Any]:
        got = service.claim_view(request.app.state.store, viewer(request).user, claim_id)
        out = claim_json(got.row)
        if got.review is not None:
            out["reviewed"] = {"state": got.review.state.value, "by": got.review.reviewer,
                               "at": got.review.at.isoformat() if got.review.at else None,
                               "note": got.review.note}
        return out

    @router.post("/claims/{claim_id}/review", summary="Accept, reject or correct a claim")
    async def review(request: Request, claim_id: str, body: ReviewBody) -> dict[str, Any]:
        who = await changing(request, Role.ANALYST)
        corrections: dict[str, object] = {
            k: v for k, v in body.model_dump().items()
            if k in ("value", "value_max", "status", "date", "location", "sources")
            and v not in (None, [])}
        service.review_claim(request.app.state.store, who.user, claim_id,
                             ACTIONS[body.action], corrections=corrections or None,
                             note=body.note)
        return claim(request, claim_id)

    @router.get("/reports/{report_id}", summary="A report's text, metadata and claims")
    def report(request: Request, report_id: str) -> dict[str, Any]:
        got = service.report_view(request.app.state.store, viewer(request).user, report_id)
        d = got.document
        return {"id": d.id, **d.to_json(), "marking": d.marking.label(), "text": d.text,
                "claims": [claim_json(r) for r in got.claims],
                "near_duplicates": [{"id": o.id, "title": o.title, "similarity": s}
                                    for o, s in got.near]}

    @router.get("/search", summary="Reports (full text) and entities")
    def search(request: Request, q: str = Query("", max_length=500)) -> dict[str, Any]:
        got = service.find(request.app.state.store, viewer(request).user, q)
        return {"reports": [{"id": i, "title": t, "snippet": s} for i, t, s in got.reports],
                "entities": [{"id": i, "name": n, "type": ty, "mentions": m, "reports": r}
                             for i, n, ty, m, r in got.entities]}

    @router.get("/export", summary="The ledger (or a filtered part) as a STIX 2.1 bundle")
    def export(request: Request) -> JSONResponse:
        who = viewer(request)
        q = _filters(request)

        bundle = service.export_for_user(request.app.state.store, who.user,
                                    replace(q.claim_filter, fold=False))
        return JSONResponse(bundle, media_type="application/stix+json;version=2.1")

    return router
