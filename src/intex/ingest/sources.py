"""What the user names (files, folders, "-", URLs, feeds) to a stream of decoded inputs.

A batch of a thousand inputs must not stop at the first bad one, so every problem with one
input is yielded as a Failure beside the good ones, and nothing is read before it is asked for.
"""

from __future__ import annotations

import html
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import BinaryIO

from intex.errors import EmptyInput, FeedError, InputError, TooLarge
from intex.ingest.feeds import FeedEntry, parse_feed
from intex.ingest.fetch import Fetcher, FetchSettings
from intex.ingest.formats import DEFAULT_MAX_BYTES, RawInput, decode, human_size

STDIN = "-"
STDIN_NAME = "stdin"
FOLDER_SUFFIXES = frozenset(
    {".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".xml", ".rss", ".atom", ""})
# Feeds often carry only a teaser; below this much text the linked page is the report.
FULL_ENTRY_CHARS = 400

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Failure:
    """One input that could not be read; the batch goes on without it."""

    name: str
    error: InputError


@dataclass(frozen=True)
class _Loaded:
    data: bytes
    content_type: str | None = None
    url: str | None = None


def expand_file(path: Path, name: str, *, max_bytes: int = DEFAULT_MAX_BYTES,
                ) -> Iterator[RawInput | Failure]:
    """The report (or the feed's entries) in the file at ``path``, named ``name``: what a
    batch executor reads when the user named the file relative to another directory."""
    reader = _Reader(None, max_bytes, None)
    try:
        yield from reader._report(name, partial(reader._read_file, path, name))
    finally:
        reader.close()


def expand(inputs: Sequence[str], *, feeds: Sequence[str] = (), fetcher: Fetcher | None = None,
           max_bytes: int = DEFAULT_MAX_BYTES,
           stdin: BinaryIO | None = None) -> Iterator[RawInput | Failure]:
    """Yield one RawInput per report, or a Failure per input that cannot be read, in order.

    Inputs are file paths, folders (recursive), "-" for standard input, or http(s) URLs; a
    URL or file that is a feed is expanded into its entries, as is everything in ``feeds``.
    Without ``fetcher`` one is made when first needed and closed at the end.
    """
    reader = _Reader(fetcher, max_bytes, stdin)
    try:
        for spec in inputs:
            yield from reader.input(spec)
        for spec in feeds:
            yield from reader.feed(spec)
    finally:
        reader.close()


class _Reader:
    def __init__(self, fetcher: Fetcher | None, max_bytes: int, stdin: BinaryIO | None) -> None:
        self._fetcher = fetcher
        self._owned: Fetcher | None = None
        self._max_bytes = max_bytes
        self._stdin = stdin

    def close(self) -> None:
        if self._owned is not None:
            self._owned.close()

    def input(self, spec: str) -> Iterator[RawInput | Failure]:
        if spec == STDIN:
            yield from self._report(STDIN_NAME, self._read_stdin)
        elif _URL.match(spec):
            yield from self._report(spec, partial(self._fetch, spec))
        else:
            path = Path(spec)
            try:
                is_dir, exists = path.is_dir(), path.exists()
            except OSError as exc:  # a name too long for the file system, say
                yield Failure(spec, InputError(f"cannot read: {exc.strerror or exc}",
                                               subject=spec))
                return
            if is_dir:
                yield from self._folder(path)
            elif exists:
                yield from self._report(spec, partial(self._read_file, path, spec))
            else:
                yield Failure(spec, InputError("no such file or folder", subject=spec))

    def feed(self, spec: str) -> Iterator[RawInput | Failure]:
        name = STDIN_NAME if spec == STDIN else spec
        try:
            loaded = self._load(spec, name)
            decode(loaded.data, name, loaded.content_type, self._max_bytes)  # empty, binary
        except InputError as exc:
            yield Failure(name, exc)
            return
        yield from self._entries(name, loaded)

    def _report(self, name: str, load: Callable[[], _Loaded]) -> Iterator[RawInput | Failure]:
        try:
            loaded = load()
            raw = decode(loaded.data, name, loaded.content_type, self._max_bytes)
        except InputError as exc:
            yield Failure(name, exc)
            return
        if raw.format == "feed":
            yield from self._entries(name, loaded)
        else:
            yield replace(raw, url=loaded.url) if loaded.url else raw

    def _entries(self, name: str, loaded: _Loaded) -> Iterator[RawInput | Failure]:
        try:
            entries = parse_feed(loaded.data, loaded.url, name=name)
        except FeedError as exc:
            yield Failure(name, exc)
            return
        for number, entry in enumerate(entries, 1):
            got = self._entry(entry, entry.url or f"{name}#{number}")
            yield replace(got, feed=name) if isinstance(got, RawInput) else got

    def _entry(self, entry: FeedEntry, name: str) -> RawInput | Failure:
        return entry_input(entry, name, self._fetcher_now, self._max_bytes)

    def _folder(self, root: Path) -> Iterator[RawInput | Failure]:
        for found in walk(root):
            if isinstance(found, Failure):
                yield found
            else:
                name = str(found)
                yield from self._report(name, partial(self._read_file, found, name))

    def _load(self, spec: str, name: str) -> _Loaded:
        if spec == STDIN:
            return self._read_stdin()
        if _URL.match(spec):
            return self._fetch(spec)
        path = Path(spec)
        try:
            exists = path.exists()
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", subject=name) from None
        if not exists:
            raise InputError("no such file or folder", subject=name)
        return self._read_file(path, name)

    def _read_stdin(self) -> _Loaded:
        stream = self._stdin or getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise InputError("no standard input to read", subject=STDIN_NAME)
        return _Loaded(stream.read(self._max_bytes + 1))

    def _read_file(self, path: Path, name: str) -> _Loaded:
        try:
            if path.is_dir():
                raise InputError("is a folder, not a file", subject=name)
            size = path.stat().st_size
            if size > self._max_bytes:
                raise TooLarge(f"{human_size(size)}, over the {human_size(self._max_bytes)} "
                               "size cap", subject=name)
            with path.open("rb") as handle:
                return _Loaded(handle.read(self._max_bytes + 1))
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", subject=name) from None

    def _fetch(self, url: str) -> _Loaded:
        fetched = self._fetcher_now().fetch(url)
        return _Loaded(fetched.data, fetched.content_type, fetched.url)

    def _fetcher_now(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = self._owned = Fetcher(FetchSettings(max_bytes=self._max_bytes))
        return self._fetcher


def entry_input(entry: FeedEntry, name: str, fetcher: Callable[[], Fetcher],
                max_bytes: int = DEFAULT_MAX_BYTES) -> RawInput | Failure:
    """One feed entry as a report: its own content when it is the full text, else the page
    it links to (fetched with ``fetcher()``, made only when needed)."""
    length = _text_length(entry.html or "")
    if entry.html and (length >= FULL_ENTRY_CHARS or (length and not entry.url)):
        return RawInput(name=name, text=entry.html, format="html", url=entry.url,
                        title=entry.title, published=entry.published)
    if not entry.url:
        return Failure(name, EmptyInput("feed entry has neither text nor a link",
                                        subject=name))
    try:
        fetched = fetcher().fetch(entry.url)
        raw = decode(fetched.data, name, fetched.content_type, max_bytes)
    except InputError as exc:
        return Failure(name, exc)
    if raw.format == "feed":
        return Failure(name, InputError("feed entry links to a feed, not to a report",
                                        subject=name))
    return replace(raw, url=entry.url, title=entry.title or raw.title,
                   published=entry.published or raw.published)


def walk(folder: Path, seen: set[Path] | None = None) -> Iterator[Path | Failure]:
    """Report files under ``folder``, depth first in name order, hidden ones skipped."""
    seen = set() if seen is None else seen
    try:
        real = folder.resolve()
        if real in seen:
            return  # a symlink loop
        seen.add(real)
        with os.scandir(folder) as listing:
            children = sorted(listing, key=lambda child: child.name)
    except OSError as exc:
        name = str(folder)
        yield Failure(name, InputError(f"cannot read folder: {exc.strerror or exc}",
                                       subject=name))
        return
    for child in children:
        if child.name.startswith("."):
            continue
        path = Path(child.path)
        try:
            is_dir, is_file = child.is_dir(), child.is_file()
        except OSError:
            continue
        if is_dir:
            yield from walk(path, seen)
        elif is_file and path.suffix.lower() in FOLDER_SUFFIXES:
            yield path


def _text_length(fragment: str) -> int:
    return len(" ".join(html.unescape(_TAG.sub(" ", fragment)).split()))
