"""Lists bounded to a window of the newest (oldest) months give the rows an unbounded query gives,
whatever the filters' frequencies, undated articles and ties."""

import datetime
import random

import pytest

from articles.models import Article, KeyCount
from articles.search import selection
from articles.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

KEYS = ["c:FR", "c:US", "a:1", "a:2", "t:3"]


def random_archive(rng: random.Random, size: int):
    for _ in range(size):
        # Many on the first of a month: the windows start there.
        month = rng.randrange(18)
        published = None if rng.random() < 0.1 else datetime.date(2023 + month // 12, 1 + month % 12, rng.choice([1, 1, 15, 28]))
        article = ArticleFactory(published=published)
        keys = sorted({key for key in KEYS if rng.random() < {"c": 0.6, "a": 0.25, "t": 0.05}[key[0]]})
        Article.objects.filter(pk=article.pk).update(filter_keys=keys)


@pytest.mark.parametrize("seed", range(3))
def test_an_entitys_newest_articles_are_the_newest_of_all_its_articles(seed):
    rng = random.Random(seed)
    random_archive(rng, 60)
    for key in KEYS:
        months = KeyCount.objects.months(key)
        everything = Article.objects.with_filter_keys([key]).newest_first()
        for count in (1, 3, 10, 100):
            shown = [article.pk for article in selection.newest_with_key(key, months, count)]
            assert shown == list(everything.values_list("pk", flat=True)[:count]), (key, count)


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_a_filtered_list_from_the_window_is_the_list_of_everything(monkeypatch, seed, sort):
    """Windows of a few articles: common filters are answered from the window, rare ones and
    undated articles from everything, and the ids are the unbounded ones either way."""
    rng = random.Random(seed)
    random_archive(rng, 60)
    monkeypatch.setattr(selection, "SEARCH_WINDOW", 12)
    monkeypatch.setattr(selection, "LIST_LIMIT", 4)
    monkeypatch.setattr(selection, "SEARCH_CANDIDATES", 4)
    for keys in (["c:US"], ["c:FR", "c:US"], ["c:US", "a:1"], ["a:1", "a:2"], ["t:3"], ["c:FR", "a:2", "t:3"]):
        filtered = Article.objects.with_filter_keys(keys)
        by_date = filtered.oldest_first() if sort == "oldest" else filtered.newest_first()
        listing = selection.bounded_list(filtered, sort)
        assert listing.page_source.ids == list(by_date.values_list("pk", flat=True)[:4]), keys


@pytest.mark.parametrize("query", ["-hợp", "!!!", "-"])
def test_a_search_that_keeps_no_words_lists_nothing_when_the_window_applies(client, monkeypatch, query):
    """Only excluded words or punctuation: the search matches nothing without asking PostgreSQL,
    which the window's one statement must not try to compile (a 500 once the archive was large)."""
    random_archive(random.Random(1), 20)
    monkeypatch.setattr(selection, "SEARCH_WINDOW", 5)
    assert selection.window_start(False) is not None
    response = client.get("/articles/", {"q": query})
    assert response.status_code == 200
    assert selection.bounded_search(Article.objects.search(query), query, "relevance").total == 0
