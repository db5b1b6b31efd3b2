"""Running an import over files and folders: decoding, extraction, storage and the tally.

Files stream through in batches: decoding and extraction (pure Python, CPU-bound) run in worker
processes while the main process stores the previous batch in one transaction, so memory stays
flat however many files there are and the database sees a few large statements per batch
instead of dozens of small ones per file.

A batch that fails to store (another import stored the same content at the same moment, one
file's values do not fit) is stored again file by file, so only the file at fault is refused;
every transaction is all or nothing, so no article is ever stored without its mentions.
"""

from contextlib import contextmanager, nullcontext
import gc
import multiprocessing
import os
import stat
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path

from django.conf import settings
from django.db import DataError, IntegrityError, connection

from articles.ingest.decoding import decode_seed
from articles.ingest.extract import extract_document
from articles.ingest.types import SeedError
from articles.known_actors import use_known_actors
from articles.models import Actor, Article, Mention, RelatedLink
from articles.importer.batch_store import Document, ImportContext, store_batch
from articles.importer.statistics import FreshStatistics

OUTCOMES = ("created", "updated", "unchanged", "parsed", "failed")
BATCH_SIZE = 500


@dataclass
class ImportReport:
    counts: Counter = field(default_factory=Counter)
    failures: list[tuple[Path, str]] = field(default_factory=list)
    kept_for_curators: int = 0
    statistics_taken: int = 0  # VACUUM ANALYZE runs while the archive grew (articles.importer.statistics)

    @property
    def files(self) -> int:
        return sum(self.counts.values())

    def as_dict(self) -> dict:
        """For the task queue (JSON): counts, failures as [path, reason], kept for curators."""
        return {
            "counts": dict(self.counts),
            "failures": [[str(path), reason] for path, reason in self.failures],
            "kept_for_curators": self.kept_for_curators,
        }

    def add(self, other: dict):
        """Count in a report made elsewhere (``as_dict``), e.g. by a queue worker."""
        self.counts.update(other["counts"])
        self.failures += [(Path(path), reason) for path, reason in other["failures"]]
        self.kept_for_curators += other["kept_for_curators"]

    def summary(self) -> str:
        parts = [f"files: {self.files}"]
        parts += [f"{outcome}: {self.counts[outcome]}" for outcome in OUTCOMES if outcome != "parsed"]
        if self.counts["parsed"]:
            parts.append(f"parsed (dry run): {self.counts['parsed']}")
        if self.kept_for_curators:
            parts.append(f"left alone for curators: {self.kept_for_curators}")
        return ", ".join(parts)


# Limits that keep one hostile or broken file from costing the import its memory or its hours.
# A seed is one news article: the real ones are 2–30 KB. 1 MiB is 30 times the largest, and
# extraction of a file that size takes about a second. A paragraph (one line) over 100,000
# characters is not prose: extraction cost grows faster than linearly with line length.
MAX_FILE_BYTES = settings.IMPORT_MAX_FILE_BYTES
MAX_LINE_CHARS = settings.IMPORT_MAX_LINE_CHARS
# A batch is also cut when its files add up to this many bytes, so a folder full of files near
# the limit still keeps at most two batches' worth of text in memory.
MAX_BATCH_BYTES = settings.IMPORT_MAX_BATCH_BYTES

_FILE_KINDS = (
    (stat.S_ISDIR, "is a folder"),
    (stat.S_ISFIFO, "is not a regular file (a named pipe)"),
    (stat.S_ISSOCK, "is not a regular file (a socket)"),
    (stat.S_ISCHR, "is not a regular file (a character device)"),
    (stat.S_ISBLK, "is not a regular file (a block device)"),
)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MiB"


