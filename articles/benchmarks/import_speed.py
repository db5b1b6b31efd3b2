"""Import speed through the real import path, and the parse-only ceiling of the same files."""

import io
import resource
import time
from pathlib import Path

from django.core.management import call_command
from django.test.utils import override_settings

from articles.benchmarks.memory import PeakRss
from articles.models import Article


def measure_import(corpus: Path, articles: int) -> dict:
    before = Article.objects.count()
    out = io.StringIO()
    # Production runs with DEBUG off; with it on, Django would keep the last 9,000 (huge) statements.
    with override_settings(DEBUG=False), PeakRss() as peak:
        started = time.perf_counter()
        call_command("import_seeds", str(corpus), stdout=out, stderr=out)
        elapsed = time.perf_counter() - started
    worker_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    created = Article.objects.count() - before
    return {
        "files": articles,
        "created": created,
        "seconds": round(elapsed, 2),
        "articles_per_s": round(created / elapsed, 1) if elapsed else None,
        "peak_rss_mb": round(peak.mb, 1),
        "rss_before_mb": round(peak.baseline_mb, 1),
        "peak_rss_method": peak.method,
        # Largest child process so far (the import's decode workers; corpus writers are smaller).
        "worker_peak_rss_mb": round(worker_kb / 1024, 1),
        "summary": out.getvalue().strip().splitlines()[-1] if out.getvalue().strip() else "",
    }


def measure_parse_only(corpus: Path, articles: int) -> dict:
    out = io.StringIO()
    started = time.perf_counter()
    call_command("import_seeds", str(corpus), "--dry-run", stdout=out, stderr=out)
    elapsed = time.perf_counter() - started
    return {"seconds": round(elapsed, 2), "parse_only_per_s": round(articles / elapsed, 1) if elapsed else None}
