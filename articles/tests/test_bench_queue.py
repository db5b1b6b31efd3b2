"""`manage.py bench_queue`: real worker processes on the real broker import the same corpus with 1
and 2 workers, each run into an emptied archive. No timing asserts (shared, slow machines)."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from articles.models import Actor, Article, Country, KeyCount, Tag
from tooling.benchmarks.queue_scaling import empty_archive

pytestmark = pytest.mark.django_db(transaction=True)


def test_each_worker_count_imports_the_whole_corpus(tmp_path):
    out = tmp_path / "queue.json"
    call_command("bench_queue", "--articles", "12", "--workers", "1,2", "--json", str(out), stdout=io.StringIO())
    runs = json.loads(out.read_text(encoding="utf-8"))["runs"]

    assert [run["workers"] for run in runs] == [1, 2]
    assert [run["created"] for run in runs] == [12, 12]
    assert all(run["articles_per_s"] > 0 and len(run["load_average"]) == 3 for run in runs)
    assert runs[0]["speedup_over_one"] == 1.0
    assert Article.objects.count() == 12


@pytest.mark.parametrize("workers", ["", "two", "0", "1,-1"])
def test_worker_counts_must_be_whole_and_positive(tmp_path, workers):
    with pytest.raises(CommandError, match="--workers"):
        call_command("bench_queue", "--articles", "5", "--workers", workers, "--json", str(tmp_path / "q.json"))


def test_emptying_the_archive_leaves_no_article_actor_tag_or_count(imported_seed):
    empty_archive()
    assert not Article.objects.exists() and not Actor.objects.exists() and not Tag.objects.exists()
    assert KeyCount.objects.stale() == []
    assert Country.objects.exists()  # reference data stays
