"""Which articles a list page shows, counts and facets: bounded, so a page costs the same at any size."""

from dataclasses import dataclass

from django.db import connections

from articles.dates import last_day_of_month
from articles.listed_articles import id_list, listed_articles
from articles.models import Article
from articles.models.key_count import ALL_ARTICLES, KeyCount


# Search results on the article list are ranked among, counted over and faceted by at most this
# many matches (the newest, or the oldest when sorted that way): a word in most articles would
# otherwise rank and count hundreds of thousands of rows for one page of 20.
SEARCH_CANDIDATES = 1000


@dataclass
class BoundedSearch:
    """The article list's view of a search: ``page_source`` for the page, ``candidates`` for facets."""

    page_source: "IdPage"  # relevance or date order, at most SEARCH_CANDIDATES articles
    candidates: object  # QuerySet of the same rows, unordered
    total: int  # rows in ``candidates``
    capped: bool  # more matches exist than were kept
    oldest: bool = False  # the kept matches are the oldest (sorted oldest first), not the newest


# Matches are looked for among the newest (oldest) SEARCH_WINDOW articles first, then among all.
# In the window, a search's matches come from the full-text index ANDed with a date range on the
# date index, so a word in a few percent of a million articles fetches a couple of thousand rows
# instead of every match (800 ms at 1M for "an ninh mạng" before); a filtered list walks the
# window's stretch of the date index, reading the filter keys it carries without touching the
# table, where the planner, misjudging how often two filters meet (it multiplies their
# frequencies), fetched every article both filters share from the table and sorted them
# (docs/scaling.md, issue 14). Too few matches in the window (a word or filters met by fewer than
# 1 in 32 articles): looked up everywhere, where they are few too. One window, not several: each
# try is a query, and a page stays within 10.
SEARCH_WINDOW = 32 * SEARCH_CANDIDATES


def window_start(oldest: bool):
    """The first day of the month that makes the newest months hold SEARCH_WINDOW dated articles
    (for ``oldest``: the last day of the month that makes the oldest months hold them), read from
    the archive's monthly counts (``KeyCount``, kept by the owner of derived facts); None when the
    archive is smaller. A month's bound takes in a few more articles than SEARCH_WINDOW: any bound
    gives the same matches (see ``newest_matching_ids``), this one costs one small query instead
    of an index walk past SEARCH_WINDOW rows."""
    month = month_holding(KeyCount.objects.months_from_the_end(ALL_ARTICLES, oldest), SEARCH_WINDOW)
    return last_day_of_month(month) if oldest and month else month


def month_holding(months, articles: int):
    """The month at which ``months`` ((month, articles) from the end the list starts at) have
    held ``articles`` in all; None when they hold fewer."""
    counted = 0
    for month, in_month in months:
        counted += in_month
        if counted >= articles:
            return month
    return None


def newest_matching_ids(by_date, oldest: bool, wanted: int) -> list[int]:
    """The first ``wanted`` ids of ``by_date`` (matches in list order), the window first."""
    everything = by_date.values_list("pk", flat=True)[:wanted]
    start = None if by_date.query.is_empty() else window_start(oldest)
    if start is None:  # a small archive, or a query known to match nothing (no SQL for it)
        return list(everything)
    window = by_date.filter(**{"published__lte" if oldest else "published__gte": start}).values_list("pk", flat=True)[:wanted]
    return window_or_everything(window, everything, wanted)


# Both tries in one statement, so a page's query count does not depend on how common its filters
# are: the second part's condition is evaluated once, before its scan, which runs only when the
# window held fewer than ``wanted`` (EXPLAIN shows it "never executed" otherwise). When the window
# holds ``wanted`` matches, every later match is older (newer) than these, so they are the first.
WINDOW_OR_EVERYTHING_SQL = """
    WITH window_ids AS MATERIALIZED (SELECT row_number() OVER () AS at, pk FROM ({window}) AS kept (pk))
    SELECT pk FROM (
        SELECT 0 AS part, at, pk FROM window_ids WHERE (SELECT count(*) FROM window_ids) = %s
        UNION ALL
        SELECT 1, row_number() OVER (), pk FROM ({everything}) AS kept (pk)
            WHERE (SELECT count(*) FROM window_ids) < %s
    ) AS chosen
    ORDER BY part, at
"""


