from django.shortcuts import render

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
            "countries": Country.objects.counted_in(articles)[:MOST_COVERED],
            "actors": Actor.objects.counted_in(articles).select_related("country")[:MOST_COVERED],
            "pairs": BilateralRelation.objects.pair_counts()[:MOST_COVERED],
            "months": articles.month_counts(),
        },
    )
