"""``intex mark``: how far a report or a claim may travel (TLP 2.0 and releasability)."""

from __future__ import annotations

from typing import Annotated

import typer

from intex import service
from intex.cli.common import DbOption, store_from
from intex.model import TLP, Marking

TlpOption = Annotated[str, typer.Option(
    help="TLP 2.0 level: clear, green, amber, amber+strict or red")]
RelOption = Annotated[str | None, typer.Option(
    help="releasable to: ISO 3166 alpha-3 codes, comma-separated (UKR,KOR)")]


def parse_marking(tlp: str, rel: str | None) -> Marking:
    try:
        level = TLP.parse(tlp)
    except ValueError as err:
        raise typer.BadParameter(str(err)) from None
    codes = tuple(sorted({c.strip().upper() for c in (rel or "").split(",") if c.strip()}))
    bad = [c for c in codes if len(c) != 3 or not c.isalpha()]
    if bad:
        raise typer.BadParameter(f"not ISO 3166 alpha-3 codes: {', '.join(bad)}")
    return Marking(level, codes)


def register(app: typer.Typer) -> None:
    @app.command()
    def mark(object_id: Annotated[str, typer.Argument(help="a report id or a claim id")],
             tlp: TlpOption, rel: RelOption = None, db: DbOption = None) -> None:
        """Mark a report (its claims inherit it) or one claim (stricter than its report);
        recorded in the audit log."""
        marking = parse_marking(tlp, rel)
        kind = service.mark(store_from(db), object_id, marking)
        typer.echo(f"{kind} {object_id}: {marking.label()}")
