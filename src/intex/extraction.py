"""One report through the pipeline, as the contract's JSON or as model objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from intex.model import Claim, Document, Entity, Mention
from intex.model.ids import claim_id, content_hash
from intex.model.ids import report_id as make_report_id
from intex.pipeline import Doc, Pipeline


@dataclass(frozen=True)
class Extraction:
    document: Document
    entities: tuple[Entity, ...]
    mentions: tuple[Mention, ...]
    claims: tuple[Claim, ...]
    raw: str | None = None  # the input as read, kept so that a later extractor can re-read it
    raw_format: str = "text"

    def to_json(self) -> dict[str, object]:
        return {
            "document": self.document.to_json(),
            "entities": [e.to_json() for e in self.entities
                         if e.type in ("PERSON", "ORG", "GPE", "LOC", "FORCE")],
            "claims": [c.to_json() for c in self.claims],
        }


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
    return Extraction(document, entities, tuple(doc.mentions), tuple(claims), raw, format)
