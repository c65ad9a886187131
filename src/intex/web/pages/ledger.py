"""The ledger: every claim the user may see, filtered, sorted, paged."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from intex import service
from intex.model import STATUSES, TLP, Marking, ReviewState
from intex.web import filters
from intex.web.render import Templates
from intex.web.sessions import viewer

#: the heading's totals are counted up to this many (then "more than"): counting every
#: claim a reader may see in a ledger of a million cost more than the page itself
HEADING_CAP = 10_000


def routes(templates: Templates) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/")
    def ledger(request: Request) -> Response:
        who = viewer(request)
        q = filters.read(request.query_params)
        store = request.app.state.store
        got = service.ledger_page(store, q.claim_filter, user=who.user, sort=q.sort,
                                  descending=q.descending, offset=q.offset, limit=q.per,
                                  after=q.after, before=q.before)
        pages = max(1, -(-got.total // q.per))
        context = {"q": q, "page": got, "pages": pages, "statuses": STATUSES,
                   "levels": [lvl for lvl in TLP if who.user.may_see(Marking(lvl))],
                   "reviews": [s.value for s in ReviewState], "languages": filters.LANGUAGES,
                   "per_page": filters.PER_PAGE, "cap": HEADING_CAP,
                   "counts": store.counts(service.sight(who.user), cap=HEADING_CAP)}
        # htmx asks for the results alone when a filter changes
        name = "ledger_results.html" if request.headers.get("hx-request") and \
            request.headers.get("hx-target") == "results" else "ledger.html"
        return templates.page(request, name, context, )

    return router
