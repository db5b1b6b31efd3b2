"""Pages' repeated query shapes are prepared on the server, and a PgBouncer setup can turn that off."""

import pytest
from django.db import connection

from articles.models import Article
from articles.tests.factories import ArticleFactory
from articles.tests.test_settings import run_django

SHOW_OPTIONS = "from django.conf import settings; print(sorted(settings.DATABASES['default']['OPTIONS']))"


@pytest.mark.django_db
def test_a_query_run_again_on_a_connection_is_prepared_on_the_server():
    article = ArticleFactory()
    for _ in range(3):
        assert Article.objects.filter(slug=article.slug).exists()
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any('"articles_article"."slug" = $' in statement for statement in prepared), prepared


@pytest.mark.parametrize("flag,expected", [("1", True), ("0", False)])
def test_the_environment_turns_prepared_statements_on_and_off(flag, expected):
    result = run_django(
        "shell", "-c", SHOW_OPTIONS, extra_env={"DJANGO_SECRET_KEY": "s" * 60, "DJANGO_DB_PREPARED_STATEMENTS": flag}
    )
    options = result.stdout.strip().splitlines()[-1]
    assert ("'prepare_threshold'" in options and "'server_side_binding'" in options) is expected, result.stderr


@pytest.mark.django_db
def test_prepared_statements_are_always_planned_for_their_values():
    """A generic plan (PostgreSQL's choice after five runs of a statement) took a search of every
    article from 140 ms to 2 s at a million articles: its best plan depends on the words."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW plan_cache_mode")
        assert cursor.fetchone()[0] == "force_custom_plan"


@pytest.mark.django_db
def test_connections_sort_and_build_bitmaps_in_32_mb():
    """With PostgreSQL's 4 MB a common word's bitmap in the search window went lossy and the
    search rechecked every article of 9,500 pages (331 ms against 84–107 ms at a million)."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW work_mem")
        assert cursor.fetchone()[0] == "32MB"
