"""One SparkSession (local[2]) for every Spark test; the corpus served on loopback.

Without Java the Spark tests are skipped on a developer's machine, and fail under CI
(CI=true), where .ci/run installs a JRE: a missing Java must never pass quietly there."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from tests.batch.corpus import PAGES, html
from tests.liveserver import Answer, http_site

FIXED = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


def fixed_clock() -> datetime:
    return FIXED


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        if os.environ.get("CI") == "true":
            pytest.fail("no Java: .ci/run must install a JRE for the Spark tests")
        pytest.skip("no Java on this machine (apt-get install openjdk-17-jre-headless)")
    pytest.importorskip("pyspark") if os.environ.get("CI") != "true" else None
    from intex.batch.spark import make_session

    session = make_session("local[2]")
    try:
        yield session
    finally:
        session.stop()


@pytest.fixture(scope="session")
def news_site() -> Iterator[str]:
    """The corpus's pages at http://127.0.0.1:PORT/2026/10/...; yields the base URL."""
    with http_site({path: Answer(html(path)) for path in PAGES}) as site:
        yield site.base
