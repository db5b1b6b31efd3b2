from django.db import router
from django.http import Http404
from django.shortcuts import render

from articles.article_page import read_article_page
from articles.markup import mark_text
from articles.models import Article
from articles.views.annotation import may_annotate
from articles.views.tagging import TAG_PERMISSION, tag_suggestions


def article_detail(request, slug):
    page = read_article_page(slug, using=router.db_for_read(Article))
    if page is None:
        raise Http404("No article has this address.")
    article, highlights = page.article, page.highlights
    can_tag = request.user.has_perm(TAG_PERMISSION)
    return render(
        request,
        "articles/article_detail.html",
        {
            "article": article,
            "caption": mark_text(article.caption, highlights.get(("caption", 0), [])),
            "paragraphs": [
                mark_text(paragraph, highlights.get(("body", index), [])) for index, paragraph in enumerate(article.paragraphs)
            ],
            "quotes": page.quotes,
            "countries": page.countries,
            "actors": page.actors,
            "tags": page.tags,
            "can_tag": can_tag,
            # Only the tag editor reads them; even unevaluated, building the queryset cost 1 ms.
            "tag_suggestions": tag_suggestions(article) if can_tag else (),
            "can_annotate": may_annotate(request.user),
            "related_links": page.related_links,
            "relations": page.relations,
            "open_graph_type": "article",
        },
    )
