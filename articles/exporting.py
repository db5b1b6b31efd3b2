"""The export contract: one JSON object per article, stable for the tools that read it."""

from collections.abc import Iterator

from django.db.models import Prefetch

from articles.models import Actor, Article, Quote, RelatedLink

EXPORT_CHUNK = 500


def export_queryset():
    return (
        Article.objects.order_by("id")
        .prefetch_related(
            "countries",
            "tags",
            Prefetch("actors", queryset=Actor.objects.order_by("name")),
            Prefetch("quotes", queryset=Quote.objects.select_related("speaker").order_by("section", "paragraph", "start")),
            Prefetch("related_links", queryset=RelatedLink.objects.select_related("target").order_by("position")),
        )
    )


def article_record(article: Article) -> dict:
    return {
        "slug": article.slug,
        "title": article.headline,
        "published": article.published_iso,
        "published_precision": article.published_precision or None,
        "published_inferred": article.published_year_inferred,
        "source_file": article.source_file,
        "countries": sorted(country.code for country in article.countries.all()),
        "actors": [
            {"name": actor.name, "kind": actor.kind, "aliases": list(actor.aliases)} for actor in article.actors.all()
        ],
        "tags": sorted(tag.name for tag in article.tags.all()),
        "quotes": [
            {"speaker": quote.speaker.name if quote.speaker else None, "text": quote.text}
            for quote in article.quotes.all()
        ],
        "related": [
            {"title": link.title, "snippet": link.snippet, "article": link.target.slug if link.target else None}
            for link in article.related_links.all()
        ],
    }


def export_records() -> Iterator[dict]:
    for article in export_queryset().iterator(chunk_size=EXPORT_CHUNK):
        yield article_record(article)
