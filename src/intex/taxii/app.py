"""``create_app``: the TAXII 2.1 server as a FastAPI app (FastAPI is imported here and in
``routes`` only). Every error, FastAPI's own included, is the spec's error resource."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from intex import service
from intex.model import Partner
from intex.service import Store
from intex.store.objects import Objects
from intex.taxii import auth, media, served
from intex.taxii.errors import TaxiiError
from intex.taxii.tokens import Tokens
from intex.taxii.view import View

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


@dataclass
class Server:
    """What the routes share: the ledger, the clock and the limits."""

    store: Store
    objects: Objects
    clock: Clock
    title: str
    tokens: Tokens
    max_content_length: int
    max_limit: int
    #: per audience, which ids are served to it; good while ``top`` is the last seq (an
    #: audience listed here was made ready, ``served.ready``, at that ``top``)
    known: dict[str, dict[str, bool]] = field(default_factory=dict)
    top: int = 0

    def partner(self, request: Request) -> Partner:
        """Who is asking (401 otherwise), having checked they can take TAXII 2.1 (406)."""
        partner = auth.authenticate(request, self.store)
        if not media.acceptable(request.headers.get("accept")):
            raise TaxiiError(406, "Not acceptable", f"This server answers {media.TAXII_21}.")
        return partner

    def view(self, partner: Partner) -> View:
        """The partner's view of the collection as it stands now (rows not yet served
        are stamped first; another worker may have stamped some, so the last seq, not
        this call's count, says whether the collection changed)."""
        top = self.objects.stamp_top(self.clock())
        if top != self.top or len(self.known) > 100:
            self.known.clear()
            self.top = top
        key = served.audience(partner)
        known = self.known.get(key)
        if known is None:  # made ready at this top by this process: not asked again
            key = served.ready(self.objects, partner, top,
                               active=lambda: service.active_audiences(self.store))
            known = self.known.setdefault(key, {})
        if len(known) > 2_000_000:
            known.clear()
        return View(self.objects, partner, None, known, audience=key, upto=top)


def _error(err: TaxiiError) -> Response:
    return media.TaxiiResponse(err.resource(), status_code=err.status, headers=err.headers)


def create_app(store: Store, *, clock: Clock | None = None, title: str = "intex",
               secret: bytes | None = None, max_content_length: int = 10_000_000,
               max_limit: int = 1000) -> FastAPI:
    """A TAXII 2.1 server over ``store``, under ``/taxii2/``.

    ``clock`` stamps ``date_added`` and statuses; ``secret`` keys the ``next`` tokens
    (random per app when None: tokens then end with the process); ``max_content_length``
    caps a POST body in bytes; ``max_limit`` is the most objects one page holds.
    """
    from intex.taxii import routes

    server = Server(store=store, objects=Objects(store.engine),
                    clock=clock or (lambda: datetime.now(UTC)), title=title,
                    tokens=Tokens(secret), max_content_length=max_content_length,
                    max_limit=max_limit)
    server.objects.stamp(server.clock())  # what is held now gets its order before serving
    # forms kept for agreements no partner has any more (revoked, changed by hand, or
    # from before this version) are dropped before serving
    service.prune_served_forms(store)
    app = FastAPI(title=f"{title} TAXII 2.1", docs_url=None, redoc_url=None,
                  openapi_url=None, redirect_slashes=False)

    @app.exception_handler(TaxiiError)
    async def taxii_error(_request: Request, err: TaxiiError) -> Response:
        return _error(err)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, err: StarletteHTTPException) -> Response:
        titles = {404: "Not found", 405: "Method not allowed"}
        return _error(TaxiiError(err.status_code, titles.get(err.status_code, "Error"),
                                 None if err.status_code == 404 else str(err.detail)))

    @app.exception_handler(RequestValidationError)
    async def bad_request(_request: Request, _err: RequestValidationError) -> Response:
        return _error(TaxiiError(400, "Bad request", "The request could not be read."))

    @app.exception_handler(Exception)
    async def crash(_request: Request, err: Exception) -> Response:
        log.exception("TAXII request failed", exc_info=err)
        return _error(TaxiiError(500, "Internal error", "The server could not answer."))

    routes.register(app, server)
    return app
