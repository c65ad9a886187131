from __future__ import annotations

from dataclasses import dataclass

from intex.model.claim import Claim
from intex.model.document import Document
from intex.model.entity import Entity, Mention


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything one report yielded: the document, its entities and mentions, its claims."""

    document: Document
    entities: tuple[Entity, ...]
    mentions: tuple[Mention, ...]
    claims: tuple[Claim, ...]
    raw: str | None = None  # the input as read, kept so that a later extractor can re-read it
    raw_format: str = "text"
    signature: tuple[int, ...] = ()  # MinHash of the text, for near-duplicate look-up
    bands: tuple[str, ...] = ()  # the signature's LSH bands

    def to_json(self) -> dict[str, object]:
        """The claims contract of ../shared/spec/claims.md."""
        return {
            "document": self.document.to_json(),
            "entities": [e.to_json() for e in self.entities
                         if e.type in ("PERSON", "ORG", "GPE", "LOC", "FORCE")],
            "claims": [c.to_json() for c in self.claims],
        }
