"""Served forms kept across requests, per *audience*: the part of an agreement that the
marking rule reads (``Partner.may_see`` reads the TLP ceiling, whether the partner is
the owner's own node, and its countries). Two partners with the same audience get the
same objects, so they share kept forms; a changed agreement is another audience, so a
form kept for the old one is never served under the new one.

Before a request is answered, :func:`ready` indexes the references of rows stamped since
the last request that were not described when written, and moves the audience to the
collection as it stands (dropping the forms the new rows can change,
``Objects.advance``). The view then serves kept forms as they are, serves plain rows
as stored when their columns say so (no form kept for them), and works out, and keeps,
the forms of the others from the object. See ``store/objects.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from intex import service
from intex.model import Partner
from intex.store import jsontext
from intex.store.objects import Objects


def audience(partner: Partner) -> str:
    """The part of the agreement the rule reads, as a key (``Partner.audience``)."""
    return partner.audience


def index_references(objects: Objects, top: int) -> None:
    """Index what every row stamped up to ``top`` refers to, and marks with (rows the
    store described when it wrote them are indexed already: only older ones are read)."""
    while rows := objects.unindexed(top):
        found = []
        for id_, modified, text in rows:
            obj = jsontext.loads(text)
            said = service.describe_stored(obj) if isinstance(obj, dict) else \
                (frozenset(), frozenset(), None)
            found.append(((id_, modified), said))
        objects.add_refs(found)
    objects.indexed(top)


def ready(objects: Objects, partner: Partner, top: int,
          active: Callable[[], Iterable[str]] | None = None) -> str:
    """Make the partner's audience right for the collection up to ``top``; its key.

    A new audience is an agreement not seen before (a new partner, or one whose
    agreement changed): then the forms of audiences no partner has any more
    (``active()`` says which are left) are dropped."""
    key = audience(partner)
    upto = objects.audience_upto(key)
    if upto is None and active is not None:
        objects.forget_audiences(set(active()) | {key})
    if upto is None or upto < top:
        index_references(objects, top)
        objects.advance(key, top)
    return key
