"""``intex watch``: poll feeds and pages on a schedule, with a live status table."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.live import Live
from rich.table import Table

from intex.cli.common import DbOption, load_extractor, store_from
from intex.cli.marking import RelOption, TlpOption, parse_marking
from intex.config import Settings
from intex.errors import ConfigError
from intex.model import WatchState

if TYPE_CHECKING:
    from intex.watch import PollEvent


def _when(at: datetime | None) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M:%S") if at else "—"


def _standing(s: WatchState, behind: Collection[str]) -> str:
    if s.url in behind:  # a round stopped waiting for its host: skipped until it answers
        return "left behind: host answering slowly, skipped until it does"
    if s.failures:
        return f"backing off after {s.failures} failure{'s' if s.failures > 1 else ''}"
    return "on schedule"


def status_table(states: list[WatchState], behind: Collection[str] = ()) -> Table:
    """One row per source; ``behind``: the URLs whose host a round left behind."""
    table = Table("source", "state", "last poll", "result", "new reports", "next poll",
                  title="intex watch", title_justify="left")
    for s in states:
        style = "red" if s.failures else "yellow" if s.url in behind else None
        table.add_row(s.url, _standing(s, behind), _when(s.last_poll), s.result or "—",
                      str(s.new_reports), _when(s.next_poll), style=style)
    return table


def _line(ev: PollEvent) -> str:
    s = ev.state
    return f"{s.url}: {s.result} (next poll {_when(s.next_poll)})"


def register(app: typer.Typer) -> None:
    @app.command()
    def watch(
        sources: Annotated[list[str], typer.Argument(
            help="feed or page URLs, and OPML files listing feeds")],
        every: Annotated[str, typer.Option(
            help="how often to poll each source: 90s, 15m, 2h, 1d")] = "15m",
        once: Annotated[bool, typer.Option(
            "--once", help="poll every source once now (except those backing off after errors), "
                             "then exit: for cron")] = False,
        subject: Annotated[list[str] | None, typer.Option(
            "--subject", help="notify about new claims on this subject (repeatable; none: "
                              "every new claim)")] = None,
        notify_cmd: Annotated[str | None, typer.Option(
            help="run this command with the new claims as JSON on standard input")] = None,
        notify_url: Annotated[str | None, typer.Option(
            help="POST the new claims as JSON to this webhook URL")] = None,
        host_interval: Annotated[str, typer.Option(
            help="at least this long between two requests to one host")] = "1s",
        max_backoff: Annotated[str, typer.Option(
            help="the longest wait after errors in a row (the wait doubles per error)")] = "6h",
        keep_sent: Annotated[str, typer.Option(
            help="how long a sent notification stays in the outbox (the database) before it "
                 "is deleted")] = "7d",
        concurrency: Annotated[int, typer.Option(
            min=1, max=256, help="how many hosts to fetch from at once (one request at a "
                                 "time to each)")] = 8,
        tlp: TlpOption = "clear",
        rel: RelOption = None,
        db: DbOption = None,
    ) -> None:
        """Watch feeds and pages: new reports into the ledger, new claims to a hook.

        Polls with conditional GET (ETag, Last-Modified), several hosts at once; the
        state is kept in the database, so a restart goes on without fetching or ingesting
        anything twice. Notifications wait in the database until their hook took them:
        one a crash left unsent is sent after the restart (at least once; repeats carry
        the same "notification" id), and a sent one is deleted after --keep-sent. A host
        whose request outlasts the timeout (and 5 s more) no longer holds up a round: its
        feeds wait for its answer while the others keep their schedule.
        """
        # the watcher (and the store and HTTP client under it) load only for this command
        from intex.watch import (
            Delivery,
            Notifier,
            Watcher,
            WatchOptions,
            parse_interval,
            read_sources,
        )

        settings = Settings.from_env(db=db)
        try:
            options = WatchOptions(
                every=parse_interval(every), max_backoff=parse_interval(max_backoff),
                host_interval=0.0 if host_interval.strip() in ("0", "0s")
                else parse_interval(host_interval),
                subjects=tuple(subject or ()), marking=parse_marking(tlp, rel),
                max_bytes=settings.max_bytes, timeout=settings.timeout,
                concurrency=concurrency, keep_sent=parse_interval(keep_sent))
        except ConfigError as err:
            raise typer.BadParameter(str(err)) from None
        err = Console(stderr=True)
        urls, problems = read_sources(sources)
        for problem in problems:
            err.print(f"[red]error[/red] {problem}", highlight=False, soft_wrap=True)
        if not urls:
            raise typer.Exit(1)
        store = store_from(db)
        load_extractor()
        watcher = Watcher(store, urls, options)
        watcher.notifier = Notifier(notify_cmd, notify_url, fetcher=watcher.fetcher)
        failed = False
        live = Live(status_table(watcher.states(), watcher.left_behind()), console=err,
                    auto_refresh=False, transient=False) if err.is_terminal else None
        try:
            if live:
                live.start(refresh=True)
            for ev in watcher.run(once=once):
                if isinstance(ev, Delivery):
                    for problem in ev.errors:
                        err.print(f"[red]error[/red] {problem}", highlight=False,
                                  soft_wrap=True)
                    if ev.sent:
                        err.print(f"sent {ev.sent} notifications left in the outbox",
                                  highlight=False, soft_wrap=True)
                    continue
                failed = failed or ev.error is not None or bool(ev.failed)
                for problem in (*ev.failed, *ev.notify_errors):
                    err.print(f"[red]error[/red] {problem}", highlight=False, soft_wrap=True)
                if live:
                    live.update(status_table(watcher.states(), watcher.left_behind()),
                                refresh=True)
                else:
                    typer.echo(_line(ev), err=True)
        except KeyboardInterrupt:
            pass
        finally:
            if live:
                live.stop()
            else:  # no table: say which sources no answer came for
                for url in sorted(watcher.left_behind()):
                    typer.echo(f"{url}: {_standing(WatchState(url), {url})}", err=True)
            watcher.close()
            store.close()
        if once and failed:
            raise typer.Exit(1)
