"""Facet counts and filter links for a filtered article list.

Every count is computed from the filtered queryset, so a facet says how many of the articles
on screen it would keep; every link is the current URL with one filter added or removed.
"""

from urllib.parse import urlencode
from dataclasses import dataclass

from django.http import QueryDict

from articles.dates import last_day_of_month
from articles.facts.rules import filter_key
from articles.models import Actor, Country, Place, Tag

FACET_SIZE = 12
MONTH_FACET_SIZE = 24
# Paging restarts whenever the filters change.
NOT_CARRIED = ("page",)

# Filters with many values, and the attribute of an item that its parameter carries.
ITEM_FILTERS = {"country": "code", "actor": "slug", "tag": "slug", "place": "key"}


def link_params(filterset, params: QueryDict) -> QueryDict:
    """``params`` without the parameters the filter form refused: a value the page ignores (a
    3 KB ``q``, an unknown country) is not copied into every facet, export and page link."""
    kept = params.copy()
    for name in filterset.form.errors:
        kept.pop(name, None)
    return kept


def query_string(params: QueryDict, **changes) -> str:
    """``params`` as ``?a=1&b=2`` with each ``name=list`` replacing that parameter, page dropped.

    Built from pairs rather than an edited copy of ``params``: a list page makes some 80 of these
    links, and copying a QueryDict (a deep copy) was most of their cost."""
    changed = {name: [value for value in values if value not in ("", None)] for name, values in changes.items()}
    pairs = []
    for name, values in params.lists():
        if name not in NOT_CARRIED:
            pairs += [(name, value) for value in changed.pop(name, values)]
    for name, values in changed.items():
        pairs += [(name, value) for value in values]
    encoded = urlencode(pairs)
    return f"?{encoded}" if encoded else "?"


def adding(params: QueryDict, name: str, value: str) -> str:
    values = params.getlist(name)
    return query_string(params, **{name: values if value in values else [*values, value]})


def removing(params: QueryDict, name: str, value: str | None = None) -> str:
    """Drops ``value`` of ``name`` (in any case: ?country=ru is RU), or every value without one."""
    kept = [v for v in params.getlist(name) if value is not None and v.upper() != value.upper()]
    return query_string(params, **{name: kept})


@dataclass(frozen=True)
class FacetItem:
    item: object  # a Country, Actor or Tag, or the first day of a month
    count: int
    url: str


@dataclass(frozen=True)
class ActiveFilter:
    name: str  # the parameter: "country", "q", …
    label: str  # the filter's label: "Quốc gia"
    item: object  # what the template shows: a model instance, a date or the query text
    remove_url: str


@dataclass(frozen=True)
class Source:
    """A news agency or outlet: known by its name alone."""

    name: str


# Per filter key kind: the facet, its parameter, and the item the template shows, built from the
# identifier and names ``Article.key_counts`` returns.
KEY_FACETS = {
    "c": ("countries", "country", lambda code, name, name_en: Country(code=code, name_vi=name, name_en=name_en)),
    "a": ("actors", "actor", lambda slug, name, _: Actor(slug=slug, name=name)),
    "t": ("tags", "tag", lambda slug, name, _: Tag(slug=slug, name=name)),
    "p": ("places", "place", lambda key, name, _: Place(key=key, name=name)),
    "s": ("sources", "source", lambda name, _, __: Source(name)),
}


def article_facets(articles, cleaned: dict, params: QueryDict) -> dict[str, list[FacetItem]]:
    chosen = [filter_key(param, item.pk) for param in ITEM_FILTERS for item in cleaned.get(param) or []]
    if cleaned.get("source"):
        chosen.append(filter_key("source", cleaned["source"]))
    facets = {name: [] for name, _, _ in KEY_FACETS.values()}
    for prefix, count, identifier, name, name_en in articles.key_counts(FACET_SIZE, chosen):
        facet, param, item = KEY_FACETS[prefix]
        facets[facet].append(FacetItem(item(identifier, name, name_en), count, adding(params, param, identifier)))
    months = list(articles.month_counts())[-MONTH_FACET_SIZE:]
    facets["months"] = [FacetItem(row["month"], row["count"], month_url(params, row["month"])) for row in reversed(months)]
    return facets


def month_url(params: QueryDict, month) -> str:
    last_day = last_day_of_month(month)
    return query_string(params, date_after=[month.isoformat()], date_before=[last_day.isoformat()])



def active_filters(filterset, params: QueryDict) -> list[ActiveFilter]:
    """The filters in effect, each with the URL that drops it; invalid values are not in ``cleaned``."""
    cleaned = filterset.valid_data
    labels = {name: filterset.filters[name].label for name in filterset.filters}
    active = []
    if cleaned.get("q"):
        active.append(ActiveFilter("q", labels["q"], cleaned["q"], removing(params, "q")))
    for name, key in ITEM_FILTERS.items():
        for item in cleaned.get(name) or []:
            active.append(ActiveFilter(name, labels[name], item, removing(params, name, getattr(item, key))))
    for name in ("date_after", "date_before"):
        if cleaned.get(name):
            active.append(ActiveFilter(name, labels[name], cleaned[name], removing(params, name)))
    if cleaned.get("source"):
        active.append(ActiveFilter("source", labels["source"], Source(cleaned["source"]), removing(params, "source")))
    return active
