"""The export contract: one JSON object per article, stable for the tools that read it."""

from collections.abc import Iterator

from django.db.models import Prefetch

from articles.models import Actor, Article, Quote, RelatedLink

EXPORT_CHUNK = 500


def with_record_rows(articles):
    """``articles`` with everything ``article_record`` reads, in a fixed number of queries."""
    return articles.prefetch_related(
        "countries",
        "tags",
        Prefetch("actors", queryset=Actor.objects.order_by("name_sort")),
        Prefetch("quotes", queryset=Quote.objects.select_related("speaker").order_by("section", "paragraph", "start")),
        Prefetch("related_links", queryset=RelatedLink.objects.select_related("target").order_by("position")),
    )


def export_queryset():
    return with_record_rows(Article.objects.order_by("id"))


def contract_date(article: Article) -> str | None:
    """`YYYY-MM-DD` when the year is known or inferred, `--MM-DD` for day and month only."""
    if article.published:
        return article.published.isoformat()
    return article.published_date.iso or None


def article_record(article: Article) -> dict:
    """The export contract's record; the site's JSON and CSV lists give the same, plus the URL."""
    return {
        "slug": article.slug,
        "title": article.headline,
        "published": contract_date(article),
        "published_precision": article.published_precision or None,
        "published_inferred": article.published_year_inferred,
        "source_file": article.source_file,
        "countries": sorted(country.code for country in article.countries.all()),
        "actors": [
            {"name": actor.name, "kind": actor.kind, "aliases": list(actor.aliases)} for actor in article.actors.all()
        ],
        "tags": sorted(tag.name for tag in article.tags.all()),
        "sources": list(article.sources),
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
