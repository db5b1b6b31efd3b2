"""The web server under load, and PostgreSQL restarted under it: `python -m tooling.resilience.server_drills`.

Everything runs on this machine, on loopback only, against a PostgreSQL cluster of its own
(`pg_createcluster 15 resilience -p 5442`, trust authentication on 127.0.0.1), created for the
drill and dropped at the end, so nobody else's database is restarted or loaded.

1. Load: gunicorn (newsarchive/gunicorn.conf.py, production settings: DJANGO_DEBUG=0, a secret
   key, DJANGO_ALLOWED_HOSTS=127.0.0.1, DJANGO_SECURE_SSL_REDIRECT=0, page caches off so every
   request reaches the database) over a few thousand generated articles; wrk for 60 s at 64
   connections over the home page, the article list, articles, a search and a country page,
   after a 30 s warm-up. Pass: no non-2xx/3xx answer, no socket error or timeout (wrk's timeout
   10 s), worker memory flat (the RSS of every worker, summed, grows under 5 % over the 60 s).
2. Restart: while wrk keeps 16 connections busy, the cluster is restarted; a probe asks for a
   database page every 50 ms. Recovery time is from the moment PostgreSQL accepts connections
   again to the first good answer; the web server is never restarted (same master and workers).

Figures go to stdout and, with RESILIENCE_FIGURES set, to that file for `make resilience`.
"""

import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from tooling.resilience import figures

BASE = Path(__file__).resolve().parents[2]
PG_VERSION = os.environ.get("DRILL_PG_VERSION") or sorted(os.listdir("/etc/postgresql"))[-1]
CLUSTER = os.environ.get("DRILL_CLUSTER", "resilience")
PG_PORT = int(os.environ.get("DRILL_PG_PORT", "5442"))
WEB_PORT = int(os.environ.get("DRILL_WEB_PORT", "8766"))
ARTICLES = int(os.environ.get("DRILL_ARTICLES", "3000"))
LOAD_SECONDS = int(os.environ.get("DRILL_LOAD_SECONDS", "60"))
CONNECTIONS = int(os.environ.get("DRILL_CONNECTIONS", "64"))
WRK_TIMEOUT = os.environ.get("DRILL_WRK_TIMEOUT", "10s")
# Workers grow for the first half minute under load (Django's and the app's caches filling:
# templates, URL resolving, folded names), then stay flat; memory is measured after that.
WARMUP_SECONDS = int(os.environ.get("DRILL_WARMUP_SECONDS", "30"))
DATABASE_URL = f"postgres://postgres@127.0.0.1:{PG_PORT}/newsarchive"
ROOT = f"http://127.0.0.1:{WEB_PORT}"

def say(message: str):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def run(*command, check=True, **kwargs):
    return subprocess.run(command, check=check, capture_output=True, text=True, **kwargs)


def pg_ctl(action: str):
    return run("pg_ctlcluster", "--skip-systemctl-redirect", PG_VERSION, CLUSTER, action)


def pg_ready() -> bool:
    return run("pg_isready", "-h", "127.0.0.1", "-p", str(PG_PORT), "-q", check=False).returncode == 0


def create_cluster():
    if CLUSTER == "main":
        raise SystemExit("refusing to use the main cluster for a restart drill")
    run("pg_dropcluster", "--stop", PG_VERSION, CLUSTER, check=False)
    run("pg_createcluster", PG_VERSION, CLUSTER, "-p", str(PG_PORT), "--", "--auth-host=trust", "--auth-local=trust")
    pg_ctl("start")
    for _ in range(60):
        if pg_ready():
            break
        time.sleep(0.5)
    run("psql", "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres", "-qc", "CREATE DATABASE newsarchive")


def drop_cluster():
    run("pg_dropcluster", "--stop", PG_VERSION, CLUSTER, check=False)


def production_env() -> dict:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "GUNICORN_"))}
    env.pop("RESILIENCE_FIGURES", None)
    env.update(
        DATABASE_URL=DATABASE_URL,
        DJANGO_SETTINGS_MODULE="newsarchive.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="0",
        ARCHIVE_CACHE="0",
        GUNICORN_BIND=f"127.0.0.1:{WEB_PORT}",
        GUNICORN_LOGLEVEL="warning",
        # Recycling workers would hide a leak; the drill wants to see one.
        GUNICORN_MAX_REQUESTS="0",
    )
    return env


