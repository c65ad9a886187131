from __future__ import annotations

from dataclasses import dataclass, field

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "FORCE")


@dataclass(frozen=True, slots=True)
class Mention:
    """One place where a document names an entity, and why intex thinks so."""

    entity_id: str
    start: int
    end: int
    text: str
    why: str = "gazetteer"  # gazetteer | alias | role | demonym | metonymy | pattern | ner

    def to_json(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical person, body or place, whatever spelling a report uses."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    country: str | None = None  # ISO 3166 alpha-2 where known
    kind: str | None = None  # finer kind: outlet, agency, government, anonymous, ...
    mentions: tuple[Mention, ...] = field(default=(), compare=False)
    lat: float | None = None  # WGS 84 degrees, for places the gazetteer can put on a map
    lon: float | None = None

    def to_json(self) -> dict[str, object]:
        return {"name": self.name, "type": self.type, "id": self.id,
                "mentions": [m.to_json() for m in self.mentions]}
