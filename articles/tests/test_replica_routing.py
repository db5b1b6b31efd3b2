"""The read-replica rules without replica servers: which requests need the primary, where the
router sends reads and writes, when a replica is fit to serve, and how long a verdict stands.
The servers themselves (streaming, lag, a stopped replica) are in tooling/tests/test_replica.py."""

import threading
from itertools import product

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import MiddlewareNotUsed
from django.db import DEFAULT_DB_ALIAS, OperationalError
from django.test import RequestFactory

from articles.models import Article
from articles.tests.test_settings import run_django
from newsarchive.db_router import ReplicaRouter, current_read_database, reads_from
from newsarchive.replica_health import ReplicaHealth, ReplicaStatus, probe
from newsarchive.replica_reads import PRIMARY_COOKIE, SAFE_METHODS, ReplicaReadsMiddleware, needs_primary

METHODS = ["GET", "HEAD", "OPTIONS", "TRACE", "POST", "PUT", "PATCH", "DELETE"]
SECRET = {"DJANGO_SECRET_KEY": "s" * 60}


def test_replica_urls_become_databases_that_tests_mirror_to_the_primary():
    shown = "print(sorted(s.DATABASES), s.DATABASES['replica2']['TEST']['MIRROR'], s.DATABASES['replica2']['HOST'], s.DATABASE_ROUTERS)"
    result = run_django(
        "shell", "-c", f"from django.conf import settings as s; {shown}",
        extra_env=SECRET | {"DATABASE_REPLICA_URLS": "postgres://u@replica-a/archive, postgres://u@replica-b/archive,"},
    )
    assert result.stdout.strip().splitlines()[-1] == (
        "['default', 'replica1', 'replica2'] default replica-b ['newsarchive.db_router.ReplicaRouter']"
    )


@pytest.mark.parametrize(
    "environment,message",
    [
        ({"DATABASE_REPLICA_URLS": "sqlite:///replica.db"}, "DATABASE_REPLICA_URLS must point at PostgreSQL"),
        (
            {"REPLICA_MAX_LAG_SECONDS": "30", "REPLICA_READ_YOUR_WRITES_SECONDS": "10"},
            "REPLICA_READ_YOUR_WRITES_SECONDS must be at least REPLICA_MAX_LAG_SECONDS",
        ),
    ],
)
def test_replica_settings_that_cannot_work_are_refused_with_their_name(environment, message):
    result = run_django("check", extra_env=SECRET | environment)
    assert result.returncode != 0 and message in result.stderr


@pytest.mark.django_db
@pytest.mark.parametrize("method,signed_in,wrote_lately", list(product(METHODS, [False, True], [False, True])))
def test_only_anonymous_safe_requests_of_browsers_that_did_not_just_write_may_read_a_replica(method, signed_in, wrote_lately):
    request = RequestFactory().generic(method, "/articles/")
    if wrote_lately:
        request.COOKIES[PRIMARY_COOKIE] = "1"
    request.user = User.objects.create_user("curator") if signed_in else AnonymousUser()
    may_use_replica = method in SAFE_METHODS and not signed_in and not wrote_lately
    assert needs_primary(request) is not may_use_replica


def test_the_router_writes_to_the_primary_and_reads_where_the_request_was_sent():
    router = ReplicaRouter()
    assert router.db_for_read(Article) == DEFAULT_DB_ALIAS  # outside a request: commands, workers
    with reads_from("replica1"):
        assert router.db_for_read(Article) == "replica1"
        assert router.db_for_write(Article) == DEFAULT_DB_ALIAS
    assert router.db_for_read(Article) == DEFAULT_DB_ALIAS
    assert router.allow_migrate(DEFAULT_DB_ALIAS, "articles") and not router.allow_migrate("replica1", "articles")


def test_the_choice_ends_with_its_request_even_when_the_request_fails():
    with pytest.raises(ValueError), reads_from("replica1"):
        raise ValueError("view failed")
    assert current_read_database() == DEFAULT_DB_ALIAS


def test_each_thread_reads_where_its_own_request_was_sent():
    seen = {}

    def other_request():
        seen["other"] = current_read_database()

    with reads_from("replica1"):
        thread = threading.Thread(target=other_request)
        thread.start()
        thread.join()
    assert seen == {"other": DEFAULT_DB_ALIAS}


def test_without_replicas_the_middleware_steps_aside():
    with pytest.raises(MiddlewareNotUsed):
        ReplicaReadsMiddleware(lambda request: None)


@pytest.mark.parametrize(
    "status,serves",
    [
        (ReplicaStatus(in_recovery=True, receiving=True, lag_seconds=0.0), True),  # caught up
        (ReplicaStatus(in_recovery=True, receiving=True, lag_seconds=5.0), True),  # at the limit
        (ReplicaStatus(in_recovery=True, receiving=True, lag_seconds=5.1), False),  # behind
        (ReplicaStatus(in_recovery=True, receiving=True, lag_seconds=None), False),  # lag unknown
        (ReplicaStatus(in_recovery=True, receiving=False, lag_seconds=0.0), False),  # cut off from the primary
        (ReplicaStatus(in_recovery=False, receiving=False, lag_seconds=None), False),  # promoted, or a primary
    ],
)
def test_a_replica_serves_reads_only_while_it_follows_the_primary_closely(status, serves):
    assert status.serves_reads(max_lag_seconds=5.0) is serves


@pytest.mark.django_db
def test_a_primary_is_never_taken_for_a_replica():
    status = probe(DEFAULT_DB_ALIAS)
    assert not status.in_recovery and not status.serves_reads(max_lag_seconds=3600)


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class Replica:
    """A replica's answers to probes, in turn; an exception is raised as a failed connection."""

    def __init__(self, *answers):
        self.answers, self.probes = list(answers), 0

    def __call__(self, alias: str) -> ReplicaStatus:
        self.probes += 1
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


FIT = ReplicaStatus(in_recovery=True, receiving=True, lag_seconds=0.1)
LAGGING = ReplicaStatus(in_recovery=True, receiving=True, lag_seconds=60.0)


@pytest.fixture
def replica_timing(settings):
    settings.REPLICA_MAX_LAG_SECONDS, settings.REPLICA_PROBE_SECONDS, settings.REPLICA_COOLDOWN_SECONDS = 5, 1, 10


def test_a_fit_replica_is_probed_once_per_probe_interval(replica_timing):
    clock, replica = Clock(), Replica(FIT, LAGGING)
    health = ReplicaHealth("replica1", probe=replica, clock=clock)
    assert health.usable() and health.usable() and replica.probes == 1
    clock.now = 0.99
    assert health.usable() and replica.probes == 1
    clock.now = 1.0
    assert not health.usable() and replica.probes == 2


@pytest.mark.parametrize("failure", [LAGGING, OperationalError("connection refused")])
def test_a_lagging_or_unreachable_replica_is_left_alone_for_the_cooldown(replica_timing, failure):
    clock, replica = Clock(), Replica(failure, FIT)
    health = ReplicaHealth("replica1", probe=replica, clock=clock)
    assert not health.usable()
    clock.now = 9.9
    assert not health.usable() and replica.probes == 1
    clock.now = 10.0
    assert health.usable() and replica.probes == 2


def test_a_replica_that_fails_a_request_is_left_alone_at_once(replica_timing):
    clock, replica = Clock(), Replica(FIT, FIT)
    health = ReplicaHealth("replica1", probe=replica, clock=clock)
    assert health.usable()
    health.failed()
    clock.now = 9.9
    assert not health.usable() and replica.probes == 1
    clock.now = 10.0
    assert health.usable()