def manage(env, *args):
    return run(sys.executable, "manage.py", *map(str, args), cwd=BASE, env=env)


def prepare_data(env, workdir: Path) -> list[str]:
    manage(env, "migrate", "--noinput")
    corpus = workdir / "corpus"
    manage(env, "generate_corpus", "--articles", ARTICLES, "--out", corpus)
    manage(env, "import_seeds", BASE / "seeds", corpus)
    manage(env, "collectstatic", "--noinput", "-v", "0")
    slugs = run("psql", "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres", "-d", "newsarchive", "-Atc",
                "SELECT slug FROM articles_article ORDER BY id LIMIT 20").stdout.split()
    return [
        "/", "/articles/", "/articles/?q=ngoai+truong", "/articles/?q=Lavrov", "/countries/RU/", "/actors/",
        "/tags/", *[f"/articles/{slug}/" for slug in slugs],
    ]


def worker_pids(master: int) -> list[int]:
    out = run("ps", "-o", "pid=", "--ppid", str(master), check=False).stdout
    return sorted(int(pid) for pid in out.split())


def rss_mib(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def get(path: str, timeout: float = 5) -> int:
    try:
        with urllib.request.urlopen(ROOT + path, timeout=timeout) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


def start_gunicorn(env, log_path: Path) -> subprocess.Popen:
    log = open(log_path, "wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", str(BASE / "newsarchive" / "gunicorn.conf.py"), "newsarchive.wsgi:application"],
        cwd=BASE, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while get("/") != 200:
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"gunicorn did not come up: {log_path.read_text()[-2000:]}")
        time.sleep(0.3)
    return process


def wrk(paths: list[str], seconds: int, connections: int) -> dict:
    from tooling.benchmarks.load import parse_wrk, run_wrk_output

    output = run_wrk_output(shutil.which("wrk"), ROOT, paths, seconds, connections, 2, request_timeout=WRK_TIMEOUT)
    return {**parse_wrk(output), "raw": output}


def load_drill(master: int, paths: list[str]) -> dict:
    say(f"load: wrk, {CONNECTIONS} connections, {LOAD_SECONDS} s, {len(paths)} URLs")
    wrk(paths, WARMUP_SECONDS, CONNECTIONS)  # warm-up: imports, pools and caches of every worker
    workers = worker_pids(master)
    before = {pid: rss_mib(pid) for pid in workers}
    samples = []
    sampling = threading.Event()

    def sample():
        while not sampling.wait(10):
            samples.append(round(sum(rss_mib(pid) for pid in workers), 1))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    result = wrk(paths, LOAD_SECONDS, CONNECTIONS)
    sampling.set()
    after = {pid: rss_mib(pid) for pid in worker_pids(master)}
    growth = sum(after.values()) - sum(before.values())
    # Flat: the same workers (none died or was replaced) and under 5 % growth over the run.
    flat = set(after) == set(before) and growth <= 0.05 * sum(before.values())
    errors = result["non_2xx"] + result["socket_errors"]
    say(result["raw"])
    say(f"worker RSS before {sum(before.values()):.1f} MiB, after {sum(after.values()):.1f} MiB, samples {samples}")
    return {
        "requests": result["requests"], "rps": result["rps"], "non_2xx": result["non_2xx"],
        "socket_errors_and_timeouts": result["socket_errors"], "failed": errors,
        "latency_p50": result["latency_p50"], "latency_p99": result["latency_p99"],
        "workers": len(workers), "rss_before_mib": round(sum(before.values()), 1),
        "rss_after_mib": round(sum(after.values()), 1), "rss_growth_percent": round(100 * growth / sum(before.values()), 1),
        "rss_samples_mib": samples, "memory_flat": flat,
        "passed": errors == 0 and flat,
    }


