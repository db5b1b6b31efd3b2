"""Tagging on the article page: who may, CSRF, and what anonymous readers see."""

import pytest
from django.test import Client
from django.urls import reverse

from articles.curation import add_tags
from articles.models import Tag
from articles.tests.clients import client_as, client_for
from articles.tests.factories import ArticleFactory, TagFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return ArticleFactory()


@pytest.mark.parametrize(
    ("who", "expected_status", "tagged"),
    [("anonymous", 302, False), ("reader", 403, False), ("editor", 302, True), ("superuser", 302, True)],
)
def test_permission_matrix_for_adding_a_tag(request, article, who, expected_status, tagged):
    response = client_as(request, who).post(reverse("article-tag-add", args=[article.slug]), {"name": "Đức"})
    assert response.status_code == expected_status
    assert article.tags.filter(slug="duc").exists() is tagged
    if who == "anonymous":
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    ("who", "expected_status", "removed"),
    [("anonymous", 302, False), ("reader", 403, False), ("editor", 302, True), ("superuser", 302, True)],
)
def test_permission_matrix_for_removing_a_tag(request, article, who, expected_status, removed):
    tag = TagFactory(name="Biển Đông")
    article.tags.add(tag)
    response = client_as(request, who).post(reverse("article-tag-remove", args=[article.slug, tag.slug]))
    assert response.status_code == expected_status
    assert article.tags.filter(pk=tag.pk).exists() is not removed


def test_tagging_refuses_a_post_without_csrf_token(article, editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(reverse("article-tag-add", args=[article.slug]), {"name": "Đức"})
    assert response.status_code == 403
    assert not Tag.objects.filter(slug="duc").exists()


def test_tagging_is_post_only(article, editor):
    response = client_for(editor).get(reverse("article-tag-add", args=[article.slug]))
    assert response.status_code == 405


def test_editor_sees_tag_controls_and_anonymous_does_not(article, editor):
    url = article.get_absolute_url()
    assert 'id="tag-editor"' not in client_for(None).get(url).content.decode()
    page = client_for(editor).get(url).content.decode()
    assert 'id="tag-editor"' in page and 'name="csrfmiddlewaretoken"' in page


def test_new_tag_gets_a_vietnamese_slug_and_marks_the_article_curated(article, editor):
    response = client_for(editor).post(reverse("article-tag-add", args=[article.slug]), {"name": "Quan hệ Nga-Mỹ"}, follow=True)
    assert "Quan hệ Nga-Mỹ" in response.content.decode()
    article.refresh_from_db()
    assert article.tags.get().slug == "quan-he-nga-my"
    assert "tags" in article.curated_fields


def test_blank_tag_name_is_a_message_not_an_error(article, editor):
    response = client_for(editor).post(reverse("article-tag-add", args=[article.slug]), {"name": "   "}, follow=True)
    assert response.status_code == 200
    assert not article.tags.exists()


def test_tag_names_with_markup_are_escaped(article, editor):
    client_for(editor).post(reverse("article-tag-add", args=[article.slug]), {"name": "<script>alert(1)</script>"})
    page = client_for(None).get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_login_and_logout_pages_fit_the_site(editor):
    client = Client()
    page = client.get(reverse("login")).content.decode()
    assert 'id="search-form"' in page and 'for="id_username"' in page
    response = client.post(reverse("login"), {"username": "bientap", "password": "mat-khau-dai-2026"})
    assert response.status_code == 302
    response = client.post(reverse("logout"))
    assert response.status_code == 200 and "Đã đăng xuất" in response.content.decode()


@pytest.mark.parametrize(("who", "expected_status"), [("anonymous", 302), ("reader", 403), ("editor", 200)])
def test_removing_a_tag_is_confirmed_on_a_page_of_its_own_first(request, article, who, expected_status):
    tag = TagFactory(name="Biển Đông")
    article.tags.add(tag)
    url = reverse("article-tag-remove", args=[article.slug, tag.slug])
    response = client_as(request, who).get(url)
    assert response.status_code == expected_status
    assert article.tags.filter(pk=tag.pk).exists()
    if who == "editor":
        page = response.content.decode()
        assert '<form method="post" class="confirm-form">' in page
        assert '<button type="submit" class="secondary-button">' in page
        assert article.get_absolute_url() in page  # the way back, keeping the tag


def test_the_article_page_links_to_the_confirmation_instead_of_removing_at_once(article, editor):
    tag = TagFactory(name="Biển Đông")
    article.tags.add(tag)
    page = client_for(editor).get(article.get_absolute_url()).content.decode()
    url = reverse("article-tag-remove", args=[article.slug, tag.slug])
    assert f'href="{url}"' in page and f'action="{url}"' not in page


def test_tag_input_suggests_existing_tags_the_article_lacks(article, editor):
    other = ArticleFactory()
    add_tags([other], ["Biển Đông", "Quan hệ Việt-Mỹ"])
    add_tags([article], ["Biển Đông"])
    page = client_for(editor).get(article.get_absolute_url()).content.decode()
    assert 'list="tag-suggestions"' in page
    datalist = page.split('<datalist id="tag-suggestions">')[1].split("</datalist>")[0]
    assert datalist == '<option value="Quan hệ Việt-Mỹ"></option>'


def test_tag_removal_confirmation_query_count(article, editor, django_assert_max_num_queries):
    tag = TagFactory(name="Biển Đông")
    article.tags.add(tag)
    client = client_for(editor)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("article-tag-remove", args=[article.slug, tag.slug])).status_code == 200
