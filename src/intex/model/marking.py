from __future__ import annotations

import enum
from dataclasses import dataclass


class TLP(enum.IntEnum):
    """Traffic Light Protocol 2.0, ordered from most to least shareable."""

    CLEAR = 0
    GREEN = 1
    AMBER = 2
    AMBER_STRICT = 3
    RED = 4

    @classmethod
    def parse(cls, text: str) -> TLP:
        key = text.strip().upper().replace("+", "_").replace("-", "_").removeprefix("TLP:")
        if key == "WHITE":  # TLP 1.0's name for CLEAR
            key = "CLEAR"
        try:
            return cls[key]
        except KeyError:
            raise ValueError(f"unknown TLP level {text!r}") from None

    @property
    def label(self) -> str:
        return self.name.replace("_", "+")


#: the releasability list of what may go to no country at all, only the ledger's owner
#: (two lists that share no country, combined): no partner's or user's country code,
#: which is three letters, ever matches it; an empty list means unrestricted instead
NOBODY = "NONE"


@dataclass(frozen=True, slots=True)
class Marking:
    """How far an object may travel: a TLP level and, optionally, who it is releasable to
    (``(NOBODY,)``: to no one outside the owner)."""

    tlp: TLP = TLP.CLEAR
    releasable_to: tuple[str, ...] = ()  # ISO 3166 alpha-3 codes, e.g. ("UKR", "KOR")

    def label(self) -> str:
        rel = f" REL TO {', '.join(self.releasable_to)}" if self.releasable_to else ""
        return f"TLP:{self.tlp.label}{rel}"