def window_or_everything(window, everything, wanted: int) -> list[int]:
    """The ids of ``window`` if it has ``wanted`` of them, else those of ``everything``."""
    window_sql, window_params = window.query.sql_with_params()
    everything_sql, everything_params = everything.query.sql_with_params()
    with connections[everything.db].cursor() as cursor:
        cursor.execute(
            WINDOW_OR_EVERYTHING_SQL.format(window=window_sql, everything=everything_sql),
            [*window_params, wanted, *everything_params, wanted],
        )
        return [pk for (pk,) in cursor.fetchall()]


def bounded_search(filtered, query: str, sort: str) -> BoundedSearch:
    """Keep the ``SEARCH_CANDIDATES`` newest (oldest for ``sort == "oldest"``) of the ``filtered``
    matches (see SEARCH_WINDOW), then rank or sort only those. ``filtered`` is the filterset's
    result for ``query``, with every filter."""
    by_date = filtered.oldest_first() if sort == "oldest" else filtered.newest_first()
    ids = newest_matching_ids(by_date, sort == "oldest", SEARCH_CANDIDATES + 1)
    capped = len(ids) > SEARCH_CANDIDATES
    ids = ids[:SEARCH_CANDIDATES]
    candidates = filtered.model.objects.filter(pk__in=id_list(ids))
    if sort not in ("newest", "oldest"):  # the ids are in date order already
        ids = list(candidates.ranked_by(query).most_relevant_first().values_list("pk", flat=True))
    return BoundedSearch(
        page_source=IdPage(ids, candidates.db, texts=True),
        candidates=candidates,
        total=len(ids),
        capped=capped,
        oldest=sort == "oldest",
    )


# The plain article list (no search words) pages through at most this many articles (50 pages),
# newest (or oldest) first, and counts facets over them: an exact COUNT and facet counts over
# every article of a broad filter cost seconds at a million articles, and even finding the
# newest 10,000 of two broad filters costs 200 ms where 1,000 cost 20 (a walk of the date
# index that stops at the limit). The month facet, dates and more filters reach the rest;
# feeds and exports see every match.
LIST_LIMIT = 1_000


class IdPage:
    """What Paginator needs from a list whose ids are already known in order: the articles of a
    slice are fetched by primary key, in that order, as a list shows them (``listed_articles``)."""

    def __init__(self, ids: list[int], using: str, texts: bool = False):
        self.ids, self.using, self.texts = ids, using, texts

    def count(self) -> int:
        return len(self.ids)

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, index):
        wanted = self.ids[index] if isinstance(index, slice) else [self.ids[index]]
        found = listed_articles(wanted, self.using, self.texts)
        return found if isinstance(index, slice) else found[0]


@dataclass
class BoundedList:
    page_source: IdPage
    candidates: object  # QuerySet: the first SEARCH_CANDIDATES rows, for facet counts
    total: int
    capped: bool  # more than LIST_LIMIT articles match
    sampled: bool  # facets count only the first SEARCH_CANDIDATES
    oldest: bool = False


def bounded_list(filtered, sort: str) -> BoundedList:
    """Up to LIST_LIMIT ids in list order (an index walk, the window first, no COUNT); pages fetch
    their 20 rows by id, facets count the first SEARCH_CANDIDATES."""
    by_date = filtered.oldest_first() if sort == "oldest" else filtered.newest_first()
    ids = newest_matching_ids(by_date, sort == "oldest", LIST_LIMIT + 1)
    capped = len(ids) > LIST_LIMIT
    ids = ids[:LIST_LIMIT]
    return BoundedList(
        page_source=IdPage(ids, filtered.db),
        candidates=filtered.model.objects.filter(pk__in=id_list(ids[:SEARCH_CANDIDATES])),
        total=len(ids),
        capped=capped,
        sampled=len(ids) > SEARCH_CANDIDATES,
        oldest=sort == "oldest",
    )


def newest_with_key(key: str, months: list[dict], count: int) -> list[Article]:
    """The ``count`` newest articles with filter key ``key``, given its ``months`` (as
    ``KeyCount.objects.coverage`` gives them, oldest first): bounded to the newest months that hold
    ``count`` of them, so PostgreSQL reads those months' stretch of the date index (or ANDs it
    with the key's) instead of every article with the key, sorted (at a million articles, an
    actor's 2,000). Undated articles sort last: only a key with fewer dated ones reaches them."""
    articles = Article.objects.with_filter_keys([key]).newest_first()
    start = month_holding(((row["month"], row["count"]) for row in reversed(months)), count)
    if start is not None:
        articles = articles.filter(published__gte=start)
    return listed_articles(list(articles.values_list("pk", flat=True)[:count]), articles.db)
