"""TAXII's error resource (TAXII 2.1 §3.6.1), the only body any error has."""

from __future__ import annotations

from typing import Any


class TaxiiError(Exception):
    """An error answered with the spec's error resource and ``status``."""

    def __init__(self, status: int, title: str, description: str | None = None, *,
                 headers: dict[str, str] | None = None) -> None:
        self.status = status
        self.title = title
        self.description = description
        self.headers = headers or {}
        super().__init__(f"{status} {title}")

    def resource(self) -> dict[str, Any]:
        out: dict[str, Any] = {"title": self.title, "http_status": str(self.status)}
        if self.description:
            out["description"] = self.description
        return out


def not_found(what: str = "resource") -> TaxiiError:
    """The one 404 for everything a partner may not see or that does not exist: the same
    body whichever it is."""
    return TaxiiError(404, "Not found", f"No such {what}, or not shared with you.")
