"""The code stays as the style guide asks: ruff clean everywhere, mypy strict on model and
service (the layers everything else stands on)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def test_ruff_is_clean():
    out = subprocess.run([tool("ruff"), "check", "src", "tests", "bench"], cwd=ROOT,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout[-3000:]


def test_mypy_strict_on_model_and_service():
    out = subprocess.run([tool("mypy"), "src/intex/model", "src/intex/service"], cwd=ROOT,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout[-3000:]
