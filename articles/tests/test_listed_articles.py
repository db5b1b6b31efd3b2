"""listed_articles reads a page of articles by id as ArticleQuerySet.for_listing does, in the ids' order."""

import pytest

from articles.listed_articles import listed_articles
from articles.models import Article, Country
from articles.tests.factories import ArticleFactory, TagFactory, attach, country

pytestmark = pytest.mark.django_db


def for_listing_view(article) -> tuple:
    return (article.pk, article.headline, article.published_date, article.listed_countries(), article.listed_tags())


def test_the_page_is_what_for_listing_reads_in_the_order_asked(django_assert_num_queries):
    # The chips in Vietnamese dictionary order (Ấn after An, Đ after D).
    named = [ArticleFactory() for _ in range(4)]
    attach(named[0], country("DE"), country("DM"), country("IN"), country("GB"))
    named[0].tags.add(TagFactory(name="Ấn tượng"), TagFactory(name="An ninh"), TagFactory(name="Đối ngoại"))
    attach(named[1], country("VN"))
    named[2].tags.add(TagFactory(name="Biển Đông"))
    ids = [named[2].pk, named[0].pk, named[3].pk, named[1].pk]
    expected = {article.pk: for_listing_view(article) for article in Article.objects.filter(pk__in=ids).for_listing()}
    with django_assert_num_queries(1):
        listed = listed_articles(ids)
    assert [for_listing_view(article) for article in listed] == [expected[pk] for pk in ids]
    in_name_order = Country.objects.filter(code__in=["DE", "DM", "IN", "GB"]).order_by("name_sort")
    assert [country.code for country in listed[1].listed_countries()] == [country.code for country in in_name_order]
    assert [tag.name for tag in listed[1].listed_tags()] == ["An ninh", "Ấn tượng", "Đối ngoại"]


def test_texts_only_when_asked_and_search_columns_never():
    article = ArticleFactory()
    plain, with_texts = listed_articles([article.pk])[0], listed_articles([article.pk], texts=True)[0]
    assert {"paragraphs", "caption", "search_vector", "filter_keys"} <= plain.get_deferred_fields()
    assert "paragraphs" not in with_texts.get_deferred_fields() and with_texts.paragraphs == article.paragraphs
    assert "search_vector" in with_texts.get_deferred_fields()


def test_no_ids_ask_nothing_and_unknown_ids_are_left_out(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert listed_articles([]) == []
    article = ArticleFactory()
    assert [found.pk for found in listed_articles([article.pk + 1000, article.pk])] == [article.pk]
