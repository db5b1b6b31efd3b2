"""Home, actors, countries, relations, tags and charts: content, bad input and language."""

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import KeyCount, Quote
from articles.tests.builders import linked_articles
from articles.tests.factories import ActorFactory, ArticleFactory, TagFactory, country, attach
from articles.views.actors import RECENT_QUOTES

pytestmark = pytest.mark.django_db


def html_of(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def test_home_shows_latest_most_covered_and_pairs(client):
    linked_articles(3)
    html = html_of(client, "/")
    assert '<html lang="vi">' in html
    assert 'id="search-form"' in html and 'id="language-switch"' in html and "<main" in html
    assert 'href="/countries/RU/">Nga</a> <span class="count">3</span>' in html
    assert 'href="/actors/sergey-lavrov/">Sergey Lavrov</a>' in html
    assert 'href="/relations/ML-RU/">Mali – Nga</a>' in html
    assert 'src="/charts/timeline.svg"' in html and "tháng 11/2021: 3" in html


def test_home_without_articles(client):
    html = html_of(client, "/")
    assert "Không có bài viết nào." in html and "Chưa có bài viết nào có ngày." in html


def test_language_switch_renders_english(client):
    linked_articles(1)
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/countries/RU/"})
    assert response.status_code == 302 and response["Location"] == "/en/countries/RU/"
    html = html_of(client, "/en/countries/RU/")
    assert '<html lang="en">' in html and "<h1>Russia" in html and "Relations with other countries" in html


def test_actor_index_searches_names_without_diacritics_and_filters_kind(client):
    ActorFactory(name="Bùi Thanh Sơn")
    ActorFactory(name="Wagner", kind="organization")
    assert "Bùi Thanh Sơn" in html_of(client, "/actors/?q=bui+thanh+son")
    html = html_of(client, "/actors/?kind=organization")
    assert "Wagner" in html and "Bùi Thanh Sơn" not in html
    html = html_of(client, "/actors/?kind=<script>&q=<b>")
    assert 'id="filter-errors"' in html and "<script>" not in html and "<b>" not in html


def test_actor_page(client):
    lavrov = ActorFactory(name="Sergey Lavrov", country=country("RU"), aliases=["Lavrov"], titles=["Ngoại trưởng"])
    linked_articles(2, actor=lavrov)
    html = html_of(client, "/actors/sergey-lavrov/")
    assert "<h1>Sergey Lavrov</h1>" in html and "Ngoại trưởng" in html and "Lavrov" in html
    assert 'href="/countries/RU/">Nga</a>' in html
    assert "Chúng tôi hợp tác" in html
    assert 'src="/charts/timeline.svg?actor=sergey-lavrov"' in html
    html_of(client, "/actors/no-one/", status=404)


def test_country_index_has_both_names_and_the_map(client):
    linked_articles(1)
    html = html_of(client, "/countries/")
    assert 'src="/charts/world.svg"' in html and 'id="world-map"' in html
    assert '<a href="/countries/RU/">Nga</a></th>\n        <td lang="en">Russia</td>' in html


def test_country_page(client):
    linked_articles(2)
    ActorFactory(name="Vladimir Putin", country=country("RU"))
    html = html_of(client, "/countries/RU/")
    assert "<h1>Nga" in html and "Russia" in html
    assert "Vladimir Putin" in html
    assert 'href="/relations/ML-RU/">Mali – Nga</a>' in html
    assert 'src="/charts/timeline.svg?country=RU"' in html


@pytest.mark.parametrize("url,location", [("/countries/ru/", "/countries/RU/"), ("/relations/RU-ML/", "/relations/ML-RU/"), ("/relations/ml-ru/", "/relations/ML-RU/")])
def test_non_canonical_urls_redirect(client, url, location):
    response = client.get(url)
    assert response.status_code == 301 and response["Location"] == location


@pytest.mark.parametrize("url", ["/countries/XX/", "/countries/RUS/", "/countries/1/", "/relations/RU-RU/", "/relations/RU-XX/", "/relations/RU/", "/tags/none/"])
def test_unknown_codes_are_404(client, url):
    html_of(client, url, status=404)


def test_relation_page_lists_articles_naming_both(client):
    about_pair = linked_articles(2)
    only_russia = ArticleFactory(headline="Chỉ nói về Nga")
    attach(only_russia, country("RU"))
    both_without_relation = ArticleFactory(headline="Nhắc cả hai nước")
    attach(both_without_relation, country("RU"), country("ML"))
    response = client.get("/relations/ML-RU/")
    assert {a.pk for a in response.context["page"]} == {*(a.pk for a in about_pair), both_without_relation.pk}
    html = response.content.decode()
    assert "Quan hệ Mali – Nga" in html and html.count("bài về quan hệ song phương") == 2
    assert 'src="/charts/timeline.svg?country=ML&amp;country=RU"' in html


def test_tags(client):
    linked_articles(2)
    TagFactory(name="Biển Đông")
    html = html_of(client, "/tags/")
    assert 'href="/tags/quan-he-nga-mali/">Quan hệ Nga-Mali</a> <span class="count">2</span>' in html
    assert 'href="/tags/bien-dong/">Biển Đông</a> <span class="count">0</span>' in html
    html = html_of(client, "/tags/quan-he-nga-mali/?page=99999")
    assert "Chủ đề: Quan hệ Nga-Mali" in html and "2 bài viết" in html


def test_timeline_chart_is_an_accessible_svg_of_the_filtered_months(client):
    linked_articles(2)
    other = ArticleFactory(published=datetime.date(2021, 3, 5))
    attach(other, country("FR"))
    response = client.get("/charts/timeline.svg?country=RU")
    svg = response.content.decode()
    assert response["Content-Type"] == "image/svg+xml"
    assert "<title>Số bài viết theo tháng</title>" in svg and "<desc>tháng 11/2021: 2</desc>" in svg
    assert "tháng 3/2021" not in svg


def test_world_map_is_an_svg(client):
    linked_articles(1)
    svg = html_of(client, "/charts/world.svg")
    assert '<title id="map-title">Số bài viết theo quốc gia</title>' in svg and "Nga (RU): 1" in svg


@pytest.mark.parametrize("url", ["/charts/timeline.svg?date_after=garbage", "/articles.csv?country=<b>", "/articles/feed/?date_before=31/31/2021"])
def test_machine_formats_answer_400_in_plain_text_to_bad_filters(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")


def test_json_export_is_paged_and_reports_bad_filters(client):
    linked_articles(2)
    data = client.get("/articles.json?country=RU&page=abc").json()
    assert data["count"] == 2 and data["page"] == 1 and data["next"] is None
    first = data["results"][0]
    assert first["countries"] == ["ML", "RU"] and first["tags"] == ["Quan hệ Nga-Mali"]
    assert first["actors"] == [{"name": "Sergey Lavrov", "kind": "person", "aliases": []}]
    assert first["url"].endswith(f"/articles/{first['slug']}/")
    response = client.get("/articles.json?date_after=no")
    assert response.status_code == 400 and "error" in response.json()


def test_csv_export(client, imported_seed):
    response = client.get("/articles.csv?q=thoa+thuan")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "slug,url,title,published,published_precision,published_inferred,countries,actors,tags"
    assert imported_seed.headline in lines[1] and ",2021-11-11,day,True,FR ML RU," in lines[1]
    assert "Sergey Lavrov; " in lines[1] or "; Sergey Lavrov" in lines[1]


def test_the_site_lists_and_the_export_give_the_same_record(client, imported_seed):
    exported = io.StringIO()
    call_command("export_articles", stdout=exported)
    record = json.loads(exported.getvalue())
    listed = client.get("/articles.json").json()["results"][0]
    assert {key: value for key, value in listed.items() if key != "url"} == record


def test_atom_feed_of_a_filtered_list(client):
    linked_articles(2)
    ArticleFactory(headline="Không thuộc bộ lọc")
    response = client.get("/articles/feed/?country=ML")
    xml = response.content.decode()
    assert response["Content-Type"].startswith("application/atom+xml")
    assert xml.count("<entry>") == 2 and "Không thuộc bộ lọc" not in xml
    assert "/articles/?country=ML" in xml


def test_relations_are_listed_per_partner_with_their_span(client):
    [first, second] = linked_articles(2)
    first.published, second.published = datetime.date(2020, 5, 1), datetime.date(2021, 11, 11)
    first.save()
    second.save()
    [pair] = KeyCount.objects.pair_counts("RU")
    assert (pair["first"], pair["second"], pair["article_count"]) == ("ML", "RU", 2)
    assert "05/2020–11/2021" in html_of(client, "/countries/ML/")


def test_timeline_axis_counts_whole_articles():
    from articles.charts import whole_number_ticks

    assert whole_number_ticks(1) == [0, 1]
    assert whole_number_ticks(0) == [0, 1]
    assert whole_number_ticks(12) == [0, 3, 6, 9, 12]
    assert whole_number_ticks(7) == [0, 2, 4, 6, 8]


def test_country_index_lists_covered_countries_unless_all_are_asked_for(client, imported_seed):
    covered = html_of(client, "/countries/")
    assert "/countries/RU/" in covered and "/countries/JP/" not in covered
    every = html_of(client, "/countries/?all=1")
    assert "/countries/JP/" in every


def test_an_actor_page_shows_the_newest_quotes_and_reads_no_article_body(client):
    """A much-quoted actor's page lists the RECENT_QUOTES newest quotes, not every one."""
    actor = ActorFactory(name="Sergey Lavrov")
    articles = [ArticleFactory(published=datetime.date(2021, 1, 1) + datetime.timedelta(days=n)) for n in range(RECENT_QUOTES + 5)]
    for article in articles:
        Quote.objects.create(article=article, speaker=actor, text=f"Lời số {article.pk}", paragraph=0, start=0, end=5)
    with CaptureQueriesContext(connection) as captured:
        html = client.get(actor.get_absolute_url()).content.decode()
    shown = [article for article in articles if f"Lời số {article.pk}<" in html]
    assert shown == articles[-RECENT_QUOTES:]
    assert not [query["sql"] for query in captured if "paragraphs" in query["sql"]]
