from django.core.paginator import Paginator
from django.shortcuts import render

from articles.caching import cached_value
from articles.facets import active_filters, article_facets, link_params, query_string
from articles.search.highlight import snippet
from articles.search.selection import LIST_LIMIT, SEARCH_CANDIDATES, bounded_list, bounded_search
from articles.views.common import PAGE_SIZE, article_filter


def facets_key(params) -> tuple[str, ...]:
    """The filters a facet list depends on, in a fixed order: paging does not change it."""
    return tuple(f"{name}={value}" for name in sorted(params) if name != "page" for value in params.getlist(name))


def article_list(request):
    filterset = article_filter(request)
    params = link_params(filterset, request.GET)
    articles = filterset.qs
    cleaned = filterset.valid_data
    search = listing = None
    if cleaned.get("q"):
        # Ranked, counted and faceted over a bounded set of matches (see search.bounded_search).
        search = bounded_search(articles, cleaned["q"], cleaned.get("sort") or "relevance")
        paginator = Paginator(search.page_source, PAGE_SIZE)
        paginator.count = search.total  # known already: no COUNT query
        page = paginator.get_page(request.GET.get("page"))
        for article in page:
            article.snippet = snippet(article, cleaned["q"])
        counted = search.candidates
    else:
        listing = bounded_list(articles, cleaned.get("sort") or "newest")
        paginator = Paginator(listing.page_source, PAGE_SIZE)
        page = paginator.get_page(request.GET.get("page"))
        counted = listing.candidates
    # Facet counts are the costly part of a broad list; paging and signed-in readers reuse them.
    facets = cached_value("facets", facets_key(params), lambda: article_facets(counted, cleaned, params))
    return render(
        request,
        "articles/article_list.html",
        {
            "filterset": filterset,
            "page": page,
            "facets": facets,
            "search": search,
            "named_in_search": filterset.named_in_search,
            "listing": listing,
            "list_limit": LIST_LIMIT,
            "search_candidates": SEARCH_CANDIDATES,
            "active_filters": active_filters(filterset, params),
            "query_string": query_string(params),
            "link_params": params,
        },
    )
