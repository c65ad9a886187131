"""A real PostgreSQL server for the test session: ``initdb`` + ``pg_ctl`` on a loopback port,
in a temporary data folder, as an unprivileged user (PostgreSQL refuses to run as root).

Each test gets a database of its own, copied from a template that is migrated once.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from itertools import count
from pathlib import Path

from tests.liveserver import free_port

USER = "intex"  # the cluster's superuser, trusted on 127.0.0.1 only
TEMPLATE = "intex_template"


class Unavailable(Exception):
    """No PostgreSQL server can be started here (the message says why)."""


def find_bin() -> Path:
    """Where initdb and pg_ctl are: $INTEX_TEST_PG_BIN, else PATH, else Debian's folders."""
    given = os.environ.get("INTEX_TEST_PG_BIN")
    candidates = [given] if given else []
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(str(Path(on_path).parent))
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                         key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit()
                         else 0, reverse=True)
    for c in candidates:
        if (Path(c) / "initdb").exists() and (Path(c) / "pg_ctl").exists():
            return Path(c)
    raise Unavailable("no initdb/pg_ctl found (set INTEX_TEST_PG_BIN or "
                      "apt-get install postgresql)")


class PgServer:
    def __init__(self) -> None:
        self.bin = find_bin()
        self.root = Path(tempfile.mkdtemp(prefix="intex-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self._as: list[str] = []
        if os.geteuid() == 0:  # run the server as the postgres user the package made
            if shutil.which("runuser") is None:
                raise Unavailable("running as root without runuser")
            try:
                import pwd

                pw = pwd.getpwnam("postgres")
            except KeyError as err:
                raise Unavailable("running as root and there is no postgres user") from err
            os.chown(self.root, pw.pw_uid, pw.pw_gid)
            self._as = ["runuser", "-u", "postgres", "--"]
        self._names = count(1)

    def _run(self, *args: str) -> None:
        done = subprocess.run([*self._as, *args], capture_output=True, text=True, timeout=120,
                              check=False)
        if done.returncode != 0:
            raise Unavailable(f"{Path(args[0]).name} failed: {done.stderr.strip()[-800:]}")

    def start(self) -> PgServer:
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", USER, "-A", "trust",
                  "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        opts = (f"-c listen_addresses=127.0.0.1 -p {self.port} "
                f"-c unix_socket_directories={self.root} "
                # a throwaway cluster: durability off, speed on
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                "-c max_connections=200 -c shared_buffers=128MB")
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l",
                  str(self.root / "server.log"), "-o", opts, "-w", "-t", "60", "start")
        return self

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{database}"

    def _admin(self, *statements: str) -> None:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            for stmt in statements:
                conn.execute(stmt)  # type: ignore[arg-type]

    def prepare_template(self) -> None:
        """A database migrated to head, that each test's database is copied from."""
        from intex.store import open_store

        self._admin(f"CREATE DATABASE {TEMPLATE}")
        open_store(self.url(TEMPLATE)).close()

    def new_database(self) -> str:
        name = f"t{next(self._names)}"
        # PostgreSQL 15+ copies a small template faster file by file than through the WAL
        strategy = " STRATEGY FILE_COPY" if self._version() >= 150000 else ""
        self._admin(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}{strategy}")
        return name

    def _version(self) -> int:
        if not hasattr(self, "_version_num"):
            import psycopg

            with psycopg.connect(self.url(), autocommit=True) as conn:
                row = conn.execute("SHOW server_version_num").fetchone()
            self._version_num = int(row[0]) if row else 0
        return self._version_num

    def drop_database(self, name: str) -> None:
        self._admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate",
                      "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
