from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from articles.facts.rules import filter_key
from articles.models import Article, BilateralRelation, Country, KeyCount
from articles.search.selection import newest_with_key
from articles.views.common import paginate

RECENT_ARTICLES = 20


def country_list(request):
    """Countries in the news; ``?all=1`` lists the countries no article names yet too."""
    show_all = request.GET.get("all") == "1"
    countries = Country.objects.with_article_counts().order_by("-article_count", "name_sort")
    if not show_all:
        countries = countries.filter(article_count__gt=0)
    return render(request, "articles/country_list.html", {"countries": countries, "show_all": show_all})


def country_detail(request, code):
    if code != code.upper():
        return redirect("country-detail", code.upper(), permanent=True)
    country = get_object_or_404(Country, code=code)
    key = filter_key("country", code)
    article_count, months = KeyCount.objects.coverage(key)
    return render(
        request,
        "articles/country_detail.html",
        {
            "country": country,
            "actors": country.actors.with_article_counts().order_by("-article_count", "name_sort"),
            "articles": newest_with_key(key, months, RECENT_ARTICLES),
            "article_count": article_count,
            "months": months,
            "relations": KeyCount.objects.pair_counts(code),
        },
    )


def relation_detail(request, first, second):
    """Articles naming both countries; the canonical URL has the codes upper-case and sorted."""
    codes = sorted([first.upper(), second.upper()])
    if codes[0] == codes[1]:
        raise Http404("A relation needs two different countries.")
    if [first, second] != codes:
        return redirect("relation-detail", *codes, permanent=True)
    countries = Country.objects.in_bulk(codes)
    if len(countries) != 2:
        raise Http404("Unknown country code.")
    articles = Article.objects.with_filter_keys([filter_key("country", code) for code in codes])
    return render(
        request,
        "articles/relation_detail.html",
        {
            "first": countries[codes[0]],
            "second": countries[codes[1]],
            "page": paginate(request, articles.newest_first().for_listing()),
            "months": articles.month_counts(),
            "about_the_pair": set(
                BilateralRelation.objects.filter(first=codes[0], second=codes[1]).values_list("article_id", flat=True)
            ),
        },
    )
