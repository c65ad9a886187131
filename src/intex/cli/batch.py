"""``intex batch``: a large corpus through the pipeline, locally or on Apache Spark."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from intex.cli.common import store_from
from intex.cli.marking import RelOption, TlpOption, parse_marking
from intex.config import Settings


def register(app: typer.Typer) -> None:
    @app.command()
    def batch(
        inputs: Annotated[list[str], typer.Argument(
            help="folders of text/HTML, JSON lines files (.jsonl), WARC files (.warc.gz)")],
        engine: Annotated[str, typer.Option(help="local (this process) or spark")] = "local",
        master: Annotated[str, typer.Option(
            help="Spark master: local[*], local[2], spark://HOST:7077")] = "local[*]",
        out: Annotated[Path | None, typer.Option(
            help="write reports, entities, claims (and errors) as Parquet here")] = None,
        db: Annotated[str | None, typer.Option(
            "--db", help="load into this database (SQLite file or SQLAlchemy URL); "
                         "without --out, $INTEX_DB or the default ledger")] = None,
        partitions: Annotated[int | None, typer.Option(
            help="Spark partitions to extract in (default: the cluster's parallelism)")] = None,
        tlp: TlpOption = "clear",
        rel: RelOption = None,
    ) -> None:
        """Extract a corpus in bulk: Parquet out and/or into the ledger, idempotently.

        Bad records (damaged WARC records by file and byte offset, pages that are no
        text) are counted and named, never fatal; records that are no report (requests,
        redirects, stylesheets) are counted as skipped. Re-running changes nothing.
        """
        from intex.batch.driver import run_batch  # the batch engines load only when asked

        marking = parse_marking(tlp, rel)
        settings = Settings.from_env(db=db)
        store = store_from(db) if db is not None or out is None else None
        err = Console(stderr=True)
        try:
            report = run_batch(inputs, engine=engine, master=master, out=out, store=store,
                               marking=marking, partitions=partitions,
                               max_bytes=settings.max_bytes)
        finally:
            if store is not None:
                store.close()
        for line in report.errors:
            err.print(f"[red]error[/red] {line}", highlight=False, soft_wrap=True)
        if report.failed > len(report.errors):
            err.print(f"… and {report.failed - len(report.errors)} more errors", soft_wrap=True)
        summary = (f"{report.records} records: {report.extracted} extracted "
                   f"({report.claims} claims), {report.failed} failed")
        if report.skipped:
            reasons = sorted(report.skipped.items(), key=lambda kv: (-kv[1], kv[0]))
            summary += (f"; {sum(report.skipped.values())} skipped ("
                        + ", ".join(f"{why}: {n}" for why, n in reasons) + ")")
        if store is not None:
            summary += f"; ledger: {report.added} added, {report.unchanged} unchanged"
        if out is not None:
            summary += f"; Parquet in {out}"
        typer.echo(summary, err=True)
        if report.failed:
            raise typer.Exit(1)
