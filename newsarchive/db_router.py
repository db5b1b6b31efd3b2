"""Which database a query goes to.

Writes always go to the primary ("default"), and only the primary is migrated. Reads go where
the request being served was sent (newsarchive/replica_reads.py decides, once per request): a
replica for an anonymous reader's page, the primary otherwise. Outside a request (management
commands, queue workers, the shell) everything stays on the primary.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import DEFAULT_DB_ALIAS

# A context variable rather than a thread-local: right per thread and per asyncio task alike.
_reads_from: ContextVar[str] = ContextVar("archive_reads_from", default=DEFAULT_DB_ALIAS)


def current_read_database() -> str:
    return _reads_from.get()


@contextmanager
def reads_from(alias: str) -> Iterator[None]:
    token = _reads_from.set(alias)
    try:
        yield
    finally:
        _reads_from.reset(token)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        return _reads_from.get()

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # Every database holds the same data: a row read on a replica may point at one read on
        # the primary.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # Replicas receive the schema through replication; they refuse writes anyway.
        return db == DEFAULT_DB_ALIAS
