"""The analyst's pictures as data: the estimate timeline of a subject and the brief."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from intex import service
from intex.web import timeline as chart
from intex.web.api.models import BriefOut, TimelineOut
from intex.web.api.shapes import estimate_json, sighting_json
from intex.web.brief import WHAT, highest
from intex.web.sessions import viewer


def _report_url(report_id: str) -> str:
    return f"/reports/{report_id}"


def routes() -> APIRouter:
    router = APIRouter(tags=["analysis"])

    @router.get("/timeline", summary="Every estimate of a subject over time",
                response_model=TimelineOut)
    def timeline(request: Request, subject: str = Query(min_length=1, max_length=200),
                 status: str | None = Query(None, max_length=40)) -> dict[str, Any]:
        """One estimate per origin (echoes counted in ``repeated_by``), earliest first;
        estimates with no date apart; and the Vega-Lite spec the page draws."""
        who = viewer(request)
        subject = " ".join(subject.split())
        tl = service.timeline(request.app.state.store, subject, user=who.user,
                              status=status or None)
        return {"subject": subject, "status": status, "statuses": dict(tl.statuses),
                "estimates": [estimate_json(e) for e in tl.estimates],
                "undated": [sighting_json(s) for s in tl.undated],
                "spec": chart.spec(tl, _report_url)}

    @router.get("/brief", summary="New and changed estimates per subject since a day",
                response_model=BriefOut)
    def brief(request: Request, since: Annotated[date | None, Query(
                  description="YYYY-MM-DD; without it, four weeks up to the latest "
                              "estimate you may see")] = None,
              subject: str | None = Query(None, max_length=200)) -> dict[str, Any]:
        who = viewer(request)
        b = service.brief(request.app.state.store, since, user=who.user,
                          subject=" ".join(subject.split()) if subject else None)
        return {"since": b.since.isoformat(), "made": b.made.isoformat(),
                "subject": b.subject, "highest_marking": highest(b),
                "sections": [{"subject": s.subject, "changes": [
                    {"what": c.what, "described": WHAT[c.what],
                     "estimate": estimate_json(c.estimate),
                     "previous": estimate_json(c.previous) if c.previous else None}
                    for c in s.changes]} for s in b.sections]}

    return router
