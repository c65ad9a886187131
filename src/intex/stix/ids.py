"""Deterministic STIX identifiers, derived from intex's stable ids.

STIX 2.1 §2.9: SDOs, SROs and meta objects SHOULD use UUIDv4; a producer that uses
something else must avoid collisions and MUST NOT generate UUIDv5 in the cyber-observable
namespace ``00abedb4-…``. intex uses UUIDv5 under its own namespace
(:data:`intex.model.ids.NAMESPACE`) so that the same ledger exports the same ids on any
machine, at any time. Every name fed to UUIDv5 starts with a tag that no other kind of
object uses, so the UUID part is unique across types (§2.9 forbids reusing it).

- A report keeps the UUID intex already gave it (``report--<uuid5('report', url)>``).
- A claim keeps the UUID of its intex id (``claim--<uuid5('claim', …)>``) under the
  ``attributed-claim`` type.
- Everything else is ``uuid5('stix', type, *key)`` with a key taken from intex ids.
"""

from __future__ import annotations

import uuid

from intex.model import ids as model_ids

#: STIX 2.1 §2.9: the namespace reserved for cyber-observable ids; never ours.
SCO_NAMESPACE = uuid.UUID("00abedb4-aa42-466c-9c01-fed23315a9b7")


def derived(stix_type: str, *key: str) -> str:
    """``stix_type--uuid5(intex namespace, 'stix', stix_type, *key)``."""
    return f"{stix_type}--{model_ids.uuid5('stix', stix_type, *key)}"


def _uuid_part(intex_id: str, prefix: str) -> str | None:
    if not intex_id.startswith(prefix):
        return None
    try:
        return str(uuid.UUID(intex_id.removeprefix(prefix)))
    except ValueError:
        return None


def report_id(document_id: str) -> str:
    """The report's own UUID when its intex id has the STIX form, else a derived one."""
    own = _uuid_part(document_id, "report--")
    return f"report--{own}" if own else derived("report", document_id)


def claim_id(intex_claim_id: str, claim_type: str) -> str:
    own = _uuid_part(intex_claim_id, "claim--")
    return f"{claim_type}--{own}" if own else derived(claim_type, intex_claim_id)


def entity_identity_id(entity_id: str) -> str:
    return derived("identity", "entity", entity_id)


def entity_location_id(entity_id: str) -> str:
    return derived("location", "entity", entity_id)


def outlet_id(site: str) -> str:
    return derived("identity", "outlet", site.lower())


def unlinked_source_id(report: str, name: str) -> str:
    """A source the gazetteer does not know ("a senior official") is only the same
    party within one report, so its id is scoped to that report."""
    return derived("identity", "source", report, name)


def producer_id(name: str) -> str:
    return derived("identity", "producer", name)


def releasability_id(countries: tuple[str, ...]) -> str:
    return derived("marking-definition", "releasability", *countries)


def relationship_id(relationship_type: str, source: str, target: str) -> str:
    return derived("relationship", relationship_type, source, target)


def note_id(purpose: str, about: str) -> str:
    return derived("note", purpose, about)


def opinion_id(about: str) -> str:
    return derived("opinion", "review", about)


def bundle_id(object_versions: list[tuple[str, str]]) -> str:
    """A bundle is named by what it holds: the ids and versions of its objects."""
    return derived("bundle", *(f"{i}@{m}" for i, m in object_versions))
