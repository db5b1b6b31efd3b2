import json as jsonlib
from pathlib import Path

from django.core.management.base import CommandError

from articles.management.archive_command import ArchiveCommand
from tooling.benchmarks.load import LoadError
from tooling.benchmarks.runner import BenchError, BenchOptions, run


class Command(ArchiveCommand):
    help = (
        "Benchmark on the configured (empty) database: generate N synthetic articles, import them, "
        "time parse-only, page latency and queries in-process, then load with wrk against gunicorn. "
        "Writes the results and the issue's targets as JSON."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles", type=int, default=0, help="Synthetic articles to generate and import (required but with --pages-only)."
        )
        parser.add_argument("--json", type=Path, required=True, help="Where to write the results.")
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument("--requests", type=int, default=200, help="Timed requests per page kind (default 200).")
        parser.add_argument("--no-load", action="store_true", help="Skip gunicorn + wrk (CI smoke runs).")
        parser.add_argument("--load-seconds", type=int, default=10, help="wrk duration per page (default 10).")
        parser.add_argument("--connections", type=int, default=8, help="wrk connections (default 8).")
        parser.add_argument("--workers", type=int, default=None, help="gunicorn workers (default from the config).")
        parser.add_argument(
            "--untargeted-requests", type=int, default=None,
            help="Timed requests for the country and actor pages, which have no target (default: --requests).",
        )
        parser.add_argument(
            "--pages-only", action="store_true",
            help="Time the pages of the archive already in the configured database (no corpus, no import); "
            "--articles is then ignored.",
        )
        parser.add_argument(
            "--parse-only-sample", type=int, default=100_000,
            help="Time the dry run on about this many of the files (default 100,000; 0 for all).",
        )

    def handle(
        self, *args, articles, json: Path, seed, requests, no_load, load_seconds, connections, workers,
        parse_only_sample, untargeted_requests, pages_only, **options,
    ):
        if articles < 1 and not pages_only:
            raise CommandError("--articles must be at least 1.")
        bench_options = BenchOptions(
            articles=articles,
            seed=seed,
            requests=requests,
            load=not no_load,
            load_seconds=load_seconds,
            load_connections=connections,
            workers=workers,
            parse_only_sample=parse_only_sample or None,
            untargeted_requests=untargeted_requests,
            pages_only=pages_only,
        )
        try:
            results = run(bench_options, log=lambda message: self.stdout.write(message))
        except (BenchError, LoadError) as error:
            raise CommandError(str(error)) from error
        json.parent.mkdir(parents=True, exist_ok=True)
        json.write_text(_json_dumps(results) + "\n", encoding="utf-8")
        missed = results["targets_missed"]
        self.stdout.write(self.style.SUCCESS(f"results written to {json}"))
        for row in missed:
            self.stdout.write(self.style.WARNING(f"target missed: {row['metric']} {row['target']} "
                                                 f"({row['scope']}): {row['measured']}, {row['missed_by']}"))


def _json_dumps(results: dict) -> str:
    return jsonlib.dumps(results, indent=2, ensure_ascii=False, default=str)
