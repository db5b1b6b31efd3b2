from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.importing import import_files
from articles.seed_files import iter_seed_files


class Command(BaseCommand):
    help = (
        "Import seed documents from files and folders (default: seeds/). Files are decoded in worker "
        "processes and stored in batches of 500, one transaction per batch; a file that cannot be read "
        "is named and skipped. Importing the same content again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", type=Path, help="Seed files or folders (default: seeds/).")
        parser.add_argument("--dry-run", action="store_true", help="Parse and report; write nothing.")

    def handle(self, *args, paths, dry_run, **options):
        # A generator, not a list: a million paths would cost hundreds of MB before the first import.
        files = iter_seed_files(paths or [Path(settings.BASE_DIR) / "seeds"])
        progress = tqdm(files, unit="file", disable=not self.stdout.isatty(), file=self.stdout._out)

        def on_failure(path, reason):
            progress.write(self.style.ERROR(f"{path}: {reason}"), file=self.stderr._out)

        report = import_files(progress, dry_run=dry_run, on_failure=on_failure)
        style = self.style.ERROR if report.failures else self.style.SUCCESS
        self.stdout.write(style(report.summary()))
        if report.failures:
            raise CommandError(f"{len(report.failures)} file(s) could not be imported; see the messages above.")