def read_limited(path: Path) -> bytes:
    """The bytes of a regular file no larger than MAX_FILE_BYTES; SeedError otherwise.

    Opened non-blocking (a named pipe would otherwise wait forever for a writer) and checked
    with fstat on the open descriptor, so what is checked is what is read. Never reads more
    than the limit plus one byte, however large the file or however much it grows meanwhile.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        kind = "a symbolic link to nothing" if os.path.islink(path) else "no such file or folder"
        raise SeedError(kind) from None
    except IsADirectoryError:
        raise SeedError("is a folder") from None
    except OSError as error:
        try:  # a socket refuses open() even to root: say what it is
            mode = os.stat(path).st_mode
        except OSError:
            mode = None
        if mode is not None and stat.S_ISSOCK(mode):
            raise SeedError("is not a regular file (a socket)") from None
        raise SeedError(f"cannot be opened ({error.strerror or error})") from None
    try:
        mode = os.fstat(fd).st_mode
        for test, reason in _FILE_KINDS:
            if test(mode):
                raise SeedError(reason)
        size = os.fstat(fd).st_size
        if size > MAX_FILE_BYTES:
            raise SeedError(f"too large: {_megabytes(size)}, over the {_megabytes(MAX_FILE_BYTES)} limit for one article")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise SeedError(f"cannot be read ({error.strerror or error})") from None
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:
        raise SeedError(f"too large: grew over the {_megabytes(MAX_FILE_BYTES)} limit while being read")
    return data


def check_line_lengths(text: str):
    for number, line in enumerate(text.split("\n"), 1):
        if len(line) > MAX_LINE_CHARS:
            raise SeedError(f"line {number} has {len(line):,} characters, over the {MAX_LINE_CHARS:,} limit for one paragraph")


def read_seed(path: Path):
    """Decode and extract one file; raises SeedError with a reason a user can act on."""
    data = read_limited(path)
    text = decode_seed(data, str(path))
    check_line_lengths(text)
    return text, extract_document(text)


def shown_path(path: Path) -> str:
    """The path for a message: bytes that are not UTF-8 shown as \\xNN escapes, never as surrogates."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def read_one(path: Path, prepare: bool = True) -> tuple[Path, Document | None, str | None]:
    """`read_seed` for a worker: the document, or the reason it failed.

    ``prepare`` derives the hash and folded texts here, in the worker; a dry run stores nothing
    and skips it."""
    if shown_path(path) != str(path):
        # The archive keeps the file's name as text (source_file): a name that is not UTF-8
        # has no faithful text form, and would fail its whole batch in the database.
        return path, None, "its name is not valid UTF-8; rename the file (e.g. with convmv) and import it again"
    try:
        text, extraction = read_seed(path)
    except SeedError as error:
        # decode_seed names the file itself; the caller names it once.
        return path, None, str(error).removeprefix(f"{path}: ")
    except RecursionError:  # pragma: no cover - a guard: no known input gets here
        return path, None, "too deeply nested to extract"
    document = Document(str(path), text, extraction)
    reason = too_long_for_columns(document)
    if reason:
        return path, None, reason
    return path, document.prepare() if prepare else document, None


def parse_one(path: Path) -> tuple[Path, None, str | None]:
    """`read_one` for a dry run: only whether the file would import, and why not.

    The document stays in the worker: pickling it back to the parent cost more than a third
    of a dry run's time, and a dry run stores nothing."""
    path, _document, reason = read_one(path, prepare=False)
    return path, None, reason


def file_weight(path: Path) -> int:
    """Bytes a file will occupy once read (0 for what will be refused without reading)."""
    try:
        info = os.stat(path)
    except OSError:
        return 0
    return min(info.st_size, MAX_FILE_BYTES + 1) if stat.S_ISREG(info.st_mode) else 0


def batches(items: Iterable, size: int, max_bytes: int | None = None, weigh=None) -> Iterator[list]:
    """Lists of at most `size` items, cut earlier when their `weigh`ts would pass `max_bytes`."""
    if weigh is None:
        iterator = iter(items)
        while batch := list(islice(iterator, size)):
            yield batch
        return
    batch, weight = [], 0
    for item in items:
        item_weight = weigh(item)
        if batch and (len(batch) >= size or weight + item_weight > max_bytes):
            yield batch
            batch, weight = [], 0
        batch.append(item)
        weight += item_weight
    if batch:
        yield batch


