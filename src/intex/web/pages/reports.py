"""A report with its evidence highlighted beside its claims; a claim and its review."""

from __future__ import annotations

import re

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from intex import service
from intex.errors import ConfigError
from intex.model import STATUSES, ReviewState, Role
from intex.web.highlight import pieces
from intex.web.render import Templates
from intex.web.sessions import address, changing, viewer

ACTIONS = {"accept": ReviewState.ACCEPTED, "reject": ReviewState.REJECTED,
           "correct": ReviewState.CORRECTED}
DATE = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?|\d{2}-\d{2})$")


def _number(text: str, label: str, errors: list[str]) -> float | None:
    text = text.strip().replace(",", "").replace(" ", "")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        errors.append(f"{label} “{text}” is not a number.")
        return None
    if value < 0 or value != value or value in (float("inf"),):
        errors.append(f"{label} must be a positive number.")
        return None
    return value


def read_review(form: dict[str, str]) -> tuple[ReviewState | None, dict[str, object],
                                                str | None, list[str]]:
    """The review form: (state, corrections, note, errors)."""
    errors: list[str] = []
    state = ACTIONS.get(form.get("action", ""))
    if state is None:
        errors.append("Choose accept, reject or correct.")
    corrections: dict[str, object] = {}
    value = _number(form.get("value", ""), "Value", errors)
    value_max = _number(form.get("value_max", ""), "Upper value", errors)
    if value is not None:
        corrections["value"] = value
    if value_max is not None:
        if value is not None and value_max < value:
            errors.append("The upper value is below the value.")
        corrections["value_max"] = value_max
    status = form.get("status", "").strip()
    if status:
        if status not in STATUSES:
            errors.append(f"Status “{status}” is not one of the ledger's statuses.")
        corrections["status"] = status
    date = form.get("date", "").strip()
    if date:
        if not DATE.match(date):
            errors.append(f"Date “{date}” is not YYYY, YYYY-MM, YYYY-MM-DD or MM-DD.")
        corrections["date"] = date
    location = form.get("location", "").strip()
    if location:
        corrections["location"] = location[:200]
    sources = [s.strip() for s in re.split(r"[\n<←]", form.get("sources", "")) if s.strip()]
    if sources:
        corrections["sources"] = [s[:200] for s in sources[:10]]
    if state is ReviewState.CORRECTED and not corrections and not errors:
        errors.append("A correction changes at least one field: fill in what is wrong.")
    if state is not ReviewState.CORRECTED:
        corrections = {}
    note = form.get("note", "").strip()[:2000] or None
    return state, corrections, note, errors


def routes(templates: Templates) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/reports/{report_id}")
    def report(request: Request, report_id: str) -> Response:
        who = viewer(request)
        got = service.report_view(request.app.state.store, who.user, report_id)
        text = got.document.text
        parts = pieces(text, [(r.claim.evidence.start, r.claim.evidence.end)
                              for r in got.claims],
                       [(s, e, name, kind) for s, e, _, _, name, kind in got.mentions])
        entities = sorted({(name, kind, eid) for _, _, _, eid, name, kind in got.mentions})
        return templates.page(request, "report.html", {
            "view": got, "doc": got.document, "pieces": parts, "entities": entities})

    def claim_page(request: Request, claim_id: str, *, errors: list[str] | None = None,
                   form: dict[str, str] | None = None, saved: bool = False,
                   status: int = 200) -> Response:
        who = viewer(request)
        got = service.claim_view(request.app.state.store, who.user, claim_id)
        doc = got.document
        ev = got.row.claim.evidence
        before = doc.text[max(0, ev.start - 300):ev.start]
        after = doc.text[ev.end:ev.end + 300]
        return templates.page(request, "claim.html", {
            "view": got, "row": got.row, "claim": got.row.claim, "before": before,
            "after": after, "statuses": STATUSES, "errors": errors or [],
            "form": form or {}, "saved": saved,
            "may_review": who.user.can(Role.ANALYST)}, status=status)

    @router.get("/claims/{claim_id}")
    def claim(request: Request, claim_id: str) -> Response:
        return claim_page(request, claim_id, saved=request.query_params.get("saved") == "1")

    @router.post("/claims/{claim_id}/review")
    async def review(request: Request, claim_id: str) -> Response:
        who = await changing(request, Role.ANALYST)
        raw = await request.form()
        form = {k: v for k, v in raw.items() if isinstance(v, str)}
        state, corrections, note, errors = read_review(form)
        if errors or state is None:
            return claim_page(request, claim_id, errors=errors, form=form)
        try:
            service.review_claim(request.app.state.store, who.user, claim_id, state,
                                 corrections=corrections or None, note=note,
                                 address=address(request))
        except ConfigError as err:
            return claim_page(request, claim_id, errors=[err.message], form=form)
        return RedirectResponse(f"/claims/{claim_id}?saved=1", status_code=303)

    return router
