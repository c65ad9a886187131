"""``intex source``: what the analyst says about sources (reliability grades)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from intex.cli.common import DbOption, store_from

GRADE_MEANING = {"A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
                 "D": "not usually reliable", "E": "unreliable", "F": "cannot be judged"}


def register(app: typer.Typer) -> None:
    source = typer.Typer(help="Source reliability on the NATO/Admiralty scale (A-F).",
                         no_args_is_help=True)
    app.add_typer(source, name="source")

    @source.command("grade")
    def grade(name: Annotated[str, typer.Argument(help="a source as the ledger names it")],
              value: Annotated[str, typer.Argument(help="A-F")], db: DbOption = None) -> None:
        """Grade a source's reliability (A completely reliable ... F cannot be judged)."""
        store = store_from(db)
        store.grade(name, value)
        typer.echo(f"{name}: {value.upper()} ({GRADE_MEANING[value.upper()]})")

    @source.command("list")
    def list_(db: DbOption = None) -> None:
        """Graded sources."""
        table = Table("source", "grade", "meaning")
        for name, g in sorted(store_from(db).grades().items()):
            table.add_row(name, g, GRADE_MEANING[g])
        Console().print(table)
