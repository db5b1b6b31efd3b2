"""Import throughput through the queue with 1, 2, 3… worker processes on this machine.

Each run empties the archive, starts that many `celery worker --pool solo` processes on a queue of
its own (so that no other worker on the same broker takes its batches), waits until every one of
them answers a ping, and times `import_seeds --queue` over the same corpus.
"""

import io
import os
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import override_settings

from articles.models import Actor, Article, KeyCount, Tag
from newsarchive.celery import app
from tooling.benchmarks.load import current_database_url

READY_SECONDS = 60


class QueueBenchError(RuntimeError):
    pass


def empty_archive():
    """What an import creates goes (the countries and places it reads stay), so each run starts alike.

    TRUNCATE, not the ORM's delete: collecting a few thousand articles' mentions and history to
    delete them one by one took minutes. TRUNCATE fires no row triggers, so the key counts are
    recounted (to nothing) after."""
    tables = [model._meta.db_table for model in (Article, Actor, Tag)]
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(tables)} CASCADE")
    KeyCount.objects.rebuild()


def start_workers(count: int, queue: str, corpus: Path, log: Path) -> list[subprocess.Popen]:
    env = dict(os.environ, DATABASE_URL=current_database_url(), IMPORT_QUEUE_ROOTS=str(corpus.resolve()))
    return [
        subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "newsarchive", "worker", "--pool", "solo", "--queues", queue,
             "--hostname", f"{queue}-{number}@%h", "--loglevel", "WARNING", "--without-gossip", "--without-mingle"],
            cwd=settings.BASE_DIR, env=env, stdout=log.open("a"), stderr=subprocess.STDOUT,
        )
        for number in range(count)
    ]


def wait_until_answering(workers: list[subprocess.Popen], queue: str, log: Path):
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if any(worker.poll() is not None for worker in workers):
            raise QueueBenchError(f"a queue worker exited before answering; see {log}")
        answered = {name for reply in app.control.ping(timeout=1) for name in reply if name.startswith(f"{queue}-")}
        if len(answered) == len(workers):
            return
    raise QueueBenchError(f"{len(workers)} queue workers did not all answer within {READY_SECONDS} s; see {log}")


def stop(workers: list[subprocess.Popen]):
    for worker in workers:
        worker.terminate()
    for worker in workers:
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()


def measure_queue_scaling(corpus: Path, worker_counts: list[int], workdir: Path, log=print) -> list[dict]:
    queue = f"bench-{os.getpid()}"
    previous_queue = app.conf.task_default_queue
    app.conf.task_default_queue = queue
    runs = []
    try:
        for count in worker_counts:
            empty_archive()
            worker_log = workdir / f"queue-workers-{count}.log"
            workers = start_workers(count, queue, corpus, worker_log)
            try:
                wait_until_answering(workers, queue, worker_log)
                out = io.StringIO()
                with override_settings(IMPORT_QUEUE_ROOTS=[corpus.resolve()], DEBUG=False):
                    started = time.perf_counter()
                    call_command("import_seeds", str(corpus), "--queue", stdout=out, stderr=out)
                    elapsed = time.perf_counter() - started
            finally:
                stop(workers)
            created = Article.objects.count()
            run = {
                "workers": count,
                "created": created,
                "seconds": round(elapsed, 2),
                "articles_per_s": round(created / elapsed, 1),
                "load_average": [round(value, 2) for value in os.getloadavg()],
            }
            log(f"{count} worker(s): {run['articles_per_s']} articles/s")
            runs.append(run)
    finally:
        app.conf.task_default_queue = previous_queue
    one = runs[0]["articles_per_s"] if runs and runs[0]["workers"] == 1 else None
    for run in runs:
        run["speedup_over_one"] = round(run["articles_per_s"] / one, 2) if one else None
    return runs
