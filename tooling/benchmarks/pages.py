"""The pages the benchmark requests, chosen from what the import put in the database.

Paths follow the reader site's URLs: /articles/ (filters q, country, actor, tag, with facets),
/articles/<slug>/, /countries/<code>/, /actors/<slug>/. Each kind gets several URLs so the
timings are not one cached row.
"""

import random
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count

from articles.ingest.folding import fold
from articles.models import Actor, Article, Country

# Three searches of different selectivity in the synthetic corpus: a word pair in nearly every
# article, a topic in a few percent, a name from the tail of the country list (well under 1%).
SEARCHES = {
    "broad": "hợp tác",
    "medium": "an ninh mạng",
    "narrow": "ngoai truong phan lan",
}


@dataclass
class PageSet:
    urls: dict[str, list[str]] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)

    def first(self, kind: str) -> str | None:
        return (self.urls.get(kind) or [None])[0]


def url(path: str, **params) -> str:
    return f"{path}?{urlencode(params)}" if params else path


def most_named_actor(code: str) -> str | None:
    """The slug of the actor named in most of the country's articles."""
    return (
        Actor.objects.filter(articles__countries__code=code)
        .values("slug")
        .annotate(n=Count("id"))
        .order_by("-n")
        .values_list("slug", flat=True)
        .first()
    )


def choose_pages(samples: int = 50, seed: int = 0) -> PageSet:
    rng = random.Random(seed)
    pages = PageSet()
    ids = list(Article.objects.order_by("?").values_list("slug", flat=True)[:samples]) if samples else []
    # ORDER BY random() over a million rows is one sequential scan: fine once per run.
    pages.urls["detail"] = [url(f"/articles/{slug}/") for slug in ids]

    countries = list(
        Country.objects.annotate(n=Count("articles")).filter(n__gt=0).order_by("-n").values_list("code", "n")[:20]
    )
    pages.urls["country"] = [url(f"/countries/{code}/") for code, _ in countries]

    actors = list(
        Actor.objects.annotate(n=Count("articles")).filter(n__gt=0).order_by("-n").values_list("slug", "n")[:200]
    )
    rng.shuffle(actors)
    pages.urls["actor"] = [url(f"/actors/{slug}/") for slug, _ in actors[:samples]]

    # Two filters (a country and an actor of that country's articles) plus the facets the page shows.
    lists = []
    for code, _ in countries[:10]:
        actor = most_named_actor(code)
        if actor:
            lists.append(url("/articles/", country=code, actor=actor))
    pages.urls["list"] = lists
    pages.urls["list_unfiltered"] = [url("/articles/")]
    # The same kind of page (a country and its most named actor) for the least covered country,
    # so it lists a handful of rows instead of a full page: query counts must not move.
    rare = countries[-1][0] if countries else "FI"
    rare_actor = most_named_actor(rare)
    pages.urls["list_small"] = [url("/articles/", country=rare, **({"actor": rare_actor} if rare_actor else {}))]

    pages.urls["search"] = [url("/articles/", q=query) for query in SEARCHES.values()]
    pages.notes["search_hits"] = {
        name: Article.objects.filter(search_folded__contains=fold(query)).count() for name, query in SEARCHES.items()
    }
    return pages
