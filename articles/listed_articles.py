"""The articles a list page shows, by id: each row with its countries and tags, in one statement
compiled once per process and database.

Through ``ArticleQuerySet.for_listing`` a page of 20 cost about 3 ms to compile, and PostgreSQL
joined the country table anew for every article's chips (a hash of all 243 countries per row,
1.4–2.2 ms a page, ``docs/scaling.md``). Here the page's countries and tags are each gathered by
one grouped join over the page's ids, and only the ids change from one visit to the next.
"""

import json

from django.contrib.postgres.aggregates import JSONBAgg
from django.db import router
from django.db.models.expressions import RawSQL
from django.db.models.functions import JSONObject

from articles.compiled_query import Composed, CompiledQuery
from articles.models import Article
from articles.models.article import LISTED_COUNTRY_FIELDS, LISTED_COUNTRY_ORDER, LISTED_TAG_FIELDS, LISTED_TAG_ORDER

# What a list shows of an article (templates/fragments/articles/article_items.html): its address,
# headline, lede, credit and date; the search's snippet reads the texts as well.
LISTED_FIELDS = (
    "slug", "headline", "lede", "credit",
    "published", "published_month", "published_day", "published_precision", "published_year_inferred",
)
TEXT_FIELDS = ("caption", "paragraphs")


def id_list(ids: list[int]):
    """``pk__in`` for many ids as one array parameter: a thousand placeholders cost more to bind
    (on the client) than the queries take."""
    return RawSQL("SELECT unnest(%s::bigint[])", (ids,))


LISTED_SQL = """
SELECT page.*, countries.fields AS listed_country_fields, tags.fields AS listed_tag_fields
FROM ({page}) AS page
LEFT JOIN ({countries}) AS countries ON countries.article_id = page.id
LEFT JOIN ({tags}) AS tags ON tags.article_id = page.id
"""


def _listed(texts: bool):
    read = (*LISTED_FIELDS, *TEXT_FIELDS) if texts else LISTED_FIELDS

    def build(ids):
        def grouped(through, order: str, fields: dict):
            return (
                through.objects.filter(article_id__in=id_list(ids))
                .values("article_id")
                .annotate(fields=JSONBAgg(JSONObject(**fields), order_by=order))
                .order_by()
            )

        return Composed(
            Article,
            LISTED_SQL,
            {
                "page": Article.objects.filter(pk__in=id_list(ids)).only(*read).order_by(),
                "countries": grouped(Article.countries.through, LISTED_COUNTRY_ORDER, LISTED_COUNTRY_FIELDS),
                "tags": grouped(Article.tags.through, LISTED_TAG_ORDER, LISTED_TAG_FIELDS),
            },
        )

    # Rows by primary key: the same plan (index lookups for each id) is best for any page.
    return CompiledQuery(build, reuse_plan=True)


LISTED = {False: _listed(texts=False), True: _listed(texts=True)}


def listed_articles(ids: list[int], using: str | None = None, texts: bool = False) -> list[Article]:
    """The articles of ``ids``, in that order, with what a list shows of them: ``LISTED_FIELDS``,
    ``listed_countries()`` and ``listed_tags()`` as ``for_listing`` reads them; with ``texts``, their
    caption and paragraphs too (search snippets). Any other field is deferred. ``using``: the
    database the ids came from; by default the one the router reads articles from."""
    if not ids:
        return []
    using = using or router.db_for_read(Article)
    by_id = {}
    for article in LISTED[texts].rows(list(ids), using):
        article.listed_country_fields = _decoded(article.listed_country_fields)
        article.listed_tag_fields = _decoded(article.listed_tag_fields)
        by_id[article.pk] = article
    return [by_id[pk] for pk in ids if pk in by_id]


def _decoded(fields) -> list[dict]:
    # Django reads jsonb as text and leaves the decoding to JSONField, which a raw column lacks.
    return json.loads(fields) if fields else []
