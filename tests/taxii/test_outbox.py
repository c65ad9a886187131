"""A push reads what is new for the partner a window at a time, and still sends every
object after what it refers to: on a real ledger whose order puts referrers first."""

from __future__ import annotations

from datetime import UTC, datetime

from intex import service
from intex.model import TLP, Marking, Partner
from intex.stix.importing_checks import references
from intex.stix.importing_markings import WELL_KNOWN
from intex.store.objects import Objects
from intex.taxii.outbox import Outbox
from intex.taxii.params import Params
from intex.taxii.view import View, resolver
from tests.taxii.test_sync import add

KYIV = Partner("kyiv", TLP.AMBER, ("UKR",))


def _view(store) -> View:  # noqa: ANN001
    objects = Objects(store.engine)
    objects.stamp(datetime.now(UTC))
    return View(objects, KYIV, resolver(objects.marking_definitions()), not_from="kyiv")


def _everything(view: View, start: int = 0) -> dict[int, set[str]]:
    """Every served version past ``start``: seq -> what it refers to."""
    page = view.page(Params(limit=100_000, versions=("all",)), start)
    assert not page.more
    return {s.row.seq: {r for _, r in references(s.obj)} for s in page.items}


def test_parts_come_in_dependency_order_from_a_bounded_window(new_db):
    store = service.open_ledger(new_db("seoul"))
    for n in range(1, 61):
        add(store, n, Marking(TLP.GREEN if n % 3 else TLP.AMBER, ("UKR",) if n % 3 else ()))
    add(store, 61, Marking(TLP.RED))  # never in a part
    service.publish(store)
    view = _view(store)
    served = _everything(view)
    ids = {s.row.seq: s.row.id for s in view.page(Params(limit=100_000, versions=("all",)),
                                                  0).items}
    # the ledger's order puts claims before the reports they belong to
    first = {}
    for seq in sorted(ids):
        first.setdefault(ids[seq].split("--")[0], seq)
    assert first["attributed-claim"] < first["report"]

    box = Outbox(view, 0, size=10, window=10)
    parts = list(box)
    sent = [s.row.seq for part in parts for s in part]
    assert sorted(sent) == sorted(served)  # every served version once, nothing else
    before: set[str] = set()
    for part in parts:
        inside = before | {s.row.id for s in part}
        for s in part:
            # what it refers to went in this part or an earlier one (or is never served)
            missing = {r for r in served[s.row.seq] if r not in inside
                       and r not in WELL_KNOWN and r in ids.values()}
            assert not missing, (s.row.id, missing)
        before = inside
        assert len(part) >= 10 or part is parts[-1]  # full parts, save the last
    # a window of ten and what it reaches, never the whole of what is new
    assert len(served) > 500 and box.held <= 120


def test_the_cursor_passes_only_what_was_accepted_with_nothing_unsent_before_it(new_db):
    store = service.open_ledger(new_db("seoul"))
    for n in range(1, 21):
        add(store, n, Marking(TLP.GREEN))
    service.publish(store)
    view = _view(store)
    served = _everything(view)
    box = Outbox(view, 0, size=10, window=10)
    parts = iter(box)
    taken: set[int] = set()
    for _ in range(3):  # three parts accepted, then the push stops
        part = next(parts)
        box.accepted(part)
        taken |= {s.row.seq for s in part}
    assert 0 < box.cursor < max(served)
    assert all(seq in taken for seq in served if seq <= box.cursor)
    # the next push starts at the cursor: everything not yet passed goes, in order again
    again = Outbox(view, box.cursor, size=10, window=10)
    resent = {s.row.seq for part in again for s in part}
    assert resent == {seq for seq in served if seq > box.cursor}
    assert set(served) - taken <= resent
