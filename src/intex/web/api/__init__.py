"""The JSON API under /api: the same use cases as the pages, for scripts, described at
/api/openapi.json.

    /api/session                      who is signed in; the CSRF token
    /api/claims, /api/claims/{id}     the ledger; one claim;  POST …/review
    /api/reports/{id}                 a report, its text and claims
    /api/entities, /api/entities/{id} entities; one entity;  POST …/merge, …/split
    /api/search                       reports (full text) and entities
    /api/timeline, /api/brief         estimates over time; new and changed since a day
    /api/export                       STIX 2.1
    /api/audit                        the audit log (admins)

Every answer holds only what the signed-in user may see, exactly as the pages do: what
their clearance hides is "not found" and is never counted. Every error, whatever raised
it, has one shape (pinned by tests/web/test_api.py):

    {"error": {"status": 404, "code": "not_found", "message": "claim--…: no such claim"}}

Sign in through /login (the session cookie); requests that change anything also send
the session's CSRF token in the ``X-CSRF-Token`` header (``GET /api/session`` gives it).

Every success body has a model (``models.py``), so the OpenAPI description documents it
and an answer that strays from it is caught before it goes out (tests/web/test_api_fuzz.py
checks the answers to random requests against the description).
"""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import JSONResponse


def error_response(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "code": code, "message": message}},
                        status_code=status)


def routes() -> APIRouter:
    from intex.web.api import admin, analysis, entities, ledger
    from intex.web.api.models import ERRORS

    router = APIRouter(responses=ERRORS)
    for module in (ledger, entities, analysis, admin):
        router.include_router(module.routes())
    return router
