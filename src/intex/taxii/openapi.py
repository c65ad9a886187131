"""The server's OpenAPI description: what each TAXII 2.1 endpoint takes and answers, with
TAXII's media types, its error resource and its headers (so that a client, or
schemathesis, can hold the server to it). FastAPI builds the document from the routes;
this module supplies what FastAPI cannot see, since the routes read their query
parameters and bodies themselves to answer with TAXII's errors."""

from __future__ import annotations

from typing import Any

from intex.taxii import media

_REF = "#/components/schemas/"

_STIX_OBJECT = {"type": "object", "required": ["type", "id"],
                "properties": {"type": {"type": "string"}, "id": {"type": "string"}},
                "additionalProperties": True}
_TIMESTAMP = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$"}

#: TAXII 2.1 §3.6.1 and the resources of §4 and §5, as JSON Schema
SCHEMAS: dict[str, dict[str, Any]] = {
    "error": {"type": "object", "required": ["title", "http_status"], "properties": {
        "title": {"type": "string"}, "description": {"type": "string"},
        "error_id": {"type": "string"}, "error_code": {"type": "string"},
        "http_status": {"type": "string", "pattern": "^[1-5][0-9][0-9]$"},
        "external_details": {"type": "string"}, "details": {"type": "object"}}},
    "discovery": {"type": "object", "required": ["title"], "properties": {
        "title": {"type": "string"}, "description": {"type": "string"},
        "contact": {"type": "string"}, "default": {"type": "string"},
        "api_roots": {"type": "array", "items": {"type": "string"}}}},
    "api-root": {"type": "object", "required": ["title", "versions", "max_content_length"],
                 "properties": {
                     "title": {"type": "string"}, "description": {"type": "string"},
                     "versions": {"type": "array", "items": {"type": "string"}},
                     "max_content_length": {"type": "integer", "minimum": 0}}},
    "collection": {"type": "object",
                   "required": ["id", "title", "can_read", "can_write"], "properties": {
                       "id": {"type": "string"}, "title": {"type": "string"},
                       "description": {"type": "string"}, "alias": {"type": "string"},
                       "can_read": {"type": "boolean"}, "can_write": {"type": "boolean"},
                       "media_types": {"type": "array", "items": {"type": "string"}}}},
    "collections": {"type": "object", "properties": {
        "collections": {"type": "array", "items": {"$ref": _REF + "collection"}}}},
    "envelope": {"type": "object", "properties": {
        "more": {"type": "boolean"}, "next": {"type": "string"},
        "objects": {"type": "array", "items": _STIX_OBJECT}}},
    "manifest": {"type": "object", "properties": {
        "more": {"type": "boolean"}, "next": {"type": "string"},
        "objects": {"type": "array", "items": {
            "type": "object", "required": ["id", "date_added", "version"], "properties": {
                "id": {"type": "string"}, "date_added": _TIMESTAMP,
                "version": {"type": "string"}, "media_type": {"type": "string"}}}}}},
    "versions": {"type": "object", "properties": {
        "more": {"type": "boolean"}, "next": {"type": "string"},
        "versions": {"type": "array", "items": {"type": "string"}}}},
    "status": {"type": "object", "required": ["id", "status", "total_count", "success_count",
                                              "failure_count", "pending_count"],
               "properties": {
                   "id": {"type": "string"},
                   "status": {"type": "string", "enum": ["pending", "complete"]},
                   "request_timestamp": _TIMESTAMP,
                   "total_count": {"type": "integer"}, "success_count": {"type": "integer"},
                   "failure_count": {"type": "integer"}, "pending_count": {"type": "integer"},
                   "successes": {"type": "array", "items": {"type": "object"}},
                   "failures": {"type": "array", "items": {"type": "object"}},
                   "pendings": {"type": "array", "items": {"type": "object"}}}},
    "add-objects": {"type": "object", "required": ["objects"], "properties": {
        "objects": {"type": "array", "minItems": 1, "items": _STIX_OBJECT}}},
}

