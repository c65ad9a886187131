"""``intex export``: the ledger as a STIX 2.1 bundle."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from intex import service
from intex.cli.common import DbOption, store_from
from intex.cli.query import Location, Review, Since, Source, Status, Subject, Until
from intex.config import Settings


def register(app: typer.Typer) -> None:
    @app.command()
    def export(
        subject: Subject = None,
        source: Source = None,
        status: Status = None,
        location: Location = None,
        since: Since = None,
        until: Until = None,
        review: Review = None,
        output: Annotated[Path | None, typer.Option(
            "--output", "-o", help="write the bundle here instead of standard output")] = None,
        indent: Annotated[int | None, typer.Option(help="pretty-print with this indent")] = None,
        for_: Annotated[str | None, typer.Option(
            "--for", help="only what this partner's agreement lets it see (as over TAXII)",
        )] = None,
        profile: Annotated[str, typer.Option(
            help="stix: claims as attributed-claim objects; misp: each claim as a complete "
                 "note in core STIX, for MISP's converter")] = "stix",
        db: DbOption = None,
    ) -> None:
        """Write the selected claims, their reports and entities as a STIX 2.1 bundle.

        Same filters as `intex claims`. With --for, the bundle holds what that partner
        would get from `intex serve`: never TLP:RED, AMBER+STRICT only for our own nodes,
        REL TO lists respected, and no trace of what is left out. Every bundle passes
        the OASIS STIX validator before it is written. Recorded in the audit log (the
        question, not the answer), as exports from the web UI are.
        """
        f = service.ClaimFilter(subject=subject, source=source, status=status, location=location,
                        since=since, until=until, review=review, fold=False)
        asked = " ".join(f"--{k} {v}" for k, v in (
            ("subject", subject), ("source", source), ("status", status),
            ("location", location), ("since", since), ("until", until), ("review", review))
            if v is not None)  # the question, for the audit log (as the web's exports)
        store = store_from(db)
        bundle = service.export_bundle(store, f, profile=profile, asked=asked) \
            if for_ is None else service.export_for(store, for_, f, profile=profile,
                                                    asked=asked)
        text = service.bundle_text(bundle, indent=indent) + "\n"
        if output is None:
            sys.stdout.write(text)
        else:
            output.write_text(text, encoding="utf-8")
            typer.echo(f"{len(bundle['objects'])} objects written to {output}", err=True)

    @app.command("import")
    def import_(
        sources: Annotated[list[str], typer.Argument(help="STIX 2.1 bundle files or URLs")],
        partner: Annotated[str | None, typer.Option(
            help="who sent them: recorded with every object, report and claim")] = None,
        db: DbOption = None,
    ) -> None:
        """Take STIX 2.1 bundles from partners, MISP or OpenCTI into the ledger.

        Objects intex does not know are kept and can be served on; a bundle sent twice
        changes nothing; a malformed or hostile bundle is refused whole, naming it.
        """
        settings = Settings.from_env(db=db)
        failed = 0
        for ev in service.import_bundles(store_from(db), sources, partner=partner,
                                         timeout=settings.timeout):
            if ev.error is not None:
                failed += 1
                typer.secho(f"error {ev.error}", err=True, fg="red")
            else:
                typer.echo(f"{ev.name}: {ev.objects_new} new objects ({ev.objects_held} "
                           f"already held), {ev.reports} reports and {ev.claims} claims added",
                           err=True)
        if failed:
            raise typer.Exit(1)

    @app.command()
    def sync(
        name: Annotated[str | None, typer.Argument(
            help="one partner (default: every partner with a server)")] = None,
        page_size: Annotated[int, typer.Option(
            help="objects asked for per TAXII page (the server may send fewer)")] = 1000,
        db: DbOption = None,
    ) -> None:
        """Pull new objects from partners' TAXII servers, from where the last sync stopped,
        and push to those whose collection takes writes (or added with --push) what
        their agreement lets them see.

        Each page is committed as it arrives: an interrupted sync continues with the
        next page. Objects waiting for what they refer to are kept until it arrives.
        """
        from rich.progress import Progress, SpinnerColumn, TextColumn

        from intex.taxii.sync import sync as run_sync

        settings = Settings.from_env(db=db)
        failed = 0
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), transient=True) as bar:
            task = bar.add_task("syncing")

            def page(partner: str, count: int) -> None:
                bar.update(task, description=f"{partner}: page of {count} objects")

            for result in run_sync(store_from(db), name, timeout=settings.timeout,
                                   on_page=page, page_size=page_size):
                for error in (result.error, result.push_error):
                    if error is not None:
                        failed += 1
                        typer.secho(f"error {error}", err=True, fg="red")
                for note in result.push_notes:
                    typer.secho(f"  refused: {note}", err=True, fg="red")
                waiting = f", {result.waiting} waiting for what they refer to" \
                    if result.waiting else ""
                typer.echo(f"{result.partner}: {result.objects} objects in {result.pages} "
                           f"pages, {result.new} new, {result.reports} reports and "
                           f"{result.claims} claims added{waiting}; {result.pushed} pushed",
                           err=True)
        if failed:
            raise typer.Exit(1)
