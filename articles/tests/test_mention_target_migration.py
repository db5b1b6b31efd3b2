"""The migration that adds the kind↔target check mends the rows that would break it first."""

import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.db import connection

from articles.models import Mention
from articles.tests.factories import ActorFactory, ArticleFactory, country

pytestmark = pytest.mark.django_db

# Found by its name: the number in front may change when branches are merged.
[MIGRATION_FILE] = Path(__file__).parent.parent.joinpath("migrations").glob("*_curator_mention_target.py")
migration = importlib.import_module(f"articles.migrations.{MIGRATION_FILE.stem}")


def test_rows_breaking_the_check_are_mended_or_deleted_and_the_check_then_holds(capsys):
    article = ArticleFactory(paragraphs=["Ngoại trưởng Nga Sergey Lavrov."])
    lavrov, russia = ActorFactory(name="Sergey Lavrov"), country("RU")
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE articles_mention DROP CONSTRAINT mention_target_matches_kind")
    cases = {
        "valid": ({"kind": "actor", "actor": lavrov}, ("actor", lavrov.pk, None, None)),
        "kind of another target": ({"kind": "place", "actor": lavrov}, ("actor", lavrov.pk, None, None)),
        "extra targets": ({"kind": "country", "country": russia, "actor": lavrov}, ("country", None, "RU", None)),
        "no target": ({"kind": "actor"}, None),
        "several targets, none of its kind": ({"kind": "place", "actor": lavrov, "country": russia}, None),
    }
    ids = {}
    for name, (fields, _) in cases.items():
        [mention] = Mention.objects.bulk_create(
            [Mention(article=article, surface="Lavrov", paragraph=0, start=24, end=30, **fields)]
        )
        ids[name] = mention.pk

    with connection.schema_editor() as editor:
        migration.mend_mentions(apps, editor)
        editor.add_constraint(Mention, migration.Migration.operations[1].constraint)

    for name, (_, expected) in cases.items():
        row = Mention.objects.filter(pk=ids[name]).values_list("kind", "actor_id", "country_id", "place_id").first()
        assert row == expected, name
    assert "2 without a clear target deleted, 1 given their target's kind, 1 rid of extra targets" in capsys.readouterr().out
