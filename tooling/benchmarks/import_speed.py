"""Import speed through the real import path, and the parse-only ceiling of the same files."""

import io
import resource
import time
from pathlib import Path

from django.core.management import call_command
from django.test.utils import override_settings

from tooling.benchmarks.memory import PeakRss
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


def measure_parse_only(corpus: Path, articles: int, sample: int | None = None) -> dict:
    """``import_seeds --dry-run`` over the corpus, or over its first subfolders holding about
    ``sample`` files (the rate per file does not depend on how many there are)."""
    paths, files = [corpus], articles
    if sample and sample < articles:
        folders = sorted(p for p in corpus.iterdir() if p.is_dir())
        paths, files = [], 0
        for folder in folders:
            if files >= sample:
                break
            paths.append(folder)
            files += sum(1 for _ in folder.iterdir())
    out = io.StringIO()
    started = time.perf_counter()
    call_command("import_seeds", *map(str, paths), "--dry-run", stdout=out, stderr=out)
    elapsed = time.perf_counter() - started
    return {"seconds": round(elapsed, 2), "files": files, "parse_only_per_s": round(files / elapsed, 1) if elapsed else None}
