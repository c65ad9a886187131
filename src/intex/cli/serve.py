"""``intex serve``: the ledger over TAXII 2.1, for the partners ``intex partner`` registers."""

from __future__ import annotations

from typing import Annotated

import typer

from intex import service
from intex.cli.common import DbOption, store_from


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        host: Annotated[str, typer.Option(
            help="address to listen on (loopback unless you say otherwise)")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="TCP port")] = 8000,
        db: DbOption = None,
    ) -> None:
        """Serve the ledger as a TAXII 2.1 server under /taxii2/.

        The ledger is published first (its current STIX form kept as objects); each
        partner then sees what its agreement's TLP and releasability allow.
        """
        import uvicorn

        from intex.taxii import create_app

        store = store_from(db)
        new, held = service.publish(store)
        typer.echo(f"published {new} new objects ({held} already held); "
                   f"serving http://{host}:{port}/taxii2/", err=True)
        uvicorn.run(create_app(store), host=host, port=port, log_level="warning")
