from django.shortcuts import render

from articles.caching import cached_value
from articles.models import Actor, Article, BilateralRelation, Country

LATEST = 10
MOST_COVERED = 10


def home(request):
    articles = Article.objects.all()
    return render(
        request,
        "articles/home.html",
        {
            "latest": articles.newest_first().for_listing()[:LATEST],
            # Aggregates over the whole archive: kept until the archive changes (articles.caching).
            "countries": cached_value("home-countries", (), lambda: list(Country.objects.counted_in(articles)[:MOST_COVERED])),
            "actors": cached_value(
                "home-actors", (), lambda: list(Actor.objects.counted_in(articles).select_related("country")[:MOST_COVERED])
            ),
            "pairs": cached_value("home-pairs", (), lambda: list(BilateralRelation.objects.pair_counts()[:MOST_COVERED])),
            "months": cached_value("home-months", (), lambda: list(articles.month_counts())),
        },
    )
