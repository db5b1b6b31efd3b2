"""`import_seeds --queue`: batches through the real RabbitMQ on 127.0.0.1:5672 to a real Celery
worker (in a thread of this process, so it shares the test database)."""

import io
import shutil
from pathlib import Path

import pytest
from celery.contrib.testing.worker import start_worker
from celery.signals import task_postrun
from django.core.management import CommandError, call_command

from articles.models import Actor, Article
from newsarchive.celery import app

GOLD = Path(__file__).parent / "gold"

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(scope="module")
def queue_worker():
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
        yield


@pytest.fixture
def gold_copies(tmp_path) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    for path in sorted(GOLD.glob("*.txt"))[:6]:
        shutil.copy(path, folder / path.name)
    return folder


def run(*args) -> str:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_seeds", *map(str, args), stdout=out, stderr=err)
    return out.getvalue() + err.getvalue()


def test_queued_import_stores_what_a_local_import_stores(queue_worker, gold_copies, monkeypatch):
    monkeypatch.setattr("articles.queued_import.BATCH_SIZE", 2)  # three batches, three tasks
    handled = []
    task_postrun.connect(lambda sender, **kwargs: handled.append(kwargs["retval"]), weak=False, dispatch_uid="count")
    try:
        out = run(gold_copies, "--queue")
    finally:
        task_postrun.disconnect(dispatch_uid="count")
    assert "files: 6, created: 6" in out
    assert [sum(report["counts"].values()) for report in handled] == [2, 2, 2]
    queued = {a.content_hash: (a.headline, sorted(a.filter_keys)) for a in Article.objects.all()}
    actors = set(Actor.objects.values_list("name", flat=True))

    Article.objects.all().delete()
    Actor.objects.all().delete()
    assert "created: 6" in run(gold_copies)
    local = {a.content_hash: a.headline for a in Article.objects.all()}
    assert {digest: headline for digest, (headline, _) in queued.items()} == local
    assert set(Actor.objects.values_list("name", flat=True)) == actors


def test_queued_import_twice_changes_nothing(queue_worker, gold_copies):
    run(gold_copies, "--queue")
    assert "unchanged: 6" in run(gold_copies, "--queue")
    assert Article.objects.count() == 6


def test_a_bad_file_is_named_and_the_others_import(queue_worker, gold_copies):
    (gold_copies / "broken.txt").write_bytes(b"\x00\x01 not text \xff" * 10)
    with pytest.raises(CommandError, match="1 file"):
        out = io.StringIO()
        call_command("import_seeds", str(gold_copies), "--queue", stdout=out, stderr=out)
    assert "broken.txt" in out.getvalue()
    assert Article.objects.count() == 6


def test_an_unreachable_queue_is_named_and_nothing_is_written(gold_copies, monkeypatch):
    monkeypatch.setattr(app.conf, "broker_url", "amqp://guest:guest@127.0.0.1:1//")
    with pytest.raises(CommandError, match=r"cannot reach the task queue at amqp://guest:\*\*@127.0.0.1:1//"):
        run(gold_copies, "--queue")
    assert Article.objects.count() == 0
