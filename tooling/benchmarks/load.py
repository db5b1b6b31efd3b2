"""Throughput under wrk against gunicorn with production settings, next to a minimal view.

Gunicorn runs `newsarchive/gunicorn.conf.py` with DJANGO_DEBUG=0, a throwaway secret key,
ALLOWED_HOSTS=127.0.0.1, no SSL redirect, bound to 127.0.0.1 only, and the settings module
`newsarchive.bench_settings`, the only one that routes /_bench/minimal.
"""

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from urllib.parse import quote

from django.conf import settings
from django.db import connection


class LoadError(RuntimeError):
    pass


MINIMAL = "/_bench/minimal"


def require_wrk() -> str:
    wrk = shutil.which("wrk")
    if not wrk:
        raise LoadError("wrk is not installed (Debian: apt-get install wrk); install it or pass --no-load.")
    return wrk


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def current_database_url() -> str:
    """The database this process is connected to, as a DATABASE_URL (under pytest, the test database)."""
    db = connection.settings_dict
    password = f":{quote(db['PASSWORD'], safe='')}" if db.get("PASSWORD") else ""
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{quote(db['USER'] or '', safe='')}{password}@{quote(db['HOST'] or '', safe='')}{port}/{quote(db['NAME'], safe='')}"


def production_env(port: int, workers: int | None, extra: dict | None = None) -> dict:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=current_database_url(),
        DJANGO_SETTINGS_MODULE="newsarchive.bench_settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="0",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_LOGLEVEL="warning",
        GUNICORN_ACCESSLOG="",
        # Recycling workers mid-run would add restarts to the figures.
        GUNICORN_MAX_REQUESTS="0",
    )
    if workers:
        env["GUNICORN_WORKERS"] = str(workers)
    env.update(extra or {})
    return env


@contextmanager
def gunicorn(workers: int | None, log: Path, extra_env: dict | None = None):
    port = free_port()
    env = production_env(port, workers, extra_env)
    base = Path(settings.BASE_DIR)
    # The manifest storage needs collected static files, as in production.
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=base, env=env, check=True
    )
    with open(log, "wb") as log_file:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", str(base / "newsarchive" / "gunicorn.conf.py"), "newsarchive.wsgi:application"],
            cwd=base,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
        try:
            root = f"http://127.0.0.1:{port}"
            wait_until_up(root + MINIMAL, process, log)
            yield root
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_until_up(address: str, process: subprocess.Popen, log: Path, timeout: float = 60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise LoadError(f"gunicorn exited with {process.returncode}: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(address, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise LoadError(f"gunicorn did not answer {address} within {timeout:.0f} s")


LUA = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""


def lua_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def run_wrk_output(
    wrk: str, root: str, paths: list[str], seconds: int, connections: int, threads: int, request_timeout: str = "2s"
) -> str:
    """wrk's report for ``seconds`` of requests cycling through ``paths``; LoadError if wrk fails."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA % ", ".join(lua_string(p) for p in paths))
    try:
        result = subprocess.run(
            [wrk, f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", request_timeout, "--latency",
             "-s", script.name, root],
            capture_output=True,
            text=True,
            timeout=seconds + 120,
        )
    finally:
        os.unlink(script.name)
    if result.returncode != 0:
        raise LoadError(f"wrk failed: {result.stderr or result.stdout}")
    return result.stdout


def run_wrk(wrk: str, root: str, paths: list[str], seconds: int, connections: int, threads: int) -> dict:
    return parse_wrk(run_wrk_output(wrk, root, paths, seconds, connections, threads))


def parse_wrk(output: str) -> dict:
    def number(pattern, default=0.0):
        match = re.search(pattern, output)
        return float(match.group(1)) if match else default

    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {
        "rps": number(r"Requests/sec:\s+([\d.]+)"),
        "requests": int(number(r"(\d+) requests in")),
        "non_2xx": int(number(r"Non-2xx or 3xx responses: (\d+)")),
        "socket_errors": sum(int(n) for n in socket_errors.groups()) if socket_errors else 0,
        "latency_p50": _latency(output, "50%"),
        "latency_p99": _latency(output, "99%"),
    }


def http_status(address: str) -> int:
    try:
        with urllib.request.urlopen(address, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _latency(output: str, label: str) -> str | None:
    match = re.search(rf"^\s+{re.escape(label)}\s+(\S+)", output, re.MULTILINE)
    return match.group(1) if match else None


def measure_load(
    paths: dict[str, list[str]], seconds: int, connections: int, workers: int | None, log: Path, caches: bool = True
) -> dict:
    """wrk against each page kind and the minimal view in the same gunicorn. ``caches=False`` turns the
    page and facet caches off (ARCHIVE_CACHE=0), so every request computes its page from scratch."""
    wrk = require_wrk()
    threads = min(2, connections)
    results = {}
    with gunicorn(workers, log, None if caches else {"ARCHIVE_CACHE": "0"}) as root:
        for kind, urls in [("minimal", [MINIMAL]), *paths.items()]:
            if not urls:
                results[kind] = {"status": "no URLs"}
                continue
            status = http_status(root + urls[0])
            if status != 200:
                results[kind] = {"status": f"HTTP {status} for {urls[0]}: page not available"}
                continue
            run_wrk(wrk, root, urls, max(1, seconds // 5), connections, threads)  # warm-up
            results[kind] = run_wrk(wrk, root, urls, seconds, connections, threads)
            results[kind]["errors"] = results[kind]["non_2xx"] + results[kind]["socket_errors"]
    minimal = results["minimal"].get("rps") or 0
    for kind, figures in results.items():
        if kind != "minimal" and "rps" in figures:
            figures["ratio_to_minimal"] = round(figures["rps"] / minimal, 3) if minimal else None
    workers_used = workers or int(os.environ.get("GUNICORN_WORKERS", (os.cpu_count() or 1) * 2 + 1))
    return {
        "server": f"gunicorn, {workers_used} sync workers, production settings, 127.0.0.1, "
        f"page and facet caches {'on' if caches else 'off'}",
        "wrk": f"{threads} threads, {connections} connections, {seconds} s per page after a warm-up",
        "pages": results,
    }
