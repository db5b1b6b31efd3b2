"""Every page and export runs a fixed number of queries, whatever the number of rows it lists."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Actor, Article, Mention, RelatedLink, Tag
from articles.tests.builders import linked_articles, queries_for
from articles.tests.clients import client_for
from articles.tests.factories import ActorFactory, ArticleFactory, country

pytestmark = pytest.mark.django_db

# (url, queries): the count is exact, so a new query per row or a lost prefetch shows.
URLS = [
    ("/", 6),
    # The window's start (from the monthly counts), the ids, the page with its countries and tags,
    # the facets from the filter keys and the months.
    ("/articles/", 5),
    # Three filter lookups, the search window's start (from the monthly counts), the matches,
    # their ids by relevance, the page with its countries and tags, the facets from the filter keys
    # (one query) and the months.
    ("/articles/?q=ngoai+truong&country=RU&actor=sergey-lavrov&tag=quan-he-nga-mali&date_after=2020-01-01", 9),
    ("/articles/?q=ngoai+truong", 6),
    # A word naming a country, place or actor costs one query more: its filter keys.
    ("/articles/?q=lavrov", 7),
    ("/articles/?q=Li%C3%AAn+bang+Nga", 7),
    # Sorted by date, the matches are in order already.
    ("/articles/?q=ngoai+truong&sort=newest", 5),
    ("/articles/?sort=oldest&page=2", 5),
    ("/articles/feed/?country=RU", 2),
    ("/articles.json?country=ml", 8),
    ("/articles.csv", 6),
    ("/actors/", 2),
    ("/actors/?q=lavrov&kind=person", 2),
    # The actor, its monthly counts, its quotes, its newest articles' ids, then those articles.
    ("/actors/sergey-lavrov/", 5),
    ("/countries/", 1),
    ("/countries/RU/", 7),
    ("/relations/ML-RU/", 5),
    ("/tags/", 1),
    ("/tags/quan-he-nga-mali/", 4),
    ("/charts/timeline.svg?country=RU", 2),
    ("/charts/world.svg", 1),
]


def queries_with(client, url, count):
    Article.objects.all().delete()
    Actor.objects.all().delete()
    Tag.objects.all().delete()
    linked_articles(count)
    return queries_for(client, url)


@pytest.mark.parametrize("url,queries", URLS)
def test_query_count_does_not_grow_with_the_rows(client, url, queries):
    few, many = queries_with(client, url, 2), queries_with(client, url, 30)
    assert few == many
    assert many == queries


def test_article_page_query_count_does_not_grow_with_mentions(client, django_assert_max_num_queries):
    [article] = linked_articles(1)
    url = article.get_absolute_url()
    few = queries_for(client, url)
    actor = article.actors.get()
    Mention.objects.bulk_create(
        Mention(article=article, kind="actor", actor=actor, surface="x", paragraph=1, start=i, end=i + 1)
        for i in range(30)
    )
    with django_assert_max_num_queries(few):
        assert client.get(url).status_code == 200


# Columns only matching, search and the admin read: a page that names and links entities has no use
# for them, and each row's JSON lists cost a decode.
UNREAD_ON_THE_ARTICLE_PAGE = ('"aliases"', '"seats"', '"titles"', '"name_folded"', '"search_text"', '"search_folded"')


def test_article_page_reads_no_matching_columns_and_joins_no_article_for_ordering(client):
    [article] = linked_articles(1)
    target = ArticleFactory()
    RelatedLink.objects.create(article=article, title=target.headline, target=target)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(article.get_absolute_url()).status_code == 200
    statements = [query["sql"] for query in captured]
    assert not [(column, sql) for sql in statements for column in UNREAD_ON_THE_ARTICLE_PAGE if column in sql]
    # Mentions, quotes and related links are ordered by their article's id, not by a join to the
    # article's own ordering.
    assert not [sql for sql in statements if 'INNER JOIN "articles_article"' in sql]
    assert sum('"articles_article"."paragraphs"' in sql or '."paragraphs"' in sql for sql in statements) == 1


def test_every_model_change_has_its_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_admin_article_change_page_query_count_does_not_grow_with_mentions(superuser):
    """Each mention row labels its actor, country or place from the inline's own query."""
    client = client_for(superuser)
    [article] = linked_articles(1)
    article.paragraphs = ["Nga và Mali hợp tác, Ngoại trưởng Lavrov nói."]
    article.save()
    url = reverse("admin:articles_article_change", args=[article.pk])
    queries_for(client, url)  # the first visit also writes the session
    few = queries_for(client, url)
    codes = ("ML", "RU", "FR", "US", "VN", "JP", "CN", "DE", "GB", "IN")
    Mention.objects.bulk_create(
        [Mention(article=article, kind="actor", actor=ActorFactory(), surface="Nga", start=0, end=3) for _ in codes]
        + [Mention(article=article, kind="country", country=country(c), surface="Mali", start=7, end=11) for c in codes]
    )
    assert queries_for(client, url) == few
