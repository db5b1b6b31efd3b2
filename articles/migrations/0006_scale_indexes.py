"""Indexes for a million articles.

PostgreSQL only (outside the model state, like migration 0002's): the folded search text's
tsvector is stored in a generated column, so matching and ranking read it instead of parsing
every candidate's text again; its GIN index replaces 0002's expression index. And an index in
the exact order of ``newest_first`` (``published DESC NULLS LAST, id DESC``): the model's
``-published, -id`` index sorts NULLs first, so the planner could not use it for the lists.

Both databases: the many-to-many tables get (target, article) indexes next to Django's unique
(article, target) ones, so a country/actor/tag filter and the facet counts read the index only.
"""

from django.db import migrations

POSTGRES_FORWARD = [
    "ALTER TABLE articles_article ADD COLUMN IF NOT EXISTS search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, COALESCE(search_folded, ''))) STORED",
    "CREATE INDEX IF NOT EXISTS article_search_vector_gin ON articles_article USING gin (search_vector)",
    "DROP INDEX IF EXISTS article_search_folded_fts",
    "CREATE INDEX IF NOT EXISTS article_newest_nulls_last_idx ON articles_article (published DESC NULLS LAST, id DESC)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS article_newest_nulls_last_idx",
    "CREATE INDEX IF NOT EXISTS article_search_folded_fts ON articles_article USING gin "
    "(to_tsvector('simple'::regconfig, COALESCE(search_folded, '')))",
    "DROP INDEX IF EXISTS article_search_vector_gin",
    "ALTER TABLE articles_article DROP COLUMN IF EXISTS search_vector",
]
THROUGH_TABLES = [("countries", "country_id"), ("actors", "actor_id"), ("tags", "tag_id")]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in POSTGRES_FORWARD:
            schema_editor.execute(sql)
    for table, column in THROUGH_TABLES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS article_{table}_by_target ON articles_article_{table} ({column}, article_id)"
        )


def backward(apps, schema_editor):
    for table, _ in THROUGH_TABLES:
        schema_editor.execute(f"DROP INDEX IF EXISTS article_{table}_by_target")
    if schema_editor.connection.vendor == "postgresql":
        for sql in POSTGRES_BACKWARD:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_history_for_reference_data"),
    ]

    operations = [migrations.RunPython(forward, backward)]
