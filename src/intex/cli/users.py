"""``intex user``: the web UI's local accounts, their roles and clearances, and who is a
named recipient of TLP:RED."""

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


ClearanceOption = Annotated[str, typer.Option(
    help="the highest TLP the user may see: clear, green, amber or amber+strict (TLP:RED "
         "is no clearance: see --red)")]
RedOption = Annotated[bool, typer.Option(
    "--red", help="name the user a recipient of TLP:RED (cleared for amber+strict); "
                  "nobody else ever sees RED")]


def _account(name: str, role: str, clearance: str, rel: str | None, red: bool) -> User:
    try:
        level = Role(role)
    except ValueError:
        raise typer.BadParameter("role is reader, analyst or admin") from None
    marking = parse_marking(clearance, rel)
    return User(name, level, marking.tlp, marking.releasable_to, red)


def _described(u: User) -> str:
    return (f"{u.role.value}, cleared up to {u.clearance_label}"
            + (f", countries {', '.join(u.countries)}" if u.countries else ""))


def register(app: typer.Typer) -> None:
    user = typer.Typer(help="Web UI accounts: roles and clearances.", no_args_is_help=True)
    app.add_typer(user, name="user")

    @user.command("add")
    def add(
        name: Annotated[str, typer.Argument(help="the user name to sign in with")],
        role: Annotated[str, typer.Option(
            help="reader (reads), analyst (also reviews and ingests) or admin "
                 "(also manages accounts)")] = "reader",
        clearance: ClearanceOption = "green",
        rel: RelOption = None,
        red: RedOption = False,
        password_file: Annotated[Path | None, typer.Option(
            help="take the password from this file instead of asking for it")] = None,
        db: DbOption = None,
    ) -> None:
        """Add a web UI account (the password is asked for, at least 12 characters)."""
        user = _account(name, role, clearance, rel, red)
        store = store_from(db)
        service.add_user(store, user, _password(password_file))
        typer.echo(f"user {name}: {_described(user)}")

    @user.command("change")
    def change(
        name: Annotated[str, typer.Argument(help="the user name")],
        role: Annotated[str | None, typer.Option(help="reader, analyst or admin")] = None,
        clearance: Annotated[str | None, typer.Option(
            help="clear, green, amber or amber+strict")] = None,
        rel: RelOption = None,
        red: Annotated[bool | None, typer.Option(
            "--red/--no-red", help="name the user a recipient of TLP:RED, or no longer",
            show_default=False)] = None,
        db: DbOption = None,
    ) -> None:
        """Change an account's role, clearance, countries or TLP:RED recipiency (what is
        not given stays); recorded in the audit log."""
        store = store_from(db)
        was = store.users.get(name)
        user = _account(name, role or was.role.value,
                        clearance or was.clearance.name,
                        rel if rel is not None else ",".join(was.countries),
                        was.red if red is None else red)
        service.change_user(store, user)
        typer.echo(f"user {name}: {_described(user)} (was {_described(was)})")

    @user.command("list")
    def list_(db: DbOption = None) -> None:
        """Accounts with their roles and clearances."""
        table = Table("user", "role", "clearance", "TLP:RED", "countries")
        for u in store_from(db).users.all():
            table.add_row(u.name, u.role.value, f"TLP:{u.clearance.label}",
                          "named recipient" if u.red else "", ", ".join(u.countries))
        Console().print(table)

    @user.command("remove")
    def remove(name: Annotated[str, typer.Argument(help="the user name")],
               db: DbOption = None) -> None:
        """Remove an account; its sessions end at once."""
        service.remove_user(store_from(db), name)
        typer.echo(f"user {name}: removed")
