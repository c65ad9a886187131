"""Exchanging with partners' TAXII 2.1 servers: pull (and push, ``taxii.push``),
incremental, resumable, idempotent.

Pull, for each partner with a server (``intex partner add NAME --url ... --collection
...``): pages are read from where the last sync stopped and each page is committed on
its own, with the cursor moved past it (``SyncState.park``): within a pass the cursor is
the server's ``next`` token, between passes the last ``X-TAXII-Date-Added-Last``
(``added_after``). A dropped connection or a crash costs at most the page being read; the
next sync continues with the token (or, when the server no longer knows the token, reads
the pass again from ``added_after``: taking an object twice changes nothing).

References cross pages (intex's own server pages in id order: claims before the reports
they belong to), and a bundle whose references do not resolve is refused. So a page's
objects are parked in ``sync_pending`` and taken as soon as everything they reach is
held or parked: parked objects are grouped into strongly connected sets (a report and
its claims name each other), taken in dependency order, about 2,000 at a time, each
part refering only to itself and to what the ledger already holds. Memory holds two pages
(the next is read while one is stored) and the parked objects' reference lists, never a
whole pass. Parked objects are kept as JSON text and handed to the importer as that text.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from intex import service
from intex.errors import FetchError, IntexError
from intex.ingest import Fetched, Fetcher, FetchSettings
from intex.model import Partner
from intex.service import Store
from intex.stix.importing_checks import references
from intex.stix.importing_markings import WELL_KNOWN
from intex.store.sync_state import Parked, PullCursor

TAXII_21 = "application/taxii+json;version=2.1"


@dataclass(frozen=True)
class SyncResult:
    partner: str
    pages: int = 0
    objects: int = 0
    new: int = 0
    reports: int = 0
    claims: int = 0
    waiting: int = 0  # parked objects still waiting for what they refer to
    error: IntexError | None = None
    pushed: int = 0  # objects the partner accepted from us
    push_error: IntexError | None = None
    push_notes: tuple[str, ...] = field(default=())


def api_root(partner: Partner) -> str:
    if not partner.url or not partner.collection:
        raise FetchError("the partner has no server URL and collection", subject=partner.name)
    return partner.url.rstrip("/") + "/"


def objects_url(partner: Partner) -> str:
    return f"{api_root(partner)}collections/{partner.collection}/objects/"


def taxii_fetcher(timeout: float, max_bytes: int) -> Fetcher:
    return Fetcher(FetchSettings(timeout=timeout, max_bytes=max_bytes,
                                 allowed_types=frozenset({"application/taxii+json",
                                                          "application/json"})))


def sync(store: Store, name: str | None = None, *, page_size: int = 1000,
         timeout: float = 30.0, max_bytes: int = 50_000_000,
         on_page: Callable[[str, int], None] | None = None, push: bool = True,
         ) -> Iterator[SyncResult]:
    """Pull every (or the named) partner's collection into the ledger, then push to the
    partners that take writes what they may see."""
    from intex.taxii.push import push_to

    partners = [p for p in store.partners.all()
                if p.url and not p.revoked and (name is None or p.name == name)]
    if name is not None and not partners:
        yield SyncResult(name, error=FetchError("no partner of that name with a server",
                                                subject=name))
        return
    fetcher = taxii_fetcher(timeout, max_bytes)
    try:
        for partner in partners:
            result = pull(store, fetcher, partner, page_size=page_size, max_bytes=max_bytes,
                          on_page=on_page)
            if push:
                result = push_to(store, fetcher, partner, result, page_size=page_size,
                                 on_page=on_page)
            yield result
    finally:
        fetcher.close()


def pull(store: Store, fetcher: Fetcher, partner: Partner, *, page_size: int = 1000,
         max_bytes: int = 50_000_000, on_page: Callable[[str, int], None] | None = None,
         ) -> SyncResult:
    url = objects_url(partner)
    user, secret = store.partners.remote(partner.name)
    auth = (user, secret) if user and secret else None
    collection = partner.collection or ""
    state = store.sync_state
    cursor = state.cursor(partner.name, collection)
    pages = objects = since = waiting = 0
    taken = Taken()

    def ask(at: PullCursor) -> Fetched:
        params = {"limit": str(page_size)}
        if at.next_token:
            params["next"] = at.next_token
        elif at.added_after:
            params["added_after"] = at.added_after
        return fetcher.fetch(url, params=params, auth=auth, accept=TAXII_21)

    # one page is read ahead while the one before is stored: the server works out the
    # next page while this process writes the last one
    ahead = ThreadPoolExecutor(1, thread_name_prefix="intex-sync-read")
    try:
        coming: Future[Fetched] = ahead.submit(ask, cursor)
        while True:
            try:
                got = coming.result()
            except FetchError as err:
                if cursor.next_token and "HTTP 400" in err.message:
                    # the server forgot the token (it restarted): read the pass again
                    cursor = PullCursor(cursor.added_after)
                    coming = ahead.submit(ask, cursor)
                    continue
                raise
            envelope = json.loads(got.data or b"{}")
            if not isinstance(envelope, dict):
                raise ValueError("the answer is not a JSON object")
            page = [o for o in envelope.get("objects") or [] if isinstance(o, dict)]
            more = envelope.get("next") if envelope.get("more") else None
            last = got.header("X-TAXII-Date-Added-Last")
            # mid-pass the token says where to go on; at the end, added_after does
            cursor = PullCursor(cursor.added_after, str(more)) if more else \
                PullCursor(last or cursor.added_after)
            if more:
                coming = ahead.submit(ask, cursor)
            state.park(partner.name, collection, page, [_refs(o) for o in page], cursor,
                       result=f"page {pages + 1}: {len(page)} objects")
            pages += 1
            objects += len(page)
            if on_page is not None:
                on_page(partner.name, len(page))
            # a drain reads every parked reference list: mid-pass, only once as many
            # objects came in since the last as were left waiting by it (20 pages at
            # least), so that the drains of a pass cost about as much as the pass
            since += len(page)
            if len(page) and (not more or since >= max(20 * page_size, waiting)):
                waiting = drain(store, partner, taken, max_bytes=max_bytes)
                since = 0
            if not more:
                break
        drain(store, partner, taken, max_bytes=max_bytes)
        what = (f"{objects} objects ({taken.new} new), {taken.reports} reports, "
                f"{taken.claims} claims")
        store.partners.record_result(partner.name, collection, what)
        if taken.new:
            service.synced(store, partner.name, f"{collection}: {what}",
                           by=service.actor("sync"))
        return SyncResult(partner.name, pages, objects, taken.new, taken.reports,
                          taken.claims, state.waiting(partner.name, collection))
    except (IntexError, ValueError, RecursionError) as err:
        error = err if isinstance(err, IntexError) else FetchError(
            f"not a TAXII envelope: {err}", subject=url)
        store.partners.record_result(partner.name, collection, f"failed: {error}")
        if taken.new:  # what it stored before failing
            service.synced(store, partner.name, f"{collection}: {taken.new} new objects, "
                           f"{taken.reports} reports, {taken.claims} claims, then failed: "
                           f"{error}", by=service.actor("sync"))
        return SyncResult(partner.name, pages, objects, taken.new, taken.reports,
                          taken.claims, state.waiting(partner.name, collection), error)
    finally:
        ahead.shutdown(wait=True, cancel_futures=True)


def _refs(obj: dict[str, object]) -> set[str]:
    return {ref for _, ref in references(obj)}


@dataclass
class Taken:
    new: int = 0
    reports: int = 0
    claims: int = 0


def drain(store: Store, partner: Partner, taken: Taken, *, max_bytes: int,
          part: int = 2000) -> int:
    """Take every parked object whose references all resolve, in dependency order;
    how many are left waiting."""
    collection = partner.collection or ""
    state = store.sync_state
    parked = state.parked(partner.name, collection)
    left = len(parked)
    for group in _parts(_ready(store, parked), part):
        left -= len(group)
        keys = [(p.id, p.modified) for p in group]
        texts = state.parked_texts(partner.name, collection, keys)
        inside = {p.id for p in group}
        outside = {r for p in group for r in p.refs} - inside - WELL_KNOWN.keys()
        extra = list(store.held_objects(outside).values())  # to map claims of held reports
        known = frozenset(store.held_ids(outside | {r for o in extra for r in _refs(o)}))
        # the parked texts as they are: no object is decoded again before the importer
        data = ('{"type":"bundle","id":"bundle--00000000-0000-4000-8000-000000000000",'
                '"objects":[' + ",".join([*(json.dumps(o, ensure_ascii=False) for o in extra),
                                          *texts]) + "]}").encode("utf-8")
        event = service.take_bundle(store, data, name=objects_url(partner),
                                    partner=partner.name, max_bytes=max_bytes, held=known)
        state.unpark(partner.name, collection, keys)
        taken.new += event.objects_new
        taken.reports += event.reports
        taken.claims += event.claims
    return left


def _ready(store: Store, parked: list[Parked]) -> list[list[Parked]]:
    """The parked objects that can be taken, as strongly connected groups in dependency
    order (a group refers only to itself, to groups before it and to held objects)."""
    by_id: dict[str, list[Parked]] = {}
    for p in parked:
        by_id.setdefault(p.id, []).append(p)
    wanted = {r for p in parked for r in p.refs} - by_id.keys() - WELL_KNOWN.keys()
    held = store.held_ids(wanted)
    # an object waits when something it reaches is neither parked nor held
    waiting = {p.id for p in parked if any(r not in by_id and r not in held
                                           and r not in WELL_KNOWN for r in p.refs)}
    referrers: dict[str, set[str]] = {}
    for p in parked:
        for r in p.refs:
            if r in by_id:
                referrers.setdefault(r, set()).add(p.id)
    todo = list(waiting)
    while todo:
        for up in referrers.get(todo.pop(), ()):
            if up not in waiting:
                waiting.add(up)
                todo.append(up)
    graph = {i: sorted({r for p in ps for r in p.refs if r in by_id and r not in waiting})
             for i, ps in by_id.items() if i not in waiting}
    return [[p for i in group for p in by_id[i]] for group in components(graph)]


def components(graph: dict[str, list[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components, iteratively; each comes after every
    component it refers to."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            edges = graph[node]
            if i < len(edges):
                work.append((node, i + 1))
                nxt = edges[i]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                group = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    group.append(top)
                    if top == node:
                        break
                out.append(group)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return out


def _parts(groups: list[list[Parked]], size: int) -> Iterator[list[Parked]]:
    part: list[Parked] = []
    for group in groups:
        part += group
        if len(part) >= size:
            yield part
            part = []
    if part:
        yield part
