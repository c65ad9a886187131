from __future__ import annotations

from dataclasses import dataclass

from intex.model.marking import TLP, Marking


@dataclass(frozen=True, slots=True)
class Partner:
    """An organisation intex shares with, and what its agreement lets it see.

    ``countries`` are the ISO 3166 alpha-3 codes the partner counts as for releasability
    ("REL TO KOR" reaches a partner whose countries include KOR). ``own`` marks the
    owning organisation's own nodes: only they may see TLP:AMBER+STRICT.
    """

    name: str
    max_tlp: TLP = TLP.GREEN
    countries: tuple[str, ...] = ()
    can_write: bool = False
    own: bool = False
    url: str | None = None  # set when the partner runs a TAXII server intex pulls from
    collection: str | None = None
    revoked: bool = False
    push: bool = False  # push to its server even if its collection does not say can_write

    @property
    def audience(self) -> str:
        """The part of the agreement :meth:`may_see` reads, as a key: two partners with
        the same audience see the same objects (what the TAXII server keeps forms for)."""
        countries = ",".join(sorted(set(self.countries)))
        return f"{self.max_tlp.name}|{'own' if self.own else ''}|{countries}"

    def may_see(self, marking: Marking) -> bool:
        """Whether an object so marked may reach this partner. Never RED; AMBER+STRICT only
        inside the owning organisation; REL TO lists must name one of its countries."""
        if self.revoked or marking.tlp is TLP.RED:
            return False
        if marking.tlp is TLP.AMBER_STRICT:
            if not self.own:
                return False
        elif marking.tlp > self.max_tlp:
            return False
        if marking.releasable_to and not set(marking.releasable_to) & set(self.countries):
            return False
        return True
