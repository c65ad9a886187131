"""``intex serve``: the web UI, its JSON API and the TAXII 2.1 server, at one address."""

from __future__ import annotations

from typing import Annotated

import typer

from intex import service
from intex.cli.common import DbOption, store_from
from intex.config import Settings


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        host: Annotated[str, typer.Option(
            help="address to listen on (loopback unless you say otherwise)")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="TCP port")] = 8000,
        db: DbOption = None,
    ) -> None:
        """Serve the ledger: the web UI at /, its JSON API at /api/ and TAXII 2.1 at /taxii2/.

        The ledger is published first (its current STIX form kept as objects); each
        partner then sees what its agreement's TLP and releasability allow, and each web
        UI user (intex user add) what their clearance allows.
        """
        import uvicorn

        from intex import taxii, web

        settings = Settings.from_env(db=db)
        store = store_from(db)
        new, held = service.publish(store)
        typer.echo(f"published {new} new objects ({held} already held); serving "
                   f"http://{host}:{port}/ (web UI, /api/, TAXII under /taxii2/)", err=True)
        if not store.users.all():
            typer.echo("no web UI accounts yet: add one with `intex user add NAME --role admin`",
                       err=True)
        app = web.create_app(store, others={"/taxii2": taxii.create_app(store)},
                             session_hours=settings.session_hours)
        import gc

        # what is loaded by now lives as long as the server: full collections, which a
        # page of a thousand objects triggers, need not walk it again each time
        gc.freeze()
        uvicorn.run(app, host=host, port=port, log_level="warning")
