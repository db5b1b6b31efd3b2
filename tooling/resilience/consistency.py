"""Is every stored article whole? Its rows are compared with a fresh extraction of its file.

An article is whole when its quotes, related-story links, countries and mentions are exactly
what storing its extraction writes, and every mention's and quote's span indexes into its text.
A transaction that was cut off half-way (a killed import) would show here as an article with
too few rows.
"""

from pathlib import Path

from articles.importer.run import read_seed
from articles.ingest.types import SeedError
from articles.models import Article, Country, Mention, Quote
from articles.importer.batch_store import content_hash


def span_problems(article: Article) -> list[str]:
    problems = []

    def text_of(section, index):
        if section == "caption":
            return article.caption
        if section == "body" and 0 <= index < len(article.paragraphs):
            return article.paragraphs[index]
        return None

    for mention in article.mentions.all():
        text = text_of(mention.section, mention.paragraph)
        if text is None or text[mention.start : mention.end] != mention.surface:
            problems.append(f"{article.slug}: mention {mention.surface!r} does not index its text")
    for quote in article.quotes.all():
        text = text_of(quote.section, quote.paragraph)
        if text is None or text[quote.start : quote.end] != quote.text:
            problems.append(f"{article.slug}: quote {quote.text[:30]!r} does not index its text")
    return problems


def article_problems(article: Article, country_codes: set[str], path: Path | None = None) -> list[str]:
    """What is wrong with one imported (never curated) article; empty when it is whole.

    `path` is a file with the article's content, when not its own source file.
    """
    problems = span_problems(article)
    path = path or Path(article.source_file)
    try:
        text, extraction = read_seed(path)
    except SeedError as error:
        return problems + [f"{article.slug}: its file cannot be read again ({error})"]
    if content_hash(text) != article.content_hash:
        return problems  # the file changed since; nothing to compare with
    name = article.slug
    expected_mentions = [m for m in extraction.mentions if m.kind != "country" or m.target in country_codes]
    counts = {
        "mentions": (article.mentions.count(), len(expected_mentions)),
        "quotes": (article.quotes.count(), len(extraction.quotes)),
        "related links": (article.related_links.count(), len(extraction.related)),
        "countries": (
            set(article.countries.values_list("code", flat=True)),
            {code for code in extraction.countries if code in country_codes},
        ),
    }
    for what, (stored, expected) in counts.items():
        if stored != expected:
            problems.append(f"{name}: {what} stored {stored}, the file gives {expected}")
    if article.paragraphs != extraction.paragraphs or article.caption != extraction.caption:
        problems.append(f"{name}: text differs from its file")
    return problems


def database_problems(limit: int | None = None) -> list[str]:
    """Problems over the stored articles (all, or the first `limit`), plus orphan rows."""
    codes = set(Country.objects.values_list("code", flat=True))
    problems = []
    articles = Article.objects.order_by("id")
    if limit:
        articles = articles[:limit]
    for article in articles:
        problems += article_problems(article, codes)
    if Mention.objects.filter(article__isnull=True).exists() or Quote.objects.filter(article__isnull=True).exists():
        problems.append("rows without their article")
    return problems
