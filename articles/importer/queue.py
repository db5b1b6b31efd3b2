"""`import_seeds --queue`: the files go to queue workers in batches; this process only waits.

Each batch is one task (articles.tasks.import_batch) that any worker may take, on this machine or
another; workers read the files at the same paths (relative ones from their working folder, so
start them from the project folder) and store into the same database, where the
import's advisory lock keeps two batches from creating the same actor twice. The reports come
back in order and add up to the same summary a local import prints.
"""

from collections.abc import Callable, Iterable
from pathlib import Path

from celery.exceptions import TimeoutError as ResultTimeout
from django.conf import settings
from kombu.exceptions import OperationalError

from articles.importer.run import BATCH_SIZE, ImportReport, batches, first_line
from articles.tasks import import_batch, outside_roots
from newsarchive.celery import app


class QueueError(RuntimeError):
    pass


def broker_label() -> str:
    """The broker URL without its password, for messages."""
    with app.connection_for_write() as connection:
        return connection.as_uri()


def check_broker():
    try:
        with app.connection_for_write() as connection:
            connection.ensure_connection(max_retries=1, timeout=5)
    except (OperationalError, OSError) as error:
        raise QueueError(f"cannot reach the task queue at {broker_label()} ({error}); is the broker running?") from None


def import_through_queue(
    files: Iterable[Path],
    dry_run: bool = False,
    on_failure: Callable[[Path, str], None] | None = None,
    batch_size: int | None = None,
    timeout: float = 3600,
    on_batch: Callable[[int], None] | None = None,
) -> ImportReport:
    chunks = [[str(path) for path in chunk] for chunk in batches(files, batch_size or BATCH_SIZE)]
    refused = [path for chunk in chunks for path in outside_roots(chunk)]
    if refused:
        roots = ", ".join(str(root) for root in settings.IMPORT_QUEUE_ROOTS)
        raise QueueError(
            f"{refused[0]} is not under the folders queue workers may read (IMPORT_QUEUE_ROOTS: {roots})"
            + (f", nor are {len(refused) - 1} more" if len(refused) > 1 else "")
        )
    check_broker()
    try:
        pending = [import_batch.apply_async((chunk, dry_run), retry=False) for chunk in chunks]
    except OperationalError as error:
        raise QueueError(f"the task queue at {broker_label()} refused a batch ({error})") from None
    report = ImportReport()
    for result in pending:
        try:
            batch = result.get(timeout=timeout)
        except ResultTimeout:
            raise QueueError(
                f"no worker finished a batch within {timeout:.0f} s; are workers running "
                "(celery -A newsarchive worker)? Batches already sent stay queued for them."
            ) from None
        except Exception as error:  # raised in the worker, e.g. the database went away
            raise QueueError(f"a worker could not import a batch ({type(error).__name__}: {first_line(error)})") from None
        report.add(batch)
        for path, reason in batch["failures"]:
            if on_failure:
                on_failure(Path(path), reason)
        if on_batch:
            on_batch(sum(batch["counts"].values()))
    return report
