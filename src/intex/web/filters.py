"""The ledger's filters as a form: read from query parameters, each bad one named in a
message (and left out) rather than failing the page."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlencode

from intex.model import STATUSES, TLP, ReviewState
from intex.service import SORTS, ClaimFilter

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
LANGUAGES = ("en", "uk", "ru", "ko", "de", "fr")
PER_PAGE = (25, 50, 100, 200)
FIELDS = ("subject", "source", "status", "location", "since", "until", "tlp", "review",
          "language", "sort", "dir", "all", "per")


@dataclass
class LedgerQuery:
    values: dict[str, str]
    claim_filter: ClaimFilter
    sort: str = "date"
    descending: bool = False
    page: int = 1
    per: int = 50
    errors: list[str] = field(default_factory=list)
    after: str | None = None  # a cursor: the page after the row it stands for
    before: str | None = None  # or the page before it

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per

    def link(self, **changes: object) -> str:
        """This query with some parameters changed (None removes one), as a URL."""
        merged: dict[str, object] = {**self.values, "page": str(self.page)}
        merged.update(changes)
        return "/?" + urlencode({k: v for k, v in merged.items()
                                 if v not in (None, "") and not (k == "page" and v == "1")})

    def sort_link(self, key: str) -> str:
        flip = "asc" if self.sort == key and self.descending else "desc" \
            if self.sort == key else ("desc" if key in ("value", "marking") else "asc")
        return self.link(sort=key, dir=flip, page=None)


def read(params: Mapping[str, str]) -> LedgerQuery:
    values = {k: params.get(k, "").strip() for k in FIELDS if params.get(k, "").strip()}
    errors: list[str] = []

    def pick(name: str, allowed: tuple[str, ...], label: str) -> str | None:
        v = values.get(name)
        if v is None:
            return None
        if v not in allowed:
            errors.append(f"{label} “{v}” is not one of: {', '.join(allowed)}.")
            values.pop(name)
            return None
        return v

    for name, label in (("since", "From"), ("until", "To")):
        v = values.get(name)
        if v is not None and not DATE.match(v):
            errors.append(f"{label} “{v}” is not a date: write YYYY, YYYY-MM or YYYY-MM-DD.")
            values.pop(name)
    status = pick("status", STATUSES, "Status")
    tlp = values.get("tlp")
    if tlp is not None:
        try:
            tlp = TLP.parse(tlp).name
        except ValueError:
            errors.append(f"Marking “{tlp}” is not a TLP level.")
            values.pop("tlp")
            tlp = None
    review = pick("review", tuple(s.value for s in ReviewState), "Review")
    language = pick("language", LANGUAGES, "Language")
    sort = pick("sort", SORTS, "Sort") or "date"
    direction = pick("dir", ("asc", "desc"), "Order") or "asc"
    per = 50
    if "per" in values:
        per_text = pick("per", tuple(str(n) for n in PER_PAGE), "Rows per page")
        per = int(per_text) if per_text else 50
    try:
        page = max(1, min(int(params.get("page", "1") or "1"), 1_000_000))
    except ValueError:
        errors.append("Page must be a number.")
        page = 1
    f = ClaimFilter(subject=values.get("subject"), source=values.get("source"),
                    status=status, location=values.get("location"),
                    since=values.get("since"), until=values.get("until"), tlp=tlp,
                    review=review, language=language, fold=values.get("all") != "1")
    # cursors of the previous / next links (not kept in other links: a new filter or sort
    # starts from the first page)
    after = params.get("after", "").strip()[:2000] or None
    before = None if after else params.get("before", "").strip()[:2000] or None
    return LedgerQuery(values, f, sort, direction == "desc", page, per, errors, after, before)
