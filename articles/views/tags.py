from django.db.models import Count
from django.shortcuts import render

from articles.models import Tag, TagRedirect
from articles.views.common import paginate
from articles.views.renamed import follows_renames, get_by_slug_or_moved


def tag_list(request):
    tags = Tag.objects.annotate(article_count=Count("articles")).order_by("-article_count", "name")
    return render(request, "articles/tag_list.html", {"tags": tags})


@follows_renames
def tag_detail(request, slug):
    tag = get_by_slug_or_moved(Tag.objects.all(), TagRedirect.objects.all(), "tag", slug)
    articles = tag.articles.all()
    return render(
        request,
        "articles/tag_detail.html",
        {"tag": tag, "page": paginate(request, articles.newest_first().for_listing()), "months": articles.month_counts()},
    )
