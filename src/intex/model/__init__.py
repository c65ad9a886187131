"""Plain, frozen data: what intex knows. No I/O here."""

from intex.model.claim import MODALITIES, STATUSES, Claim, SourceRef
from intex.model.document import Document
from intex.model.entity import ENTITY_TYPES, Entity, Mention
from intex.model.extraction import Extraction
from intex.model.marking import NOBODY, TLP, Marking
from intex.model.partner import Partner
from intex.model.review import Review, ReviewState, apply_corrections, correction_errors
from intex.model.span import Span
from intex.model.user import Role, User
from intex.model.watch import FeedListing, Notification, WatchState

__all__ = [
    "ENTITY_TYPES", "MODALITIES", "STATUSES", "TLP", "Claim", "Document", "Entity", "Extraction",
    "FeedListing", "NOBODY", "Marking", "Mention", "Notification", "Partner", "Review",
    "ReviewState", "Role", "SourceRef", "Span", "User", "WatchState", "apply_corrections",
    "correction_errors",
]
