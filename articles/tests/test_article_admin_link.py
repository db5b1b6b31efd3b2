"""The article page links to the article's admin change page for those who may change it, only."""

import pytest
from django.urls import reverse

from articles.tests.clients import ROLES, client_as

pytestmark = pytest.mark.django_db

MAY_CHANGE = {"anonymous": False, "reader": False, "editor": True, "superuser": True}


@pytest.mark.parametrize("role", ROLES)
def test_the_admin_link_shows_for_those_who_may_change_the_article(request, imported_seed, role):
    response = client_as(request, role).get(imported_seed.get_absolute_url())
    admin_url = reverse("admin:articles_article_change", args=[imported_seed.pk])
    assert (f'href="{admin_url}"' in response.content.decode()) is MAY_CHANGE[role]


def test_the_admin_link_is_translated(request, imported_seed):
    client = client_as(request, "editor")
    assert "Sửa trong trang quản trị" in client.get(imported_seed.get_absolute_url(), follow=True).content.decode()
    client.cookies["django_language"] = "en"
    assert "Edit in the admin" in client.get(imported_seed.get_absolute_url(), follow=True).content.decode()
