"""Reading the ledger: ``intex claims``, ``entities``, ``show``, ``search``."""

from __future__ import annotations

import csv
import json
import sys
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from intex import service
from intex.cli.common import DbOption, store_from
from intex.errors import NotFound

if TYPE_CHECKING:
    from intex.service import ClaimRow

Format = Annotated[str, typer.Option("--format", "-f", help="table, json or csv")]
Text = str | None
Subject = Annotated[Text, typer.Option(help="words of the subject: 'North Korean troops'")]
Source = Annotated[Text, typer.Option(help="part of a source's name")]
Status = Annotated[Text, typer.Option(help="deployed, killed, launched, ...")]
Location = Annotated[Text, typer.Option(help="part of a place name")]
Since = Annotated[Text, typer.Option(help="claims dated on or after YYYY[-MM[-DD]]")]
Until = Annotated[Text, typer.Option(help="claims dated on or before YYYY[-MM[-DD]]")]
Review = Annotated[Text, typer.Option(help="auto, accepted, rejected or corrected")]
All = Annotated[bool, typer.Option("--all", help="every report's copy, not one per origin")]
Evidence = Annotated[bool, typer.Option("--evidence", help="show each claim's sentence")]


def _value(row: ClaimRow) -> str:
    c = row.claim

    def fmt(v: float) -> str:
        return f"{v:,.0f}" if float(v).is_integer() else f"{v:,}"

    text = fmt(c.value) if c.value_max is None else f"{fmt(c.value)}–{fmt(c.value_max)}"
    return ("~" if c.approx else "") + text


def _row_json(row: ClaimRow) -> dict[str, object]:
    out = row.claim.to_json()
    out.update({"id": row.claim.id, "report": row.report_id, "report_title": row.title,
                "published": row.published.isoformat() if row.published else None,
                "site": row.site, "review": row.review, "origin": row.origin,
                "repeated_by": row.repeats, "grades": row.grades})
    return out


