"""POSTed objects into the ledger, in-process, through the same service call as
``intex import`` (so a TAXII POST and a file import check, keep and map alike)."""

from __future__ import annotations

import json
import uuid
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
         max_bytes: int) -> tuple[int, int]:
    """Check and keep the objects as one bundle from ``partner``: (new, already held).

    A refused bundle changes nothing and is answered 422 with the checker's reason."""
    bundle = {"type": "bundle", "id": f"bundle--{uuid.uuid4()}", "objects": objects}
    data = json.dumps(bundle, ensure_ascii=False).encode("utf-8")
    try:
        event = service.take_bundle(store, data, name=f"POST from {partner}", partner=partner,
                                    max_bytes=max_bytes)
    except IntexError as err:
        raise TaxiiError(422, "Objects refused", err.message) from None
    return event.objects_new, event.objects_held
