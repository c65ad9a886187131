"""What `intex watch` keeps between polls: each URL's validators and schedule, the feed
entries already taken, and the notifications still to send. A restart reads it back and
goes on where it stopped.

The outbox: a poll's notifications are written in the transaction that records the poll,
and marked sent only after the hook took them, so a crash in between sends them again
after the restart (at least once, never lost). Reports are stored before that
transaction, by the ledger; the entries being stored are written down first
(``begin_taking``) so that a poll cut short between the two is recognised when the next
poll finds those reports already in the ledger.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, Row, func, select

from intex.model import Notification, WatchState
from intex.store import schema as t
from intex.store.chunks import chunks
from intex.store.sight import Sight
from intex.store.utc import aware


class Watches:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def states(self, urls: Sequence[str]) -> dict[str, WatchState]:
        """The stored state of each of these URLs that has been polled before."""
        out: dict[str, WatchState] = {}
        with self.engine.connect() as conn:
            for chunk in chunks(list(urls), 500):
                for r in conn.execute(select(t.watch_sources).where(
                        t.watch_sources.c.url.in_(chunk))):
                    out[r.url] = _state(r)
        return out

    def recent(self, limit: int = 200) -> list[WatchState]:
        """The URLs polled or to be polled, the most recently polled first."""
        src = t.watch_sources
        with self.engine.connect() as conn:
            rows = conn.execute(select(src).order_by(
                src.c.last_poll.desc().nulls_last(), src.c.url).limit(limit)).all()
        return [_state(r) for r in rows]

    def reports_seen(self, feeds: Sequence[str], sight: Sight) -> dict[str, int]:
        """How many of the reports each of these feeds brought a ``sight`` allows (a feed
        with none it allows is left out)."""
        rf, r = t.report_feeds, t.reports
        out: dict[str, int] = {}
        with self.engine.connect() as conn:
            for chunk in chunks(list(feeds), 500):
                out.update((feed, n) for feed, n in conn.execute(
                    select(rf.c.feed, func.count()).join(r, r.c.id == rf.c.report_id)
                    .where(rf.c.feed.in_(chunk), sight.condition(r.c.tlp, r.c.releasable_to))
                    .group_by(rf.c.feed)))
        return out

    def save(self, state: WatchState, *, entries: Iterable[str] = (),
             now: datetime | None = None,
             messages: Sequence[tuple[str | None, str, str]] = ()) -> None:
        """Record a poll in one transaction: the URL's new state, the entries it took, the
        end of its taking, and its ``messages`` ((subject, hook, payload)) for the outbox."""
        now = now or datetime.now(UTC)
        src = t.watch_sources
        with self.engine.begin() as conn:
            conn.execute(t.watch_taking.delete().where(t.watch_taking.c.source == state.url))
            if messages:
                conn.execute(t.watch_outbox.insert(), [
                    {"source": state.url, "subject": subject, "hook": hook, "payload": body,
                     "created_at": now, "attempts": 0} for subject, hook, body in messages])
            conn.execute(src.delete().where(src.c.url == state.url))
            conn.execute(src.insert().values(
                url=state.url, etag=state.etag, last_modified=state.last_modified,
                last_poll=state.last_poll, next_poll=state.next_poll, failures=state.failures,
                result=state.result, new_reports=state.new_reports,
                failed_entries=state.failed_entries))
            new = sorted(set(entries) - self._seen(conn, state.url, set(entries)))
            if new:
                conn.execute(t.watch_entries.insert(), [
                    {"source": state.url, "entry": e, "seen_at": now} for e in new])

    def begin_taking(self, source: str, entries: Iterable[str], now: datetime) -> None:
        """Write down the entries a poll is about to store (``save`` clears them)."""
        rows = sorted(set(entries))
        if not rows:
            return
        tk = t.watch_taking
        with self.engine.begin() as conn:  # what an earlier, cut short poll left is read
            conn.execute(tk.delete().where(tk.c.source == source))  # (taking) before this
            conn.execute(tk.insert(), [{"source": source, "entry": e, "started_at": now}
                                       for e in rows])

    def taking(self, source: str) -> set[str]:
        """Entries of ``source`` that a poll began storing and never recorded."""
        tk = t.watch_taking
        with self.engine.connect() as conn:
            return {r[0] for r in conn.execute(select(tk.c.entry).where(tk.c.source == source))}

    def pending(self, hooks: Sequence[str], *, max_attempts: int, after: int = 0,
                limit: int = 500) -> list[Notification]:
        """Notifications not sent yet for these hooks, by id from ``after`` on (those that
        failed ``max_attempts`` times are given up)."""
        if not hooks:
            return []
        o = t.watch_outbox
        with self.engine.connect() as conn:
            rows = conn.execute(select(o).where(
                o.c.sent_at.is_(None), o.c.hook.in_(list(hooks)), o.c.id > after,
                o.c.attempts < max_attempts).order_by(o.c.id).limit(limit))
            return [Notification(r.id, r.source, r.subject, r.hook, r.payload, r.attempts,
                                 r.last_error, aware(r.tried_at)) for r in rows]

    def sent(self, message_id: int, now: datetime) -> None:
        o = t.watch_outbox
        with self.engine.begin() as conn:
            conn.execute(o.update().where(o.c.id == message_id).values(sent_at=now))

    def failed(self, message_id: int, error: str, now: datetime) -> None:
        o = t.watch_outbox
        with self.engine.begin() as conn:
            conn.execute(o.update().where(o.c.id == message_id).values(
                attempts=o.c.attempts + 1, last_error=error[:2000], tried_at=now))

    def prune_sent(self, before: datetime) -> int:
        """Delete the notifications sent before ``before``; how many went. Unsent ones
        (waiting, failing or given up) stay, whatever their age."""
        o = t.watch_outbox
        with self.engine.begin() as conn:
            gone = conn.execute(o.delete().where(o.c.sent_at.is_not(None),
                                                 o.c.sent_at < before))
        return int(gone.rowcount or 0)

    def outbox_counts(self) -> dict[str, int]:
        """How many notifications were sent and how many are not (yet)."""
        o = t.watch_outbox
        with self.engine.connect() as conn:
            sent = conn.execute(select(func.count()).select_from(o).where(
                o.c.sent_at.is_not(None))).scalar()
            waiting = conn.execute(select(func.count()).select_from(o).where(
                o.c.sent_at.is_(None))).scalar()
        return {"sent": sent or 0, "pending": waiting or 0}

    def seen(self, source: str, entries: Iterable[str]) -> set[str]:
        """Which of these entries of ``source`` were taken before."""
        with self.engine.connect() as conn:
            return self._seen(conn, source, set(entries))

    @staticmethod
    def _seen(conn: Connection, source: str, entries: set[str]) -> set[str]:
        found: set[str] = set()
        e = t.watch_entries
        for chunk in chunks(sorted(entries), 500):
            found.update(r[0] for r in conn.execute(
                select(e.c.entry).where(e.c.source == source, e.c.entry.in_(chunk))))
        return found


def _state(r: Row[Any]) -> WatchState:
    return WatchState(r.url, r.etag, r.last_modified, aware(r.last_poll), aware(r.next_poll),
                      r.failures, r.result, r.new_reports, r.failed_entries)
