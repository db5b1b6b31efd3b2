"""Titled forms ("người đồng cấp Mali Diop", "Ngoại trưởng Lavrov") never become a person's aliases."""

import pytest

from articles.importer.actor_identity import ActorDirectory
from articles.ingest.titled_names import is_titled_name
from articles.ingest.types import ActorFound
from articles.models import Actor

pytestmark = pytest.mark.django_db


def test_no_imported_persons_alias_is_a_titled_form(imported_seed):
    people = Actor.objects.people()
    assert people.exists()
    assert [(actor.name, alias) for actor in people for alias in actor.aliases if is_titled_name(alias)] == []


def test_import_keeps_titled_forms_apart_and_does_not_match_names_by_them():
    directory = ActorDirectory.load()
    found = ActorFound(
        key="abdoulaye diop",
        name="Abdoulaye Diop",
        kind="person",
        aliases=["Diop", "người đồng cấp Mali Diop", "Ngoại trưởng Diop"],
    )
    actor = directory.resolve_unsaved(found)
    directory.flush()
    actor.refresh_from_db()
    assert actor.aliases == ["Diop"]
    assert actor.titled_names == ["người đồng cấp Mali Diop", "Ngoại trưởng Diop"]
    # The next counterpart from Mali is someone else until a curator says otherwise.
    other = ActorDirectory.load().resolve_unsaved(ActorFound(key="x", name="người đồng cấp Mali Diop", kind="person"))
    assert other.pk is None
