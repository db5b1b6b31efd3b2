"""Running an import over files and folders: decoding, extraction, storage and the tally.

Files stream through in batches: decoding and extraction (pure Python, CPU-bound) run in worker
processes while the main process stores the previous batch in one transaction, so memory stays
flat however many files there are and the database sees a few large statements per batch
instead of dozens of small ones per file.
"""

import multiprocessing
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from articles.ingest.decoding import decode_seed
from articles.ingest.extract import extract_document
from articles.ingest.types import SeedError
from articles.storing import Document, ImportContext, store_batch

OUTCOMES = ("created", "updated", "unchanged", "parsed", "failed")
BATCH_SIZE = 500


@dataclass
class ImportReport:
    counts: Counter = field(default_factory=Counter)
    failures: list[tuple[Path, str]] = field(default_factory=list)
    kept_for_curators: int = 0

    @property
    def files(self) -> int:
        return sum(self.counts.values())

    def summary(self) -> str:
        parts = [f"files: {self.files}"]
        parts += [f"{outcome}: {self.counts[outcome]}" for outcome in OUTCOMES if outcome != "parsed"]
        if self.counts["parsed"]:
            parts.append(f"parsed (dry run): {self.counts['parsed']}")
        if self.kept_for_curators:
            parts.append(f"left alone for curators: {self.kept_for_curators}")
        return ", ".join(parts)


def read_seed(path: Path):
    """Decode and extract one file; raises SeedError with a reason a user can act on."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SeedError("no such file or folder") from None
    except IsADirectoryError:
        raise SeedError("is a folder") from None
    except OSError as error:
        raise SeedError(f"cannot be read ({error.strerror or error})") from None
    text = decode_seed(data, str(path))
    return text, extract_document(text)


def read_one(path: Path) -> tuple[Path, Document | None, str | None]:
    """`read_seed` for a worker: the document, or the reason it failed."""
    try:
        text, extraction = read_seed(path)
    except SeedError as error:
        return path, None, str(error)
    return path, Document(str(path), text, extraction).prepare(), None


def batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def read_batches(files: Iterable[Path], batch_size: int, workers: int) -> Iterator[list]:
    """Batches of `read_one` results in file order; with workers, the next batch is read while
    the caller stores this one (two batches in memory at most)."""
    chunks = batches(files, batch_size)
    first = next(chunks, None)
    if first is None:
        return
    if workers <= 1 or len(first) < batch_size:
        yield [read_one(path) for path in first]
        for chunk in chunks:
            yield [read_one(path) for path in chunk]
        return
    # fork: workers only decode and extract, they never touch the parent's database connection.
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        chunksize = max(1, batch_size // (workers * 4))
        pending = pool.map_async(read_one, first, chunksize)
        for chunk in chunks:
            following = pool.map_async(read_one, chunk, chunksize)
            yield pending.get()
            pending = following
        yield pending.get()


def default_workers() -> int:
    return int(os.environ.get("IMPORT_WORKERS", os.cpu_count() or 1))


def import_files(
    files: Iterable[Path],
    dry_run: bool = False,
    on_failure: Callable[[Path, str], None] | None = None,
    batch_size: int = BATCH_SIZE,
    workers: int | None = None,
) -> ImportReport:
    report = ImportReport()
    context = None if dry_run else ImportContext.load()
    workers = default_workers() if workers is None else workers
    for batch in read_batches(files, batch_size, workers):
        documents = []
        for path, document, reason in batch:
            if document is None:
                report.counts["failed"] += 1
                report.failures.append((path, reason))
                if on_failure:
                    on_failure(path, reason)
            elif dry_run:
                report.counts["parsed"] += 1
            else:
                documents.append(document)
        if documents:
            report.counts.update(store_batch(documents, context))
    if context is not None:
        report.kept_for_curators = context.kept_for_curators
    return report
