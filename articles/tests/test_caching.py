"""Anonymous pages and facet counts come from the cache until the archive changes."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from articles import caching
from articles.search import selection as search
from articles.caching import archive_version, bump_archive_version
from articles.models import Article
from articles.tests.factories import ArticleFactory, TagFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def archive_cache(settings):
    settings.ARCHIVE_CACHE = True
    cache.clear()
    caching._memo.update(version=None, until=0.0)
    yield
    cache.clear()


def test_a_cached_page_is_served_without_queries(client, django_assert_num_queries):
    ArticleFactory(headline="Thủ tướng thăm Lào")
    assert "Thủ tướng thăm Lào" in client.get("/articles/").content.decode()
    with django_assert_num_queries(0):
        assert "Thủ tướng thăm Lào" in client.get("/articles/").content.decode()


def test_an_import_makes_its_articles_visible(client, seed_dir, django_capture_on_commit_callbacks):
    ArticleFactory(headline="Bài cũ")
    assert "Lavrov" not in client.get("/articles/").content.decode()
    assert "Lavrov" not in client.get("/").content.decode()
    version = archive_version()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_seeds", str(seed_dir), stdout=open("/dev/null", "w"))
    assert archive_version() > version
    assert "Lavrov" in client.get("/articles/").content.decode()
    assert "Lavrov" in client.get("/").content.decode()


def test_tagging_changes_the_article_page(client):
    article = ArticleFactory()
    assert "Quan hệ Việt-Lào" not in client.get(article.get_absolute_url()).content.decode()
    article.tags.add(TagFactory(name="Quan hệ Việt-Lào"))
    assert "Quan hệ Việt-Lào" in client.get(article.get_absolute_url()).content.decode()
    assert "Quan hệ Việt-Lào" in client.get("/articles/").content.decode()


def test_renaming_a_tag_changes_every_page_naming_it(client):
    article = ArticleFactory()
    tag = TagFactory(name="Biển Đông")
    article.tags.add(tag)
    assert "Biển Đông" in client.get(article.get_absolute_url()).content.decode()
    tag.name = "Biển Đông (tranh chấp)"
    tag.save()
    assert "Biển Đông (tranh chấp)" in client.get(article.get_absolute_url()).content.decode()


def test_an_editors_tag_form_bumps_the_version(django_user_model):
    article = ArticleFactory()
    editor = django_user_model.objects.create_user("editor", password="x")
    editor.user_permissions.add(Permission.objects.get(codename="tag_article"))
    browser = Client()
    browser.force_login(editor)
    version = archive_version()
    browser.post(f"/articles/{article.slug}/tags/", {"name": "Hợp tác"})
    assert archive_version() > version


def test_signed_in_readers_get_fresh_pages(client, django_user_model):
    article = ArticleFactory(headline="Trước")
    client.get(article.get_absolute_url())
    Article.objects.filter(pk=article.pk).update(headline="Sau")  # no signal: the cache is stale
    assert "Trước" in client.get(article.get_absolute_url()).content.decode()
    reader = Client()
    reader.force_login(django_user_model.objects.create_user("reader", password="x"))
    assert "Sau" in reader.get(article.get_absolute_url()).content.decode()
    bump_archive_version()
    assert "Sau" in client.get(article.get_absolute_url()).content.decode()


def token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_each_visitor_of_a_cached_page_gets_a_csrf_token_of_their_own():
    ArticleFactory()
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_token = token(first.get("/articles/").content.decode())
    response = second.get("/articles/")
    second_token = token(response.content.decode())
    assert second_token != first_token
    assert "csrftoken" in response.cookies
    switched = second.post("/i18n/setlang/", {"language": "en", "next": "/articles/", "csrfmiddlewaretoken": second_token})
    assert switched.status_code == 302


def test_the_language_is_part_of_the_key(client):
    ArticleFactory()
    vietnamese = client.get("/articles/").content.decode()
    english = client.get("/en/articles/").content.decode()
    assert '<html lang="vi">' in vietnamese and '<html lang="en">' in english


def test_a_broad_search_is_ranked_and_faceted_among_a_bounded_set(client, monkeypatch):
    monkeypatch.setattr(search, "SEARCH_CANDIDATES", 3)
    monkeypatch.setattr("articles.views.article_list.SEARCH_CANDIDATES", 3)
    for n in range(5):
        ArticleFactory(headline=f"Hợp tác kinh tế {n}")
    html = client.get("/articles/?q=hop+tac").content.decode()
    assert 'id="search-bounded"' in html
    assert "Hơn 3 bài viết" in html
    assert html.count('<li class="article-item">') == 3
    few = client.get("/articles/?q=kinh+te+4").content.decode()
    assert 'id="search-bounded"' not in few
    oldest = client.get("/articles/?q=hop+tac&sort=oldest").content.decode()
    assert "Hợp tác kinh tế 0" in oldest and "Hợp tác kinh tế 4" not in oldest
    assert "bài cũ nhất" in oldest
    assert "More than 3 articles" in client.get("/en/articles/?q=hop+tac").content.decode()


def test_a_cached_chart_keeps_its_own_security_policy(client):
    ArticleFactory()
    fresh = client.get("/charts/world.svg")
    cached = client.get("/charts/world.svg")
    assert cached.content == fresh.content
    assert cached["Content-Security-Policy"] == fresh["Content-Security-Policy"]
    assert cached["Content-Type"] == fresh["Content-Type"]


def test_the_redis_backend_reuses_one_client(settings):
    from articles.cache_backend import ArchiveRedisCache

    backend = ArchiveRedisCache("redis://127.0.0.1:1/0", {})
    assert backend._cache.get_client() is backend._cache.get_client()
    assert backend._cache.get_client(write=True) is backend._cache.get_client(write=True)


def test_another_process_bump_is_seen_within_the_memo_time(settings, client):
    settings.ARCHIVE_VERSION_MEMO_SECONDS = 0
    ArticleFactory(headline="Một")
    client.get("/articles/")
    Article.objects.update(headline="Hai")
    cache.incr(caching.VERSION_KEY)  # what another process's bump does to the shared cache
    assert "Hai" in client.get("/articles/").content.decode()


def test_a_broad_list_pages_through_a_bounded_set_and_samples_its_facets(client, monkeypatch):
    monkeypatch.setattr(search, "LIST_LIMIT", 5)
    monkeypatch.setattr(search, "SEARCH_CANDIDATES", 3)
    monkeypatch.setattr("articles.views.article_list.LIST_LIMIT", 5)
    monkeypatch.setattr("articles.views.article_list.SEARCH_CANDIDATES", 3)
    articles = [ArticleFactory(headline=f"Bài số {n}") for n in range(7)]
    for article in articles:
        article.tags.add(TagFactory(name=f"Chủ đề {article.pk}"))
    html = client.get("/articles/").content.decode()
    assert "Hơn 5 bài viết" in html and 'id="list-bounded"' in html
    newest = sorted(articles, key=lambda a: (a.published, a.pk), reverse=True)
    shown = [a.headline for a in newest if f">{a.headline}<" in html]
    assert shown == [a.headline for a in newest[:5]]
    facet_tags = {f"Chủ đề {a.pk}" for a in newest[:3]}
    assert all(name in html for name in facet_tags)
    assert f"Chủ đề {newest[4].pk}</a> <span" not in html  # listed on its article, not counted as a facet
    few = client.get(f"/articles/?tag={newest[0].tags.get().slug}").content.decode()
    assert 'id="list-bounded"' not in few and "1 bài viết" in few



@pytest.mark.parametrize("cookie", ["sessionid", "messages"])
def test_visitors_with_a_session_or_a_message_bypass_the_cache(cookie):
    ArticleFactory()
    visitor = Client()
    visitor.cookies[cookie] = "x"
    visitor.get("/articles/")
    with CaptureQueriesContext(connection) as stranger_queries:
        Client().get("/articles/")
    assert len(stranger_queries) > 0  # the visitor's page was not stored for others
    with CaptureQueriesContext(connection) as visitor_queries:
        visitor.get("/articles/")
    assert len(visitor_queries) > 0  # nor served to them from the cache
