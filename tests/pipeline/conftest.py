"""The default pipeline, built once for the tests of its stages."""

import pytest

from intex.pipeline import build_pipeline


@pytest.fixture(scope="session")
def pipeline():
    return build_pipeline()
