"""Article counts per filter key and month, so a country, actor, relation or home page reads a few
rows instead of counting hundreds of thousands of articles.

The rows are an aggregate of what the owner of derived facts stores (``Article.filter_keys`` and
``Article.published``): a trigger on the article table adds each written statement's difference
(``KEY_COUNT_TRIGGER_SQL``, installed by migration 0013), so every write path, the import's COPY
and cascading deletes included, keeps them exact without a second place doing it by hand.
``check_archive`` compares them with a fresh count and ``--repair`` rebuilds them.
"""

from django.db import connection, models
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Concat
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from articles.facts.rules import KEY_PREFIX, filter_key

# The key every article counts under: the whole archive.
ALL_ARTICLES = "*"

# One row per key for all time (month NULL, undated articles included) and one per key and month
# (dated articles only). Built from a statement's transition tables: one aggregate per statement,
# however many rows the import's COPY or a bulk update wrote. Keys are locked in sorted order, so
# two writers of the same keys wait for each other instead of deadlocking.
KEY_COUNT_DELTAS_SQL = """
    WITH delta AS (
        SELECT key, month, sum(change)::integer AS change
        FROM ({changed}) AS changed (filter_keys, published, change),
             unnest(changed.filter_keys || '{{*}}'::varchar(80)[]) AS key,
             LATERAL (VALUES (NULL::date, true), (date_trunc('month', changed.published)::date, false))
                 AS months (month, all_time)
        WHERE months.all_time OR months.month IS NOT NULL
        GROUP BY key, month
        HAVING sum(change) <> 0
    )
    INSERT INTO articles_keycount AS counted (key, month, articles)
    SELECT key, month, change FROM delta ORDER BY key, month NULLS FIRST
    ON CONFLICT (key, month) DO UPDATE SET articles = counted.articles + excluded.articles;
    -- A key no article has any more (a merged actor, a removed tag): the partial index finds it.
    DELETE FROM articles_keycount WHERE articles = 0
"""

NEW_ROWS = "SELECT filter_keys, published, 1 FROM new_rows"
OLD_ROWS = "SELECT filter_keys, published, -1 FROM old_rows"

KEY_COUNT_TRIGGER_SQL = f"""
CREATE OR REPLACE FUNCTION articles_keycount_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        {KEY_COUNT_DELTAS_SQL.format(changed=NEW_ROWS)};
    ELSIF TG_OP = 'UPDATE' THEN
        {KEY_COUNT_DELTAS_SQL.format(changed=NEW_ROWS + " UNION ALL " + OLD_ROWS)};
    ELSE
        {KEY_COUNT_DELTAS_SQL.format(changed=OLD_ROWS)};
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER articles_keycount_insert AFTER INSERT ON articles_article
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION articles_keycount_apply();
CREATE TRIGGER articles_keycount_update AFTER UPDATE ON articles_article
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION articles_keycount_apply();
CREATE TRIGGER articles_keycount_delete AFTER DELETE ON articles_article
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION articles_keycount_apply();
"""

DROP_KEY_COUNT_TRIGGER_SQL = """
DROP TRIGGER IF EXISTS articles_keycount_insert ON articles_article;
DROP TRIGGER IF EXISTS articles_keycount_update ON articles_article;
DROP TRIGGER IF EXISTS articles_keycount_delete ON articles_article;
DROP FUNCTION IF EXISTS articles_keycount_apply();
"""

# The same counts from scratch, as (key, month, articles) rows: what check_archive compares
# against and --repair stores.
FRESH_KEY_COUNTS_SQL = """
    SELECT key, month, count(*)::integer
    FROM articles_article AS article,
         unnest(article.filter_keys || '{*}'::varchar(80)[]) AS key,
         LATERAL (VALUES (NULL::date, true), (date_trunc('month', article.published)::date, false))
             AS months (month, all_time)
    WHERE months.all_time OR months.month IS NOT NULL
    GROUP BY key, month
"""


