"""What every command that touches the ledger shares: opening the store from settings."""

from __future__ import annotations

from typing import Annotated

import typer

from intex.config import Settings
from intex.service import Store, open_ledger

DbOption = Annotated[str | None, typer.Option(
    "--db", help="database: a SQLite file or a SQLAlchemy URL (default: $INTEX_DB, "
                 "else ~/.local/share/intex/intex.db)")]


def store_from(db: str | None) -> Store:
    return open_ledger(Settings.from_env(db=db).db_url)
