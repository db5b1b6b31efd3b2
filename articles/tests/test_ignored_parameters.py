"""A filter value the page refuses and ignores is never copied into the page's links: facets,
chips, exports, feeds and pages (every parameter of the article and actor filters)."""

import re

import pytest

from articles.tests.builders import linked_articles

pytestmark = pytest.mark.django_db

LONG_Q = "thoa thuan " * 400  # over the 200 characters the search takes
REFUSED = [
    ("/articles/", "q", LONG_Q),
    ("/articles/", "country", "XX"),
    ("/articles/", "actor", "khong-ai-ca"),
    ("/articles/", "tag", "khong-co"),
    ("/articles/", "place", "khong-noi-nao"),
    ("/articles/", "date_after", "31/31/2021"),
    ("/articles/", "date_before", "hom-qua"),
    ("/articles/", "sort", "ngau-nhien"),
    ("/actors/", "q", LONG_Q),
    ("/actors/", "kind", "robot"),
]


@pytest.mark.parametrize("path, name, value", REFUSED)
def test_a_refused_value_appears_in_no_link(client, path, name, value, settings):
    settings.ARCHIVE_CACHE = False
    linked_articles(25)  # two pages, facets, chips and export links
    from urllib.parse import urlencode

    html = client.get(f"{path}?{urlencode({name: value, 'page': 1})}").content.decode()
    links = re.findall(r'href="([^"]*)"', html)
    encoded = urlencode({name: value})
    assert links and not [link for link in links if encoded in link.replace("&amp;", "&")]
    assert len(html) < 200_000
