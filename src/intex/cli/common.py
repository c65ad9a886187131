"""What every command that touches the ledger shares: opening the store from settings."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from intex import service
from intex.config import Settings

if TYPE_CHECKING:
    from intex.service import Store

DbOption = Annotated[str | None, typer.Option(
    "--db", help="database: a SQLite file or a SQLAlchemy URL (default: $INTEX_DB, "
                 "else ~/.local/share/intex/intex.db)")]


def store_from(db: str | None) -> Store:
    return service.open_ledger(Settings.from_env(db=db).db_url)


def read_secret(path: Path) -> str:
    """A password or key from a file the user named (for scripts), without its newline."""
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError as err:
        raise typer.BadParameter(f"{path}: {err.strerror}") from None


def load_extractor() -> None:
    """Build the extraction pipeline now (gazetteer, weights, and what its parts build on
    first use) and move what it holds out of the garbage collector's sight: it lives as
    long as the command, and the collector's passes during each report then need not walk
    its half million objects again (some 3 ms a report over a long batch, see
    bench/results.md). For commands that extract many reports."""
    service.ready_pipeline()
    gc.freeze()

