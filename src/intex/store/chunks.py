"""Long lists of keys in slices, so that no ``IN (...)`` passes more bound parameters than a
database takes in one statement."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeVar

T = TypeVar("T")


def chunks(items: list[T], n: int) -> Iterator[list[T]]:
    """``items`` in consecutive slices of ``n`` (the last one shorter)."""
    for i in range(0, len(items), n):
        yield items[i:i + n]
