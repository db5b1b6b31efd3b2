"""Each reader page has a Vietnamese address and an English one under /en/, linked to each other
(hreflang), with a canonical link, a description and Open Graph tags; the language switch and an
English reader's cookie land on the page's address in the chosen language."""

import re

import pytest

from articles.tests.builders import linked_articles, queries_for

pytestmark = pytest.mark.django_db


def reader_pages(article) -> dict[str, str]:
    """Every kind of reader page, by its Vietnamese (unprefixed) address."""
    return {
        "home": "/",
        "article list": "/articles/?country=ML",
        "search": "/articles/?q=hop+tac",
        "article": article.get_absolute_url(),
        "actors": "/actors/",
        "actor": "/actors/sergey-lavrov/",
        "countries": "/countries/",
        "country": "/countries/RU/",
        "relation": "/relations/ML-RU/",
        "tags": "/tags/",
        "tag": "/tags/quan-he-nga-mali/",
        "login": "/accounts/login/",
    }


def head_links(html: str) -> dict[str, str]:
    links = {f"alternate {lang}": href for lang, href in re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html)}
    links["canonical"] = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
    return links


@pytest.fixture
def pages():
    [article] = linked_articles(1)
    return reader_pages(article)


def test_every_page_links_its_twin_in_the_other_language_both_ways(client, pages):
    for kind, path in pages.items():
        vietnamese, english = client.get(path), client.get("/en" + path)
        assert (vietnamese.status_code, english.status_code) == (200, 200), kind
        expected = {
            "alternate vi": "http://testserver" + path,
            "alternate x-default": "http://testserver" + path,
            "alternate en": "http://testserver/en" + path,
        }
        assert head_links(vietnamese.content.decode()) == {**expected, "canonical": expected["alternate vi"]}, kind
        assert head_links(english.content.decode()) == {**expected, "canonical": expected["alternate en"]}, kind


def test_the_english_article_list_is_an_english_page(client, pages):
    html = client.get("/en/articles/").content.decode()
    assert '<html lang="en">' in html
    assert "<title>Articles · Foreign Affairs News Archive</title>" in html
    assert 'href="/en/countries/"' in html and 'action="/en/articles/"' in html
    assert '<meta property="og:locale" content="en_US">' in html
    assert '<meta property="og:locale:alternate" content="vi_VN">' in html


def test_the_switch_names_each_language_in_that_language(client, pages):
    for path in ("/articles/", "/en/articles/"):
        html = client.get(path).content.decode()
        assert '<option value="vi" lang="vi"' in html and ">Tiếng Việt</option>" in html
        assert '<option value="en" lang="en"' in html and ">English</option>" in html


@pytest.mark.parametrize(
    "language, from_path, to_path",
    [
        ("en", "/countries/RU/?page=2", "/en/countries/RU/?page=2"),
        ("vi", "/en/articles/?q=hop+tac", "/articles/?q=hop+tac"),
        ("en", "/", "/en/"),
        ("vi", "/en/", "/"),
    ],
)
def test_the_switch_lands_on_the_same_page_in_the_chosen_language(client, pages, language, from_path, to_path):
    response = client.post("/i18n/setlang/", {"language": language, "next": from_path})
    assert (response.status_code, response["Location"]) == (302, to_path)


def test_a_reader_who_chose_english_is_sent_to_the_english_address(client, pages):
    client.cookies["django_language"] = "en"
    response = client.get("/articles/?country=ML")
    assert (response.status_code, response["Location"]) == (302, "/en/articles/?country=ML")
    assert "Cookie" in response["Vary"]
    assert client.get("/en/articles/?country=ML").status_code == 200


def test_without_a_choice_every_address_keeps_its_language(client, pages):
    for path in pages.values():
        assert '<html lang="vi">' in client.get(path).content.decode()
        assert '<html lang="en">' in client.get("/en" + path).content.decode()


def test_the_admin_stays_where_it_is_and_speaks_the_chosen_language(client, pages):
    assert client.get("/en/admin/").status_code == 404
    client.cookies["django_language"] = "en"
    response = client.get("/admin/login/")
    assert response.status_code == 200 and response["Content-Language"] == "en"


def test_an_article_s_description_is_its_lede(client):
    [article] = linked_articles(1)
    article.headline = 'Nga & Mali: "đối tác" <tin cậy>'
    article.paragraphs = ["Hai bên thảo luận về hợp tác quốc phòng. Câu thứ hai."]
    article.save()
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<meta name="description" content="Hai bên thảo luận về hợp tác quốc phòng.">' in html
    assert '<meta property="og:description" content="Hai bên thảo luận về hợp tác quốc phòng.">' in html
    assert '<meta property="og:title" content="Nga &amp; Mali: &quot;đối tác&quot; &lt;tin cậy&gt;">' in html
    assert '<meta property="og:type" content="article">' in html


def test_every_page_has_its_own_description_and_open_graph_title(client, pages):
    descriptions = set()
    for kind, path in pages.items():
        html = client.get(path).content.decode()
        description = re.search(r'<meta name="description" content="([^"]+)">', html).group(1)
        title = re.search(r'<meta property="og:title" content="([^"]+)">', html).group(1)
        assert title and title in html.split("<title>")[1], kind
        descriptions.add(description)
    assert len(descriptions) >= len(pages) - 2  # the two article lists share a title


def test_a_filtered_list_s_description_names_its_filters(client, pages):
    html = client.get("/en/articles/?country=ML&date_after=2021-11-01&actor=khong-ai-ca").content.decode()
    assert '<meta name="description" content="Articles (Countries: Mali · From: 01/11/2021) – ' in html


def test_an_english_page_runs_the_queries_of_its_vietnamese_twin(client, pages, settings):
    settings.ARCHIVE_CACHE = False
    for kind, path in {**pages, "feed": "/articles/feed/?country=RU"}.items():
        assert queries_for(client, "/en" + path) == queries_for(client, path), kind


def test_the_switch_and_the_english_reader_s_redirect_read_nothing(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert client.post("/i18n/setlang/", {"language": "en", "next": "/articles/"}).status_code == 302
    client.cookies["django_language"] = "en"
    with django_assert_num_queries(0):
        assert client.get("/countries/RU/").status_code == 302


def test_the_article_page_explains_its_highlight_colours(client):
    [article] = linked_articles(1)
    html = client.get("/en" + article.get_absolute_url()).content.decode()
    legend = re.search(r'<p class="highlight-legend" id="highlight-legend">(.*?)</p>', html).group(1)
    for kind, name in (("actor", "People and organisations"), ("country", "Countries"), ("place", "Places")):
        assert f'<mark class="mention mention-{kind}">{name}</mark>' in legend


@pytest.mark.parametrize("path", ["/articles/", "/en/articles/", "/countries/RU/"])
def test_a_host_the_site_does_not_serve_gets_the_400_page(client, settings, path):
    settings.DEBUG = False
    response = client.get(path, HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "evil.example" not in response.content.decode()


def test_a_write_to_an_unprefixed_address_answers_in_the_chosen_language(client, pages, editor):
    from articles.tests.clients import client_for

    writer = client_for(editor)
    writer.cookies["django_language"] = "en"
    response = writer.post("/articles/khong-co-bai-nay/tags/", {"name": "x"})
    assert response.status_code in (302, 404) and response["Content-Language"] == "en"
