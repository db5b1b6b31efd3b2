"""Whether a replica may serve readers' pages, as this process last saw it.

A replica serves reads while it is still a standby, its WAL receiver is attached to the primary,
and it is at most REPLICA_MAX_LAG_SECONDS behind. Each process asks it at most once per
REPLICA_PROBE_SECONDS (one small query on the request's own connection to it, so no connection
of its own); between probes the last answer stands. A replica that fails a probe, or fails a
request (ReplicaHealth.failed), is left alone for REPLICA_COOLDOWN_SECONDS: meanwhile reads go
to the primary and no request waits on the replica.
"""

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

logger = logging.getLogger(__name__)

# The lag is the age of the last transaction replayed, counted only while received WAL waits to
# be replayed: a replica that has replayed all it received is not behind, however long ago the
# primary last wrote. The WAL receiver's status is shown to roles with pg_read_all_stats only;
# for others the row's presence (a receiver process) is what can be checked.
STATUS_SQL = """
SELECT pg_is_in_recovery(),
       EXISTS (SELECT FROM pg_stat_wal_receiver WHERE coalesce(status, 'streaming') = 'streaming'),
       CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
            ELSE extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp())::float8 END
"""


@dataclass(frozen=True)
class ReplicaStatus:
    in_recovery: bool  # still a standby: a promoted server no longer follows the primary
    receiving: bool  # its WAL receiver is attached to the primary
    lag_seconds: float | None  # None: unknown (nothing replayed since it started)

    def serves_reads(self, max_lag_seconds: float) -> bool:
        return (
            self.in_recovery and self.receiving and self.lag_seconds is not None
            and self.lag_seconds <= max_lag_seconds
        )


def probe(alias: str) -> ReplicaStatus:
    with connections[alias].cursor() as cursor:
        cursor.execute(STATUS_SQL)
        return ReplicaStatus(*cursor.fetchone())


class ReplicaHealth:
    def __init__(self, alias: str, probe: Callable[[str], ReplicaStatus] = probe, clock=time.monotonic):
        self.alias = alias
        self._probe = probe
        self._clock = clock
        self._usable = False
        self._recheck_at = float("-inf")
        self._probing = threading.Lock()

    def usable(self) -> bool:
        if self._clock() < self._recheck_at or not self._probing.acquire(blocking=False):
            return self._usable  # while another thread probes, the last answer stands
        try:
            if self._clock() >= self._recheck_at:  # nobody probed while this thread waited
                self._record(self._probed())
        finally:
            self._probing.release()
        return self._usable

    def failed(self):
        """A query of a request failed on this replica."""
        self._record(False)

    def _probed(self) -> bool:
        try:
            status = self._probe(self.alias)
        except DatabaseError as error:
            logger.warning("replica %s unreachable, reads go to the primary: %s", self.alias, error)
            return False
        if not status.serves_reads(settings.REPLICA_MAX_LAG_SECONDS):
            logger.warning("replica %s left out, reads go to the primary: %s", self.alias, status)
            return False
        return True

    def _record(self, usable: bool):
        wait = settings.REPLICA_PROBE_SECONDS if usable else settings.REPLICA_COOLDOWN_SECONDS
        self._usable, self._recheck_at = usable, self._clock() + wait


def replica_aliases() -> list[str]:
    return [alias for alias in settings.DATABASES if alias != DEFAULT_DB_ALIAS]


@cache
def health(alias: str) -> ReplicaHealth:
    """The one record of `alias` in this process."""
    return ReplicaHealth(alias)


def usable_replica() -> str | None:
    """A replica fit to serve reads, chosen at random among them to spread the load; None when
    none is."""
    aliases = replica_aliases()
    random.shuffle(aliases)
    return next((alias for alias in aliases if health(alias).usable()), None)
