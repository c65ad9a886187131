"""What each JSON endpoint answers, as pydantic models: the OpenAPI description documents
every success body (and the one error shape), and FastAPI checks each answer against its
model before it goes out. ``shapes.py`` builds the dictionaries these describe."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

Number = int | float
Review = Literal["auto", "accepted", "rejected", "corrected"]


class ErrorBody(BaseModel):
    status: int = Field(description="the HTTP status again")
    code: str = Field(description="not_found, forbidden, bad_request, invalid, "
                                  "unauthenticated, method_not_allowed ...")
    message: str = Field(description="what went wrong, naming the input")


class ErrorOut(BaseModel):
    """Every error the API answers, whatever raised it."""

    error: ErrorBody


_ERROR_WORDS = (
    (400, "the request asks for something that cannot be done"),
    (401, "not signed in"),
    (403, "the user's role does not allow it, or the CSRF token is missing"),
    (404, "no such thing, or nothing the user may see"),
    (422, "some input could not be read"))
ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorOut, "description": words} for status, words in _ERROR_WORDS}
# the same, for an endpoint whose success is not application/json (FastAPI would give its
# errors the success's media type): the schema named, as the other endpoints register it
ERRORS_AS_JSON: dict[int | str, dict[str, Any]] = {
    status: {"description": words, "content": {"application/json": {
        "schema": {"$ref": "#/components/schemas/ErrorOut"}}}}
    for status, words in _ERROR_WORDS}


class SessionOut(BaseModel):
    user: str
    role: Literal["reader", "analyst", "admin"]
    clearance: str = Field(description="the highest TLP the user reads, e.g. AMBER+STRICT")
    red_recipient: bool
    countries: list[str]
    csrf: str = Field(description="send it back in X-CSRF-Token with requests that change "
                                  "anything")


class EvidenceOut(BaseModel):
    start: int
    end: int
    text: str


class ClaimOut(BaseModel):
    """A claim as the ledger holds it (an analyst's corrections applied), where it was read."""

    id: str | None
    value: Number | None
    value_max: Number | None
    approx: bool
    unit: str | None
    subject: str | None
    status: str | None
    location: str | None
    sources: list[str] = Field(description="who asserts it, the original first")
    date: str | None
    modality: str | None
    evidence: EvidenceOut
    vague: bool = False
    report: str
    report_title: str | None
    published: str | None = Field(description="the report's publication day, YYYY-MM-DD")
    review: Review
    repeated_by: int = Field(description="reports you may see that carry the same claim")
    grades: dict[str, str] = Field(description="source name → reliability grade (A-F)")
    marking: str = Field(description="TLP label, with REL TO countries when restricted")
    language: str | None


class ReviewedOut(BaseModel):
    state: Review
    by: str | None
    at: str | None
    note: str | None


class OneClaimOut(ClaimOut):
    reviewed: ReviewedOut | None = Field(default=None,
                                         description="the analyst's review, when there is one")


class ClaimsOut(BaseModel):
    total: int
    exact: bool  # false: more than ``total`` claims match (counted only so far)
    offset: int | None  # None: a page asked for by cursor
    limit: int
    next: str | None  # pass as ``after`` for the page after this one
    previous: str | None  # pass as ``before`` for the page before this one
    claims: list[ClaimOut]


class MentionOut(BaseModel):
    start: int
    end: int
    text: str
    entity: str
    name: str
    type: str


class NearOut(BaseModel):
    id: str
    title: str | None
    similarity: float


class ReportOut(BaseModel):
    id: str
    title: str | None
    published: str | None
    language: str | None
    url: str | None
    site: str | None
    marking: str
    text: str
    claims: list[ClaimOut]
    mentions: list[MentionOut]
    near_duplicates: list[NearOut]


class EntityCountOut(BaseModel):
    id: str
    name: str
    type: str
    mentions: int
    reports: int


class SearchReportOut(BaseModel):
    id: str
    title: str | None
    snippet: str


class SearchOut(BaseModel):
    reports: list[SearchReportOut]
    entities: list[EntityCountOut]


class EntitiesOut(BaseModel):
    entities: list[EntityCountOut]


class AliasOut(BaseModel):
    text: str
    why: str
    explained: str
    mentions: int


class CoMentionOut(BaseModel):
    id: str
    name: str
    type: str
    reports: int


class MonthOut(BaseModel):
    month: str = Field(description="YYYY-MM")
    mentions: int


class LinkOut(BaseModel):
    entity: str
    alias: str = Field(description="the spelling moved; empty: every mention (a merge)")
    into: str
    analyst: str | None
    at: str


class EntityOut(BaseModel):
    id: str
    name: str
    type: str
    country: str | None
    kind: str | None
    reports: int
    mentions: int
    aliases: list[AliasOut]
    asserts: list[ClaimOut] = Field(description="claims whose chain of sources names it")
    about: list[ClaimOut] = Field(description="claims whose evidence names it otherwise")
    co_mentioned: list[CoMentionOut]
    over_time: list[MonthOut]
    undated_mentions: int
    links: list[LinkOut]


class MergedOut(BaseModel):
    merged: str
    into: str
    mentions_moved: int = Field(description="mentions moved that you may see")
    entity: EntityOut


class SplitOut(BaseModel):
    split: str
    into: str
    mentions_moved: int = Field(description="mentions moved that you may see")
    entity: EntityOut | None = Field(description="what is left of it (null: nothing you "
                                                 "may see)")


class EstimateOut(BaseModel):
    claim: str | None
    report: str
    report_title: str | None
    when: str
    when_text: str
    kind: str
    value: Number | None
    value_max: Number | None
    approx: bool
    value_text: str
    unit: str | None
    subject: str | None
    status: str | None
    source: str
    chain: str
    marking: str
    repeated_by: int
    review: Review
    evidence: str


class SightingOut(BaseModel):
    claim: str | None
    report: str
    report_title: str | None
    date: str | None
    value: Number | None
    value_max: Number | None
    status: str | None
    marking: str
    review: Review


class TimelineOut(BaseModel):
    subject: str
    status: str | None
    statuses: dict[str, int]
    estimates: list[EstimateOut]
    undated: list[SightingOut]
    spec: dict[str, Any] = Field(description="the Vega-Lite chart the page draws")


class ChangeOut(BaseModel):
    what: Literal["new", "changed", "restated", "corrected"]
    described: str
    estimate: EstimateOut
    previous: EstimateOut | None


class SectionOut(BaseModel):
    subject: str
    changes: list[ChangeOut]


class BriefOut(BaseModel):
    since: str
    made: str
    subject: str | None
    highest_marking: str | None
    sections: list[SectionOut]


class AuditEntryOut(BaseModel):
    at: str
    action: str
    described: str
    actor: str | None = Field(description="null: the command line (the ledger's owner)")
    subject: str | None
    detail: str | None
    address: str | None
    marking: str | None = Field(description="of what the entry concerns, when marked")


class AuditOut(BaseModel):
    total: int
    offset: int
    entries: list[AuditEntryOut]


class BundleOut(BaseModel):
    """A STIX 2.1 bundle (checked with the OASIS validator before it is sent)."""

    type: Literal["bundle"]
    id: str
    objects: list[dict[str, Any]]
