"""What `intex watch` keeps between polls: each URL's validators and schedule, and the
feed entries already taken. A restart reads it back and goes on where it stopped."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, select

from intex.model import WatchState
from intex.store import schema as t


class Watches:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def states(self, urls: Sequence[str]) -> dict[str, WatchState]:
        """The stored state of each of these URLs that has been polled before."""
        out: dict[str, WatchState] = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(list(urls), 500):
                for r in conn.execute(select(t.watch_sources).where(
                        t.watch_sources.c.url.in_(chunk))):
                    out[r.url] = WatchState(r.url, r.etag, r.last_modified, _aware(r.last_poll),
                                            _aware(r.next_poll), r.failures, r.result,
                                            r.new_reports)
        return out

    def save(self, state: WatchState, *, entries: Iterable[str] = (),
             now: datetime | None = None) -> None:
        """Record a poll: the URL's new state and the entries it took, in one transaction."""
        now = now or datetime.now(UTC)
        src = t.watch_sources
        with self.engine.begin() as conn:
            conn.execute(src.delete().where(src.c.url == state.url))
            conn.execute(src.insert().values(
                url=state.url, etag=state.etag, last_modified=state.last_modified,
                last_poll=state.last_poll, next_poll=state.next_poll, failures=state.failures,
                result=state.result, new_reports=state.new_reports))
            new = sorted(set(entries) - self._seen(conn, state.url, set(entries)))
            if new:
                conn.execute(t.watch_entries.insert(), [
                    {"source": state.url, "entry": e, "seen_at": now} for e in new])

    def seen(self, source: str, entries: Iterable[str]) -> set[str]:
        """Which of these entries of ``source`` were taken before."""
        with self.engine.connect() as conn:
            return self._seen(conn, source, set(entries))

    @staticmethod
    def _seen(conn: Connection, source: str, entries: set[str]) -> set[str]:
        found: set[str] = set()
        e = t.watch_entries
        for chunk in _chunks(sorted(entries), 500):
            found.update(r[0] for r in conn.execute(
                select(e.c.entry).where(e.c.source == source, e.c.entry.in_(chunk))))
        return found


def _aware(at: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; they were written in UTC."""
    return at.replace(tzinfo=UTC) if at is not None and at.tzinfo is None else at


def _chunks(items: list[str], n: int) -> Iterable[list[str]]:
    for i in range(0, len(items), n):
        yield items[i:i + n]
