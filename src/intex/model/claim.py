from __future__ import annotations

from dataclasses import dataclass

from intex.model.span import Span

STATUSES = (
    "deployed", "present", "training", "expected", "planned", "sent", "killed", "wounded",
    "casualties", "captured", "displaced", "supplied", "destroyed", "launched",
    "intercepted", "other",
)
MODALITIES = ("asserted", "estimated", "forecast", "intended", "denied", "reported")


@dataclass(frozen=True, slots=True)
class SourceRef:
    """One party in a claim's chain of sources; ``entity_id`` when it is a known entity."""

    name: str
    entity_id: str | None = None
    kind: str | None = None  # person, organization, government, outlet, anonymous


@dataclass(frozen=True, slots=True)
class Claim:
    """Who says what number about what, when, where, how sure, and where it is said."""

    value: float
    value_max: float | None
    approx: bool
    unit: str | None
    subject: str | None
    status: str
    location: str | None
    sources: tuple[SourceRef, ...]
    date: str | None  # ISO 8601, possibly partial: YYYY-MM-DD, YYYY-MM, YYYY or MM-DD
    modality: str
    evidence: Span
    vague: bool = False
    id: str | None = None

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "value": _num(self.value), "value_max": _num(self.value_max),
            "approx": self.approx, "unit": self.unit, "subject": self.subject,
            "status": self.status, "location": self.location,
            "sources": [s.name for s in self.sources], "date": self.date,
            "modality": self.modality, "evidence": self.evidence.to_json(),
        }
        if self.vague:
            out["vague"] = True
        return out


def _num(x: float | None) -> float | int | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else x
