"""Planner statistics kept fresh while an import grows the archive's tables.

PostgreSQL plans each statement from statistics that ANALYZE takes; autovacuum retakes them only
after a table has changed by a tenth, when it is on and has caught up. During a long import the
planner can keep the statistics of a table many times smaller. Seen on a server with autovacuum
off, at 479,000 imported articles: the batch's lookup of related links by title was planned for
1,364 links with no target where 956,000 stood, took 2 s per batch and held the import at
69 articles/s; after ANALYZE, 415/s. The import takes them itself, as PostgreSQL's documentation
advises after bulk loads.

It also VACUUMs what it wrote, which marks the new pages all-visible: the lists' walks of the date
index read the filter keys it carries only from pages so marked, and otherwise fetch every row
from the table (22,000 fetches and 138 ms for one list's window at 165,000 articles). Autovacuum
does this after a fifth of a table is new, where it runs. VACUUM skips the table pages already
marked, but its cleanup reads each GIN index whole: 24.7 s for every table of a million articles.
"""

from django.apps import apps
from django.db import connection

# Statistics are retaken once the import has stored this share more articles than the table held
# at the last ANALYZE, and at least GROWTH_AT_LEAST articles (ANALYZE samples 30,000 rows a
# table: about a second at a million articles, against minutes of badly planned batches).
GROWTH_SHARE = 0.25
GROWTH_AT_LEAST = 20_000
# An import that stored this many articles since the last upkeep VACUUMs them when it ends.
VACUUM_AT_END_AT_LEAST = 1_000


def archive_tables() -> list[str]:
    """The articles app's tables, many-to-many ones included."""
    tables = []
    for model in apps.get_app_config("articles").get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            tables.append(model._meta.db_table)
    return sorted(set(tables))


def articles_at_last_analyze() -> int:
    """What the statistics say the article table holds (0 before any ANALYZE); no count."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [apps.get_model("articles", "Article")._meta.db_table])
        row = cursor.fetchone()
    return max(int(row[0]), 0) if row else 0


class FreshStatistics:
    def __init__(self):
        self.analyzed_at = articles_at_last_analyze()
        self.stored = 0
        self.times_taken = 0

    def after_batch(self, stored: int):
        self.stored += stored
        total = self.analyzed_at + self.stored
        if self.stored >= max(GROWTH_AT_LEAST, GROWTH_SHARE * self.analyzed_at):
            upkeep("ANALYZE")
            self.analyzed_at, self.stored = total, 0
            self.times_taken += 1

    def finish(self):
        if self.stored >= VACUUM_AT_END_AT_LEAST:
            upkeep()
            self.stored = 0


def upkeep(options: str = ""):
    """VACUUM (with ``options``) the archive's tables; inside a transaction (a caller's atomic
    block, a test), where VACUUM cannot run, only what ANALYZE does when asked for."""
    tables = ", ".join(connection.ops.quote_name(table) for table in archive_tables())
    with connection.cursor() as cursor:
        if not connection.in_atomic_block:
            cursor.execute(f"VACUUM ({options}) {tables}" if options else f"VACUUM {tables}")
        elif options:
            cursor.execute(f"{options} {tables}")