def restart_drill(master: int, paths: list[str]) -> dict:
    say("restart: PostgreSQL restarted under load (wrk, 16 connections), probe every 50 ms")
    workers_before = worker_pids(master)
    probes: list[tuple[float, float, int]] = []  # (sent, answered, status)
    stop = threading.Event()

    def probe():
        n = 0
        while not stop.is_set():
            n += 1
            sent = time.monotonic()
            # A search no cache could have seen: every probe reaches the database.
            status = get(f"/articles/?q=lavrov+{n}", timeout=10)
            probes.append((sent, time.monotonic(), status))
            time.sleep(0.05)

    background = {}
    loader = threading.Thread(target=lambda: background.update(wrk(paths, 25, 16)), daemon=True)
    prober = threading.Thread(target=probe, daemon=True)
    loader.start()
    prober.start()
    time.sleep(8)
    restart_started = time.monotonic()
    pg_ctl("restart")
    while not pg_ready():
        time.sleep(0.02)
    accepting = time.monotonic()
    time.sleep(10)
    stop.set()
    prober.join()
    loader.join()
    # Probes answered after the restart began; failures among them; the first good answer to a
    # request sent once PostgreSQL accepted connections again.
    during = [(sent, answered, status) for sent, answered, status in probes if answered >= restart_started]
    failures = [status for _, _, status in during if status != 200]
    first_good = next((answered for sent, answered, status in during if sent >= accepting and status == 200), None)
    last_failure = max((answered for _, answered, status in during if status != 200), default=None)
    recovery = (first_good - accepting) if first_good else None
    from_restart = (first_good - restart_started) if first_good else None
    # Afterwards: every request good, from every worker, and the same server processes.
    settled = [get(path) for path in paths * 3]
    same_server = worker_pids(master) == workers_before
    result = {
        "restart_seconds": round(accepting - restart_started, 2),
        "recovery_after_postgres_up_s": round(max(recovery, 0.0), 2) if recovery is not None else None,
        "recovery_from_restart_s": round(from_restart, 2) if from_restart is not None else None,
        "probes": len(probes), "probes_failed": len(failures),
        "probe_failure_statuses": sorted(set(failures)),
        "last_failure_after_postgres_up_s": round(last_failure - accepting, 2) if last_failure else None,
        "load_requests": background.get("requests"), "load_failed": background.get("non_2xx", 0) + background.get("socket_errors", 0),
        "requests_after_all_good": all(status == 200 for status in settled),
        "server_not_restarted": same_server,
    }
    result["passed"] = bool(
        recovery is not None and recovery <= 5 and (last_failure is None or last_failure - accepting <= 5)
        and result["requests_after_all_good"] and same_server
    )
    say(str(result))
    return result


def main() -> int:
    if not shutil.which("wrk"):
        say("wrk missing: apt-get install wrk")
        run("apt-get", "install", "-y", "-q", "wrk")
    workdir = Path(tempfile.mkdtemp(prefix="resilience-"))
    env = production_env()
    status = 1
    gunicorn = None
    try:
        say(f"cluster {PG_VERSION}/{CLUSTER} on port {PG_PORT}, {ARTICLES} generated articles")
        create_cluster()
        paths = prepare_data(env, workdir)
        gunicorn = start_gunicorn(env, workdir / "gunicorn.log")
        load = load_drill(gunicorn.pid, paths)
        figures.record("load: requests served", load["requests"], "requests", **{k: v for k, v in load.items() if k != "requests"},
                       seconds=LOAD_SECONDS, connections=CONNECTIONS)
        restart = restart_drill(gunicorn.pid, paths)
        figures.record("PostgreSQL restart: recovery time", restart["recovery_after_postgres_up_s"], "s", **restart)
        errors = gunicorn_errors(workdir / "gunicorn.log")
        say(f"gunicorn log: {errors} worker timeouts")
        status = 0 if load["passed"] and restart["passed"] else 1
        say("PASSED" if status == 0 else "FAILED")
    finally:
        if gunicorn is not None:
            gunicorn.terminate()
            try:
                gunicorn.wait(30)
            except subprocess.TimeoutExpired:
                gunicorn.kill()
        drop_cluster()
        shutil.rmtree(workdir, ignore_errors=True)
    return status


def gunicorn_errors(log: Path) -> int:
    text = log.read_text(errors="replace") if log.exists() else ""
    return text.count("WORKER TIMEOUT")


if __name__ == "__main__":
    sys.exit(main())
