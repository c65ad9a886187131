"""The ingest bench's report generator: new figures in the prose, the markup untouched."""

from __future__ import annotations

import importlib.util
import random
import re
from itertools import islice
from types import ModuleType

from intex.ingest import decode
from tests.conftest import DEV, ROOT


def _bench() -> ModuleType:
    path = ROOT / "bench" / "ingest_bench.py"
    spec = importlib.util.spec_from_file_location("ingest_bench", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TAGS = re.compile(r"<!--.*?-->|<[^>]*>|&#?\w+;", re.S)


def test_html_markup_is_not_renumbered() -> None:
    bench = _bench()
    page = ('<html><head><meta charset="utf-8"></head><body><h2>Day 1,000</h2>'
            '<!-- build 42 --><p>About 3,000 troops&#8217; losses.</p></body></html>')
    out = bench.renumber(page, random.Random(1), "html")
    assert TAGS.findall(out) == TAGS.findall(page)
    assert "1,000" not in out and "3,000" not in out  # the figures themselves are new


def test_every_generated_page_declares_the_charset_its_source_does() -> None:
    bench = _bench()
    sources = sorted(DEV.glob("*.html"))
    for path, data in zip(sources * 2, islice(bench.variants("html"), 2 * len(sources)),
                          strict=True):
        assert TAGS.findall(data.decode("utf-8")) == \
            TAGS.findall(path.read_text(encoding="utf-8")), path.name
        assert decode(data, path.name).encoding == "utf-8", path.name
