"""CompiledQuery runs a queryset shape compiled once with each new parameter, as the ORM would."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from articles.compiled_query import CompiledQuery
from articles.models import Article
from articles.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_each_run_finds_what_the_orm_finds_for_its_own_value(django_assert_num_queries):
    articles = ArticleFactory.create_batch(3)
    by_slug = CompiledQuery(lambda slug: Article.objects.filter(slug=slug).exclude(headline=""))
    for article in [*articles, *articles]:
        with django_assert_num_queries(1):
            assert [found.pk for found in by_slug.rows(article.slug, "default")] == [article.pk]
    assert by_slug.rows("no-such-article", "default") == []


@pytest.mark.parametrize(
    "build",
    [
        lambda slug: Article.objects.all(),  # the parameter is not bound at all
        lambda slug: Article.objects.filter(slug=slug) | Article.objects.filter(headline=slug),  # twice
    ],
)
def test_a_shape_must_bind_its_parameter_exactly_once(build):
    with pytest.raises(ImproperlyConfigured, match="exactly once"):
        CompiledQuery(build).rows("x", "default")
