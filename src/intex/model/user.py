from __future__ import annotations

import enum
from dataclasses import dataclass

from intex.model.marking import TLP, Marking
from intex.model.partner import Partner


class Role(enum.StrEnum):
    """What a web UI account may do: readers read, analysts also review and ingest,
    admins also manage accounts and partners."""

    READER = "reader"
    ANALYST = "analyst"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return (Role.READER, Role.ANALYST, Role.ADMIN).index(self)


@dataclass(frozen=True, slots=True)
class User:
    """A local account of the web UI, with the clearance its holder reads under.

    ``clearance`` is the highest TLP the user may see below RED; ``countries`` (ISO 3166
    alpha-3) what the user counts as for releasability, as for a partner. TLP:RED is for
    named recipients only: no clearance implies it; ``red`` says an admin named this user
    one (a recipient is inside the organisation: cleared for AMBER+STRICT).
    """

    name: str
    role: Role = Role.READER
    clearance: TLP = TLP.GREEN
    countries: tuple[str, ...] = ()
    red: bool = False

    def agreement(self) -> Partner:
        """The clearance read as a sharing agreement inside the owning organisation, so
        that one rule (``Partner.may_see``) decides for partners and people alike."""
        return Partner(self.name, max_tlp=self.clearance, countries=self.countries,
                       own=self.clearance >= TLP.AMBER_STRICT)

    def may_see(self, marking: Marking) -> bool:
        """``Partner.may_see`` for the user's agreement; TLP:RED, which never leaves the
        node, reaches only the node's named RED recipients (releasability still applies)."""
        if marking.tlp is TLP.RED:
            return self.red and self.clearance >= TLP.AMBER_STRICT and self.agreement(
            ).may_see(Marking(TLP.AMBER_STRICT, marking.releasable_to))
        return self.agreement().may_see(marking)

    @property
    def clearance_label(self) -> str:
        """"TLP:AMBER+STRICT, RED recipient": what the user reads under, in words."""
        return f"TLP:{self.clearance.label}" + (", RED recipient" if self.red else "")

    def can(self, role: Role) -> bool:
        """Whether this user holds ``role`` or a higher one."""
        return self.role.rank >= role.rank
