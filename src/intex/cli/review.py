"""``intex review``: an analyst's word on a claim, which re-extraction never overwrites."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from intex.cli.common import DbOption, store_from
from intex.model import ReviewState

ACTIONS = {"accept": ReviewState.ACCEPTED, "reject": ReviewState.REJECTED,
           "correct": ReviewState.CORRECTED}


def register(app: typer.Typer) -> None:
    @app.command()
    def review(
        claim_id: Annotated[str, typer.Argument(help="a claim id (intex claims --format json)")],
        action: Annotated[str, typer.Argument(help="accept, reject or correct")],
        value: Annotated[float | None, typer.Option(help="corrected value")] = None,
        status: Annotated[str | None, typer.Option(help="corrected status")] = None,
        date: Annotated[str | None, typer.Option(help="corrected date")] = None,
        location: Annotated[str | None, typer.Option(help="corrected location")] = None,
        source: Annotated[list[str] | None, typer.Option(
            help="corrected source chain, original first (repeat the option)")] = None,
        note: Annotated[str | None, typer.Option(help="why")] = None,
        db: DbOption = None,
    ) -> None:
        """Accept, reject or correct a claim; the reviewer and time are recorded."""
        if action not in ACTIONS:
            raise typer.BadParameter("action is accept, reject or correct")
        corrections: dict[str, object] = {k: v for k, v in (
            ("value", value), ("status", status), ("date", date), ("location", location))
            if v is not None}
        if source:
            corrections["sources"] = list(source)
        if action == "correct" and not corrections:
            raise typer.BadParameter("correct needs at least one corrected field")
        store_from(db).review(claim_id, ACTIONS[action], reviewer=os.environ.get("USER"),
                              note=note, corrections=corrections or None)
        typer.echo(f"{claim_id}: {ACTIONS[action].value}")
