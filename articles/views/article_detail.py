from collections import defaultdict

from django.shortcuts import get_object_or_404, render

from articles.markup import mark_text, mention_highlight
from articles.models import Article
from articles.views.tagging import TAG_PERMISSION, tag_suggestions


def article_detail(request, slug):
    article = get_object_or_404(Article.objects.for_reading(), slug=slug)
    highlights = defaultdict(list)
    for mention in article.mentions.visible().select_related("actor", "country", "place__country"):
        highlights[(mention.section, mention.paragraph)].append(mention_highlight(mention))
    return render(
        request,
        "articles/article_detail.html",
        {
            "article": article,
            "caption": mark_text(article.caption, highlights[("caption", 0)]),
            "paragraphs": [
                mark_text(paragraph, highlights[("body", index)]) for index, paragraph in enumerate(article.paragraphs)
            ],
            "quotes": article.quotes.select_related("speaker"),
            "countries": article.countries.all(),
            "actors": article.actors.select_related("country"),
            "tags": article.tags.all(),
            "can_tag": request.user.has_perm(TAG_PERMISSION),
            "tag_suggestions": tag_suggestions(article),  # lazy: read only where can_tag shows the editor
            "related_links": article.related_links.select_related("target"),
            "relations": article.relations.select_related("first", "second"),
        },
    )
