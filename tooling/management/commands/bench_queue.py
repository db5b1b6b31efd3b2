import json
import tempfile
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError

from articles.management.archive_command import ArchiveCommand
from tooling.benchmarks.queue_scaling import QueueBenchError, measure_queue_scaling


class Command(ArchiveCommand):
    help = (
        "Import a synthetic corpus through the task queue with 1, 2, 3… worker processes on this machine "
        "(the configured database is emptied before each run) and write articles/s per worker count as JSON."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, required=True, help="Synthetic articles to generate.")
        parser.add_argument("--workers", default="1,2,3", help="Worker counts to try, comma-separated (default 1,2,3).")
        parser.add_argument("--json", dest="json_path", type=Path, required=True, help="Where to write the results.")
        parser.add_argument("--seed", type=int, default=0)

    def handle(self, *args, articles, workers, json_path: Path, seed, **options):
        if articles < 1:
            raise CommandError("--articles must be at least 1.")
        try:
            counts = [int(count) for count in workers.split(",")]
        except ValueError:
            raise CommandError(f"--workers must be whole numbers separated by commas, not {workers!r}") from None
        if not counts or min(counts) < 1:
            raise CommandError("--workers counts must be at least 1.")
        with tempfile.TemporaryDirectory(prefix="bench_queue_") as folder:
            workdir = Path(folder)
            corpus = workdir / "corpus"
            call_command("generate_corpus", articles=articles, out=corpus, seed=seed, stdout=self.stdout)
            try:
                runs = measure_queue_scaling(corpus, counts, workdir, log=self.stdout.write)
            except QueueBenchError as error:
                raise CommandError(str(error)) from None
        json_path.write_text(json.dumps({"articles": articles, "runs": runs}, indent=2) + "\n")
        self.stdout.write(f"wrote {json_path}")
