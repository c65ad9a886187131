"""The command line: parse, call one service function, format. Errors become messages here."""

from __future__ import annotations

import sys

import typer

from intex.cli import (
    batch,
    brief,
    exchange,
    extract,
    ingest,
    marking,
    partners,
    query,
    review,
    serve,
    sources,
    users,
    watch,
)
from intex.errors import IntexError

app = typer.Typer(name="intex", no_args_is_help=True, add_completion=False,
                  help="Read reports, keep a ledger of who said what number, share it.")


@app.callback()
def root() -> None:
    """intex: an attributed ledger of quantitative claims from open-source reports."""


extract.register(app)
ingest.register(app)
query.register(app)
sources.register(app)
review.register(app)
exchange.register(app)
marking.register(app)
partners.register(app)
users.register(app)
serve.register(app)
watch.register(app)
batch.register(app)
brief.register(app)


def main() -> None:
    try:
        app()
    except IntexError as err:
        typer.secho(f"intex: {err}", err=True, fg="red")
        sys.exit(2)
