from django.db.models import Count
from django.shortcuts import get_object_or_404, render

from articles.models import Tag
from articles.views.common import paginate


def tag_list(request):
    tags = Tag.objects.annotate(article_count=Count("articles")).order_by("-article_count", "name")
    return render(request, "articles/tag_list.html", {"tags": tags})


def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    articles = tag.articles.all()
    return render(
        request,
        "articles/tag_detail.html",
        {"tag": tag, "page": paginate(request, articles.newest_first().for_listing()), "months": articles.month_counts()},
    )
