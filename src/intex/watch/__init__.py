"""`intex watch`: feeds and pages polled on a schedule, new reports into the ledger.

    Watcher            one round polls what is due (hosts in parallel, each host paced);
      │                 run() loops, sleeping in between
      ├── schedule      intervals ("15m"), exponential backoff with a cap, per-host pacing
      ├── notify        new claims for watched subjects to a command and/or a webhook,
      │                 through an outbox in the database (at least once, never lost)
      └── (ingest)      conditional GET through the fetch seam, feeds, OPML; the service
                        stores what is new; the store keeps each URL's state between runs
"""

from intex.watch.notify import Notifier
from intex.watch.schedule import HostPacer, backoff, parse_interval
from intex.watch.watcher import Delivery, PollEvent, Watcher, WatchOptions, read_sources

__all__ = ["Delivery", "HostPacer", "Notifier", "PollEvent", "WatchOptions", "Watcher", "backoff",
           "parse_interval", "read_sources"]
