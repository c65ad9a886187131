"""Templates (Jinja2, autoescaped) and the small formatting every page shares."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.responses import HTMLResponse

from intex.model import TLP, Claim, Marking, Role
from intex.service import ClaimRow


def number(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,}"


def value(c: Claim) -> str:
    text = number(c.value) if c.value_max is None else \
        f"{number(c.value)}–{number(c.value_max)}"
    return ("~" if c.approx else "") + text


def chain(row: ClaimRow) -> list[tuple[str, str]]:
    """The source chain, original first, each with its reliability grade."""
    return [(s.name, row.grades.get(s.name, "F")) for s in row.claim.sources]


def tlp_class(m: Marking | TLP) -> str:
    level = m.tlp if isinstance(m, Marking) else m
    return "tlp-" + level.name.lower().replace("_", "-")


def marking_label(m: Marking) -> str:
    return m.label()


class Templates:
    """The template environment of one app (made by ``create_app``, not at import)."""

    def __init__(self) -> None:
        self.env = Environment(loader=PackageLoader("intex.web", "templates"),
                               autoescape=select_autoescape(default=True),
                               trim_blocks=True, lstrip_blocks=True)
        self.env.filters.update(value=value, number=number, tlp_class=tlp_class,
                                marking=marking_label)
        self.env.globals.update(chain=chain, TLP=TLP, Role=Role)

    def page(self, request: Request, name: str, context: dict[str, Any] | None = None,
             status: int = 200) -> HTMLResponse:
        ctx: dict[str, Any] = {"request": request, "path": request.url.path,
                               "viewer": getattr(request.state, "viewer", None)}
        ctx.update(context or {})
        html = self.env.get_template(name).render(ctx)
        return HTMLResponse(html, status_code=status)
