"""What the commands share: the extractor loaded once and kept out of the collector's way."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import gc
{setup}
print(gc.get_freeze_count(), gc.isenabled())
"""


def _probe(setup: str) -> tuple[int, bool]:
    out = subprocess.run([sys.executable, "-c", PROBE.format(setup=setup)], check=True,
                         capture_output=True, text=True).stdout.split()
    return int(out[0]), out[1] == "True"


def test_loading_the_gazetteer_leaves_the_collector_as_it_was():
    """The loader pauses the collector for its build and sets it back: freezing what the
    process holds is no loader's choice."""
    frozen, enabled = _probe("from intex.gazetteer import load_gazetteer\n"
                             "load_gazetteer()")
    assert (frozen, enabled) == (0, True)


def test_a_batch_command_freezes_the_loaded_extractor():
    """`intex ingest` and its kin build the pipeline first and freeze it: the gazetteer's
    hundreds of thousands of objects are out of every later pass of the collector."""
    frozen, enabled = _probe("from intex.cli.common import load_extractor\n"
                             "load_extractor()")
    assert enabled
    assert frozen > 100_000
