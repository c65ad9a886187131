"""The estimate timeline: every estimate of a subject over time, drawn by Vega-Lite."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from intex import service
from intex.model.estimate import Sighting, place_in_time
from intex.web import timeline as chart
from intex.web.render import Templates
from intex.web.sessions import viewer


def report_url(report_id: str) -> str:
    return f"/reports/{report_id}"


def script_json(data: Any) -> str:
    """JSON to put inside <script type="application/json">: nothing in it can end the
    element or open a comment, whatever the reports say."""
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(
        ">", "\\u003e").replace("&", "\\u0026")


def _ask(request: Request) -> tuple[str, str | None]:
    subject = " ".join(request.query_params.get("subject", "").split())[:200]
    status = request.query_params.get("status", "").strip()[:40] or None
    return subject, status


def _undated(s: Sighting) -> str:
    return place_in_time(s.claim.date, s.published)[1]


def routes(templates: Templates) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/timeline")
    def timeline(request: Request) -> Response:
        who = viewer(request)
        store = request.app.state.store
        subject, status = _ask(request)
        if not subject:
            return templates.page(request, "timeline.html", {
                "subject": "", "tl": None,
                "common": service.common_subjects(store, user=who.user)})
        tl = service.timeline(store, subject, user=who.user, status=status)
        spec = chart.spec(tl, report_url)
        return templates.page(request, "timeline.html", {
            "subject": subject, "tl": tl, "spec_json": script_json(spec),
            "undated_when": _undated, "filename": "timeline-" + "-".join(
                w for w in "".join(ch if ch.isalnum() else " " for ch in subject.lower())
                .split())[:60]})

    return router