def register(app: typer.Typer) -> None:
    @app.command()
    def claims(
        subject: Subject = None,
        source: Source = None,
        status: Status = None,
        location: Location = None,
        since: Since = None,
        until: Until = None,
        review: Review = None,
        all_: All = False,
        evidence: Evidence = False,
        limit: Annotated[int, typer.Option(help="at most this many rows")] = 1000,
        format: Format = "table",
        db: DbOption = None,
    ) -> None:
        """The ledger: who said what number about what, when — one row per origin, over time."""
        rows = service.ledger(store_from(db), service.ClaimFilter(
            subject=subject, source=source, status=status, location=location, since=since,
            until=until, review=review, fold=not all_, limit=limit))
        if format == "json":
            sys.stdout.write(json.dumps([_row_json(r) for r in rows], ensure_ascii=False,
                                        indent=2) + "\n")
        elif format == "csv":
            w = csv.writer(sys.stdout)
            w.writerow(["date", "value", "value_max", "approx", "unit", "subject", "status",
                        "location", "sources", "grades", "modality", "repeated_by", "review",
                        "report", "evidence"])
            for r in rows:
                c = r.claim
                w.writerow([c.date, c.value, c.value_max, c.approx, c.unit, c.subject, c.status,
                            c.location, " < ".join(s.name for s in c.sources),
                            "".join(r.grades.get(s.name, "F") for s in c.sources), c.modality,
                            r.repeats, r.review, r.report_id, c.evidence.text])
        elif format == "table":
            table = Table(title=f"{len(rows)} claims", show_lines=evidence)
            cols = ["date", "value", "subject", "status", "where", "according to (grade)",
                    "how sure", "origin"] + (["evidence"] if evidence else [])
            for col in cols:
                table.add_column(col, overflow="fold")
            for r in rows:
                c = r.claim
                chain = " ← ".join(f"{s.name} ({r.grades.get(s.name, 'F')})" for s in c.sources)
                cells = [c.date or "", _value(r), c.subject or c.unit or "", c.status,
                         c.location or "", chain or "—", c.modality,
                         f"{r.repeats} reports" if r.repeats > 1 else "1 report"]
                table.add_row(*cells, *([c.evidence.text] if evidence else []))
            Console().print(table)
        else:
            raise typer.BadParameter("--format is table, json or csv")

    @app.command()
    def entities(
        type: Annotated[str | None, typer.Option(help="PERSON, ORG, GPE or LOC")] = None,
        name: Annotated[str | None, typer.Option(help="part of a name or alias")] = None,
        limit: int = 100, format: Format = "table", db: DbOption = None,
    ) -> None:
        """Canonical entities, most mentioned first, with the spellings seen."""
        store = store_from(db)
        rows = store.entities(type, name, limit)
        if format == "json":
            sys.stdout.write(json.dumps([
                {"id": i, "name": n, "type": ty, "mentions": m, "reports": rp,
                 "aliases": sorted({a for a, _ in store.aliases(i)})}
                for i, n, ty, m, rp in rows], ensure_ascii=False, indent=2) + "\n")
            return
        table = Table("name", "type", "mentions", "reports", "spellings seen")
        for i, n, ty, m, rp in rows:
            table.add_row(n, ty, str(m), str(rp),
                          ", ".join(sorted({a for a, _ in store.aliases(i)} - {n}))[:120])
        Console().print(table)

    @app.command()
    def show(object_id: Annotated[str, typer.Argument(help="a report id or a claim id")],
             db: DbOption = None) -> None:
        """A report (metadata, claims, near-duplicates) or a claim (with its provenance)."""
        store = store_from(db)
        out = Console()
        if object_id.startswith("claim--"):
            rows = store.claims(service.ClaimFilter(claim=object_id, fold=False))
            if not rows:
                typer.secho(f"intex: {object_id}: no such claim", err=True, fg="red")
                raise typer.Exit(2)
            r = rows[0]
            c = r.claim
            out.print(f"[bold]{_value(r)} {c.subject or c.unit or ''}[/bold] — {c.status}, "
                      f"{c.modality}", highlight=False)
            for label, val in (
                    ("according to", " ← ".join(f"{s.name} ({r.grades.get(s.name, 'F')})"
                                                for s in c.sources) or "—"),
                    ("where", c.location or "—"), ("when", c.date or "—"),
                    ("evidence", f"“{c.evidence.text}”"),
                    ("report", f"{r.report_id} ({r.title or 'untitled'}), characters "
                               f"{c.evidence.start}-{c.evidence.end}"),
                    ("extracted by", r.extractor or "?"), ("review", r.review),
                    ("origin", f"{r.origin[:12]}, repeated by {r.repeats} report(s)")):
                out.print(f"{label:>13}: {val}", highlight=False)
            return
        try:
            doc = store.report(object_id)
        except NotFound:
            typer.secho(f"intex: {object_id}: no such report", err=True, fg="red")
            raise typer.Exit(2) from None
        out.print(f"[bold]{doc.title or '(untitled)'}[/bold]")
        out.print(f"id {doc.id}  published {doc.published or '?'}  language {doc.language or '?'}"
                  f"  site {doc.site or '?'}  from {doc.source_name or doc.url or '?'}",
                  highlight=False)
        for other, sim in store.near_duplicates(doc.id):
            out.print(f"near-duplicate of {other} (similarity {sim:.2f})")
        rows = store.claims(service.ClaimFilter(report=doc.id, fold=False))
        table = Table("claim", "value", "subject", "status", "according to", "date")
        for r in rows:
            c = r.claim
            table.add_row(c.id or "", _value(r), c.subject or "", c.status,
                          " ← ".join(s.name for s in c.sources), c.date or "")
        out.print(table)

    @app.command()
    def search(words: Annotated[str, typer.Argument(help="words to find in reports")],
               limit: int = 20, db: DbOption = None) -> None:
        """Full-text search over reports."""
        rows = store_from(db).search(words, limit)
        table = Table("report", "title", "where")
        for rid, title, snip in rows:
            table.add_row(rid, title or "", snip)
        Console().print(table)