def read_batches(files: Iterable[Path], batch_size: int, workers: int, parse_only: bool = False) -> Iterator[list]:
    """Batches of `read_one` results (`parse_one` for a dry run) in file order; with workers, the
    next batch is read while the caller stores this one (two batches in memory at most, each
    under MAX_BATCH_BYTES)."""
    chunks = batches(files, batch_size, MAX_BATCH_BYTES, file_weight)
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None)
    read = parse_one if parse_only else read_one
    if workers <= 1 or (second is None and len(first) < batch_size):
        for chunk in (first, second):
            if chunk is not None:
                yield [read(path) for path in chunk]
        for chunk in chunks:
            yield [read(path) for path in chunk]
        return
    # fork: workers only decode and extract, they never touch the parent's database connection.
    # gc.freeze: the collector no longer walks the gazetteer and known actors the workers inherit
    # (and no longer copies their pages by touching them); unfrozen when the pool is gone.
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            chunksize = max(1, batch_size // (workers * 4))
            pending = pool.map_async(read, first, chunksize)
            for chunk in chain([second] if second is not None else [], chunks):
                following = pool.map_async(read, chunk, chunksize)
                yield pending.get()
                pending = following
            yield pending.get()
    finally:
        gc.unfreeze()


def default_workers() -> int:
    return settings.IMPORT_WORKERS


def first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


# An article's countries and actors are index keys (Article.filter_keys, in a B-tree entry of at
# most 2.7 KB): a news article names a few dozen at most.
MAX_NAMED = 150


def too_long_for_columns(document: Document) -> str | None:
    """A reason when a value would not fit its column (PostgreSQL would refuse the whole batch)."""
    extraction = document.extraction
    named = len(set(extraction.countries)) + len(extraction.actors)
    if named > MAX_NAMED:
        return f"names {named:,} countries and people, over the {MAX_NAMED} the archive indexes for one article"
    values = [
        ("the headline (caption)", extraction.headline, Article, "headline"),
        ("the photo credit", extraction.credit or "", Article, "credit"),
        ("the file path", document.source_file, Article, "source_file"),
        *(("an actor's name", actor.name, Actor, "name") for actor in extraction.actors),
        *(("a name in the text", mention.surface, Mention, "surface") for mention in extraction.mentions),
        *(("a related story's title", related.title, RelatedLink, "title") for related in extraction.related),
    ]
    for what, value, model, name in values:
        limit = model._meta.get_field(name).max_length
        if len(value) > limit:
            return f"{what} has {len(value):,} characters, over the {limit:,} the archive stores"
    return None


class Storer:
    """Stores batches; when a batch fails, stores its files one by one so only the bad one is refused.

    A failed transaction leaves nothing behind, but what the import context learnt during it
    (ids of actors and places that were rolled back) is void, so the context is reloaded.
    """

    def __init__(self, report: ImportReport, fail: Callable[[Path, str], None]):
        self.report = report
        self.fail = fail
        self.context = ImportContext.load()
        self.batches_retried = 0

    def reload(self, kept_before: int):
        self.context = ImportContext.load()
        self.context.kept_for_curators = kept_before

    def store(self, documents: list[Document]):
        kept_before = self.context.kept_for_curators
        try:
            self.report.counts.update(store_batch(documents, self.context))
            return
        except (IntegrityError, DataError):
            # IntegrityError: another writer stored the same content or slug meanwhile (re-read
            # below: the same content is then "unchanged"); DataError: one file's values.
            # OperationalError (the database is gone) is not retried file by file.
            self.batches_retried += 1
        self.reload(kept_before)
        for document in documents:
            self.store_one(document)

    def store_one(self, document: Document):
        for attempt in (1, 2):
            kept_before = self.context.kept_for_curators
            try:
                [outcome] = store_batch([document], self.context)
            except IntegrityError as error:
                self.reload(kept_before)
                if attempt == 1:
                    continue  # look again: what another import just stored is now visible
                reason = first_line(error)
            except DataError as error:
                self.reload(kept_before)
                reason = first_line(error)
            else:
                self.report.counts[outcome] += 1
                return
            self.fail(Path(document.source_file), f"could not be stored ({reason})")
            return


@contextmanager
def server_side_binding():
    """The import's connection sends parameters apart from the statement.

    Django binds on the client by default, which quotes every value into the SQL text in
    Python: for a batch's INSERT of 500 article bodies that costs more than the database takes
    to store them. Only this connection, only during the import.
    """
    import psycopg

    connection.ensure_connection()
    raw = connection.connection
    previous = raw.cursor_factory
    raw.cursor_factory = psycopg.Cursor
    try:
        yield
    finally:
        if connection.connection is raw:
            raw.cursor_factory = previous


def import_files(
    files: Iterable[Path],
    dry_run: bool = False,
    on_failure: Callable[[Path, str], None] | None = None,
    batch_size: int = BATCH_SIZE,
    workers: int | None = None,
) -> ImportReport:
    report = ImportReport()

    def fail(path: Path, reason: str):
        report.counts["failed"] += 1
        report.failures.append((path, reason))
        if on_failure:
            on_failure(path, reason)

    storer = None if dry_run else Storer(report, fail)
    statistics = None if dry_run else FreshStatistics()
    workers = default_workers() if workers is None else workers
    # Curated Actor rows join the known-actor list for this import (workers fork inside).
    # A dry run reads files only: it needs no database.
    with (nullcontext() if dry_run else server_side_binding()), (nullcontext() if dry_run else use_known_actors()):
        for batch in read_batches(files, batch_size, workers, parse_only=dry_run):
            documents = []
            for path, document, reason in batch:
                if reason is not None:
                    fail(path, reason)
                elif dry_run:
                    report.counts["parsed"] += 1
                else:
                    documents.append(document)
            if documents:
                storer.store(documents)
                statistics.after_batch(len(documents))
    if storer is not None:
        statistics.finish()
        report.kept_for_curators = storer.context.kept_for_curators
        report.statistics_taken = statistics.times_taken
    return report
