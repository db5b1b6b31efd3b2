"""The place filter: ?place=<key> narrows the list to articles naming the place, with its facet."""

import pytest

from articles.models import Article, Place
from articles.tests.builders import queries_for

pytestmark = pytest.mark.django_db


def test_the_seed_is_found_by_its_place_and_the_facet_links_to_it(client, imported_seed):
    moscow = Place.objects.get(key="moscow")
    html = client.get("/articles/").content.decode()
    assert 'id="facet-places"' in html and 'href="?place=moscow"' in html
    response = client.get("/articles/?place=moscow")
    assert [article.pk for article in response.context["page"]] == [imported_seed.pk]
    assert f"Địa danh: {moscow.name}" in response.content.decode()
    assert not list(client.get("/articles/?place=tay-phi&country=VN").context["page"])


def test_a_place_the_curator_rejected_no_longer_finds_the_article(client, imported_seed):
    for mention in imported_seed.mentions.filter(place__key="moscow"):
        mention.status = "rejected"
        mention.save()
    assert not list(client.get("/articles/?place=moscow").context["page"])
    assert Article.objects.get().places.filter(key="moscow").count() == 0


def test_filtering_by_place_costs_no_more_queries_than_by_country(client, imported_seed):
    assert queries_for(client, "/articles/?place=moscow") <= queries_for(client, "/articles/?country=RU")
