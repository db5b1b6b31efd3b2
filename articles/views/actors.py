from django.shortcuts import render

from articles.facets import link_params
from articles.facts.rules import filter_key
from articles.filters import ActorFilter
from articles.models import Actor, ActorRedirect, KeyCount
from articles.search.selection import newest_with_key
from articles.views.common import paginate
from articles.views.renamed import follows_renames, get_by_slug_or_moved

RECENT_ARTICLES = 20
# An actor quoted in thousands of articles had a page of every quote, each read with its article's
# whole row (the body included): the newest ones, with the headline and address they link.
RECENT_QUOTES = 20


def actor_list(request):
    filterset = ActorFilter(
        request.GET, queryset=Actor.objects.select_related("country").with_article_counts()
    )
    return render(
        request,
        "articles/actor_list.html",
        {
            "filterset": filterset,
            "page": paginate(request, filterset.qs.order_by("-article_count", "name_sort")),
            "link_params": link_params(filterset, request.GET),
        },
    )


@follows_renames
def actor_detail(request, slug):
    actor = get_by_slug_or_moved(Actor.objects.select_related("country"), ActorRedirect.objects.all(), "actor", slug)
    key = filter_key("actor", actor.pk)
    article_count, months = KeyCount.objects.coverage(key)
    return render(
        request,
        "articles/actor_detail.html",
        {
            "actor": actor,
            "quotes": actor.quotes.select_related("article")
            .only("text", "speaker", "article", "article__slug", "article__headline")
            .order_by("-article__published", "article", "start")[:RECENT_QUOTES],
            "articles": newest_with_key(key, months, RECENT_ARTICLES),
            "article_count": article_count,
            "months": months,
        },
    )
