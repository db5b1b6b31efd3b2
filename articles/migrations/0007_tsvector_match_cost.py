"""PostgreSQL: tell the planner what matching a stored tsvector costs.

``@@`` (``ts_match_vq``) is declared as cheap as ``=``, but each row's vector is TOASTed and
must be read and decompressed: for a word in a few percent of the articles the planner chose a
sequential scan matching every row (73 ms at 10k, seconds at 1M) over the GIN index (12 ms).
A cost of 100 makes it prefer the GIN index for selective queries and keep walking the date
index for common words. The cost belongs to this database's catalog only. It needs the
function's owner (a superuser); without that right the migration leaves it and says so.
"""

import logging

from django.db import DatabaseError, migrations, transaction

logger = logging.getLogger(__name__)


def set_cost(cost: int):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        try:
            with transaction.atomic(using=schema_editor.connection.alias):
                schema_editor.execute(f"ALTER FUNCTION ts_match_vq(tsvector, tsquery) COST {cost}")
        except DatabaseError as error:
            logger.warning("ts_match_vq cost left unchanged (%s); searches may pick slower plans", error)

    return apply


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_scale_indexes"),
    ]

    operations = [migrations.RunPython(set_cost(100), set_cost(1))]
