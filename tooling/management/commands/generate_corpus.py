import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tooling.synthetic.corpus import FILES_PER_SHARD, write_corpus


class Command(BaseCommand):
    help = (
        "Write N synthetic seed-format articles into DIR (synthetic_NNNNNN.txt, "
        f"{FILES_PER_SHARD:,} per subfolder) for scale tests. Deterministic for a given --seed. "
        "Never writes into seeds/; import them only into a database meant for benchmarks."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, required=True, help="How many articles to write.")
        parser.add_argument("--out", type=Path, required=True, help="Output folder (not seeds/).")
        parser.add_argument("--seed", type=int, default=0, help="Random seed (default 0).")
        parser.add_argument("--workers", type=int, default=None, help="Processes (default: one per core).")
        parser.add_argument("--force", action="store_true", help="Write into a folder that is not empty.")

    def handle(self, *args, articles, out, seed, workers, force, **options):
        if articles < 1:
            raise CommandError("--articles must be at least 1.")
        target = out.resolve()
        seeds = (Path(settings.BASE_DIR) / "seeds").resolve()
        if target == seeds or seeds in target.parents:
            raise CommandError(f"refusing to write synthetic articles into {seeds}: choose another --out.")
        if target.exists() and not target.is_dir():
            raise CommandError(f"{out} exists and is not a folder.")
        if target.is_dir() and any(target.iterdir()) and not force:
            raise CommandError(f"{out} is not empty; use --force to write into it anyway.")
        started = time.perf_counter()
        written = write_corpus(target, articles, seed=seed, workers=workers)
        elapsed = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"wrote {written:,} synthetic articles to {out} in {elapsed:.1f} s "
                f"({written / max(elapsed, 1e-9):,.0f} files/s)"
            )
        )
