"""One report through the pipeline, into model objects with stable ids."""

from __future__ import annotations

from datetime import date

from intex.model import Claim, Document, Entity, Extraction, Mention

__all__ = ["Extraction", "run"]  # Extraction is re-exported: callers name it from here
from intex.model.ids import claim_id, content_hash
from intex.model.ids import report_id as make_report_id
from intex.pipeline import Doc, Pipeline, fingerprint


def run(pipeline: Pipeline, raw: str, *, format: str = "text", url: str | None = None,
        published: date | None = None, title: str | None = None,
        source_name: str | None = None, report_id: str | None = None) -> Extraction:
    """``report_id`` keeps a stored report's id when it is read again."""
    doc = pipeline(Doc(raw=raw, format=format, url=url, published=published))
    if title and not doc.title:
        doc.title = title
    chash = content_hash(doc.text)
    rid = report_id or make_report_id(url or chash)
    document = Document(
        id=rid, text=doc.text, content_hash=chash, title=doc.title,
        published=doc.published or doc.page_published, language=doc.language, url=doc.url,
        site=doc.site, source_name=source_name, format=format)
    by_entity: dict[str, list[Mention]] = {}
    for m in doc.mentions:
        by_entity.setdefault(m.entity_id, []).append(m)
    entities = tuple(
        Entity(e.id, e.name, e.type, e.aliases, e.country, e.kind,
               tuple(by_entity.get(e.id, ())))
        for e in doc.entities.values())
    seen: dict[tuple[int, float, float | None], int] = {}
    claims = []
    for c in doc.claims:
        k = (c.evidence.start, c.value, c.value_max)
        seen[k] = seen.get(k, -1) + 1
        claims.append(Claim(
            c.value, c.value_max, c.approx, c.unit, c.subject, c.status, c.location, c.sources,
            c.date, c.modality, c.evidence, c.vague,
            id=claim_id(rid, c.evidence.start, c.evidence.end, c.value, c.value_max, seen[k])))
    sig = fingerprint.minhash(doc.text)
    return Extraction(document, entities, tuple(doc.mentions), tuple(claims), raw, format,
                      tuple(sig), tuple(fingerprint.bands(sig)))
