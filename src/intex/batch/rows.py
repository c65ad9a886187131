"""Results as flat rows for Parquet: reports, entities (per report) and claims.

Column names and simple types are declared once here; each engine maps them to its own
types (pyarrow locally, Spark SQL on Spark), so both write the same tables.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from intex.batch.extract import Result
from intex.model import Extraction, Marking

COLUMNS: dict[str, list[tuple[str, str]]] = {
    "reports": [("id", "string"), ("seq_unit", "int"), ("seq_record", "int"),
                ("name", "string"), ("url", "string"), ("title", "string"),
                ("published", "date"), ("language", "string"), ("site", "string"),
                ("format", "string"), ("content_hash", "string"), ("text", "string"),
                ("claims", "int"), ("tlp", "string"), ("releasable_to", "string")],
    "entities": [("report_id", "string"), ("entity_id", "string"), ("name", "string"),
                 ("type", "string"), ("kind", "string"), ("country", "string"),
                 ("mentions", "int")],
    "claims": [("id", "string"), ("report_id", "string"), ("value", "double"),
               ("value_max", "double"), ("approx", "bool"), ("unit", "string"),
               ("subject", "string"), ("status", "string"), ("location", "string"),
               ("date", "string"), ("modality", "string"), ("sources", "string"),
               ("evidence", "string"), ("evidence_start", "int"), ("evidence_end", "int"),
               ("vague", "bool")],
    "errors": [("seq_unit", "int"), ("seq_record", "int"), ("name", "string"),
               ("error", "string")],
}


def table_rows(result: Result, marking: Marking | None = None,
               ) -> Iterator[tuple[str, dict[str, Any]]]:
    """(table, row) pairs for one result."""
    unit, record = result.seq
    if result.skipped is not None:
        return
    if result.extraction is None:
        yield "errors", {"seq_unit": unit, "seq_record": record, "name": result.name,
                         "error": result.error}
        return
    yield from _extraction_rows(result.extraction, unit, record, result.name,
                                marking or Marking())


def _extraction_rows(ex: Extraction, unit: int, record: int, name: str, marking: Marking,
                     ) -> Iterator[tuple[str, dict[str, Any]]]:
    d = ex.document
    yield "reports", {
        "id": d.id, "seq_unit": unit, "seq_record": record, "name": name, "url": d.url,
        "title": d.title, "published": d.published, "language": d.language, "site": d.site,
        "format": d.format, "content_hash": d.content_hash, "text": d.text,
        "claims": len(ex.claims), "tlp": marking.tlp.name,
        "releasable_to": ",".join(marking.releasable_to) or None}
    for e in ex.entities:
        yield "entities", {"report_id": d.id, "entity_id": e.id, "name": e.name,
                           "type": e.type, "kind": e.kind, "country": e.country,
                           "mentions": len(e.mentions)}
    for c in ex.claims:
        yield "claims", {
            "id": c.id, "report_id": d.id, "value": float(c.value),
            "value_max": None if c.value_max is None else float(c.value_max),
            "approx": c.approx, "unit": c.unit, "subject": c.subject, "status": c.status,
            "location": c.location, "date": c.date, "modality": c.modality,
            "sources": " < ".join(s.name for s in c.sources) or None,
            "evidence": c.evidence.text, "evidence_start": c.evidence.start,
            "evidence_end": c.evidence.end, "vague": c.vague}
