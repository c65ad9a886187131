"""A bounded memo for answers that depend on the gazetteer and a word or two alone.

Reports repeat names and phrases, so components keep such answers; the bound keeps a
run over 100,000 reports flat in memory (the memo starts over when it is full).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Memo(Generic[K, V]):
    def __init__(self, compute: Callable[[K], V], size: int = 50_000) -> None:
        self._compute = compute
        self._size = size
        self._known: dict[K, V] = {}

    def __call__(self, key: K) -> V:
        try:
            return self._known[key]
        except KeyError:
            pass
        if len(self._known) >= self._size:
            self._known.clear()
        value = self._known[key] = self._compute(key)
        return value
