"""Server-side latency and queries per page, through Django's test Client in this process."""

import itertools
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, setup_test_environment

from tooling.benchmarks.pages import PageSet
from tooling.benchmarks.timing import summary_ms

TIMED_KINDS = ("list", "search", "detail", "country", "actor")
# Issue 7 sets latency targets for these; country and actor pages are timed for the record only.
TARGETED_KINDS = ("list", "search", "detail")
QUERY_KINDS = (*TIMED_KINDS, "list_unfiltered", "list_small")


def client() -> Client:
    try:
        setup_test_environment()  # adds "testserver" to ALLOWED_HOSTS; pytest has done it already
    except RuntimeError:
        pass
    return Client(raise_request_exception=False)  # a broken page is reported, not fatal


def probe(browser: Client, path: str) -> int:
    return browser.get(path).status_code


def measure_latency(pages: PageSet, requests: int, warmup: int | None = 3, untargeted_requests: int | None = None) -> dict:
    """p50/p95 per page kind over ``requests`` requests (``untargeted_requests`` for the kinds
    without a target, which take seconds each at a million articles with the caches off)."""
    browser = client()
    results = {}
    for kind in TIMED_KINDS:
        kind_requests = requests if kind in TARGETED_KINDS or untargeted_requests is None else untargeted_requests
        urls = pages.urls.get(kind) or []
        if not urls:
            results[kind] = {"status": "no URLs (nothing of this kind in the database)"}
            continue
        status = probe(browser, urls[0])
        if status != 200:
            results[kind] = {"status": f"HTTP {status} for {urls[0]}: page not available"}
            continue
        cycle = itertools.cycle(urls)
        for _ in range(len(urls) if warmup is None else warmup):  # None: every URL once (a warm cache)
            browser.get(next(cycle))
        timings, by_path, errors = [], {}, 0
        for _ in range(kind_requests):
            path = next(cycle)
            started = time.perf_counter()
            response = browser.get(path)
            elapsed = time.perf_counter() - started
            timings.append(elapsed)
            by_path.setdefault(path, []).append(elapsed)
            errors += response.status_code != 200
        results[kind] = {**summary_ms(timings), "errors": errors, "urls": len(urls), "example": urls[0]}
        if kind == "search":
            results[kind]["per_query"] = {path: summary_ms(times) for path, times in by_path.items()}
    return results


def measure_queries(pages: PageSet) -> dict:
    browser = client()
    counts = {}
    for kind in QUERY_KINDS:
        path = pages.first(kind)
        if path is None:
            continue
        with CaptureQueriesContext(connection) as captured:
            status = browser.get(path).status_code
        counts[kind] = {"queries": len(captured), "status": status, "path": path}
    served = [c for c in counts.values() if c["status"] == 200]
    # The same filters (a country and an actor), a full page against a handful of rows.
    small, full = counts.get("list_small"), counts.get("list")
    return {
        "pages": counts,
        "max": max((c["queries"] for c in served), default=None),
        "constant_in_page_size": (
            small["queries"] == full["queries"] if small and full and small["status"] == full["status"] == 200 else None
        ),
    }
