"""`import_seeds --queue`: batches through the real RabbitMQ on 127.0.0.1:5672 to a real Celery
worker (in a thread of this process, so it shares the test database)."""

import io
import shutil
import uuid
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
    # A queue of this run's own: another test run (or worker) on the same broker would otherwise
    # take these batches into its own database and this run would wait for them forever.
    queue = f"test-import-{uuid.uuid4().hex}"
    default_queue = app.conf.task_default_queue
    app.conf.task_default_queue = queue
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30, queues=[queue]):
            yield
    finally:
        app.conf.task_default_queue = default_queue


@pytest.fixture
def gold_copies(tmp_path, settings) -> Path:
    settings.IMPORT_QUEUE_ROOTS = [tmp_path.resolve()]
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
    monkeypatch.setattr("articles.importer.queue.BATCH_SIZE", 2)  # three batches, three tasks
    handled = []
    task_postrun.connect(lambda sender, **kwargs: handled.append(kwargs["retval"]), weak=False, dispatch_uid="count")
    try:
        out = run(gold_copies, "--queue")
    finally:
        task_postrun.disconnect(dispatch_uid="count")
    assert "files: 6, created: 6" in out
    assert [sum(report["counts"].values()) for report in handled] == [2, 2, 2]
    queued = stored_articles()

    Article.objects.all().delete()
    Actor.objects.all().delete()
    assert "created: 6" in run(gold_copies)
    assert stored_articles() == queued


def stored_articles() -> dict:
    """Per article: headline, source file and filter keys with actor ids replaced by names."""
    names = {f"a:{pk}": f"a:{name}" for pk, name in Actor.objects.values_list("pk", "name")}
    return {
        article.content_hash: (article.headline, article.source_file, sorted(names.get(k, k) for k in article.filter_keys))
        for article in Article.objects.all()
    }


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


def test_files_outside_the_queue_roots_are_refused_before_anything_is_sent(tmp_path, settings):
    settings.IMPORT_QUEUE_ROOTS = [(tmp_path / "allowed").resolve()]
    (tmp_path / "elsewhere").mkdir()
    shutil.copy(sorted(GOLD.glob("*.txt"))[0], tmp_path / "elsewhere" / "a.txt")
    with pytest.raises(CommandError, match=r"elsewhere/a.txt is not under the folders queue workers may read"):
        run(tmp_path / "elsewhere", "--queue")
    assert Article.objects.count() == 0


def test_a_worker_refuses_a_message_naming_files_outside_its_roots(queue_worker, gold_copies):
    """Whoever can publish to the broker still cannot make a worker import /etc/passwd."""
    from articles.tasks import import_batch

    with pytest.raises(PermissionError, match="/etc/passwd"):
        import_batch.apply_async((["/etc/passwd"],)).get(timeout=30)
    assert Article.objects.count() == 0
