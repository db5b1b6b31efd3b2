"""Indexes for the import at scale.

source_file: every batch looks its 500 paths up; without an index that was a sequential scan of
the article table per batch (seconds per batch at a million articles). Removed: indexes nothing
reads, which each import row paid for (published alone, served by the (published, id) indexes
in both directions; mention.article alone, served by the (article, section, paragraph, start)
index; the history table's copies of the article's lookup indexes).

PostgreSQL: the long text columns are compressed with lz4 instead of pglz (values written from
now on), several times faster to compress and to read back; the import writes the text in four
forms per article. A server built without lz4 keeps pglz, and the migration says so.
"""

import logging

import django.db.models.deletion
from django.db import DatabaseError, migrations, models, transaction

logger = logging.getLogger(__name__)

LONG_TEXT_COLUMNS = {
    "articles_article": ["caption", "paragraphs", "search_folded", "search_text", "search_vector"],
    "articles_historicalarticle": ["caption", "paragraphs"],
}


def compress_with(method: str):
    def apply(apps, schema_editor):
        connection = schema_editor.connection
        if connection.vendor != "postgresql":
            return
        quote = connection.ops.quote_name
        try:
            with transaction.atomic(using=connection.alias):
                for table, columns in LONG_TEXT_COLUMNS.items():
                    changes = ", ".join(f"ALTER COLUMN {quote(column)} SET COMPRESSION {method}" for column in columns)
                    schema_editor.execute(f"ALTER TABLE {quote(table)} {changes}")
        except DatabaseError as error:
            logger.warning("text columns keep their compression (%s)", error)

    return apply


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0007_tsvector_match_cost'),
    ]

    operations = [
        migrations.AlterField(
            model_name='article',
            name='published',
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddIndex(
            model_name='article',
            index=models.Index(fields=['source_file'], name='article_source_file_idx'),
        ),
        migrations.AlterField(
            model_name='historicalarticle',
            name='content_hash',
            field=models.CharField(max_length=64),
        ),
        migrations.AlterField(
            model_name='historicalarticle',
            name='headline_folded',
            field=models.CharField(editable=False, max_length=500),
        ),
        migrations.AlterField(
            model_name='historicalarticle',
            name='published',
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AlterField(
            model_name='historicalarticle',
            name='slug',
            field=models.SlugField(db_index=False, max_length=220),
        ),
        migrations.AlterField(
            model_name='mention',
            name='article',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='mentions', to='articles.article'),
        ),
        migrations.RunPython(compress_with("lz4"), compress_with("pglz")),
    ]
