"""Login attempts, counted per (user name, address): a few failures, then a pause.

In memory, per process: a restart forgets the count, which costs an attacker a restart
they cannot cause. The clock is injected so tests need not wait."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from time import monotonic


@dataclass
class LoginThrottle:
    failures: int = 5  # allowed within ``window`` seconds
    window: float = 900.0
    clock: Callable[[], float] = monotonic
    _seen: dict[tuple[str, str], list[float]] = field(default_factory=dict)

    def _recent(self, key: tuple[str, str]) -> list[float]:
        now = self.clock()
        times = [t for t in self._seen.get(key, []) if now - t < self.window]
        if times:
            self._seen[key] = times
        else:
            self._seen.pop(key, None)
        return times

    def wait(self, name: str, address: str) -> float:
        """Seconds until this name may try again from this address (0: now)."""
        times = self._recent((name.lower(), address))
        if len(times) < self.failures:
            return 0.0
        return max(0.0, self.window - (self.clock() - times[0]))

    def failed(self, name: str, address: str) -> None:
        key = (name.lower(), address)
        self._recent(key)
        self._seen.setdefault(key, []).append(self.clock())
        if len(self._seen) > 100_000:  # bounded: forget the oldest keys first
            for old in list(self._seen)[:10_000]:
                del self._seen[old]

    def succeeded(self, name: str, address: str) -> None:
        self._seen.pop((name.lower(), address), None)
