"""``intex partner``: who intex shares with, under which agreement."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from intex import service
from intex.cli.common import DbOption, read_secret, store_from
from intex.cli.marking import RelOption, parse_marking
from intex.model import Partner


def _secret(path: Path | None) -> str | None:
    return None if path is None else read_secret(path)


def register(app: typer.Typer) -> None:
    partner = typer.Typer(help="Partners and their sharing agreements.", no_args_is_help=True)
    app.add_typer(partner, name="partner")

    @partner.command("add")
    def add(
        name: Annotated[str, typer.Argument(help="the partner's name; also its user name")],
        tlp: Annotated[str, typer.Option(
            help="the highest TLP it may see: clear, green, amber (never red)")] = "green",
        rel: RelOption = None,
        write: Annotated[bool, typer.Option(help="it may POST bundles to intex")] = False,
        own: Annotated[bool, typer.Option(
            help="a node of our own organisation (may see TLP:AMBER+STRICT)")] = False,
        secret_file: Annotated[Path | None, typer.Option(
            help="take its password from this file instead of making one")] = None,
        url: Annotated[str | None, typer.Option(help="its TAXII API root, to pull from")] = None,
        collection: Annotated[str | None, typer.Option(help="its collection id")] = None,
        remote_user: Annotated[str | None, typer.Option(
            help="the user name intex logs in to its server with")] = None,
        remote_secret_file: Annotated[Path | None, typer.Option(
            help="file holding the password intex logs in to its server with")] = None,
        push: Annotated[bool, typer.Option(
            help="push to its server on sync (otherwise: when its collection says can_write)",
        )] = False,
        db: DbOption = None,
    ) -> None:
        """Register a partner and print its credentials (shown this once only); recorded in
        the audit log."""
        marking = parse_marking(tlp, rel)
        creds = service.add_partner(
            store_from(db),
            Partner(name, marking.tlp, marking.releasable_to, write, own, url, collection,
                    push=push),
            password=_secret(secret_file), remote_user=remote_user,
            remote_secret=_secret(remote_secret_file))
        typer.echo(f"partner {name}: up to TLP:{marking.tlp.label}"
                   + (f", countries {', '.join(marking.releasable_to)}"
                      if marking.releasable_to else ""))
        typer.echo(f"user name: {creds.name}")
        if secret_file is None:
            typer.echo(f"password:  {creds.password}")
        typer.echo(f"API key:   {creds.api_key}")
        typer.echo("These are shown once; intex keeps only their hashes.", err=True)

    @partner.command("list")
    def list_(db: DbOption = None) -> None:
        """Partners with their agreements."""
        table = Table("partner", "max TLP", "countries", "writes", "own", "pulls from",
                      "state")
        for p in store_from(db).partners.all():
            table.add_row(p.name, p.max_tlp.label, ", ".join(p.countries), "yes" if p.can_write
                          else "", "yes" if p.own else "", p.url or "",
                          "revoked" if p.revoked else "active")
        Console().print(table)

    @partner.command("set")
    def set_(
        name: Annotated[str, typer.Argument(help="the partner's name")],
        tlp: Annotated[str | None, typer.Option(
            help="the highest TLP it may see: clear, green, amber (never red)")] = None,
        rel: Annotated[str | None, typer.Option(
            help="the countries it counts as: ISO 3166 alpha-3 codes, comma-separated "
                 "(UKR,KOR); an empty string for none")] = None,
        write: Annotated[bool | None, typer.Option(
            "--write/--no-write", help="it may POST bundles to intex")] = None,
        own: Annotated[bool | None, typer.Option(
            "--own/--no-own", help="a node of our own organisation")] = None,
        db: DbOption = None,
    ) -> None:
        """Change a partner's agreement; what is not given stays. Its credentials stay, its
        next request sees exactly what the new agreement allows (recorded in the audit
        log)."""
        marking = parse_marking(tlp or "clear", rel)
        new = service.change_partner(
            store_from(db), name, max_tlp=marking.tlp if tlp is not None else None,
            countries=marking.releasable_to if rel is not None else None,
            can_write=write, own=own)
        typer.echo(f"partner {name}: {service.agreement(new)}")

    @partner.command("revoke")
    def revoke(name: str, db: DbOption = None) -> None:
        """Revoke a partner: its credentials stop working at once (recorded in the audit
        log)."""
        service.revoke_partner(store_from(db), name)
        typer.echo(f"partner {name}: revoked")
