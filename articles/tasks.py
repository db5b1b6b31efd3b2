"""Tasks for the queue workers (newsarchive/celery.py)."""

from pathlib import Path

from celery import shared_task

from articles.importing import import_files


@shared_task(name="articles.import_batch")
def import_batch(paths: list[str], dry_run: bool = False) -> dict:
    """Import these files as `import_seeds` would, in this worker; the report as a dict.

    One process per task (the worker's concurrency gives the parallelism), so no pool of its own.
    """
    return import_files([Path(path) for path in paths], dry_run=dry_run, workers=1).as_dict()
