"""Statements that PostgreSQL may plan once and run again: prepared, with a generic plan allowed.

Planning is most of what the database spends on a page that runs the same shape each visit: the
article page's one query with its seven subqueries cost about 2 ms of PostgreSQL's CPU planned
anew each visit, under 1 ms run on its generic plan (docs/scaling.md, issue 14). But a generic
plan is chosen without the values, and where the best plan depends on them it can be ruinous: a
search of every article took 2 s instead of 140 ms at a million articles once PostgreSQL (after
five runs) switched to one plan for common and rare words alike. So connections prepare nothing
(every other statement is planned for its values), and only shapes whose plan cannot depend on
the values - a lookup by a unique key - run inside ``reusing_plans``.
"""

from contextlib import contextmanager

from django.db import DatabaseError, connections

# Prepared on its first run inside the block; PostgreSQL itself decides, after five custom plans,
# whether the generic one is as cheap (plan_cache_mode=auto).
PREPARE_AT_FIRST_RUN = 0


@contextmanager
def reusing_plans(using: str):
    """Statements run inside are prepared on the server and may keep a generic plan. Where prepared
    statements are off (DJANGO_DB_PREPARED_STATEMENTS=0, behind a transaction pooler), parameters
    are bound on the client, whose cursors never prepare: then it changes nothing.

    A prepared statement that fails (dropped by a DEALLOCATE or DISCARD behind psycopg's back, or
    "cached plan must not change result type" after a migration altered a column while this
    process ran) would fail again on every later visit: psycopg forgets it only if its PREPARE
    failed. So an error closes the connection itself, not only Django's hold on it: a pooled
    connection handed back open would go on failing for whichever request the pool gave it to.
    """
    connection = connections[using]
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    driver = connection.connection
    before = driver.prepare_threshold
    driver.prepare_threshold = PREPARE_AT_FIRST_RUN
    try:
        yield
    except DatabaseError:
        driver.close()  # the pool discards a closed connection instead of lending it again
        connection.close()
        raise
    finally:
        driver.prepare_threshold = before
