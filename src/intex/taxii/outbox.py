"""What is new for a partner, in POST-sized parts, each after everything it refers to,
read from the partner's view a window at a time (``push`` sends the parts).

The receiver refuses a reference it cannot resolve, and the ledger's order (``seq``)
puts referrers first as often as not (a claim before its report). So each window of
objects past the cursor is completed with every object it reaches that is new for the
partner, read by id (every version of it past the cursor), and the lot is sent as
strongly connected groups in dependency order (a report and its claims go together).
What was sent ahead is skipped when the scan reaches it. Memory holds one window and
what it reaches, and the ids and ``seq`` numbers sent this run, never every object new
for the partner.

The cursor is a ``seq``: after a part is accepted, it moves past every object read so
far that was accepted with nothing before it (in ``seq`` order) still unsent.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from intex.stix.importing_checks import references
from intex.stix.importing_markings import WELL_KNOWN
from intex.taxii.params import Params
from intex.taxii.sync import components
from intex.taxii.view import Served, View

#: objects read by id at once
_BY_ID = 500


class Outbox:
    """Iterate for the parts; tell :meth:`accepted` what the partner took of each."""

    def __init__(self, view: View, start: int, *, size: int, window: int = 1000) -> None:
        self.view = view
        self.start = start
        self.size = max(1, size)
        self.window = max(1, window)
        self.cursor = start
        #: the most served objects held at once (a window, what it reaches, one part)
        self.held = 0
        self._sent_ids: set[str] = set()
        self._sent: set[int] = set()  # seqs put in a part this run
        self._read: deque[int] = deque()  # seqs read in order, not yet passed
        self._taken: set[int] = set()  # seqs accepted, not yet passed

    def __iter__(self) -> Iterator[list[Served]]:
        position = self.start
        part: list[Served] = []
        while True:
            page = self.view.page(Params(limit=self.window, versions=("all",)), position)
            self._read.extend(s.row.seq for s in page.items)
            have, refs = self._closure([s for s in page.items if s.row.seq not in self._sent])
            self.held = max(self.held, len(part) + sum(len(v) for v in have.values()))
            graph = {i: sorted(r for r in refs[i] if r in have) for i in have}
            for group in components(graph):
                for i in group:
                    part += have[i]
                    self._sent.update(s.row.seq for s in have[i])
                    self._sent_ids.add(i)
                if len(part) >= self.size:
                    yield part
                    part = []
            position = page.cursor
            if not page.more:
                break
        if part:
            yield part

    def accepted(self, items: Iterable[Served]) -> bool:
        """Note what the partner took; whether the cursor moved."""
        self._taken.update(s.row.seq for s in items)
        moved = False
        while self._read and self._read[0] in self._taken:
            self.cursor = self._read.popleft()
            self._taken.discard(self.cursor)
            moved = True
        return moved

    def _closure(self, fresh: list[Served],
                 ) -> tuple[dict[str, list[Served]], dict[str, set[str]]]:
        """``fresh`` by id, with every version of those ids past the start, and every
        object they reach that is new for the partner (none sent yet this run); and
        what each of those ids refers to."""
        have: dict[str, list[Served]] = {}
        for s in fresh:
            have.setdefault(s.row.id, []).append(s)
        several = {i for i, ss in have.items() if any(s.row.several for s in ss)}
        have.update(self._by_id(several))
        refs: dict[str, set[str]] = {}
        todo = set(have)
        while todo:
            for i in todo:
                refs[i] = {r for s in have[i] for _, r in references(s.obj)}
            reach = set().union(*(refs[i] for i in todo))
            reach -= have.keys() | self._sent_ids | WELL_KNOWN.keys()
            found = self._by_id(reach)
            have.update(found)
            todo = set(found)
        return have, refs

    def _by_id(self, ids: set[str]) -> dict[str, list[Served]]:
        """Every served version past the start of these objects, not sent yet (ids held
        before the start, hidden from the partner or not held at all are left out)."""
        out: dict[str, list[Served]] = {}
        wanted = sorted(ids)
        for at in range(0, len(wanted), _BY_ID):
            chunk = tuple(wanted[at:at + _BY_ID])
            position = self.start
            while True:
                page = self.view.page(Params(limit=10 * _BY_ID, versions=("all",)), position,
                                      ids=chunk)
                for s in page.items:
                    if s.row.seq not in self._sent:
                        out.setdefault(s.row.id, []).append(s)
                position = page.cursor
                if not page.more:
                    break
        return out
