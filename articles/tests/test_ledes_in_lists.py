"""Every list of articles shows each article's lede under its headline, from the stored column:
no list reads the body for it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.tests.builders import linked_articles

pytestmark = pytest.mark.django_db

LISTS = ["/", "/articles/", "/articles/?q=hop+tac", "/countries/RU/", "/actors/sergey-lavrov/", "/relations/ML-RU/", "/tags/quan-he-nga-mali/"]


@pytest.fixture
def article():
    [article] = linked_articles(1)
    article.paragraphs = ["Hai bên khẳng định tiếp tục hợp tác quốc phòng. Câu thứ hai không hiện."]
    article.save()
    return article


@pytest.mark.parametrize("path", LISTS)
def test_each_list_shows_the_lede_and_reads_no_body(client, article, path):
    with CaptureQueriesContext(connection) as captured:
        html = client.get(path).content.decode()
    assert '<p class="article-item-lede" lang="vi">Hai bên khẳng định tiếp tục hợp tác quốc phòng.</p>' in html, path
    # The list's own query, from the article table (the actor page's quotes bring their articles).
    article_reads = [q["sql"] for q in captured if ' FROM "articles_article"' in q["sql"] and '"articles_article"."lede"' in q["sql"]]
    assert article_reads, path
    if "?q=" not in path:  # search results read the body for their snippets, as before
        assert "Câu thứ hai không hiện" not in html
        assert not [sql for sql in article_reads if '"articles_article"."paragraphs"' in sql], path
