"""Every kind of feed names its filter: a title of its own, a subtitle in words and rel=self with
the query string it was subscribed with."""

import re
import xml.etree.ElementTree as ElementTree
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from articles.models import Place
from articles.tests.builders import linked_articles

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"

# Per filter parameter of the article list: a value and the words its feed's title must hold.
FEED_KINDS = {
    "": ("", "Lưu trữ tin đối ngoại"),
    "q": ("?q=hợp+tác", "Từ khóa: “hợp tác”"),
    "country": ("?country=ML", "Quốc gia: Mali"),
    "actor": ("?actor=sergey-lavrov", "Nhân vật: Sergey Lavrov"),
    "tag": ("?tag=quan-he-nga-mali", "Chủ đề: #Quan hệ Nga-Mali"),
    "place": ("?place=moscow", "Địa danh: Moscow"),
    "source": ("?source=TASS", "Nguồn: TASS"),
    "date_after": ("?date_after=2021-11-01", "Từ ngày: 01/11/2021"),
    "date_before": ("?date_before=2021-11-30", "Đến ngày: 30/11/2021"),
    "several": ("?country=ML&country=RU&date_after=2021-11-01", "Quốc gia: Mali · Quốc gia: Nga · Từ ngày: 01/11/2021"),
}


def test_every_filter_parameter_has_a_feed_kind():
    from articles.filters import ArticleFilter

    assert set(ArticleFilter.base_filters) - {"sort"} <= set(FEED_KINDS)


@pytest.fixture
def feeds(client):
    linked_articles(2)
    Place.objects.get_or_create(key="moscow", defaults={"name": "Moscow"})
    parsed = {}
    for kind, (query, _) in FEED_KINDS.items():
        response = client.get(f"/articles/feed/{query}")
        assert response.status_code == 200, (kind, response.content[:200])
        parsed[kind] = ElementTree.fromstring(response.content)
    return parsed


def test_each_feed_s_title_names_its_filter_and_no_two_are_alike(feeds):
    titles = {kind: feed.findtext(f"{ATOM}title") for kind, feed in feeds.items()}
    for kind, (_, words) in FEED_KINDS.items():
        assert words in titles[kind], (kind, titles[kind])
    assert len(set(titles.values())) == len(titles)


def test_rel_self_keeps_the_query_string_and_the_list_link_too(feeds):
    for kind, (query, _) in FEED_KINDS.items():
        links = {link.get("rel"): link.get("href") for link in feeds[kind].findall(f"{ATOM}link")}
        for rel, path in (("self", "/articles/feed/"), ("alternate", "/articles/")):
            href = urlsplit(links[rel])
            assert href.path == path, (kind, rel, links)
            assert parse_qs(href.query) == parse_qs(query.removeprefix("?")), (kind, rel, links)


def test_subtitles_say_the_filters_in_words_never_a_path(feeds):
    for kind, (_, words) in FEED_KINDS.items():
        subtitle = feeds[kind].findtext(f"{ATOM}subtitle")
        assert "/articles" not in subtitle and "?" not in subtitle, (kind, subtitle)
        if kind:
            assert words in subtitle


def test_an_english_feed_names_its_filter_in_english(client):
    linked_articles(1)
    feed = ElementTree.fromstring(client.get("/en/articles/feed/?country=RU").content)
    assert feed.findtext(f"{ATOM}title") == "Countries: Russia · Foreign Affairs News Archive"
    subtitle = feed.findtext(f"{ATOM}subtitle")
    assert subtitle == "The 50 newest articles with the filters: Countries: Russia"


@pytest.mark.parametrize(
    "page, words",
    [
        ("/countries/RU/", "Quốc gia: Nga"),
        ("/actors/sergey-lavrov/", "Nhân vật: Sergey Lavrov"),
        ("/tags/quan-he-nga-mali/", "Chủ đề: #Quan hệ Nga-Mali"),
        ("/relations/ML-RU/", "Quốc gia: Mali · Quốc gia: Nga"),
        ("/en/countries/RU/", "Countries: Russia"),
    ],
)
def test_each_country_actor_tag_and_relation_page_links_its_own_feed(client, page, words):
    linked_articles(2)
    html = client.get(page).content.decode()
    [href] = re.findall(r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="([^"]+)">', html)
    feed = ElementTree.fromstring(client.get(unescape(href)).content)
    assert words in feed.findtext(f"{ATOM}title")
    assert len(feed.findall(f"{ATOM}entry")) == 2
