from django.db.models import Count
from django.shortcuts import render

from articles.caching import cached_value
from articles.facets import link_params
from articles.filters import ActorFilter
from articles.models import Actor, ActorRedirect
from articles.views.common import paginate
from articles.views.renamed import follows_renames, get_by_slug_or_moved

RECENT_ARTICLES = 20


def actor_list(request):
    filterset = ActorFilter(
        request.GET, queryset=Actor.objects.select_related("country").annotate(article_count=Count("articles"))
    )
    return render(
        request,
        "articles/actor_list.html",
        {
            "filterset": filterset,
            "page": paginate(request, filterset.qs.order_by("-article_count", "name")),
            "link_params": link_params(filterset, request.GET),
        },
    )


@follows_renames
def actor_detail(request, slug):
    actor = get_by_slug_or_moved(Actor.objects.select_related("country"), ActorRedirect.objects.all(), "actor", slug)
    articles = actor.articles.all()
    return render(
        request,
        "articles/actor_detail.html",
        {
            "actor": actor,
            "quotes": actor.quotes.select_related("article").order_by("-article__published", "article", "start"),
            "articles": articles.newest_first().for_listing()[:RECENT_ARTICLES],
            "article_count": cached_value("actor-count", (str(actor.pk),), articles.count),
            "months": cached_value("actor-months", (str(actor.pk),), lambda: list(articles.month_counts())),
        },
    )
