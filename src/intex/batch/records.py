"""What a batch reads: folders of text/HTML, JSON lines, WARC files (warc.py).

The inputs are planned into units on the driver (a file each: folders are listed there,
cheaply); each unit is read where it is processed. Every record gets a sequence key
(unit number, record number) so that results can be put back in input order anywhere.
A record that cannot be read is a Failure naming it (``file:line``, the WARC record's
URI, or the WARC file and byte offset); a damaged WARC record is one bad record and the
file goes on after it. Records that are no report (a WARC request, a redirect) are
Skipped: counted, not failed.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from intex.batch.warc import Item, read_warc
from intex.errors import InputError
from intex.ingest import Failure, RawInput, expand_file
from intex.ingest.sources import walk

Seq = tuple[int, int]
WARC_SUFFIXES = (".warc", ".warc.gz")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")


@dataclass(frozen=True)
class Unit:
    """One file of the corpus and how to read it: "file" (text/HTML), "jsonl" or "warc"."""

    index: int
    path: str  # as the user named it: what records and errors are named by
    kind: str
    base: str = ""  # the driver's working directory, against which a relative path is read

    @property
    def opened(self) -> str:
        """Where the file is read: on a cluster an executor's working directory is not
        the driver's, so a relative path is joined to the driver's."""
        return os.path.join(self.base, self.path) if self.base else self.path


def kind_of(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    return "file"


def plan(inputs: Sequence[str]) -> tuple[list[Unit], list[Failure]]:
    """The corpus's files in the order `intex ingest` would read them, numbered."""
    units: list[Unit] = []
    missing: list[Failure] = []
    base = os.getcwd()
    for spec in inputs:
        path = Path(spec)
        if path.is_dir():
            for found in walk_corpus(path):
                if isinstance(found, Failure):
                    missing.append(found)
                else:
                    units.append(Unit(len(units), str(found), kind_of(found), base))
        elif path.is_file():
            units.append(Unit(len(units), spec, kind_of(path), base))
        else:
            missing.append(Failure(spec, InputError("no such file or folder", subject=spec)))
    return units, missing


def walk_corpus(folder: Path) -> Iterator[Path | Failure]:
    """Report files as `intex ingest` finds them, with WARC and JSON lines files besides."""
    yield from walk(folder)
    for path in sorted(folder.rglob("*")):
        if path.is_file() and kind_of(path) != "file" and not any(
                part.startswith(".") for part in path.relative_to(folder).parts):
            yield path


def read(unit: Unit, max_bytes: int = 5_000_000) -> Iterator[tuple[Seq, Item]]:
    """The unit's records with their sequence keys."""
    if unit.kind == "warc":
        items: Iterator[Item] = read_warc(unit.path, max_bytes, opened=unit.opened)
    elif unit.kind == "jsonl":
        items = _jsonl(unit.path, max_bytes, unit.opened)
    else:
        items = expand_file(Path(unit.opened), unit.path, max_bytes=max_bytes)
    for n, item in enumerate(items):
        yield (unit.index, n), item


def _jsonl(path: str, max_bytes: int, opened: str) -> Iterator[RawInput | Failure]:
    """One report per line: {"text" or "html", "url", "title", "published", "name"}."""
    import gzip

    opener = gzip.open if path.lower().endswith(".gz") else open
    try:
        with opener(opened, "rb") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                yield _json_record(line, f"{path}:{number}", max_bytes)
    except (OSError, EOFError) as exc:
        yield Failure(path, InputError(f"cannot read: {exc}", subject=path))


def _json_record(line: bytes, where: str, max_bytes: int) -> RawInput | Failure:
    try:
        obj = json.loads(line)
        if not isinstance(obj, dict):
            raise ValueError("not a JSON object")
        html, text = obj.get("html"), obj.get("text")
        body = html if isinstance(html, str) and html.strip() else text
        if not isinstance(body, str) or not body.strip():
            raise InputError("no \"text\" or \"html\" in the record", subject=where)
        if len(body.encode()) > max_bytes:
            raise InputError("over the size cap", subject=where)
        published = obj.get("published")
        return RawInput(
            name=str(obj.get("name") or obj.get("url") or where), text=body,
            format="html" if body is html else "text", url=obj.get("url") or None,
            title=obj.get("title") or None,
            published=date.fromisoformat(str(published)[:10]) if published else None)
    except InputError as exc:
        return Failure(where, exc)
    except (ValueError, TypeError) as exc:
        return Failure(where, InputError(f"not a report record: {exc}", subject=where))
