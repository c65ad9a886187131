"""TAXII 2.1 media types and content negotiation (TAXII 2.1 §1.6.8, §3.1)."""

from __future__ import annotations

from starlette.responses import JSONResponse

TAXII = "application/taxii+json"
TAXII_21 = "application/taxii+json;version=2.1"
STIX_21 = "application/stix+json;version=2.1"


def _parse(header: str) -> list[tuple[str, dict[str, str]]]:
    out = []
    for part in header.split(","):
        bits = [b.strip() for b in part.split(";")]
        if not bits[0]:
            continue
        params = {}
        for b in bits[1:]:
            k, _, v = b.partition("=")
            params[k.strip().lower()] = v.strip().strip('"')
        out.append((bits[0].lower(), params))
    return out


def _q(params: dict[str, str]) -> float:
    try:
        return float(params.get("q", "1"))
    except ValueError:
        return 0.0


def acceptable(accept: str | None) -> bool:
    """Whether a TAXII 2.1 response satisfies this Accept header (none: anything does)."""
    if accept is None or not accept.strip():
        return True
    for media, params in _parse(accept):
        if _q(params) <= 0:
            continue
        if media in ("*/*", "application/*"):
            return True
        if media == TAXII and params.get("version", "2.1") == "2.1":
            return True
    return False


def taxii_content(content_type: str | None) -> bool:
    """Whether a request body is declared as TAXII 2.1."""
    found = _parse(content_type or "")
    return len(found) == 1 and found[0][0] == TAXII \
        and found[0][1].get("version", "2.1") == "2.1"


class TaxiiResponse(JSONResponse):
    media_type = TAXII_21

    def render(self, content: object) -> bytes:
        if isinstance(content, bytes):  # already serialised (objects kept verbatim)
            return content
        return super().render(content)
