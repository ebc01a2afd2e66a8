"""A throwaway PostgreSQL cluster for the test run (initdb + pg_ctl in a temp dir, on a free port).

Loaded from conftest as a plugin. Fixtures:
- `pg_server`: the session's server (skips, saying how to enable it, when Debian's binaries are missing);
- `pg_url`: a fresh, empty database on it for one test, dropped afterwards;
- `pg_control`: the server for a test that stops and starts it (`.stop()`, `.start()`); it is running
  again after the test whatever the test did;
- `store_url`: parametrized over `sqlite` and `postgres`, a fresh empty store URL of each kind.
"""
import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

ENABLE_HINT = ("PostgreSQL binaries not found under /usr/lib/postgresql/*/bin; to run the PostgreSQL tests, "
               "install them: `apt-get install postgresql` (or `bash scripts/install-system-deps.sh`)")


def pg_bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parts[4]))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ThrowawayPostgres:
    """A PostgreSQL cluster in a temp dir, run as `postgres` when we are root (initdb refuses root)."""

    def __init__(self, bin_dir: Path, *, durable: bool = False):
        self.bin_dir = bin_dir
        self.durable = durable
        self.dir = Path(tempfile.mkdtemp(prefix="tally-pg-"))
        self.data = self.dir / "data"
        self.log = self.dir / "server.log"
        self.port = _free_port()
        self._as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self._as:
            shutil.chown(self.dir, "postgres", "postgres")
        self._names = itertools.count(1)

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run([*self._as, str(self.bin_dir / tool), *args], check=True, capture_output=True, cwd=self.dir)

    def init(self) -> "ThrowawayPostgres":
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync")
        return self

    def start(self) -> None:
        # fsync off unless `durable` (benchmarks): the cluster is thrown away, and a killed client, not a
        # crashed host, is what tests exercise.
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.dir} -c max_connections=200"
        if not self.durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "-t", "60", "start")

    def stop(self, mode: str = "fast") -> None:
        """Stop the server; `mode` is pg_ctl's: `smart`, `fast` or `immediate` (a crash, in effect)."""
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop")

    @property
    def running(self) -> bool:
        return subprocess.run([*self._as, str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "status"],
                              capture_output=True, cwd=self.dir).returncode == 0

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        """A new empty database; returns its URL."""
        import psycopg

        name = f"t{os.getpid()}_{next(self._names)}"
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        import psycopg

        name = url.rsplit("/", 1)[-1]
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def destroy(self) -> None:
        if self.running:
            self.stop("immediate")
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server():
    bin_dir = pg_bin_dir()
    if bin_dir is None:
        pytest.skip(ENABLE_HINT)
    server = ThrowawayPostgres(bin_dir).init()
    server.start()
    yield server
    server.destroy()


@pytest.fixture
def pg_url(pg_server):
    url = pg_server.create_database()
    yield url
    if pg_server.running:
        pg_server.drop_database(url)


@pytest.fixture
def pg_control(pg_server):
    yield pg_server
    if not pg_server.running:
        pg_server.start()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    return request.getfixturevalue("pg_url")
