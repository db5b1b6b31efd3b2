"""Markup of admin widgets that HTML or WCAG forbids, checked over every registered admin and
inline: empty <option>s without a label, aria-* attributes on hidden inputs, Select2 boxes left
unnamed, a clear button inside the list of chosen values."""

import re

import pytest
from django.contrib import admin
from django.db import models
from django.test import Client, RequestFactory

from articles.tests.factories import ActorFactory

pytestmark = pytest.mark.django_db

EMPTY_OPTION = re.compile(r"<option\b(?![^>]*\blabel=)[^>]*>\s*</option>")
HIDDEN_WITH_ARIA = re.compile(r"<input\b(?=[^>]*\btype=\"hidden\")(?=[^>]*\baria-)[^>]*>")


def every_admin():
    for model, model_admin in admin.site._registry.items():
        yield model_admin
        for inline_class in model_admin.inlines:
            yield inline_class(model, admin.site)


def autocompletes():
    for model_admin in every_admin():
        for name in model_admin.autocomplete_fields:
            field = model_admin.model._meta.get_field(name)
            yield pytest.param(model_admin, field, id=f"{type(model_admin).__name__}.{name}")


def rendered_widget(model_admin, field, user):
    request = RequestFactory().get("/admin/")
    request.user = user
    widget = model_admin.formfield_for_dbfield(field, request).widget
    return widget, widget.render(field.name, None)


@pytest.mark.parametrize(("model_admin", "field"), list(autocompletes()))
def test_every_autocomplete_is_valid_and_named(model_admin, field, superuser):
    widget, html = rendered_widget(model_admin, field, superuser)
    assert not EMPTY_OPTION.search(html), html
    assert "js/admin_autocomplete_labels.js" in str(widget.media)
    if isinstance(field, models.ManyToManyField):
        assert 'data-allow-clear="false"' in html


def test_hidden_initial_inputs_of_the_actor_form_carry_no_aria(superuser):
    client = Client()
    client.force_login(superuser)
    actor = ActorFactory(aliases=["Lavrov"])
    html = client.get(f"/admin/articles/actor/{actor.pk}/change/").content.decode()
    assert 'name="initial-aliases"' in html
    assert not HIDDEN_WITH_ARIA.findall(html)
