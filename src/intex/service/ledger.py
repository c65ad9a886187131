"""Asking the ledger: claims for a subject, estimates over time, the brief."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time
from typing import Any

from intex.model import TLP, Claim, Span, User
from intex.model.estimate import BriefSection, Estimate, Sighting, brief_changes, fold_echoes
from intex.service.access import sight, sight_of
from intex.store import ClaimFilter, ClaimRow, Store, open_store
from intex.store.ledger import Page


def open_ledger(url: str) -> Store:
    """The ledger at a SQLAlchemy URL, migrated to this version's schema. STIX objects it
    keeps are described as they are written (``describe_stored``), so that the TAXII
    server finds their references indexed and serves plain ones without working them out."""
    return open_store(url, describe=describe_stored)


def describe_stored(obj: Mapping[str, Any]) -> tuple[frozenset[str], frozenset[str],
                                                      tuple[TLP, ...] | None]:
    """What the visibility rule reads of a stored object besides its row's marking
    (``visibility.shape``): its references, its marks, its plain TLP levels or None."""
    from intex.stix import visibility

    shape = visibility.shape(obj)
    return shape.refs, shape.marks, shape.plain


def plain(text: str) -> str:
    """Words as typed, control characters (a NUL, say) read as spaces: no index is asked
    for a character nobody writes, and a NUL would end the full-text query early."""
    return "".join(c if c.isprintable() else " " for c in text)


def subject_terms(subject: str) -> tuple[tuple[str, ...], ...]:
    """Each word of a subject with the other words reports use for it.

    Synonyms of the counted thing, and demonyms with their country ("North Korean"
    finds "soldiers from North Korea"); multi-word demonyms are read as one term.
    """
    from intex.gazetteer import default_gazetteer
    from intex.model.vocabulary import synonyms

    g = default_gazetteer()
    words = plain(subject).lower().split()
    out: list[tuple[str, ...]] = []
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            phrase = " ".join(words[i:i + n])
            entries = [e for e in g.lookup(phrase) if e.kind == "country"] if n > 1 or \
                phrase[:1].isalpha() else []
            if len(words[i:i + n]) == n and entries:
                forms = {phrase, entries[0].name.lower()}
                forms |= {a.lower() for a in entries[0].aliases if len(a) > 3}
                out.append(tuple(sorted(forms)))
                i += n
                break
        else:
            w = words[i]
            out.append(tuple(sorted(synonyms(w) | {w})))
            i += 1
    return tuple(out)


def ledger(store: Store, f: ClaimFilter) -> list[ClaimRow]:
    """The ledger's rows for a question, the subject read as an analyst means it."""
    return store.claims(with_terms(f))


def with_terms(f: ClaimFilter) -> ClaimFilter:
    """The filter with its subject expanded into the words reports use (subject_terms)."""
    if f.subject and not f.subject_terms:
        return replace(f, subject_terms=subject_terms(f.subject))
    return f


@dataclass(frozen=True)
class Timeline:
    """Every estimate about a subject the user may see, one per origin, earliest first."""

    subject: str
    estimates: tuple[Estimate, ...]
    undated: tuple[Sighting, ...]  # one copy of each origin with no date: not on the axis
    statuses: tuple[tuple[str, int], ...]  # every status the subject has, with its origins
    status: str | None = None  # the one shown, when one was chosen


def _sightings(store: Store, f: ClaimFilter, user: User | None) -> list[Sighting]:
    # echoes are counted from these rows (model.estimate), not asked of the store
    rows = store.claims(with_terms(replace(f, fold=False, limit=max(f.limit, 10**9),
                                            sight=sight_of(user), repeats=False)))
    return [Sighting(r.claim, r.report_id, r.title, r.published, r.origin, r.marking, r.review)
            for r in rows if r.review != "rejected"]


def timeline(store: Store, subject: str, *, user: User | None = None,
             status: str | None = None) -> Timeline:
    """Estimates of a subject over time (the subject read as ``intex claims --subject``
    reads it); echoes of one origin are one estimate with its repeats counted among the
    reports the user may see; rejected claims are left out."""
    seen = _sightings(store, ClaimFilter(subject=subject), user)
    per_status: dict[str, set[str]] = {}
    for s in seen:
        per_status.setdefault(s.claim.status, set()).add(s.origin)
    if status:
        seen = [s for s in seen if s.claim.status == status]
    estimates, undated = fold_echoes(seen)
    return Timeline(subject, tuple(estimates), tuple(undated), tuple(sorted(
        ((k, len(v)) for k, v in per_status.items()), key=lambda p: (-p[1], p[0]))), status)


def common_subjects(store: Store, *, user: User | None = None, n: int = 12,
                    ) -> list[tuple[str, int]]:
    """The subjects the ledger counts most often (as reports most often word them), with
    how many claims; what a user may see only."""
    from intex.model.estimate import subject_key
    from intex.store import subjects

    counts: dict[str, dict[str, int]] = {}
    for text, k in subjects.common(store.engine, sight_of(user)):
        probe = Claim(0, None, False, None, text, "other", None, (), None, "asserted",
                      Span(0, 0, ""))
        counts.setdefault(subject_key(probe), {})[text] = k
    ranked = sorted(counts.values(), key=lambda forms: (-sum(forms.values()), min(forms)))
    return [(max(sorted(forms), key=lambda f: forms[f]), sum(forms.values()))
            for forms in ranked[:n]]


@dataclass(frozen=True)
class Brief:
    """New and changed estimates per subject since a day: the "points of attention"."""

    since: date
    made: datetime
    subject: str | None
    sections: tuple[BriefSection, ...]


def brief(store: Store, since: date | None = None, *, user: User | None = None,
          subject: str | None = None, clock: Callable[[], datetime] | None = None) -> Brief:
    """What the ledger learnt since ``since``, for the whole ledger or one subject: new
    estimates, changed ones (with the figure they replace), and analysts' corrections.
    Without a day: the four weeks up to the latest estimate the user may see."""
    from datetime import timedelta

    from intex.store import markings

    seen = _sightings(store, ClaimFilter(subject=subject), user)
    estimates, _ = fold_echoes(seen)
    if since is None:
        latest = max((e.when for e in estimates), default=None)
        since = (latest - timedelta(days=28)) if latest else date.today()
    corrected = markings.corrected_since(store.engine, datetime.combine(since, time(), UTC))
    return Brief(since, (clock or (lambda: datetime.now(UTC)))(), subject,
                 tuple(brief_changes(estimates, since, corrected)))


def ledger_page(store: Store, f: ClaimFilter, *, user: User, sort: str = "date",
                descending: bool = False, offset: int = 0, limit: int = 50,
                after: str | None = None, before: str | None = None) -> Page:
    """One page of the ledger as this user may see it: ``offset`` rows in, or after or
    before the row a cursor (``Page.next``, ``Page.previous``) stands for."""
    return store.page(replace(with_terms(f), sight=sight(user)), sort=sort,
                      descending=descending, offset=offset, limit=limit, after=after,
                      before=before)
