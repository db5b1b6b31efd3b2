from django.shortcuts import render

from articles.facts.rules import filter_key
from articles.models import Article, KeyCount, Tag, TagRedirect
from articles.views.common import paginate
from articles.views.renamed import follows_renames, get_by_slug_or_moved


def tag_list(request):
    tags = Tag.objects.with_article_counts().order_by("-article_count", "name_sort")
    return render(request, "articles/tag_list.html", {"tags": tags})


@follows_renames
def tag_detail(request, slug):
    tag = get_by_slug_or_moved(Tag.objects.all(), TagRedirect.objects.all(), "tag", slug)
    articles = Article.objects.with_filter_key("tag", tag.pk).newest_first().for_listing()
    return render(
        request,
        "articles/tag_detail.html",
        {"tag": tag, "page": paginate(request, articles), "months": KeyCount.objects.months(filter_key("tag", tag.pk))},
    )