SECURITY_SCHEMES = {
    "basic": {"type": "http", "scheme": "basic",
              "description": "the partner's name and password (TAXII 2.1 §1.6.9)"},
    "bearer": {"type": "http", "scheme": "bearer", "description": "the partner's API key"},
    "apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key",
               "description": "the partner's API key"},
}

_WHY = {
    400: "A malformed query parameter or body.",
    401: "No or wrong credentials.",
    403: "The partner's agreement does not allow this.",
    404: "No such API root, collection, object or status, or not shared with you.",
    406: "Accept names neither TAXII 2.1 nor */*.",
    413: "The body is over max_content_length.",
    415: "Content-Type is not TAXII 2.1.",
    422: "The objects are not valid STIX 2.1; nothing was stored.",
}
_DATE_HEADERS = {name: {"description": f"{which} date_added of the objects in the answer",
                        "schema": {"type": "string"}, "required": False}
                 for name, which in (("X-TAXII-Date-Added-First", "the first"),
                                     ("X-TAXII-Date-Added-Last", "the last"))}


def _query(name: str, description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "description": description,
            "schema": schema}


def _listed(item: str) -> dict[str, Any]:
    """A comma-separated list of up to 100 items matching ``item`` (a regex)."""
    return {"type": "string", "pattern": f"^{item}(,{item}){{0,99}}$"}


_STAMP = r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?Z"
_PAGING = [
    _query("added_after", "only objects added after this time (UTC)",
           {"type": "string", "format": "date-time", "pattern": f"^{_STAMP}$"}),
    _query("limit", "at most this many (the server may give fewer)",
           {"type": "integer", "minimum": 1, "maximum": 10**17}),
    _query("next", "the `next` of the page before (opaque: any other value is a 400)",
           {"type": "string"}),
]
_MATCH = {
    "id": _query("match[id]", "comma-separated STIX ids",
                 _listed("[a-z0-9][a-z0-9-]{0,62}--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-"
                         "[0-9a-f]{4}-[0-9a-f]{12}")),
    "type": _query("match[type]", "comma-separated STIX types", _listed("[a-z0-9][a-z0-9-]{0,62}")),
    "version": _query("match[version]", "last, first, all or timestamps, comma-separated",
                      _listed(f"(last|first|all|{_STAMP})")),
    "spec_version": _query("match[spec_version]", "comma-separated, e.g. 2.1",
                           _listed(r"\d\.\d")),
}


def _content(schema: str) -> dict[str, Any]:
    return {media.TAXII_21: {"schema": {"$ref": _REF + schema}}}


def operation(answer: str, *, errors: tuple[int, ...] = (), status: int = 200,
              query: tuple[str, ...] = (), paged: bool = False,
              body: str | None = None) -> dict[str, Any]:
    """``add_api_route`` keywords documenting one endpoint: it answers ``status`` with the
    resource ``answer``, or one of ``errors`` (401 and 406 always) as the error resource."""
    responses: dict[int | str, dict[str, Any]] = {
        status: {"description": f"a TAXII {answer} resource", "content": _content(answer)}}
    if paged:
        responses[status]["headers"] = _DATE_HEADERS
    for code in sorted({401, 406, *errors}):
        responses[code] = {"description": _WHY[code], "content": _content("error")}
    responses[401]["headers"] = {"WWW-Authenticate": {"schema": {"type": "string"}}}
    responses["default"] = {"description": "any other error (405, 500)",
                            "content": _content("error")}
    extra: dict[str, Any] = {}
    parameters = [*(_PAGING if paged else []), *(_MATCH[m] for m in query)]
    if parameters:
        extra["parameters"] = parameters
    if body is not None:
        extra["requestBody"] = {"required": True, "content": _content(body)}
    return {"responses": responses, "openapi_extra": extra, "status_code": status}


def complete(document: dict[str, Any]) -> dict[str, Any]:
    """FastAPI's document with the TAXII schemas and the ways to log in added."""
    components = document.setdefault("components", {})
    components.setdefault("schemas", {}).update(SCHEMAS)
    components["securitySchemes"] = SECURITY_SCHEMES
    document["security"] = [{"basic": []}, {"bearer": []}, {"apiKey": []}]
    return document
