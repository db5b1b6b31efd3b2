"""Every action of every registered ModelAdmin, run by a staff member who may only view: the
action is refused and nothing changes, neither the data nor its history."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Permission
from django.test import RequestFactory
from django.urls import reverse

from articles.models import Actor, Tag
from articles.tests.clients import client_for
from articles.tests.factories import ActorFactory, TagFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def viewer(django_user_model):
    user = django_user_model.objects.create_user("chi-xem", password="x", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__startswith="view_"))
    return user


def snapshot() -> dict:
    """Every row of every model, history tables included."""
    return {
        model._meta.label: sorted(map(repr, model._default_manager.values_list()))
        for model in apps.get_models()
        if model._meta.app_label not in ("sessions", "axes")
    }


def every_action(superuser) -> list[tuple]:
    request = RequestFactory().get("/admin/")
    request.user = superuser
    return [
        (model, model_admin, name)
        for model, model_admin in admin.site._registry.items()
        for name in model_admin.get_actions(request)
    ]


def test_a_view_only_staff_member_changes_nothing_through_any_action(imported_seed, superuser, viewer):
    ActorFactory(name="Ngoại trưởng Lavrov")
    TagFactory(name="Hợp tác").articles.add(imported_seed)
    TagFactory(name="An ninh")
    actions = every_action(superuser)
    assert {name for _, _, name in actions} >= {
        "merge_action", "add_tags_action", "remove_tags_action", "mark_mentions_reviewed", "mark_reviewed",
        "reject", "delete_selected",
    }
    client = client_for(viewer)
    before = snapshot()
    for model, model_admin, name in actions:
        objects = list(model._default_manager.values_list("pk", flat=True)[:3])
        if not objects:
            continue
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        # The first step of each action, then its confirmation with whatever it asks for.
        for extra in ({}, {"apply": "1", "post": "yes", "target": objects[0], "tags": ["Hợp tác", *objects]}):
            response = client.post(url, {"action": name, ACTION_CHECKBOX_NAME: objects, **extra})
            assert response.status_code in (200, 302, 403), (model, name, response.status_code)
    assert snapshot() == before


def test_merging_needs_the_delete_permission_on_what_disappears(superuser, django_user_model):
    editor = django_user_model.objects.create_user("bien-tap", password="x", is_staff=True)
    editor.user_permissions.set(
        Permission.objects.filter(codename__in=["view_actor", "change_actor", "view_tag", "change_tag"])
    )
    first, second = ActorFactory(name="Tập Cận Bình"), ActorFactory(name="Chủ tịch Tập")
    one, other = TagFactory(name="Biển Đông"), TagFactory(name="Biển Đông (cũ)")
    client = client_for(editor)
    for model, pair in (("actor", [first.pk, second.pk]), ("tag", [one.pk, other.pk])):
        client.post(
            reverse(f"admin:articles_{model}_changelist"),
            {"action": "merge_action", ACTION_CHECKBOX_NAME: pair, "apply": "1", "target": pair[0]},
        )
    assert Actor.objects.filter(pk=second.pk).exists() and Tag.objects.filter(pk=other.pk).exists()
