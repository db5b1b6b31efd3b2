"""One benchmark run: corpus, import, parse-only, latency, queries, load; results as a dict."""

import datetime
import os
import platform
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.test.utils import override_settings

from tooling.benchmarks.import_speed import measure_import, measure_parse_only
from tooling.benchmarks.latency import client, measure_latency, measure_queries
from tooling.benchmarks.load import measure_load, require_wrk
from tooling.benchmarks.pages import choose_pages
from tooling.benchmarks.targets import evaluate
from articles.models import Article
from tooling.synthetic.corpus import write_corpus


class BenchError(RuntimeError):
    pass


@dataclass
class BenchOptions:
    articles: int
    seed: int = 0
    requests: int = 200
    load: bool = True
    load_seconds: int = 10
    load_connections: int = 8
    workers: int | None = None
    keep_corpus: Path | None = None
    parse_only_sample: int | None = 100_000
    untargeted_requests: int | None = None  # country and actor pages (no target); default: requests
    pages_only: bool = False  # time the pages of the archive already in the database; no import


def database_label() -> str:
    settings_dict = connection.settings_dict
    return f"PostgreSQL {settings_dict.get('NAME')} (pool: {bool(settings_dict.get('OPTIONS', {}).get('pool'))})"


def run(options: BenchOptions, log=print) -> dict:
    if options.load:
        require_wrk()  # fail before the long part, not after it
    if options.pages_only:
        stored = Article.objects.count()
        if not stored:
            raise BenchError("--pages-only times the pages of an archive: the configured database holds no articles.")
        options.articles = stored
    elif Article.objects.exists():
        raise BenchError(
            "the configured database already holds articles; run the bench on an empty, migrated database "
            "(e.g. createdb bench_10k; DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_10k manage.py migrate)."
        )
    results = {
        "articles": options.articles,
        "seed": options.seed,
        "started": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "database": database_label(),
        "machine": f"{platform.node()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "note": "shared machine: other engineers run tests at the same time, so timings are noisy",
    }
    results["machine_load"] = {}

    def note_load(phase: str):
        """The load averages (1, 5, 15 min) when a phase ends: the machine is shared."""
        results["machine_load"][phase] = [round(value, 2) for value in os.getloadavg()]

    workdir = Path(tempfile.mkdtemp(prefix="bench_"))
    corpus = options.keep_corpus or workdir / "corpus"
    try:
        if options.pages_only:
            results["import"] = {"skipped": "--pages-only: the archive in the database was imported before"}
            return measure_pages(options, results, note_load, workdir, log)
        log(f"writing {options.articles:,} synthetic articles to {corpus}")
        started = time.perf_counter()
        write_corpus(corpus, options.articles, seed=options.seed)
        elapsed = time.perf_counter() - started
        results["corpus"] = {"seconds": round(elapsed, 2), "files_per_s": round(options.articles / elapsed, 1)}

        log("import through import_seeds")
        note_load("before_import")
        results["import"] = measure_import(corpus, options.articles)
        note_load("import")
        log("parse only (import_seeds --dry-run)")
        parse = measure_parse_only(corpus, options.articles, options.parse_only_sample)
        results["import"]["parse_only_per_s"] = parse["parse_only_per_s"]
        results["import"]["parse_only_seconds"] = parse["seconds"]
        results["import"]["parse_only_files"] = parse["files"]
        if results["import"]["articles_per_s"] and parse["parse_only_per_s"]:
            results["import"]["share_of_parse_only"] = round(
                results["import"]["articles_per_s"] / parse["parse_only_per_s"], 3
            )
        note_load("parse_only")
        return measure_pages(options, results, note_load, workdir, log)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def measure_pages(options: BenchOptions, results: dict, note_load, workdir: Path, log) -> dict:
    """Latency, queries and load on the archive in the database, then the targets."""
    analyze()
    pages = choose_pages(seed=options.seed)
    results["search_phrase_hits"] = pages.notes.get("search_hits")
    log(f"latency: {options.requests} requests per page kind, caches off")
    # The targets are judged on pages computed every time (a reader's first visit after an
    # import, or a URL nobody asked for yet); the warm page cache is measured after it.
    client()  # the test environment (ALLOWED_HOSTS += testserver) outside the override below
    with override_settings(ARCHIVE_CACHE=False):
        results["latency_ms"] = measure_latency(pages, options.requests, untargeted_requests=options.untargeted_requests)
        results["queries"] = measure_queries(pages)
    note_load("latency")
    log("latency with the page cache warm")
    results["latency_cached_ms"] = measure_latency(
        pages, options.requests, warmup=None, untargeted_requests=options.untargeted_requests
    )
    results["cache"] = cache_label()
    note_load("latency_cached")

    if options.load:
        log("load: gunicorn + wrk, caches on")
        results["load"] = load_run(pages, ("detail", "list", "search"), options, workdir / "gunicorn.log", caches=True)
        note_load("load")
        log("load: gunicorn + wrk, page and facet caches off")
        results["load_uncached"] = load_run(
            pages, UNCACHED_LOAD_KINDS, options, workdir / "gunicorn_uncached.log", caches=False
        )
        note_load("load_uncached")
    else:
        results["load"] = results["load_uncached"] = {"skipped": "--no-load"}
    results["targets"] = evaluate(results)
    results["targets_missed"] = [row for row in results["targets"] if row.get("met") is False]
    return results


# A reader's first visit: every page kind computed from scratch, next to the minimal view.
UNCACHED_LOAD_KINDS = ("detail", "list", "search", "country", "actor")


def load_run(pages, kinds, options: BenchOptions, log: Path, caches: bool) -> dict:
    load = measure_load(
        {kind: pages.urls.get(kind, []) for kind in kinds},
        options.load_seconds,
        options.load_connections,
        options.workers,
        log,
        caches=caches,
    )
    load["errors"] = sum(page.get("errors", 0) for page in load["pages"].values())
    return load


def cache_label() -> str:
    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    return f"{backend}, page cache {settings.ARCHIVE_PAGE_CACHE_SECONDS} s"


def analyze():
    """Fresh statistics after a bulk load, as autovacuum would give them a little later."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
