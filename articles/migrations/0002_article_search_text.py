from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations, models

# PostgreSQL only, so they live outside the model state: SQLite can build neither. The
# tsvector expression is spelled exactly as Django compiles SearchVector("search_folded",
# config="simple"), or the planner would not use the index.
POSTGRES_INDEXES = [
    (
        "article_search_folded_fts",
        "CREATE INDEX IF NOT EXISTS article_search_folded_fts ON articles_article USING gin "
        "(to_tsvector('simple'::regconfig, COALESCE(search_folded, '')))",
    ),
    (
        "actor_name_folded_trgm",
        "CREATE INDEX IF NOT EXISTS actor_name_folded_trgm ON articles_actor USING gin "
        "(name_folded gin_trgm_ops)",
    ),
]


def fill_search_text(apps, schema_editor):
    from articles.facts.rules import exact_text

    Article = apps.get_model("articles", "Article")
    for article in Article.objects.iterator():
        article.search_text = exact_text(" ".join([article.headline, article.caption, *article.paragraphs]))
        article.save(update_fields=["search_text"])


def create_postgres_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for _, sql in POSTGRES_INDEXES:
            schema_editor.execute(sql)


def drop_postgres_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, _ in POSTGRES_INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
    ]

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        migrations.AddField(
            model_name="article",
            name="search_text",
            field=models.TextField(
                blank=True,
                editable=False,
                help_text="Headline, caption and body in NFC lowercase, to rank exact-diacritic matches first.",
            ),
        ),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop),
        migrations.RunPython(create_postgres_indexes, drop_postgres_indexes),
    ]
