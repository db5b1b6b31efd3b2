"""A NUL byte in any parameter of any page answers 400 with a message, never a 500: PostgreSQL
refuses NUL in text, and admin filters, searches and autocompletes passed one straight to it."""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings, strategies as st

from articles.tests.clients import client_for

pytestmark = pytest.mark.django_db

NUL = "\x00"
MESSAGE_VI = "có ký tự NUL"
MESSAGE_EN = "contains a NUL character"


def changelist_filter_parameters(model_admin, superuser) -> list[str]:
    """The query parameters of every filter on the model's change list, as its links write them."""
    request = RequestFactory().get(reverse(f"admin:{model_admin.opts.app_label}_{model_admin.opts.model_name}_changelist"))
    request.user = superuser
    changelist = model_admin.get_changelist_instance(request)
    return [name for spec in changelist.filter_specs for name in spec.expected_parameters()]


def admin_urls_with_nul(superuser) -> list[str]:
    """Every change list with each of its filters, its search, and every autocomplete, each given a NUL."""
    urls = []
    for model, model_admin in admin.site._registry.items():
        changelist = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        urls.append(f"{changelist}?q=%00")
        urls += [f"{changelist}?{name}=%00" for name in changelist_filter_parameters(model_admin, superuser)]
        for owner in [model_admin, *(inline(model, admin.site) for inline in model_admin.inlines)]:
            for field in owner.autocomplete_fields:
                urls.append(
                    f"{reverse('admin:autocomplete')}?app_label={owner.model._meta.app_label}"
                    f"&model_name={owner.model._meta.model_name}&field_name={field}&term=%00"
                )
    return urls


def assert_refused_with_a_message(response, message=MESSAGE_VI):
    assert response.status_code == 400, response.request
    assert message in response.content.decode()


def test_the_reviewers_two_admin_urls_are_refused(superuser):
    client = client_for(superuser)
    assert_refused_with_a_message(client.get("/admin/articles/actor/?country__code__exact=%00"))
    assert_refused_with_a_message(
        client.get("/admin/autocomplete/?app_label=articles&model_name=mention&field_name=actor&term=%00")
    )


def test_every_admin_filter_search_and_autocomplete_refuses_a_nul(superuser):
    client = client_for(superuser)
    urls = admin_urls_with_nul(superuser)
    assert any("autocomplete" in url for url in urls) and any("__exact=" in url for url in urls)
    for url in urls:
        assert_refused_with_a_message(client.get(url))


def test_a_nul_in_an_admin_form_post_is_refused(superuser):
    response = client_for(superuser).post(reverse("admin:articles_actor_add"), {"name": f"A{NUL}B"})
    assert_refused_with_a_message(response)


def test_the_message_speaks_english_on_english_pages(client):
    with translation.override("en"):
        url = reverse("article-list")
    assert_refused_with_a_message(client.get(url, {"q": NUL}), MESSAGE_EN)


PAGES = ["home", "article-list", "article-feed", "article-json", "actor-list", "country-list", "tag-list", "chart-timeline", "annotation-targets"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    page=st.sampled_from(PAGES),
    name=st.text(min_size=1, max_size=8),
    value=st.text(max_size=8),
    in_name=st.booleans(),
)
def test_any_parameter_with_a_nul_is_refused_on_any_page(editor, page, name, value, in_name):
    name, value = (f"{name}{NUL}", value) if in_name else (name, f"{value}{NUL}{value}")
    assert_refused_with_a_message(client_for(editor).get(reverse(page), {name: value}))


def test_the_annotation_script_gets_the_message_as_json(editor):
    response = client_for(editor).get(reverse("annotation-targets"), {"kind": "actor", "q": f"a{NUL}"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert MESSAGE_VI in response.json()["error"]
