"""Tasks for the queue workers (newsarchive/celery.py)."""

from pathlib import Path

from celery import shared_task
from django.conf import settings

from articles.importer.run import import_files


def outside_roots(paths: list[str]) -> list[str]:
    """The paths that are not inside one of settings.IMPORT_QUEUE_ROOTS (symbolic links followed)."""
    roots = settings.IMPORT_QUEUE_ROOTS
    return [path for path in paths if not any(Path(path).resolve().is_relative_to(root) for root in roots)]


@shared_task(name="articles.import_batch")
def import_batch(paths: list[str], dry_run: bool = False) -> dict:
    """Import these files as `import_seeds` would, in this worker; the report as a dict.

    One process per task (the worker's concurrency gives the parallelism), so no pool of its own.
    Relative paths are read from the worker's working folder, and stored as given, as a local
    import stores them. Files outside IMPORT_QUEUE_ROOTS are refused, whoever sent the message.
    """
    refused = outside_roots(paths)
    if refused:
        raise PermissionError(f"not under IMPORT_QUEUE_ROOTS: {', '.join(refused[:3])}")
    return import_files([Path(path) for path in paths], dry_run=dry_run, workers=1).as_dict()
