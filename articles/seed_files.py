"""Finding seed files under the paths given to the import, without following symlink loops."""

import os
from collections.abc import Iterable, Iterator
from pathlib import Path


def iter_seed_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Yield regular files named directly, and the non-hidden files inside folders, sorted.

    Paths that do not exist are yielded as they are so the import can report them by name.
    """
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name
        else:
            yield path
