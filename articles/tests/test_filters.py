"""The article list's filters, facets and their links."""

import datetime
import re

import pytest

from articles.tests.builders import linked_articles
from articles.tests.factories import ActorFactory, ArticleFactory, TagFactory, country, attach

pytestmark = pytest.mark.django_db


def headlines(response):
    return [article.headline for article in response.context["page"]]


@pytest.fixture
def three_articles():
    both = ArticleFactory(headline="Nga và Mali", published=datetime.date(2021, 11, 11))
    russia = ArticleFactory(headline="Chỉ Nga", published=datetime.date(2021, 10, 2))
    france = ArticleFactory(headline="Chỉ Pháp", published=datetime.date(2020, 5, 1))
    attach(both, country("RU"), country("ML"))
    attach(russia, country("RU"))
    attach(france, country("FR"))
    return both, russia, france


def test_every_country_must_match_and_codes_take_any_case(client, three_articles):
    assert headlines(client.get("/articles/?country=RU")) == ["Nga và Mali", "Chỉ Nga"]
    assert headlines(client.get("/articles/?country=ru&country=ml")) == ["Nga và Mali"]


def test_actor_and_tag_filters(client):
    lavrov = ActorFactory(name="Sergey Lavrov")
    tag = TagFactory(name="Hợp tác quân sự")
    tagged, named, _ = ArticleFactory.create_batch(3)
    tagged.tags.add(tag)
    attach(tagged, lavrov)
    attach(named, lavrov)
    assert headlines(client.get("/articles/?actor=sergey-lavrov")) == [named.headline, tagged.headline]
    assert headlines(client.get("/articles/?actor=sergey-lavrov&tag=hop-tac-quan-su")) == [tagged.headline]


def test_date_range_and_sort(client, three_articles):
    url = "/articles/?date_after=2021-01-01&date_before=2021-10-31"
    assert headlines(client.get(url)) == ["Chỉ Nga"]
    assert headlines(client.get("/articles/?sort=oldest")) == ["Chỉ Pháp", "Chỉ Nga", "Nga và Mali"]
    assert headlines(client.get("/articles/?sort=newest")) == ["Nga và Mali", "Chỉ Nga", "Chỉ Pháp"]


@pytest.mark.parametrize(
    "query",
    [
        "date_after=not-a-date",
        "date_before=2021-13-45",
        "country=XX",
        "country=<b>x</b>",
        "actor=nobody",
        "sort=<script>",
        "q=" + "x" * 500,
    ],
)
def test_bad_filters_give_the_normal_page_with_a_message(client, three_articles, query):
    response = client.get(f"/articles/?{query}")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="filter-errors"' in html
    assert "<b>x</b>" not in html and "<script>" not in html
    # The invalid filter is left out; the valid rest still applies.
    assert len(headlines(response)) == 3


@pytest.mark.parametrize("page", ["99999", "0", "-1", "abc", "1.5", "<script>"])
def test_any_page_number_gives_a_page(client, page):
    ArticleFactory.create_batch(25)
    response = client.get("/articles/", {"page": page})
    assert response.status_code == 200
    assert response.context["page"].number in (1, 2)


def test_facets_count_within_the_filtered_list_and_add_their_filter(client, three_articles):
    response = client.get("/articles/?country=RU")
    facets = response.context["facets"]
    assert {(facet.item.code, facet.count) for facet in facets["countries"]} == {("ML", 1)}
    [mali] = facets["countries"]
    assert mali.url == "?country=RU&country=ML"
    assert [(facet.item, facet.count) for facet in facets["months"]] == [
        (datetime.date(2021, 11, 1), 1),
        (datetime.date(2021, 10, 1), 1),
    ]
    assert facets["months"][0].url == "?country=RU&date_after=2021-11-01&date_before=2021-11-30"
    html = response.content.decode()
    assert 'id="facets"' in html and 'href="?country=RU&amp;country=ML"' in html


def test_facets_follow_the_search_and_drop_the_page(client):
    linked_articles(25)
    ArticleFactory(headline="Bài khác hẳn")
    response = client.get("/articles/?q=ngoai+truong&page=2")
    [tag] = response.context["facets"]["tags"]
    assert tag.count == 25
    assert tag.url == "?q=ngoai+truong&tag=quan-he-nga-mali"


def test_active_filters_can_be_removed_one_by_one(client, three_articles):
    response = client.get("/articles/?country=ru&country=ML&q=nga")
    removals = {(active.name, active.remove_url) for active in response.context["active_filters"]}
    assert removals == {
        ("q", "?country=ru&country=ML"),
        ("country", "?country=ML&q=nga"),
        ("country", "?country=ru&q=nga"),
    }


def test_list_links_its_feed_and_exports_with_the_same_filters(client, three_articles):
    html = client.get("/articles/?country=RU&page=1").content.decode()
    for url in ("/articles/feed/?country=RU", "/articles.json?country=RU", "/articles.csv?country=RU"):
        assert f'href="{url}"' in html


def test_hidden_inputs_keep_the_chosen_facets_when_the_form_is_sent(client, three_articles):
    html = client.get("/articles/?country=RU&tag=x").content.decode()
    assert '<input type="hidden" name="country" value="RU"' in html


def test_date_inputs_keep_iso_values_for_the_date_picker(client, three_articles):
    html = client.get("/articles/?date_after=2021-01-31").content.decode()
    assert 'type="date" name="date_after" value="2021-01-31"' in html


@pytest.mark.parametrize("typed", ["not-a-date", "31/31/2021", "2021-13-45", "2021-02-30", "2021-1-5", " ", "<b>"])
@pytest.mark.parametrize("name", ["date_after", "date_before"])
def test_a_date_that_is_not_one_is_never_echoed_into_the_date_picker(client, typed, name):
    html = client.get("/articles/", {name: typed}).content.decode()
    (picker,) = re.findall(rf'<input type="date" name="{name}"[^>]*>', html)
    assert "value=" not in picker


def test_facet_counts_from_the_filter_keys_match_counts_through_the_relations(client):
    """The one-query facets (Article.key_counts) give what counting each relation gives."""
    from articles.models import Actor, Article, Country, Tag

    lavrov, diop = ActorFactory(name="Sergey Lavrov"), ActorFactory(name="Abdoulaye Diop")
    tag = TagFactory(name="An ninh")
    for n in range(7):
        article = ArticleFactory()
        attach(article, country("RU"), *([country("ML"), diop] if n % 2 else [lavrov]), *([country("FR")] if n % 3 == 0 else []))
        if n < 4:
            article.tags.add(tag)
    facets = client.get("/articles/?country=RU").context["facets"]
    articles = Article.objects.filter(countries="RU")
    expected = {
        "countries": {c.code: c.article_count for c in Country.objects.counted_in(articles).exclude(code="RU")},
        "actors": {a.slug: a.article_count for a in Actor.objects.counted_in(articles)},
        "tags": {t.slug: t.article_count for t in Tag.objects.counted_in(articles)},
    }
    got = {
        "countries": {item.item.code: item.count for item in facets["countries"]},
        "actors": {item.item.slug: item.count for item in facets["actors"]},
        "tags": {item.item.slug: item.count for item in facets["tags"]},
    }
    assert got == expected
    assert [item.count for item in facets["countries"]] == sorted((item.count for item in facets["countries"]), reverse=True)
