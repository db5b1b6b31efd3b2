"""The article page's one query reads what the ORM's relations hold, in the same order."""

import pytest

from articles.article_page import read_article_page
from articles.markup import Highlight
from articles.models import Mention, Place, Quote, RelatedLink
from articles.tests.builders import queries_for
from articles.tests.factories import ActorFactory, ArticleFactory, TagFactory, attach, country

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    """An article with every kind of mention (one rejected), actors with and without a country,
    quotes with and without a speaker, related links with and without a target, and two relations."""
    article = ArticleFactory(caption="Nga, Mali và Paris", paragraphs=["Lavrov gặp Diop ở Tây Phi.", "Không rõ ai nói."])
    lavrov = ActorFactory(name="Sergey Lavrov", country=country("RU"))
    diop = ActorFactory(name="Abdoulaye Diop")
    west_africa = Place.objects.create(key="tay-phi-test", name="Tây Phi")
    paris = Place.objects.create(key="paris-test", name="Paris", country=country("FR"))
    attach(article, country("RU"), country("ML"), country("VN"), lavrov, diop, relations=("ML-RU", "RU-VN"))
    article.tags.add(TagFactory(name="Quan hệ Nga-Mali"), TagFactory(name="An ninh"))
    mentions = [
        ("body", 0, 0, 6, "actor", {"actor": lavrov}, "reviewed"),
        ("body", 0, 11, 15, "actor", {"actor": diop}, "pending"),
        ("body", 0, 19, 25, "place", {"place": west_africa}, "pending"),
        ("caption", 0, 0, 3, "country", {"country": country("RU")}, "pending"),
        ("caption", 0, 5, 9, "country", {"country": country("ML")}, "rejected"),
        ("caption", 0, 13, 18, "place", {"place": paris}, "reviewed"),
    ]
    for section, paragraph, start, end, kind, target, status in mentions:
        text = article.caption if section == "caption" else article.paragraphs[paragraph]
        Mention.objects.create(
            article=article, section=section, paragraph=paragraph, start=start, end=end, kind=kind,
            surface=text[start:end], status=status, **target,
        )
    Quote.objects.create(article=article, speaker=lavrov, text="Lavrov gặp Diop", paragraph=0, start=0, end=15)
    Quote.objects.create(article=article, speaker=None, text="Không rõ ai nói", paragraph=1, start=0, end=15)
    RelatedLink.objects.create(article=article, position=1, title="Tin chưa lưu", snippet="Đoạn trích")
    RelatedLink.objects.create(article=article, position=0, title="Tin đã lưu", target=ArticleFactory())
    return article


def test_every_list_holds_what_the_relations_hold_in_order(article):
    page = read_article_page(article.slug, using="default")
    assert page.article.pk == article.pk and page.article.paragraphs == article.paragraphs
    assert [(c.code, c.name_vi, c.name_en) for c in page.countries] == [
        (c.code, c.name_vi, c.name_en) for c in article.countries.order_by("name_sort")
    ]
    assert [(a.slug, a.name, a.kind, a.country_id) for a in page.actors] == [
        (a.slug, a.name, a.kind, a.country_id) for a in article.actors.order_by("name_sort")
    ]
    assert [a.country.name_vi for a in page.actors if a.country] == ["Nga"]
    assert [(t.pk, t.name, t.slug) for t in page.tags] == [(t.pk, t.name, t.slug) for t in article.tags.order_by("name_sort")]
    assert sorted((r.first_id, r.second_id, r.first.name_vi) for r in page.relations) == sorted(
        (r.first_id, r.second_id, r.first.name_vi) for r in article.relations.all()
    )
    assert [(q.text, q.speaker and q.speaker.slug) for q in page.quotes] == [
        (q.text, q.speaker and q.speaker.slug) for q in article.quotes.all()
    ]
    assert [(link.title, link.snippet, link.target and link.target.slug) for link in page.related_links] == [
        (link.title, link.snippet, link.target and link.target.slug) for link in article.related_links.all()
    ]


def test_highlights_are_the_visible_mentions_with_their_links(article):
    highlights = read_article_page(article.slug, using="default").highlights
    assert highlights[("body", 0)] == [
        Highlight(0, 6, "actor", "/actors/sergey-lavrov/", "Sergey Lavrov"),
        Highlight(11, 15, "actor", "/actors/abdoulaye-diop/", "Abdoulaye Diop"),
        Highlight(19, 25, "place", None, "Tây Phi"),
    ]
    # The rejected Mali mention is not shown; Paris links its country.
    assert highlights[("caption", 0)] == [
        Highlight(0, 3, "country", "/countries/RU/", "Nga"),
        Highlight(13, 18, "place", "/countries/FR/", "Paris"),
    ]


def test_an_unknown_slug_has_no_page(client):
    assert read_article_page("no-such-article", using="default") is None
    assert client.get("/articles/no-such-article/").status_code == 404


def test_the_page_is_one_query_for_a_reader(client, article):
    assert queries_for(client, article.get_absolute_url()) == 1
