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


def test_a_parameter_bound_in_several_places_takes_the_value_in_each():
    by_slug, by_headline = ArticleFactory(slug="mot", headline="hai"), ArticleFactory(slug="ba", headline="mot")
    either = CompiledQuery(lambda value: Article.objects.filter(slug=value) | Article.objects.filter(headline=value))
    assert {found.pk for found in either.rows("mot", "default")} == {by_slug.pk, by_headline.pk}
    assert either.rows("hai", "default")[0].pk == by_slug.pk


def test_a_shape_must_bind_its_parameter():
    with pytest.raises(ImproperlyConfigured, match="must bind its parameter"):
        CompiledQuery(lambda slug: Article.objects.all()).rows("x", "default")
