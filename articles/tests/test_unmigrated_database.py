"""Every command that reads or writes the archive, run on a database without its tables, says to
migrate it and stops: no traceback, nothing written."""

import os
import subprocess
import sys
import uuid

import psycopg
import pytest
from django.conf import settings
from django.core.management import get_commands

from tooling.benchmarks.load import current_database_url

# Each command that touches the archive, with the least arguments it runs with.
ARCHIVE_COMMANDS = {
    "import_seeds": ["seeds"],
    "check_archive": [],
    "export_articles": [],
    "bench": ["--articles", "1", "--no-load", "--json", os.devnull],
    "bench_queue": ["--articles", "1", "--json", os.devnull],
}
# Commands that read and write files only.
FILE_COMMANDS = {"evaluate_extraction", "generate_corpus"}


def test_every_command_of_the_project_is_classified_here():
    ours = {name for name, app in get_commands().items() if app in ("articles", "tooling")}
    assert ours == set(ARCHIVE_COMMANDS) | FILE_COMMANDS


@pytest.fixture(scope="module")
def unmigrated_database_url(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        server = current_database_url()
    name = f"unmigrated_{uuid.uuid4().hex[:12]}"
    admin = server.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    yield server.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def run_command(database_url: str, *args: str) -> subprocess.CompletedProcess:
    """``manage.py *args`` in a process of its own, on the database at ``database_url``."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR, env={**os.environ, "DATABASE_URL": database_url},
        capture_output=True, text=True, timeout=120,
    )


@pytest.mark.parametrize("command", sorted(ARCHIVE_COMMANDS))
def test_a_command_on_an_unmigrated_database_says_to_migrate_it(unmigrated_database_url, command):
    result = run_command(unmigrated_database_url, command, *ARCHIVE_COMMANDS[command])
    assert result.returncode == 1, result.stdout + result.stderr
    assert "run `python manage.py migrate` on it first" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    with psycopg.connect(unmigrated_database_url) as connection:
        tables = connection.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0]
    assert tables == 0


def test_a_dry_run_of_the_import_needs_no_table(unmigrated_database_url):
    result = run_command(unmigrated_database_url, "import_seeds", "--dry-run", "seeds")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "parsed (dry run): 1" in result.stdout
