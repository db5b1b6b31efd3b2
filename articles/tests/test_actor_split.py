"""The admin's actor split refuses a split that would make a duplicate actor: a new name that an
actor already has (however it is cased or accented), or a split that moves nothing."""

import pytest
from django.urls import reverse

from articles.models import Actor
from articles.tests.clients import client_for
from articles.tests.factories import ActorFactory, country

pytestmark = pytest.mark.django_db


@pytest.fixture
def lavrov():
    return ActorFactory(name="Sergey Lavrov", aliases=["Xéc-gây Láp-rốp", "Lavrov"], country=country("RU"))


def post_split(user, actor, **data):
    return client_for(user).post(reverse("admin:articles_actor_split", args=[actor.pk]), data)


def assert_refused(response, message):
    assert response.status_code == 200  # the form again, with the reason
    assert message in response.content.decode()


@pytest.mark.parametrize("new_name", ["Sergey Lavrov", "SERGEY LAVROV", "sergey lavrov", "Sérgey  Lavrov"])
@pytest.mark.parametrize("aliases", [[], ["Lavrov"]], ids=["nothing-chosen", "an-alias-chosen"])
def test_a_new_name_the_actor_already_has_is_refused(superuser, lavrov, new_name, aliases):
    assert_refused(post_split(superuser, lavrov, new_name=new_name, aliases=aliases), "Đã có nhân vật tên")
    assert Actor.objects.count() == 1


def test_a_new_name_another_actor_has_is_refused(superuser, lavrov):
    ActorFactory(name="Lavrov khác")
    assert_refused(post_split(superuser, lavrov, new_name="lavrov KHÁC", aliases=["Lavrov"]), "Đã có nhân vật tên")
    assert Actor.objects.count() == 2


def test_a_split_that_moves_nothing_is_refused(superuser, lavrov):
    assert_refused(post_split(superuser, lavrov, new_name="Người khác"), "không chuyển gì")
    assert Actor.objects.count() == 1


def test_a_new_name_that_is_one_of_the_aliases_moves_it_without_choosing_it(superuser, lavrov):
    response = post_split(superuser, lavrov, new_name="Xéc-gây Láp-rốp")
    assert response.status_code == 302
    lavrov.refresh_from_db()
    assert lavrov.aliases == ["Lavrov"]


def test_the_refusals_speak_english_in_the_english_admin(superuser, lavrov):
    client = client_for(superuser)
    client.cookies["django_language"] = "en"
    url = reverse("admin:articles_actor_split", args=[lavrov.pk])
    assert "An actor named" in client.post(url, {"new_name": "Sergey Lavrov"}).content.decode()
    assert "moves nothing" in client.post(url, {"new_name": "Someone else"}).content.decode()
