"""The ledger through the API: who is signed in, claims, one claim and its review,
reports, search, and the STIX export."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field
from starlette.responses import JSONResponse

from intex import service
from intex.model import ReviewState, Role
from intex.web.api.models import (
    ERRORS_AS_JSON,
    BundleOut,
    ClaimsOut,
    OneClaimOut,
    ReportOut,
    SearchOut,
    SessionOut,
)
from intex.web.api.shapes import claim_json, ledger_filters
from intex.web.sessions import address, changing, viewer


class ReviewBody(BaseModel):
    """An analyst's word on a claim; ``correct`` gives at least one corrected field."""

    action: Literal["accept", "reject", "correct"]
    value: float | None = Field(default=None, ge=0)
    value_max: float | None = Field(default=None, ge=0)
    status: str | None = Field(default=None, max_length=40)
    date: str | None = Field(default=None, pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?|\d{2}-\d{2})$")
    location: str | None = Field(default=None, max_length=200)
    sources: list[str] | None = Field(default=None, max_length=10)
    note: str | None = Field(default=None, max_length=2000)


class StixResponse(JSONResponse):
    media_type = "application/stix+json;version=2.1"


ACTIONS = {"accept": ReviewState.ACCEPTED, "reject": ReviewState.REJECTED,
           "correct": ReviewState.CORRECTED}


def routes() -> APIRouter:
    router = APIRouter(tags=["ledger"])

    @router.get("/session", summary="Who is signed in, and the CSRF token to send back",
                response_model=SessionOut)
    def session(request: Request) -> dict[str, Any]:
        who = viewer(request)
        return {"user": who.user.name, "role": who.user.role.value,
                "clearance": who.user.clearance.label, "red_recipient": who.user.red,
                "countries": list(who.user.countries), "csrf": who.csrf}

    @router.get("/claims", summary="The ledger, filtered, sorted and paged",
                response_model=ClaimsOut)
    def claims(request: Request, page: int = Query(1, ge=1, le=1_000_000),
               per: int = Query(50, ge=1, le=500),
               after: str | None = Query(None, max_length=2000),
               before: str | None = Query(None, max_length=2000)) -> dict[str, Any]:
        """The ledger page's filters are query parameters too (subject, status, source,
        location, since, until, tlp, review, language, sort, dir, all). Deep in the
        ledger, page by cursor: ``after`` the ``next`` of a page gives the page after
        it, ``before`` its ``previous`` the page before (same filters, sort and dir);
        a walk by ``next`` gives every claim once, claims stored meanwhile included."""
        who = viewer(request)
        q = ledger_filters(request)
        got = service.ledger_page(request.app.state.store, q.claim_filter, user=who.user,
                                  sort=q.sort, descending=q.descending,
                                  offset=(page - 1) * per, limit=per, after=after or None,
                                  before=None if after else before or None)
        # "exact" false: more than "total" claims match (counted only so far past the page)
        return {"total": got.total, "exact": got.exact, "offset": got.offset,
                "limit": got.limit, "next": got.next, "previous": got.previous,
                "claims": [claim_json(r) for r in got.rows]}

    @router.get("/claims/{claim_id}", summary="One claim with its review",
                response_model=OneClaimOut)
    def claim(request: Request, claim_id: str) -> dict[str, Any]:
        got = service.claim_view(request.app.state.store, viewer(request).user, claim_id)
        out = claim_json(got.row)
        if got.review is not None:
            out["reviewed"] = {"state": got.review.state.value, "by": got.review.reviewer,
                               "at": got.review.at.isoformat() if got.review.at else None,
                               "note": got.review.note}
        return out

    @router.post("/claims/{claim_id}/review", summary="Accept, reject or correct a claim",
                 tags=["review"], response_model=OneClaimOut)
    async def review(request: Request, claim_id: str, body: ReviewBody) -> dict[str, Any]:
        """Analysts only, with the session's ``X-CSRF-Token``. Returns the claim as it
        now reads; the review is kept through re-extraction and in exports."""
        who = await changing(request, Role.ANALYST)
        corrections: dict[str, object] = {
            k: v for k, v in body.model_dump().items()
            if k in ("value", "value_max", "status", "date", "location", "sources")
            and v not in (None, [])}
        service.review_claim(request.app.state.store, who.user, claim_id,
                             ACTIONS[body.action], corrections=corrections or None,
                             note=body.note, address=address(request))
        return claim(request, claim_id)

    @router.get("/reports/{report_id}", summary="A report's text, metadata and claims",
                response_model=ReportOut)
    def report(request: Request, report_id: str) -> dict[str, Any]:
        got = service.report_view(request.app.state.store, viewer(request).user, report_id)
        d = got.document
        return {"id": d.id, **d.to_json(), "marking": d.marking.label(), "text": d.text,
                "claims": [claim_json(r) for r in got.claims],
                "mentions": [{"start": s, "end": e, "text": text, "entity": eid,
                              "name": name, "type": kind}
                             for s, e, text, eid, name, kind in got.mentions],
                "near_duplicates": [{"id": o.id, "title": o.title, "similarity": s}
                                    for o, s in got.near]}

    @router.get("/search", summary="Reports (full text) and entities", tags=["search"],
                response_model=SearchOut)
    def search(request: Request, q: str = Query("", max_length=500)) -> dict[str, Any]:
        got = service.find(request.app.state.store, viewer(request).user, q)
        return {"reports": [{"id": i, "title": t, "snippet": s} for i, t, s in got.reports],
                "entities": [{"id": i, "name": n, "type": ty, "mentions": m, "reports": r}
                             for i, n, ty, m, r in got.entities]}

    @router.get("/export", summary="The ledger (or a filtered part) as a STIX 2.1 bundle",
                tags=["export"], response_model=BundleOut, response_class=StixResponse,
                responses=ERRORS_AS_JSON)
    def export(request: Request) -> JSONResponse:
        """Takes the ledger's filters; holds only what you may see. Recorded in the audit
        log (who asked, and the question)."""
        who = viewer(request)
        q = ledger_filters(request)
        bundle = service.export_for_user(
            request.app.state.store, who.user, replace(q.claim_filter, fold=False),
            asked=str(request.url.query)[:400] or None, address=address(request))
        return StixResponse(bundle)

    return router
