"""`intex batch --master spark://...` on a real Spark standalone cluster: a master and a
worker started here on loopback (PySpark's own launcher), intex as the driver in its own
process, the work done in the worker's executor.

The inputs are named relative to the driver's working directory, as a user types them;
the executor runs elsewhere (its own working directory) and must still find them. The
Parquet the cluster writes equals the local engine's, row for row.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.batch.corpus import PAGES, write_jsonl, write_warc
from tests.liveserver import free_port

pytestmark = [pytest.mark.slow]

INTEX = [sys.executable, "-m", "intex"]


def _spark_home() -> Path:
    pyspark = pytest.importorskip("pyspark")
    return Path(pyspark.__file__).parent


def _java_or_skip() -> None:
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        if os.environ.get("CI") == "true":
            pytest.fail("no Java: .ci/run must install a JRE for the Spark tests")
        pytest.skip("no Java on this machine")


def _wait_for(log: Path, text: str, proc: subprocess.Popen[bytes], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if log.exists() and text in log.read_text(errors="replace"):
            return
        if proc.poll() is not None:
            break
        time.sleep(0.5)
    raise AssertionError(f"{log.name}: no {text!r} after {seconds:.0f} s:\n"
                         + (log.read_text(errors="replace")[-3000:] if log.exists() else ""))


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A standalone master and one worker (one core) on 127.0.0.1; yields the master URL
    and the worker's work folder (where each executor it runs leaves its logs)."""
    _java_or_skip()
    home = _spark_home()
    where = tmp_path_factory.mktemp("spark-cluster")
    work = where / "work"
    port = free_port()
    env = {**os.environ, "SPARK_HOME": str(home), "SPARK_LOCAL_IP": "127.0.0.1",
           "SPARK_LOG_DIR": str(where), "SPARK_WORKER_DIR": str(work),
           "SPARK_MASTER_OPTS": "-Dspark.master.rest.enabled=false",
           "PYSPARK_PYTHON": sys.executable}
    launcher = str(home / "bin" / "spark-class")
    master_log, worker_log = where / "master.log", where / "worker.log"
    procs: list[subprocess.Popen[bytes]] = []
    try:
        with master_log.open("wb") as out:
            procs.append(subprocess.Popen(
                [launcher, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                 "--port", str(port), "--webui-port", str(free_port())],
                env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True))
        _wait_for(master_log, "I have been elected leader", procs[0], 180)
        url = f"spark://127.0.0.1:{port}"
        with worker_log.open("wb") as out:
            procs.append(subprocess.Popen(
                [launcher, "org.apache.spark.deploy.worker.Worker", url, "--host",
                 "127.0.0.1", "--cores", "1", "--memory", "1g", "--webui-port", str(free_port()),
                 "--work-dir", str(work)],
                env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True))
        _wait_for(worker_log, "Successfully registered with master", procs[1], 180)
        yield url, work
    finally:
        for proc in reversed(procs):
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
                try:
                    proc.wait(30)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait(10)


def _rows(folder: Path, table: str) -> list[dict[str, object]]:
    import pyarrow.parquet as pq

    rows = pq.read_table(folder / table).to_pylist()
    return sorted(rows, key=lambda r: sorted((k, str(v)) for k, v in r.items()))


def test_a_batch_on_a_standalone_cluster_reads_relative_inputs_and_matches_local(
        tmp_path, cluster):
    url, work = cluster
    corpus = tmp_path / "corpus"
    (corpus / "notes").mkdir(parents=True)
    write_warc(corpus / "news.warc.gz")
    write_jsonl(corpus / "more.jsonl")
    (corpus / "notes" / "briefing.txt").write_text(
        "Border guards said on Friday that 1,200 people had crossed into the country "
        "overnight, and that about 300 more were waiting at the checkpoint.\n")
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable, "SPARK_LOCAL_IP": "127.0.0.1",
           "PYSPARK_SUBMIT_ARGS": "--conf spark.driver.host=127.0.0.1 --conf "
           "spark.driver.bindAddress=127.0.0.1 --conf spark.executor.memory=512m pyspark-shell"}

    def batch(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*INTEX, "batch", "corpus", *args], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=900)

    on_cluster = batch("--engine", "spark", "--master", url, "--partitions", "2",
                       "--out", "cluster-out", "--db", "cluster.db")
    local = batch("--engine", "local", "--out", "local-out", "--db", "local.db")
    # the WARC's image record fails on both engines alike; nothing else may
    assert on_cluster.returncode == local.returncode == 1, on_cluster.stderr[-3000:]
    assert "no such file" not in on_cluster.stdout + on_cluster.stderr
    summary = [line.replace("cluster-out", "OUT") for line in on_cluster.stderr.splitlines()
               if " records: " in line]
    assert summary == [line.replace("local-out", "OUT") for line in local.stderr.splitlines()
                       if " records: " in line]
    n = len(PAGES)
    assert summary and summary[0].startswith(f"{2 * n + 3} records: {2 * n + 1} extracted")

    for table in ("reports", "entities", "claims", "errors"):
        assert _rows(tmp_path / "cluster-out", table) == \
            _rows(tmp_path / "local-out", table), table
    claims = _rows(tmp_path / "cluster-out", "claims")
    assert any(row.get("value") == 1200 for row in claims)

    # the work was done by the cluster's executor, not in the driver
    executors = [p for p in work.glob("app-*/*") if p.is_dir()]
    assert executors, f"the worker ran no executor: {sorted(work.rglob('*'))[:20]}"
