from collections import defaultdict

from django.shortcuts import get_object_or_404, render

from articles.markup import mark_text, mention_highlight
from articles.models import Actor, Article, Country
from articles.views.annotation import may_annotate
from articles.views.tagging import TAG_PERMISSION, tag_suggestions


def unread(model, path: str = "") -> list[str]:
    """``defer()`` names for the matching columns of ``model`` reached at ``path``."""
    return [f"{path}{column}" for column in model.MATCHING_COLUMNS]


def article_detail(request, slug):
    article = get_object_or_404(Article.objects.for_reading(), slug=slug)
    highlights = defaultdict(list)
    mentions = (
        article.mentions.visible()
        .select_related("actor", "country", "place__country")
        .defer(*unread(Actor, "actor__"), *unread(Country, "country__"), *unread(Country, "place__country__"))
    )
    for mention in mentions:
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
            "quotes": article.quotes.select_related("speaker").defer(*unread(Actor, "speaker__")),
            "countries": article.countries.defer(*unread(Country)),
            "actors": article.actors.select_related("country").defer(*unread(Actor), *unread(Country, "country__")),
            "tags": article.tags.all(),
            "can_tag": request.user.has_perm(TAG_PERMISSION),
            "tag_suggestions": tag_suggestions(article),  # lazy: read only where can_tag shows the editor
            "can_annotate": may_annotate(request.user),
            "related_links": article.related_links.select_related("target").only(
                "article_id", "position", "title", "snippet", "target__slug", "target__headline"
            ),
            "relations": article.relations.select_related("first", "second").defer(
                *unread(Country, "first__"), *unread(Country, "second__")
            ),
        },
    )
