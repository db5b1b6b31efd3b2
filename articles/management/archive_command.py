"""The base of every management command that reads or writes the archive's tables."""

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor


class ArchiveCommand(BaseCommand):
    """On a database that lacks the archive's tables (never migrated, or behind the code), the
    command says so and stops before its first query, which would otherwise end in a traceback
    naming a missing relation."""

    def execute(self, *args, **options):
        if self.reads_the_archive(options):
            require_migrated_database(DEFAULT_DB_ALIAS)
        return super().execute(*args, **options)

    def reads_the_archive(self, options) -> bool:
        """False for a run that needs no table (a dry run of the import parses files only)."""
        return True


def require_migrated_database(alias: str):
    connection = connections[alias]
    executor = MigrationExecutor(connection)
    unapplied = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if unapplied:
        raise CommandError(
            f"The database {connection.settings_dict['NAME']!r} (DATABASE_URL) lacks {len(unapplied)} of the "
            "archive's migrations: run `python manage.py migrate` on it first."
        )
