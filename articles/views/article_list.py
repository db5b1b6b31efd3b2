from django.shortcuts import render

from articles.facets import active_filters, article_facets, query_string
from articles.search import snippet
from articles.views.common import article_filter, paginate


def article_list(request):
    filterset = article_filter(request)
    articles = filterset.qs
    cleaned = filterset.valid_data
    page = paginate(request, articles.for_listing())
    if cleaned.get("q"):
        for article in page:
            article.snippet = snippet(article, cleaned["q"])
    return render(
        request,
        "articles/article_list.html",
        {
            "filterset": filterset,
            "page": page,
            "facets": article_facets(articles, cleaned, request.GET),
            "active_filters": active_filters(cleaned, request.GET),
            "query_string": query_string(request.GET),
        },
    )
