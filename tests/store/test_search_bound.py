"""Full-text search ranks at most ``ranked`` matches, the latest stored, so that a word
most reports hold costs a bounded amount; a reader's sight applies before the bound."""

from __future__ import annotations

from datetime import UTC, datetime

from intex import service
from intex.model import TLP, Marking, Role, User
from intex.service.access import sight
from intex.store import open_store


def _add(store, text: str, name: str, day: int, tlp: TLP = TLP.CLEAR) -> str:
    ex = service.extract_bytes(text.encode(), name=name)
    return store.add(ex, extractor="t", marking=Marking(tlp),
                     now=datetime(2025, 1, day, tzinfo=UTC)).report_id


def test_common_words_rank_the_latest_matches_only(db_url):
    store = open_store(db_url)
    best = _add(store, "Aid\n\nAid, aid and more aid: the aid convoy brought aid.", "a.txt", 1)
    mid = _add(store, "Convoy\n\nA convoy brought aid to the town on Monday.", "b.txt", 2)
    amber = _add(store, "Aid\n\nAid aid aid: another aid convoy left.", "c.txt", 3, TLP.AMBER)
    late = _add(store, "Town\n\nThe town got food and some aid on Friday.", "d.txt", 4)
    assert {h[0] for h in store.search("aid")} == {best, mid, amber, late}
    assert {h[0] for h in store.search("aid", ranked=2)} == {amber, late}
    assert {h[0] for h in store.search("aid", ranked=10)} == {best, mid, amber, late}
    # a reader cleared for GREEN never sees the AMBER report: the two latest they may see
    reader = sight(User("r", Role.READER, TLP.GREEN))
    assert {h[0] for h in store.search("aid", sight=reader, ranked=2)} == {mid, late}
    assert {h[0] for h in store.search("aid", sight=reader)} == {best, mid, late}
