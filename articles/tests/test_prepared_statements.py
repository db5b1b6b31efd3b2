"""The shapes whose plan cannot depend on their values are prepared on the server and keep a generic
plan; every other statement is planned for its values; a PgBouncer setup can turn preparing off."""

import pytest
from django.conf import settings
from django.db import DatabaseError, connection

from articles.compiled_query import CompiledQuery
from articles.models import Article
from articles.reused_plans import reusing_plans
from articles.tests.factories import ArticleFactory
from articles.tests.test_settings import run_django

SHOW_OPTIONS = "from django.conf import settings; print(sorted(settings.DATABASES['default']['OPTIONS']))"


def prepared_statements() -> list[tuple[str, int]]:
    """(statement, generic plans run) on this connection."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement, generic_plans FROM pg_prepared_statements")
        return cursor.fetchall()


@pytest.mark.django_db
def test_a_query_run_inside_reusing_plans_is_prepared_on_the_server():
    article = ArticleFactory()
    for _ in range(3):
        with reusing_plans("default"):
            assert Article.objects.filter(slug=article.slug).exists()
    assert any('"articles_article"."slug" = $' in statement for statement, _ in prepared_statements())


@pytest.mark.django_db
def test_queries_elsewhere_are_not_prepared_so_each_is_planned_for_its_values():
    """A generic plan (PostgreSQL's choice after five runs of a prepared statement) took a search of
    every article from 140 ms to 2 s at a million articles: its best plan depends on the words."""
    article = ArticleFactory()
    for _ in range(8):
        assert Article.objects.filter(headline=article.headline).exists()
    assert not any('"articles_article"."headline" = $' in statement for statement, _ in prepared_statements())
    with reusing_plans("default"):
        assert Article.objects.filter(slug=article.slug).exists()
    assert connection.connection.prepare_threshold is None


@pytest.mark.django_db
def test_the_article_page_and_a_lists_articles_run_on_reused_plans_and_searches_on_their_own(client):
    articles = ArticleFactory.create_batch(8)
    for article in articles:
        assert client.get(f"/articles/{article.slug}/").status_code == 200
        assert client.get("/articles/", {"q": article.headline.split()[-1]}).status_code == 200
    statements = prepared_statements()
    page = [generic for statement, generic in statements if "page_mentions" in statement]
    assert page and page[0] > 0, statements
    # Prepared; whether a generic plan pays for a page of one article is PostgreSQL's choice.
    assert any("listed_country_fields" in statement for statement, _ in statements), statements
    assert not any("to_tsquery" in statement for statement, _ in statements), statements


@pytest.mark.django_db
def test_a_compiled_query_is_prepared_only_when_its_plan_may_be_reused():
    article = ArticleFactory()
    by_headline = CompiledQuery(lambda headline: Article.objects.filter(headline=headline))
    by_slug = CompiledQuery(lambda slug: Article.objects.filter(slug=slug), reuse_plan=True)
    for _ in range(3):
        assert by_headline.rows(article.headline, "default") and by_slug.rows(article.slug, "default")
    statements = [statement for statement, _ in prepared_statements()]
    assert any('"articles_article"."slug" = $' in statement for statement in statements), statements
    assert not any('"articles_article"."headline" = $' in statement for statement in statements), statements


@pytest.mark.django_db(transaction=True)
def test_a_prepared_statement_that_fails_closes_the_connection_and_the_next_visit_works(client):
    """Dropped behind psycopg's back (here by DEALLOCATE ALL; after a migration, "cached plan
    must not change result type"), the statement would otherwise fail on every later visit."""
    article = ArticleFactory()
    address = f"/articles/{article.slug}/"
    assert client.get(address).status_code == 200
    connection.ensure_connection()
    broken = connection.connection
    broken.execute("DEALLOCATE ALL")
    with pytest.raises(DatabaseError):
        client.get(address)
    # Closed, not handed back to the pool, which lends its connections in turn: every later
    # visit, more than the pool holds, works.
    assert broken.closed
    for _ in range(2 * settings.DATABASES["default"]["OPTIONS"]["pool"]["max_size"]):
        assert client.get(address).status_code == 200


@pytest.mark.parametrize("flag,expected", [("1", True), ("0", False)])
def test_the_environment_turns_prepared_statements_on_and_off(flag, expected):
    result = run_django(
        "shell", "-c", SHOW_OPTIONS, extra_env={"DJANGO_SECRET_KEY": "s" * 60, "DJANGO_DB_PREPARED_STATEMENTS": flag}
    )
    options = result.stdout.strip().splitlines()[-1]
    assert ("'server_side_binding'" in options) is expected, result.stderr


@pytest.mark.django_db
def test_connections_sort_and_build_bitmaps_in_32_mb():
    """With PostgreSQL's 4 MB a common word's bitmap in the search window went lossy and the
    search rechecked every article of 9,500 pages (331 ms against 84–107 ms at a million)."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW work_mem")
        assert cursor.fetchone()[0] == "32MB"


@pytest.mark.django_db
def test_a_full_page_of_a_list_runs_on_a_reused_plan(client):
    ArticleFactory.create_batch(25)
    for _ in range(8):
        assert client.get("/articles/").status_code == 200
    listed = [generic for statement, generic in prepared_statements() if "listed_country_fields" in statement]
    assert listed and listed[0] > 0, prepared_statements()
