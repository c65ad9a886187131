"""``intex extract``: one report, no database."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from intex import service


def register(app: typer.Typer) -> None:
    @app.command()
    def extract(
        path: Annotated[str, typer.Argument(help="a text or HTML file, or - for standard input")],
        published: Annotated[str | None, typer.Option(
            help="publication date YYYY-MM-DD (relative dates resolve against it)")] = None,
        format: Annotated[str, typer.Option(
            "--format", "-f", help="json: the claims contract; text: the cleaned text")] = "json",
    ) -> None:
        """Extract entities and attributed claims from one report and print them."""
        if format not in ("json", "text"):
            raise typer.BadParameter("--format is json or text")
        pub = _date(published)
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes() \
            if Path(path).is_file() else None
        if data is None:
            typer.secho(f"intex: {path}: no such file", err=True, fg="red")
            raise typer.Exit(2)
        result = service.extract_bytes(data, name=path, published=pub)
        if format == "text":
            sys.stdout.write(result.document.text + "\n")
        else:
            sys.stdout.write(json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n")


def _date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not a YYYY-MM-DD date") from None
