"""``intex user``: the web UI's local accounts, their roles and clearances."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from intex import service
from intex.cli.common import DbOption, read_secret, store_from
from intex.cli.marking import RelOption, parse_marking
from intex.model import Role, User


def _password(path: Path | None) -> str:
    if path is None:
        return str(typer.prompt("password", hide_input=True, confirmation_prompt=True))
    return read_secret(path)


def register(app: typer.Typer) -> None:
    user = typer.Typer(help="Web UI accounts: roles and clearances.", no_args_is_help=True)
    app.add_typer(user, name="user")

    @user.command("add")
    def add(
        name: Annotated[str, typer.Argument(help="the user name to sign in with")],
        role: Annotated[str, typer.Option(
            help="reader (reads), analyst (also reviews and ingests) or admin "
                 "(also manages accounts)")] = "reader",
        clearance: Annotated[str, typer.Option(
            help="the highest TLP the user may see: clear, green, amber, amber+strict "
                 "or red")] = "green",
        rel: RelOption = None,
        password_file: Annotated[Path | None, typer.Option(
            help="take the password from this file instead of asking for it")] = None,
        db: DbOption = None,
    ) -> None:
        """Add a web UI account (the password is asked for, at least 12 characters)."""
        try:
            level = Role(role)
        except ValueError:
            raise typer.BadParameter("role is reader, analyst or admin") from None
        marking = parse_marking(clearance, rel)
        store = store_from(db)
        service.add_user(store, User(name, level, marking.tlp, marking.releasable_to),
                         _password(password_file))
        typer.echo(f"user {name}: {level.value}, cleared up to TLP:{marking.tlp.label}"
                   + (f", countries {', '.join(marking.releasable_to)}"
                      if marking.releasable_to else ""))

    @user.command("list")
    def list_(db: DbOption = None) -> None:
        """Accounts with their roles and clearances."""
        table = Table("user", "role", "clearance", "countries")
        for u in store_from(db).users.all():
            table.add_row(u.name, u.role.value, f"TLP:{u.clearance.label}",
                          ", ".join(u.countries))
        Console().print(table)

    @user.command("remove")
    def remove(name: Annotated[str, typer.Argument(help="the user name")],
               db: DbOption = None) -> None:
        """Remove an account; its sessions end at once."""
        service.remove_user(store_from(db), name)
        typer.echo(f"user {name}: removed")
