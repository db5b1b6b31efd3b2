"""Bad input to the import: every malformed file is imported exactly or refused by name, never half.

The corpus (tooling/resilience/badinput.py) is written at test time, the 50 MB file included.
"""

import errno
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from articles.importer import run as importing
from articles.ingest.extract import extract_document
from articles.models import Article, Mention
from tooling.resilience import figures
from tooling.resilience.badinput import build_corpus
from tooling.resilience.consistency import database_problems
from articles.importer.batch_store import content_hash

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(tmp_path, seed_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    shutil.copy(seed_path, folder / "00_good_seed.txt")
    cases = build_corpus(folder, seed_path.read_text(encoding="utf-8"))
    yield folder, cases
    for case in cases:
        if case.keep is not None:
            case.keep.close()


def run_import(*args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_seeds", *map(str, args), stdout=out, stderr=err)
        status = 0
    except CommandError:
        status = 1
    return status, out.getvalue(), err.getvalue()


def refusal_lines(err: str) -> dict[str, str]:
    """file name -> reason, from the import's stderr lines `PATH: REASON`."""
    lines = {}
    for line in err.splitlines():
        path, _, reason = line.partition(": ")
        if reason:
            lines[Path(path).name] = reason
    return lines


def test_every_bad_file_is_imported_exactly_or_refused_by_name(corpus):
    folder, cases = corpus
    status, out, err = run_import(folder)
    refused = refusal_lines(err)
    assert status == 1, "anything refused makes the exit status non-zero"
    assert "Traceback" not in err + out
    correct = 0
    for case in cases:
        if case.imported:
            assert case.name not in refused, f"{case.name} ({case.what}) was refused: {refused.get(case.name)}"
            article = Article.objects.get(content_hash=content_hash(case.stored_text))
            expected = extract_document(case.stored_text)
            assert article.caption == expected.caption and article.paragraphs == expected.paragraphs, case.what
            assert article.source_file.endswith(case.name)
        else:
            assert case.name in refused, f"{case.name} ({case.what}) was not refused"
            assert case.refusal in refused[case.name], f"{case.name}: {refused[case.name]!r}"
        correct += 1
    imported = [case for case in cases if case.imported]
    # The good seed and every importable case; no article from any refused file.
    assert Article.objects.count() == 1 + len(imported)
    assert f"failed: {len(cases) - len(imported)}" in out
    assert database_problems() == []
    assert len(cases) >= 20
    figures.record(f"bad-input files handled correctly ({connection.vendor})", correct, f"of {len(cases)}",
                   refused=len(cases) - len(imported), imported=len(imported))


def test_markup_in_seed_text_is_stored_as_text(corpus):
    folder, _ = corpus
    run_import(folder / "26_html_and_script.txt")
    article = Article.objects.get()
    assert "<script>alert('chú thích')</script>" in article.caption
    assert "{{ 7*7 }}" in article.paragraphs[1]


def test_a_read_error_is_a_refusal(tmp_path, seed_path, monkeypatch):
    """A disk that fails under the reader (EIO) is reported like any other unreadable file."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(seed_path, folder / "a_good.txt")
    (folder / "b_failing_disk.txt").write_text("Chú thích |\nĐoạn.\n", encoding="utf-8")
    real_fdopen = os.fdopen

    def failing_fdopen(fd, *args, **kwargs):
        handle = real_fdopen(fd, *args, **kwargs)
        if os.readlink(f"/proc/self/fd/{fd}").endswith("b_failing_disk.txt"):
            handle.close()
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        return handle

    monkeypatch.setattr(importing.os, "fdopen", failing_fdopen)
    status, out, err = run_import(folder)
    assert status == 1
    assert refusal_lines(err)["b_failing_disk.txt"] == "cannot be read (Input/output error)"
    assert Article.objects.count() == 1


def test_a_batch_that_fails_is_stored_file_by_file(tmp_path, seed_path, monkeypatch):
    """One file that breaks its batch's transaction costs only that file; nothing of it is kept."""
    from django.db import DataError

    from articles.importer import batch_store as storing

    folder = tmp_path / "seeds"
    folder.mkdir()
    seed = seed_path.read_text(encoding="utf-8")
    for number in range(6):
        (folder / f"{number}.txt").write_text(seed.replace("Tây Phi", f"Tây Phi {number}"), encoding="utf-8")
    real_insert_rows = storing.insert_rows

    def insert_rows(model, fields, rows):
        real_insert_rows(model, fields, rows)
        if model is Mention and any(Article.objects.filter(pk=row[0], source_file__endswith="/3.txt") for row in rows):
            raise DataError("value too long for type character varying(300)")

    monkeypatch.setattr(storing, "insert_rows", insert_rows)
    status, out, err = run_import(folder)
    assert status == 1
    assert refusal_lines(err) == {"3.txt": "could not be stored (value too long for type character varying(300))"}
    assert "created: 5" in out and "failed: 1" in out
    assert not Article.objects.filter(source_file__endswith="/3.txt").exists()
    assert database_problems() == []


def test_the_same_content_stored_meanwhile_counts_as_unchanged(tmp_path, seed_path, monkeypatch):
    """The IntegrityError race on content_hash: the batch is retried and the file is "unchanged"."""
    from django.db import IntegrityError

    from articles.importer import batch_store as storing

    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(seed_path, folder / "seed.txt")
    real_store_batch = storing.store_batch
    raced = []

    def store_batch(documents, context):
        if not raced:  # another import commits the same article first, then ours collides
            raced.append(True)
            real_store_batch(documents, storing.ImportContext.load())
            raise IntegrityError('duplicate key value violates unique constraint "articles_article_content_hash_key"')
        return real_store_batch(documents, context)

    monkeypatch.setattr(importing, "store_batch", store_batch)
    status, out, _ = run_import(folder)
    assert status == 0
    assert "created: 0" in out and "unchanged: 1" in out
    assert Article.objects.count() == 1


def test_the_command_exits_1_without_traceback_and_flat_memory(corpus, seed_path, tmp_path):
    """A real process: exit status 1, every refusal named, and the 50 MB file never read into memory."""
    folder, cases = corpus
    env = dict(os.environ)  # a dry run reads no database rows and writes none

    # A wrapper process whose only child is the import, so RUSAGE_CHILDREN is the import's own peak.
    measure = (
        "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
        "print('peak-rss-kib', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
        "sys.exit(r.returncode)"
    )

    def dry_run(path):
        result = subprocess.run(
            [sys.executable, "-c", measure, sys.executable, "manage.py", "import_seeds", "--dry-run", str(path)],
            cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=300,
        )
        peak = int(result.stderr.rsplit("peak-rss-kib", 1)[1].split()[0])
        return result, peak

    result, peak = dry_run(folder)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    refused = refusal_lines(result.stderr.rsplit("peak-rss-kib", 1)[0])
    assert {case.name for case in cases if not case.imported} <= set(refused)
    assert "17_huge_50mb.txt" in refused
    # ru_maxrss is in KiB. Django and the extractor's gazetteer take about 100 MiB; reading the
    # 50 MB file (bytes, then text) would add well over 100 MiB more.
    _, baseline = dry_run(seed_path)
    assert peak - baseline < 40 * 1024, f"peak RSS {peak // 1024} MiB against {baseline // 1024} MiB for one good file"
    figures.record("import peak memory over the bad-input corpus", round(peak / 1024), "MiB",
                   one_good_file=round(baseline / 1024))
