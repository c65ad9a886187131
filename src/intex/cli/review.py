"""``intex review``: an analyst's word on a claim, which re-extraction never overwrites.

The same use case as the web's review (``service.review_claim``): the same checks of a
correction, the reviewer and time recorded, an audit entry under the claim's marking."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from intex import service
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
        value_max: Annotated[float | None, typer.Option(
            help="corrected top of a range (with --value as its bottom)")] = None,
        status: Annotated[str | None, typer.Option(help="corrected status")] = None,
        date: Annotated[str | None, typer.Option(
            help="corrected date: YYYY-MM-DD, YYYY-MM, YYYY or MM-DD")] = None,
        location: Annotated[str | None, typer.Option(help="corrected location")] = None,
        source: Annotated[list[str] | None, typer.Option(
            help="corrected source chain, original first (repeat the option)")] = None,
        note: Annotated[str | None, typer.Option(help="why")] = None,
        reviewer: Annotated[str | None, typer.Option(
            help="who reviews (default: $USER)")] = None,
        db: DbOption = None,
    ) -> None:
        """Accept, reject or correct a claim; the reviewer and time are recorded, and the
        audit log keeps it. The review holds through re-extraction and goes into exports."""
        if action not in ACTIONS:
            raise typer.BadParameter("action is accept, reject or correct")
        corrections: dict[str, object] = {k: v for k, v in (
            ("value", value), ("value_max", value_max), ("status", status), ("date", date),
            ("location", location)) if v is not None}
        if source:
            corrections["sources"] = list(source)
        if action == "correct" and not corrections:
            raise typer.BadParameter("correct needs at least one corrected field")
        service.review_claim(store_from(db), None, claim_id, ACTIONS[action],
                             corrections=corrections or None, note=note,
                             reviewer=reviewer or os.environ.get("USER") or None)
        typer.echo(f"{claim_id}: {ACTIONS[action].value}")
