"""Pushing to a partner's TAXII 2.1 collection what that partner may see.

A partner is pushed to when its collection says ``can_write: true`` or when it was
added with ``--push``. What goes is exactly what the partner would GET from ``intex
serve`` (the same ``View``: its agreement, the same closure over references), every
version, in ``seq`` order, minus what came from that partner itself. Objects are POSTed
as TAXII envelopes (``application/taxii+json;version=2.1``) a page at a time; the status
resource of each POST is read (and polled while ``pending``), and the push cursor
(``push_cursors``, the ``seq`` of the last object accepted) moves after every accepted
POST, only past objects the partner accepted: a failure stops the push there, and the
next sync starts again with the first object not accepted.
"""

from __future__ import annotations

import json
import time
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from intex import service
from intex.errors import FetchError, IntexError
from intex.ingest import Fetcher
from intex.model import Partner
from intex.service import Store
from intex.store.objects import Objects
from intex.taxii.outbox import Outbox
from intex.taxii.sync import TAXII_21, SyncResult, api_root, objects_url
from intex.taxii.view import Served, View, resolver


def takes_writes(fetcher: Fetcher, partner: Partner, auth: tuple[str, str] | None) -> bool:
    """Whether the partner's collection resource says ``can_write: true``."""
    got = fetcher.fetch(f"{api_root(partner)}collections/{partner.collection}/", auth=auth,
                        accept=TAXII_21)
    resource = json.loads(got.data or b"{}")
    return isinstance(resource, dict) and resource.get("can_write") is True


def push_to(store: Store, fetcher: Fetcher, partner: Partner, result: SyncResult, *,
            page_size: int = 1000, on_page: Any = None, poll: float = 0.2,
            patience: float = 60.0, window: int = 1000) -> SyncResult:
    """Push what is new for ``partner``; returns ``result`` with what was pushed.

    The objects past the cursor are sent in dependency order (what an object refers to
    goes in the same POST or an earlier one: the receiver refuses references it cannot
    resolve), read ``window`` objects at a time (``taxii.outbox``); after each accepted
    POST the cursor moves past every object accepted with nothing before it (in ``seq``
    order) still unsent. After a failure or a crash the next sync sends again what the
    cursor had not passed, and the receiver keeps each version once.
    """
    user, secret = store.partners.remote(partner.name)
    auth = (user, secret) if user and secret else None
    collection = partner.collection or ""
    pushed = 0
    notes: list[str] = []
    try:
        if not partner.push and not takes_writes(fetcher, partner, auth):
            return result
        service.publish(store)  # the ledger as it is now
        objects = Objects(store.engine)
        objects.stamp(datetime.now(UTC))
        view = View(objects, partner, resolver(objects.marking_definitions()),
                    not_from=partner.name)
        start = store.sync_state.pushed(partner.name, collection)
        outbox = Outbox(view, start, size=page_size, window=max(page_size, window))
        for chunk in outbox:
            status = _post(fetcher, partner, auth, chunk, poll, patience)
            accepted = _accepted(chunk, status)
            pushed += len(accepted)
            if outbox.accepted(accepted):
                store.sync_state.set_pushed(partner.name, collection, outbox.cursor,
                                            result=f"{pushed} objects accepted")
            if on_page is not None:
                on_page(partner.name, len(accepted))
            if len(accepted) < len(chunk):
                failures = status.get("failures") or []
                notes += [f"{f.get('id')}: {f.get('message', 'refused')}" for f in failures
                          if isinstance(f, dict)][:5]
                raise FetchError(f"{len(chunk) - len(accepted)} of {len(chunk)} objects "
                                 f"not accepted (status {status.get('status')}); the next "
                                 "sync sends them again", subject=objects_url(partner))
        return replace(result, pushed=pushed, push_notes=tuple(notes))
    except (IntexError, ValueError, RecursionError) as err:
        error = err if isinstance(err, IntexError) else FetchError(
            f"not a TAXII answer: {err}", subject=objects_url(partner))
        return replace(result, pushed=pushed, push_error=error, push_notes=tuple(notes))


def _post(fetcher: Fetcher, partner: Partner, auth: tuple[str, str] | None,
          items: list[Served], poll: float, patience: float) -> dict[str, Any]:
    body = ('{"objects": [' + ", ".join(s.text for s in items) + "]}").encode("utf-8")
    got = fetcher.fetch(objects_url(partner), auth=auth, accept=TAXII_21, body=body,
                        content_type=TAXII_21)
    status = json.loads(got.data or b"{}")
    if not isinstance(status, dict) or "status" not in status:
        raise ValueError("the POST's answer is not a status resource")
    deadline = time.monotonic() + patience
    while status.get("status") == "pending" and time.monotonic() < deadline:
        time.sleep(poll)
        again = fetcher.fetch(f"{api_root(partner)}status/{status.get('id')}/", auth=auth,
                              accept=TAXII_21)
        status = json.loads(again.data or b"{}")
        if not isinstance(status, dict):
            raise ValueError("the status is not a status resource")
    return status


def _accepted(items: list[Served], status: dict[str, Any]) -> list[Served]:
    """The leading objects of a POST that the status lists as successes: the cursor may
    pass them, and nothing after the first one not accepted."""
    if status.get("status") == "complete" and not status.get("failure_count") \
            and not status.get("pending_count") and "successes" not in status:
        return items  # a server that only counts (successes are optional in TAXII 2.1)
    done = {(str(s.get("id")), str(s.get("version")))
            for s in status.get("successes") or [] if isinstance(s, dict)}
    ids_done = {i for i, _ in done}
    out = []
    for item in items:
        if (item.row.id, item.version) not in done and item.row.id not in ids_done:
            break
        out.append(item)
    return out
