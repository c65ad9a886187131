"""When to poll: intervals people write ("15m"), backoff after errors, pacing per host.

Time comes from an injected clock and passes through an injected sleeper, so tests run a
day of polling in no time and nothing here ever reads the wall clock itself.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from intex.errors import ConfigError

Clock = Callable[[], datetime]
Sleep = Callable[[float], None]

_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)


def parse_interval(text: str) -> float:
    """Seconds in "90", "90s", "15m", "2h" or "1d"; ConfigError naming the text otherwise."""
    m = _INTERVAL.match(text)
    if not m or float(m.group(1)) <= 0:
        raise ConfigError("not an interval: write a number with s, m, h or d (15m)",
                          subject=repr(text))
    return float(m.group(1)) * _UNITS[m.group(2).lower()]


def backoff(every: float, failures: int, cap: float) -> float:
    """Seconds to wait after ``failures`` errors in a row: the interval doubled per error,
    never more than ``cap`` (nor less than the interval)."""
    if failures <= 0:
        return every
    return max(every, min(every * 2.0 ** failures, cap))


class HostPacer:
    """At most one request per ``interval`` seconds to each host; waits (sleeps) for it.

    Safe to share between threads: each caller reserves the host's next free slot under
    a lock, then sleeps until it outside the lock, so two hosts never wait for each other
    and two requests to one host never share a slot."""

    def __init__(self, interval: float, clock: Clock, sleep: Sleep) -> None:
        self.interval = interval
        self._clock = clock
        self._sleep = sleep
        self._next: dict[str, datetime] = {}
        self._lock = threading.Lock()

    def __call__(self, url: str) -> None:
        host = (urlsplit(url).hostname or "").lower()
        with self._lock:
            now = self._clock()
            slot = max(now, self._next.get(host, now))
            self._next[host] = slot + timedelta(seconds=max(self.interval, 0.0))
        wait = (slot - now).total_seconds()
        if wait > 0:
            self._sleep(wait)
