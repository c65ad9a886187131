"""``intex ingest``: files, folders, URLs, feeds and stdin into the ledger."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from intex import service
from intex.cli.common import DbOption, load_extractor, store_from
from intex.cli.marking import RelOption, parse_marking
from intex.config import Settings


def register(app: typer.Typer) -> None:
    @app.command()
    def ingest(
        sources: Annotated[list[str] | None, typer.Argument(
            help="files, folders (recursive), URLs, or - for standard input")] = None,
        feed: Annotated[list[str] | None, typer.Option(
            "--feed", help="an RSS/Atom feed URL or file; each entry becomes a report")] = None,
        tlp: Annotated[str | None, typer.Option(
            help="TLP 2.0 level: clear, green, amber, amber+strict or red (default: the "
                 "feed's or site's default marking, else clear)")] = None,
        rel: RelOption = None,
        db: DbOption = None,
        quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar")] = False,
    ) -> None:
        """Read reports, extract their claims and keep them in the ledger."""
        sources = sources or []
        if not sources and not feed:
            raise typer.BadParameter("name at least one source or --feed")
        # no flags: each report takes its feed's or site's default (intex source mark)
        marking = None if tlp is None and rel is None else parse_marking(tlp or "clear", rel)
        settings = Settings.from_env(db=db)
        store = store_from(db)
        err = Console(stderr=True)
        added = unchanged = failed = claims = 0
        total = service.count_inputs(sources) if not feed else None
        load_extractor()
        with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
                      MofNCompleteColumn(), TimeElapsedColumn(), console=err,
                      disable=quiet or not err.is_terminal) as progress:
            task = progress.add_task("ingesting", total=total)
            run = service.ingest(store, sources, feeds=feed or (), marking=marking,
                                 max_bytes=settings.max_bytes, timeout=settings.timeout,
                                 stdin=sys.stdin.buffer)
            for ev in service.recorded(store, run, by=service.actor("cli")):
                progress.advance(task)
                if ev.error is not None:
                    failed += 1
                    err.print(f"[red]error[/red] {ev.error}", highlight=False, markup=True)
                elif ev.result is not None and ev.result.status == "added":
                    added += 1
                    claims += ev.result.claims
                else:
                    unchanged += 1
        typer.echo(f"{added} added ({claims} claims), {unchanged} unchanged, {failed} failed",
                   err=True)
        store.close()
        if failed:
            raise typer.Exit(1)

    @app.command()
    def reextract(
        all_: Annotated[bool, typer.Option("--all", help="every report, not only those an "
                                                         "older extractor read")] = False,
        db: DbOption = None,
    ) -> None:
        """Read stored reports again with this extractor; claims an analyst reviewed stay."""
        store = store_from(db)
        load_extractor()
        n = claims = 0
        for _rid, count in service.reextract(store, everything=all_):
            n += 1
            claims += count
        typer.echo(f"{n} reports read again ({claims} claims)", err=True)
