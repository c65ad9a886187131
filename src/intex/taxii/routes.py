"""The endpoints of TAXII 2.1 §4 and §5, under ``/taxii2/`` with one API root, ``intex``,
holding one collection: the ledger as STIX objects, each partner seeing its own part."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from fastapi import FastAPI, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, Response

from intex.model import Partner
from intex.model.ids import uuid5
from intex.taxii import auth, intake, media, openapi, params
from intex.taxii.app import Server
from intex.taxii.errors import TaxiiError, not_found
from intex.taxii.view import Page

ROOT = "/taxii2/"
API_ROOT = "intex"
COLLECTION_ID = uuid5("taxii", "collection", "ledger")
_ID_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-ABCDEF")


def collection_resource(partner: Partner, title: str) -> dict[str, Any]:
    return {"id": COLLECTION_ID, "title": f"{title} ledger", "alias": "ledger",
            "description": "Reports, claims and what they name, as STIX 2.1; each partner "
                           "sees what its agreement's TLP and releasability allow.",
            "can_read": True, "can_write": partner.can_write, "media_types": [media.STIX_21]}


def _json(content: Any, *, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return media.TaxiiResponse(content, status_code=status, headers=headers)


def _collection(cid: str) -> None:
    if cid not in (COLLECTION_ID, "ledger"):
        raise not_found("collection")


def _object_id(oid: str) -> str:
    if "--" not in oid or len(oid) > 200 or not set(oid) <= _ID_CHARS:
        raise not_found("object")
    return oid


def _headers(page: Page) -> dict[str, str]:
    if not page.items:
        return {}
    return {"X-TAXII-Date-Added-First": params.stamp(page.items[0].row.date_added),
            "X-TAXII-Date-Added-Last": params.stamp(page.items[-1].row.date_added)}


def register(app: FastAPI, server: Server) -> None:  # noqa: C901 (one closure per endpoint)
    def route(path: str, method: str, doc: dict[str, Any],
              ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Each path answers with and without its trailing slash (the TAXII client asks
        for ``status/ID`` without one); ``doc`` is its OpenAPI description."""
        def add(fn: Callable[..., Any]) -> Callable[..., Any]:
            app.add_api_route(path, fn, methods=[method], response_class=media.TaxiiResponse,
                              **doc)
            app.add_api_route(path.rstrip("/"), fn, methods=[method], include_in_schema=False)
            return fn
        return add

    @app.get(f"{ROOT}openapi.json", include_in_schema=False)
    def describe(request: Request) -> Response:
        """This server's OpenAPI description, to partners (it names no object)."""
        auth.authenticate(request, server.store)
        return JSONResponse(openapi.complete(app.openapi()))

    def cursor(scope: str, p: params.Params) -> int:
        return server.tokens.read(scope, p.next) if p.next is not None else 0

    def envelope(page: Page, scope: str) -> Response:
        head: dict[str, Any] = {"more": page.more}
        if page.more:
            head["next"] = server.tokens.make(scope, page.cursor)
        text = json.dumps(head)[:-1]
        if page.items:
            text += ', "objects": [' + ", ".join(s.text for s in page.items) + "]"
        return _json((text + "}").encode(), headers=_headers(page))

    @route(ROOT, "GET", openapi.operation("discovery"))
    def discovery(request: Request) -> Response:
        server.partner(request)
        root = f"{str(request.base_url).rstrip('/')}{ROOT}{API_ROOT}/"
        return _json({"title": f"{server.title} TAXII 2.1 server",
                      "description": "intex: an attributed ledger of claims, shared under "
                                     "TLP and releasability.",
                      "default": root, "api_roots": [root]})

    @route(f"{ROOT}{API_ROOT}/", "GET", openapi.operation("api-root", errors=(404,)))
    def api_root(request: Request) -> Response:
        server.partner(request)
        return _json({"title": server.title, "versions": [media.TAXII_21],
                      "description": "The ledger's STIX objects, per partner agreement.",
                      "max_content_length": server.max_content_length})

    @route(f"{ROOT}{API_ROOT}/collections/", "GET", openapi.operation("collections"))
    def collections(request: Request) -> Response:
        partner = server.partner(request)
        return _json({"collections": [collection_resource(partner, server.title)]})

    @route(f"{ROOT}{API_ROOT}/collections/{{cid}}/", "GET",
           openapi.operation("collection", errors=(404,)))
    def collection(request: Request, cid: str) -> Response:
        partner = server.partner(request)
        _collection(cid)
        return _json(collection_resource(partner, server.title))

    @route(f"{ROOT}{API_ROOT}/collections/{{cid}}/objects/", "GET", openapi.operation(
        "envelope", errors=(400, 404), paged=True,
        query=("id", "type", "version", "spec_version")))
    def get_objects(request: Request, cid: str) -> Response:
        partner = server.partner(request)
        _collection(cid)
        p = params.parse(request.query_params, max_limit=server.max_limit)
        scope = f"{partner.name}\x00objects"
        view = server.view(partner)
        return envelope(view.page(p, cursor(scope, p)), scope)

    @route(f"{ROOT}{API_ROOT}/collections/{{cid}}/manifest/", "GET", openapi.operation(
        "manifest", errors=(400, 404), paged=True,
        query=("id", "type", "version", "spec_version")))
    def manifest(request: Request, cid: str) -> Response:
        partner = server.partner(request)
        _collection(cid)
        p = params.parse(request.query_params, max_limit=server.max_limit)
        scope = f"{partner.name}\x00manifest"
        page = server.view(partner).page(p, cursor(scope, p))
        body: dict[str, Any] = {"more": page.more}
        if page.more:
            body["next"] = server.tokens.make(scope, page.cursor)
        if page.items:
            body["objects"] = [{"id": s.row.id, "date_added": params.stamp(s.row.date_added),
                                "version": s.version, "media_type": media.STIX_21}
                               for s in page.items]
        return _json(body, headers=_headers(page))

    @route(f"{ROOT}{API_ROOT}/collections/{{cid}}/objects/{{oid}}/", "GET", openapi.operation(
        "envelope", errors=(400, 404), paged=True, query=("version", "spec_version")))
    def get_object(request: Request, cid: str, oid: str) -> Response:
        partner = server.partner(request)
        _collection(cid)
        oid = _object_id(oid)
        p = params.parse(request.query_params, max_limit=server.max_limit)
        scope = f"{partner.name}\x00object\x00{oid}"
        page = server.view(partner).page(replace(p, ids=(oid,), types=()), cursor(scope, p))
        if not page.items and p.next is None:
            raise not_found("object")
        return envelope(page, scope)

    @route(f"{ROOT}{API_ROOT}/collections/{{cid}}/objects/{{oid}}/versions/", "GET",
           openapi.operation("versions", errors=(400, 404), paged=True,
                             query=("spec_version",)))
    def versions(request: Request, cid: str, oid: str) -> Response:
        partner = server.partner(request)
        _collection(cid)
        oid = _object_id(oid)
        p = params.parse(request.query_params, max_limit=server.max_limit)
        scope = f"{partner.name}\x00versions\x00{oid}"
        page = server.view(partner).page(replace(p, ids=(oid,), types=(), versions=("all",)),
                                         cursor(scope, p))
        if not page.items and p.next is None:
            raise not_found("object")
        body: dict[str, Any] = {"more": page.more}
        if page.more:
            body["next"] = server.tokens.make(scope, page.cursor)
        body["versions"] = [s.version for s in page.items]
        return _json(body, headers=_headers(page))

    @route(f"{ROOT}{API_ROOT}/status/{{sid}}/", "GET", openapi.operation("status", errors=(404,)))
    def status(request: Request, sid: str) -> Response:
        partner = server.partner(request)
        found = server.objects.status(sid, partner.name) if len(sid) <= 64 else None
        if found is None:
            raise not_found("status")
        return _json(found)

    @route(f"{ROOT}{API_ROOT}/collections/{{cid}}/objects/", "POST", openapi.operation(
        "status", status=202, errors=(400, 403, 404, 413, 415, 422), body="add-objects"))
    async def add_objects(request: Request, cid: str) -> Response:
        partner = await run_in_threadpool(server.partner, request)
        _collection(cid)
        if not partner.can_write:
            raise TaxiiError(403, "Forbidden", "Your agreement does not let you add objects.")
        if not media.taxii_content(request.headers.get("content-type")):
            raise TaxiiError(415, "Unsupported media type",
                             f"Send objects as {media.TAXII_21}.")
        body = await _body(request, server.max_content_length)
        objects = intake.envelope_objects(body)
        at = server.clock()

        def known(ids: set[str]) -> set[str]:
            sharing = server.view(partner).sharing
            sharing.learn(ids)
            seen = {i for i in ids if sharing.allowed(i)}
            return seen | server.objects.sent_by(partner.name, ids - seen)

        await run_in_threadpool(intake.take, server.store, objects, partner=partner.name,
                                max_bytes=server.max_content_length, known=known)
        done = [{"id": str(o.get("id")),
                 "version": str(o.get("modified") or o.get("created") or params.stamp(at))}
                for o in objects]
        resource = {"id": str(uuid.uuid4()), "status": "complete",
                    "request_timestamp": params.stamp(at), "total_count": len(objects),
                    "success_count": len(done), "successes": done, "failure_count": 0,
                    "failures": [], "pending_count": 0, "pendings": []}
        await run_in_threadpool(server.objects.add_status, resource, partner=partner.name,
                                collection=COLLECTION_ID, at=at)
        return _json(resource, status=202)


async def _body(request: Request, cap: int) -> bytes:
    """The request body, refused (413) past ``cap`` bytes before more is read."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > cap):
        raise TaxiiError(413, "Request too large",
                         f"The body is over this server's max_content_length, {cap} bytes.")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > cap:
            raise TaxiiError(413, "Request too large",
                             f"The body is over this server's max_content_length, {cap} bytes.")
        chunks.append(chunk)
    return b"".join(chunks)
