"""Every page and export runs a fixed number of queries, whatever the number of rows it lists."""

import pytest

from articles.models import Actor, Article, Mention, Tag
from articles.tests.builders import linked_articles, queries_for

pytestmark = pytest.mark.django_db

# (url, queries): the count is exact, so a new query per row or a lost prefetch shows.
URLS = [
    ("/", 8),
    ("/articles/", 6),
    # Three filter lookups, the search window's start (cached between imports), the matches,
    # the page, its prefetches, the facets from the filter keys (one query) and the months.
    ("/articles/?q=ngoai+truong&country=RU&actor=sergey-lavrov&tag=quan-he-nga-mali&date_after=2020-01-01", 10),
    ("/articles/?q=ngoai+truong", 7),
    # A word naming a country, place or actor costs one query more: its filter keys.
    ("/articles/?q=lavrov", 8),
    ("/articles/?q=Li%C3%AAn+bang+Nga", 8),
    ("/articles/?sort=oldest&page=2", 6),
    ("/articles/feed/?country=RU", 4),
    ("/articles.json?country=ml", 8),
    ("/articles.csv", 6),
    ("/actors/", 2),
    ("/actors/?q=lavrov&kind=person", 2),
    ("/actors/sergey-lavrov/", 6),
    ("/countries/", 1),
    ("/countries/RU/", 8),
    ("/relations/ML-RU/", 7),
    ("/tags/", 1),
    ("/tags/quan-he-nga-mali/", 6),
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
