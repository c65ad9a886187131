"""What the commands share: the extractor loaded once and kept out of the collector's way."""

from __future__ import annotations

import subprocess
import sys


def _run(code: str) -> list[str]:
    """What a fresh interpreter running ``code`` prints, split into words."""
    return subprocess.run([sys.executable, "-c", "import gc\n" + code], check=True,
                          capture_output=True, text=True).stdout.split()


def test_loading_the_gazetteer_leaves_the_collector_as_it_was():
    """The loader pauses the collector for its build and sets it back: freezing what the
    process holds is no loader's choice."""
    frozen, enabled = _run("from intex.gazetteer import load_gazetteer\n"
                           "load_gazetteer()\n"
                           "print(gc.get_freeze_count(), gc.isenabled())")
    assert (frozen, enabled) == ("0", "True")


def test_a_batch_command_freezes_the_loaded_extractor():
    """`intex ingest` and its kin build the pipeline first, with what its parts build on
    first use, and freeze it: the gazetteer's hundreds of thousands of objects are out of
    every later pass of the collector, and a report read afterwards leaves almost nothing
    new for it to walk (without the warm-up, the small-town index and compiled patterns
    the first report built stayed in sight: some 170,000 objects)."""
    frozen, enabled, left = _run(
        "from intex.cli.common import load_extractor\n"
        "from intex.service import extract_bytes\n"
        "load_extractor()\n"
        "frozen = gc.get_freeze_count()\n"
        "extract_bytes(b'Kyiv, May 2 - Russian missiles struck Odesa, killing 3 people and '\n"
        "              b'wounding 11, the regional governor said.', name='r.txt')\n"
        "gc.collect()\n"
        "print(frozen, gc.isenabled(), len(gc.get_objects()))")
    assert enabled == "True"
    assert int(frozen) > 100_000
    assert int(left) < 5_000
