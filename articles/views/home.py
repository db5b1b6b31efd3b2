from django.shortcuts import render

from articles.models import Actor, Article, Country, KeyCount
from articles.models.key_count import ALL_ARTICLES

LATEST = 10
MOST_COVERED = 10


def home(request):
    return render(
        request,
        "articles/home.html",
        {
            "latest": Article.objects.newest_first().for_listing()[:LATEST],
            "countries": Country.objects.most_covered()[:MOST_COVERED],
            "actors": Actor.objects.most_covered().select_related("country")[:MOST_COVERED],
            "pairs": KeyCount.objects.pair_counts()[:MOST_COVERED],
            "months": KeyCount.objects.months(ALL_ARTICLES),
        },
    )
