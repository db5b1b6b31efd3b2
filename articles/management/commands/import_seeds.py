from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from tqdm import tqdm

from articles.importer.queue import QueueError, import_through_queue
from articles.importer.run import import_files, shown_path
from articles.management.archive_command import ArchiveCommand
from articles.seed_files import iter_seed_files


class Command(ArchiveCommand):
    help = (
        "Import seed documents from files and folders (default: seeds/). Files are decoded in worker "
        "processes and stored in batches of 500, one transaction per batch; a file that cannot be read "
        "is named and skipped. Importing the same content again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", type=Path, help="Seed files or folders (default: seeds/).")
        parser.add_argument("--dry-run", action="store_true", help="Parse and report; write nothing.")
        parser.add_argument(
            "--queue",
            action="store_true",
            help="Send the files in batches to the task queue's workers (CELERY_BROKER_URL; start them with "
            "`celery -A newsarchive worker`) instead of importing here. Workers must see the same paths.",
        )
        parser.add_argument(
            "--queue-timeout", type=float, default=3600, help="Seconds to wait for a worker to finish a batch (default 3600)."
        )

    def reads_the_archive(self, options) -> bool:
        return not options["dry_run"]

    def handle(self, *args, paths, dry_run, queue, queue_timeout, **options):
        # A generator, not a list: a million paths would cost hundreds of MB before the first import.
        files = iter_seed_files(paths or [Path(settings.BASE_DIR) / "seeds"])
        progress = tqdm(files, unit="file", disable=not self.stdout.isatty(), file=self.stdout._out)

        def on_failure(path, reason):
            progress.write(self.style.ERROR(f"{shown_path(path)}: {reason}"), file=self.stderr._out)

        if queue:
            try:
                report = import_through_queue(
                    files, dry_run=dry_run, on_failure=on_failure, timeout=queue_timeout, on_batch=progress.update
                )
            except QueueError as error:
                raise CommandError(str(error)) from None
        else:
            report = import_files(progress, dry_run=dry_run, on_failure=on_failure)
        style = self.style.ERROR if report.failures else self.style.SUCCESS
        self.stdout.write(style(report.summary()))
        if report.failures:
            raise CommandError(f"{len(report.failures)} file(s) could not be imported; see the messages above.")
