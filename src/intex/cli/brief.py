"""``intex brief``: new and changed estimates per subject since a day, as Markdown or as a
printable HTML page (the web UI's Brief page, as a file)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from intex import service
from intex.cli.common import DbOption, store_from


def register(app: typer.Typer) -> None:
    @app.command()
    def brief(
        since: Annotated[str | None, typer.Option(
            help="the day to look from, YYYY-MM-DD (default: four weeks before the "
                 "latest estimate)")] = None,
        subject: Annotated[str | None, typer.Option(
            help="one subject only, e.g. 'North Korean troops' (default: the whole "
                 "ledger)")] = None,
        fmt: Annotated[str, typer.Option("--format", "-f", help="md or html")] = "md",
        output: Annotated[Path | None, typer.Option(
            "--output", "-o", help="write to this file instead of standard output")] = None,
        db: DbOption = None,
    ) -> None:
        """The points of attention since a day: new, changed, restated and corrected
        estimates per subject, with their sentences and markings."""
        from intex.web import brief as export

        if fmt not in ("md", "html"):
            raise typer.BadParameter(f"{fmt!r}: choose md or html", param_hint="--format")
        try:
            day = date.fromisoformat(since) if since else None
        except ValueError:
            raise typer.BadParameter(f"{since!r} is not YYYY-MM-DD",
                                     param_hint="--since") from None
        made = service.brief(store_from(db), day, subject=subject)
        text = export.markdown(made) if fmt == "md" else export.html(made)
        if output is None:
            typer.echo(text, nl=False)
        else:
            output.write_text(text, encoding="utf-8")
            typer.echo(f"wrote {output}", err=True)
