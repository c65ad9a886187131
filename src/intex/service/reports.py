"""One report, one claim, search and review, as one user may see them."""

from __future__ import annotations

from dataclasses import dataclass

from intex.errors import ConfigError, NotFound, PermissionDenied
from intex.model import Document, Marking, Review, ReviewState, Role, User
from intex.service.access import sight, sight_of
from intex.store import ClaimFilter, ClaimRow, Store


@dataclass(frozen=True)
class ReportView:
    """A report as a user may see it: its claims, mentions and near-duplicates."""

    document: Document
    claims: list[ClaimRow]
    mentions: list[tuple[int, int, str, str, str, str]]  # start, end, text, id, name, type
    near: list[tuple[Document, float]]


@dataclass(frozen=True)
class ClaimView:
    row: ClaimRow
    review: Review | None
    document: Document


@dataclass(frozen=True)
class Found:
    reports: list[tuple[str, str | None, str]]  # id, title, snippet
    entities: list[tuple[str, str, str, int, int]]  # id, name, type, mentions, reports


def _visible_report(store: Store, user: User, report_id: str) -> Document:
    doc = store.report(report_id)
    if not user.may_see(doc.marking):
        # what a clearance hides is not there, for this user: the same answer as a typo
        raise NotFound("no such report", subject=report_id)
    return doc


def report_view(store: Store, user: User, report_id: str) -> ReportView:
    doc = _visible_report(store, user, report_id)
    claims = store.claims(ClaimFilter(report=doc.id, fold=False, limit=10_000,
                                      sight=sight(user)))
    near = []
    for other, similarity in store.near_duplicates(doc.id):
        try:
            near.append((_visible_report(store, user, other), similarity))
        except NotFound:
            continue
    return ReportView(doc, claims, store.mentions(doc.id), near)


def claim_view(store: Store, user: User, claim_id: str) -> ClaimView:
    rows = store.claims(ClaimFilter(claim=claim_id, fold=False, sight=sight(user)))
    if not rows:
        raise NotFound("no such claim", subject=claim_id)
    return ClaimView(rows[0], store.reviews([claim_id]).get(claim_id),
                     store.report(rows[0].report_id))


def review_claim(store: Store, user: User | None, claim_id: str, state: ReviewState, *,
                 corrections: dict[str, object] | None = None, note: str | None = None,
                 address: str | None = None, reviewer: str | None = None) -> None:
    """An analyst's word on a claim they may see, recorded with their name and the time
    (and in the audit log, under the claim's marking). ``user`` None is the command line
    (the ledger's owner, who sees every claim); ``reviewer`` then names who reviewed.

    Corrections are checked by the one rule every front end shares
    (``model.correction_errors``); the review is kept through re-extraction and goes
    into every export."""
    import json

    from intex.model import correction_errors
    from intex.service.audit import record

    if user is not None and not user.can(Role.ANALYST):
        raise PermissionDenied("reviewing claims needs the analyst role", subject=user.name)
    rows = store.claims(ClaimFilter(claim=claim_id, fold=False, sight=sight_of(user)))
    if not rows:
        raise NotFound("no such claim", subject=claim_id)
    if state is ReviewState.CORRECTED and not corrections:
        raise ConfigError("a correction changes at least one field", subject=claim_id)
    wrong = correction_errors(corrections or {})
    if wrong:
        raise ConfigError("; ".join(wrong), subject=claim_id)
    who = user.name if user is not None else reviewer
    store.review(claim_id, state, reviewer=who, note=note, corrections=corrections or None)
    record(store, "claim.reviewed", user.name if user is not None else None,
           subject=claim_id, address=address, marking=rows[0].marking,
           detail=state.value + (" " + json.dumps(corrections, ensure_ascii=False,
                                                   sort_keys=True) if corrections else "")
           + (f" (reviewer {who})" if user is None and who else ""))


def mark(store: Store, object_id: str, marking: Marking, *, by: str | None = None,
         address: str | None = None) -> str:
    """Mark a report (its claims inherit it) or one claim; returns "report" or "claim".

    The audit entry is marked with the stricter of the old and the new marking: it names
    both, and a reader who may not see what the object was must not learn of it."""
    from intex.service.audit import record
    from intex.stix.markings import strictest

    was = _marking_of(store, object_id)
    kind = store.mark(object_id, marking)
    record(store, f"{kind}.marked", by, subject=object_id, address=address,
           marking=strictest(was, marking), detail=f"{was.label()} → {marking.label()}")
    return kind


def _marking_of(store: Store, object_id: str) -> Marking:
    """A report's marking, or a claim's own (else its report's); NotFound for neither."""
    try:
        return store.report(object_id).marking
    except NotFound:
        pass
    rows = store.claims(ClaimFilter(claim=object_id, fold=False))
    if not rows:
        raise NotFound("no report or claim with this id", subject=object_id)
    return rows[0].marking


def find(store: Store, user: User, words: str, limit: int = 20) -> Found:
    """Reports (full text) and entities matching the words, among what the user may see."""
    from intex.service.ledger import plain

    words = plain(words)
    view = sight(user)
    return Found(store.search(words, limit, sight=view) if words.strip() else [],
                 store.entities(name=words.strip(), limit=limit, sight=view)
                 if words.strip() else [])
