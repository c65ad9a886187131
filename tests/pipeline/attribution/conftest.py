"""Shared helpers for the attribution tests: the built pipeline and a claim's sources."""

import pytest

from intex.pipeline import build_pipeline


@pytest.fixture(scope="module")
def pipeline():
    return build_pipeline()