class KeyCountQuerySet(models.QuerySet):
    def total(self, key: str) -> int:
        return self.filter(key=key, month=None).values_list("articles", flat=True).first() or 0

    def months(self, key: str) -> list[dict]:
        """``{"month": date, "count": n}`` per month with articles, oldest first (as ``month_counts``)."""
        return self.coverage(key)[1]

    def months_from_the_end(self, key: str, oldest: bool) -> list[tuple]:
        """(month, articles) of ``key``'s dated articles, newest month first (oldest first for ``oldest``)."""
        order = models.F("month").asc() if oldest else models.F("month").desc()
        return list(self.filter(key=key, month__isnull=False).order_by(order).values_list("month", "articles"))

    def coverage(self, key: str) -> tuple[int, list[dict]]:
        """The all-time count and the months of ``months()``, in one query."""
        rows = list(self.filter(key=key).order_by(models.F("month").asc(nulls_first=True)).values_list("month", "articles"))
        total = rows[0][1] if rows and rows[0][0] is None else 0
        return total, [{"month": month, "count": count} for month, count in rows if month is not None]

    def pair_counts(self, code: str | None = None) -> list[dict]:
        """Country pairs the articles state relations of, most covered first, as
        ``BilateralRelation.objects.pair_counts`` shaped them: codes, names, ``article_count``, the
        first and last months. ``code``: only the pairs involving that country.

        One country's pairs are looked up by their exact keys ("r:FR-US" for every other country)
        through the (key, month) index: a LIKE on the key reads every row of the table (171,000 at
        a million articles), as no collation but "C" lets PostgreSQL take a prefix from the index."""
        prefix = f"{KEY_PREFIX['relation']}:"
        countries = {
            row[0]: row for row in self.model._meta.apps.get_model("articles", "Country").objects.order_by().values_list("code", "name_vi", "name_en")
        }
        if code:
            keys = [filter_key("relation", "-".join(sorted((code, other)))) for other in countries if other != code]
            # One array parameter, probed key by key in the index (250 placeholders cost more to
            # bind than the query takes, and an IN over a subquery may be planned as a scan).
            pairs = self.filter(RawSQL("key = ANY(%s::varchar[])", (keys,), output_field=models.BooleanField()))
        else:
            pairs = self.filter(key__startswith=prefix)
        # The all-time rows only, each with its first and last month read from the ends of the
        # (key, month) index: aggregating every month row of 250 keys made PostgreSQL expect
        # 28,000 of them and scan the whole table (36 ms at a million articles).
        months = self.filter(key=models.OuterRef("key"), month__isnull=False).values("month")
        rows = list(
            pairs.filter(month=None)
            .annotate(
                article_count=models.F("articles"),
                first_published=models.Subquery(months.order_by("month")[:1]),
                last_published=models.Subquery(months.order_by("-month")[:1]),
            )
            .values("key", "article_count", "first_published", "last_published")
            .order_by("-article_count", "key")
        )
        for row in rows:
            row["first"], row["second"] = row.pop("key")[len(prefix):].split("-")
            for side in ("first", "second"):
                row[f"{side}__name_vi"], row[f"{side}__name_en"] = countries[row[side]][1:]
        return rows

    def stale(self) -> list[tuple[str, object, int, int]]:
        """(key, month, stored, counted) for every row that differs from a fresh count."""
        with connection.cursor() as cursor:
            cursor.execute(
                f"""
                SELECT coalesce(stored.key, fresh.key), coalesce(stored.month, fresh.month),
                       coalesce(stored.articles, 0), coalesce(fresh.articles, 0)
                FROM articles_keycount AS stored
                FULL JOIN ({FRESH_KEY_COUNTS_SQL}) AS fresh (key, month, articles)
                    ON stored.key = fresh.key AND stored.month IS NOT DISTINCT FROM fresh.month
                WHERE stored.articles IS DISTINCT FROM fresh.articles
                ORDER BY 1, 2 NULLS FIRST
                """
            )
            return cursor.fetchall()

    def rebuild(self):
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM articles_keycount")
            cursor.execute(f"INSERT INTO articles_keycount (key, month, articles) {FRESH_KEY_COUNTS_SQL}")


def article_count_of(kind: str) -> models.Subquery:
    """The all-time article count of the outer row's filter key (``kind``: "actor", "country", …),
    0 when no article has it: an annotation for lists ordered by coverage."""
    key = Concat(models.Value(filter_key(kind, "")), Cast(models.OuterRef("pk"), models.CharField()))
    return models.functions.Coalesce(
        models.Subquery(KeyCount.objects.filter(key=key, month=None).values("articles")[:1]), 0
    )


class KeyCount(models.Model):
    key = models.CharField(_("khoá lọc"), max_length=80)
    month = models.DateField(_("tháng"), null=True)
    articles = models.IntegerField(_("số bài"))

    objects = KeyCountQuerySet.as_manager()

    class Meta:
        verbose_name = _("số bài theo khoá lọc")
        verbose_name_plural = pgettext_lazy("số nhiều", "số bài theo khoá lọc")
        constraints = [
            models.UniqueConstraint(fields=["key", "month"], name="key_count_once", nulls_distinct=False),
        ]
        indexes = [models.Index(fields=["id"], condition=models.Q(articles=0), name="key_count_emptied")]

    def __str__(self):
        return f"{self.key} {self.month or '*'}: {self.articles}"
