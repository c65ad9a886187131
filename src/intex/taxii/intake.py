"""POSTed objects into the ledger, in-process, through the same service call as
``intex import`` (so a TAXII POST and a file import check, keep and map alike)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from typing import Any

from intex import service
from intex.errors import IntexError
from intex.taxii.errors import TaxiiError


def envelope_objects(body: bytes) -> list[dict[str, Any]]:
    """The ``objects`` of a TAXII envelope (a STIX bundle is taken too); 400 if not one."""
    try:
        doc = json.loads(body)
    except (ValueError, RecursionError):
        raise TaxiiError(400, "Malformed JSON", "The request body is not JSON.") from None
    objects = doc.get("objects") if isinstance(doc, dict) else None
    if not isinstance(objects, list) or not objects:
        raise TaxiiError(400, "Not an envelope",
                         'The body must be a TAXII envelope: {"objects": [...]}, not empty.')
    if not all(isinstance(o, dict) for o in objects):
        raise TaxiiError(400, "Not an envelope", "Every item of objects must be an object.")
    return objects


def take(store: service.Store, objects: list[dict[str, Any]], *, partner: str,
         max_bytes: int, known: Callable[[set[str]], set[str]] | None = None,
         ) -> tuple[int, int]:
    """Check and keep the objects as one bundle from ``partner``: (new, already held).

    References may point outside the POST to objects ``known(ids)`` says the partner
    may refer to (what it may see here, and what it sent): a partner pushing its
    collection in parts refers to what it sent before. Any other reference refuses the
    POST, exactly as one to an object held nowhere (so the answer never tells whether a
    hidden object exists). A refused bundle changes nothing and is answered 422 with the
    checker's reason."""
    from intex.stix.importing_checks import references
    from intex.stix.importing_markings import WELL_KNOWN

    bundle = {"type": "bundle", "id": f"bundle--{uuid.uuid4()}", "objects": objects}
    data = json.dumps(bundle, ensure_ascii=False).encode("utf-8")
    inside = {str(o.get("id")) for o in objects}
    outside = {r for o in objects for _, r in references(o)} - inside - WELL_KNOWN.keys()
    held = frozenset(known(outside)) if known is not None and outside else frozenset()
    try:
        event = service.take_bundle(store, data, name=f"POST from {partner}", partner=partner,
                                    max_bytes=max_bytes, held=held)
    except IntexError as err:
        raise TaxiiError(422, "Objects refused", err.message) from None
    return event.objects_new, event.objects_held
