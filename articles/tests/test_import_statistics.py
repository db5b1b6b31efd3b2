"""A long import retakes the planner's statistics as it grows the archive's tables."""

import pytest
from django.db import connection

from articles.importer import statistics
from articles.importer.run import import_files
from articles.models import Article
from tooling.synthetic.corpus import write_corpus

pytestmark = pytest.mark.django_db


def test_statistics_are_retaken_each_time_the_import_has_grown_the_archive_enough(tmp_path, monkeypatch):
    write_corpus(tmp_path, 40, seed=3)
    monkeypatch.setattr(statistics, "GROWTH_AT_LEAST", 10)
    monkeypatch.setattr(statistics, "articles_at_last_analyze", lambda: 0)
    report = import_files(sorted(tmp_path.rglob("*.txt")), batch_size=10, workers=0)
    assert report.counts["created"] == 40
    # At 10, 20, 30 and 40 articles: every 10, the floor being above a quarter of what the table held.
    assert report.statistics_taken == 4
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'articles_mention'")
        assert cursor.fetchone()[0] > 0


def test_the_table_size_at_the_last_analyze_is_read_without_counting():
    from articles.tests.factories import ArticleFactory

    ArticleFactory.create_batch(7)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")
    assert statistics.articles_at_last_analyze() == Article.objects.count() == 7


def test_every_table_of_the_archive_is_analyzed():
    tables = statistics.archive_tables()
    assert {"articles_article", "articles_mention", "articles_relatedlink", "articles_article_countries", "articles_keycount"} <= set(tables)


def times_vacuumed(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = %s", [table])
        return cursor.fetchone()[0]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("files, vacuumed", [(40, True), (9, False)])
def test_an_import_of_enough_articles_vacuums_what_it_wrote(tmp_path, monkeypatch, files, vacuumed):
    """Outside a transaction the import VACUUMs what it wrote, which marks the pages all-visible for
    the index-only walks of the date index (once no older transaction can still see them, which a
    test beside others cannot promise); a small import leaves that to autovacuum."""
    write_corpus(tmp_path, files, seed=5)
    monkeypatch.setattr(statistics, "VACUUM_AT_END_AT_LEAST", 10)
    before = {table: times_vacuumed(table) for table in ("articles_article", "articles_mention")}
    report = import_files(sorted(tmp_path.rglob("*.txt")), batch_size=10, workers=0)
    assert report.counts["created"] == files
    for table, times in before.items():
        assert (times_vacuumed(table) > times) is vacuumed, table
