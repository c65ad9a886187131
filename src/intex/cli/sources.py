"""``intex source``: what the analyst says about sources: reliability grades, and the
default marking of what a feed or a site brings in."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from intex import service
from intex.cli.common import DbOption, store_from
from intex.cli.marking import RelOption, TlpOption, parse_marking

GRADE_MEANING = {"A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
                 "D": "not usually reliable", "E": "unreliable", "F": "cannot be judged"}

FeedOption = Annotated[str | None, typer.Option(
    help="a feed's URL (or file), as given to intex ingest --feed")]
SiteOption = Annotated[str | None, typer.Option(
    help="a site's host name (example.org; covers its subdomains) or any URL on it")]


def register(app: typer.Typer) -> None:
    source = typer.Typer(help="Source reliability on the NATO/Admiralty scale (A-F), and "
                              "default markings per feed or site.", no_args_is_help=True)
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

    @source.command("mark")
    def mark(tlp: TlpOption, rel: RelOption = None, feed: FeedOption = None,
             site: SiteOption = None, db: DbOption = None) -> None:
        """Set the default marking of a feed's entries or a site's reports.

        Applied at ingest when neither --tlp nor --rel is given; a feed's default wins
        over its entries' site's; explicit flags win over both.
        """
        marking = parse_marking(tlp, rel)
        kind, name = service.mark_source(store_from(db), marking=marking, feed=feed, site=site)
        typer.echo(f"{kind} {name}: {marking.label()} by default")

    @source.command("unmark")
    def unmark(feed: FeedOption = None, site: SiteOption = None, db: DbOption = None) -> None:
        """Remove a feed's or a site's default marking."""
        kind, name = service.unmark_source(store_from(db), feed=feed, site=site)
        typer.echo(f"{kind} {name}: no default marking")

    @source.command("marks")
    def marks(db: DbOption = None) -> None:
        """Default markings per feed and per site."""
        table = Table("kind", "feed or site", "marking")
        for (kind, name), m in store_from(db).source_marks.all().items():
            table.add_row(kind, name, m.label())
        Console().print(table)
