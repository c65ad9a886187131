"""What one reader may see, as SQL: the marking rule of ``intex.model`` turned into a
WHERE clause, so that pages, counts and exports never load what they must not show.

A ``Sight`` is made from a rule (``User.may_see`` or ``Partner.may_see``) by asking it
about each TLP level; releasability is the rule's other half (an object marked REL TO
some countries reaches a reader who counts as one of them). ``tests/store/test_sight.py``
checks the SQL against the rule for any marking.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, case, false, literal, or_

from intex.model import TLP, Marking

_COUNTRY = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class Sight:
    """The TLP levels a reader may see and the countries they count as."""

    levels: frozenset[TLP]
    countries: tuple[str, ...] = ()

    @classmethod
    def of(cls, may_see: Callable[[Marking], bool], countries: tuple[str, ...]) -> Sight:
        """The sight of a marking rule that reads levels and releasability apart (as
        ``Partner.may_see`` and ``User.may_see`` do)."""
        bad = [c for c in countries if not _COUNTRY.match(c)]
        if bad:
            raise ValueError(f"not ISO 3166 alpha-3 country codes: {', '.join(bad)}")
        return cls(frozenset(lvl for lvl in TLP if may_see(Marking(lvl))), countries)

    def allows(self, marking: Marking) -> bool:
        """The rule as this sight holds it, in Python (for objects already loaded)."""
        return marking.tlp in self.levels and (
            not marking.releasable_to or bool(set(marking.releasable_to) & set(self.countries)))

    def condition(self, tlp: ColumnElement[str] | ColumnElement[str | None],
                  rel: ColumnElement[str] | ColumnElement[str | None]) -> ColumnElement[bool]:
        """SQL: an object whose marking columns are ``tlp`` (a TLP name) and ``rel``
        (comma-separated country codes, or NULL) may be shown."""
        if not self.levels:
            return false()
        level = tlp.in_(sorted(lvl.name for lvl in self.levels))
        padded = literal(",") + rel + literal(",")
        reach = or_(rel.is_(None), rel == "",
                    *(padded.contains(f",{c},") for c in self.countries))
        return and_(level, reach)


def claim_marking(claim_tlp: ColumnElement[str | None], claim_rel: ColumnElement[str | None],
                  report_tlp: ColumnElement[str], report_rel: ColumnElement[str | None],
                  ) -> tuple[ColumnElement[str], ColumnElement[str | None]]:
    """A claim's marking columns: its own when it has one, else its report's."""
    own = claim_tlp.isnot(None)
    return (case((own, claim_tlp), else_=report_tlp),
            case((own, claim_rel), else_=report_rel))
