"""Running an import over files and folders: decoding, extraction, storage and the tally."""

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from articles.ingest.decoding import decode_seed
from articles.ingest.extract import extract_document
from articles.ingest.types import SeedError
from articles.storing import ActorDirectory, store_extraction

OUTCOMES = ("created", "updated", "unchanged", "parsed", "failed")


@dataclass
class ImportReport:
    counts: Counter = field(default_factory=Counter)
    failures: list[tuple[Path, str]] = field(default_factory=list)

    @property
    def files(self) -> int:
        return sum(self.counts.values())

    def summary(self) -> str:
        parts = [f"files: {self.files}"]
        parts += [f"{outcome}: {self.counts[outcome]}" for outcome in OUTCOMES if outcome != "parsed"]
        if self.counts["parsed"]:
            parts.append(f"parsed (dry run): {self.counts['parsed']}")
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


def import_files(
    files: Iterable[Path],
    dry_run: bool = False,
    on_failure: Callable[[Path, str], None] | None = None,
) -> ImportReport:
    report = ImportReport()
    actors = None if dry_run else ActorDirectory.load()
    for path in files:
        try:
            text, extraction = read_seed(path)
            if dry_run:
                outcome = "parsed"
            else:
                outcome = store_extraction(extraction, text, str(path), actors)
        except SeedError as error:
            outcome = "failed"
            report.failures.append((path, str(error)))
            if on_failure:
                on_failure(path, str(error))
        report.counts[outcome] += 1
    return report
