"""What curators did to articles being re-imported, which the new import must not undo."""

from dataclasses import dataclass, field

from articles.importer.actor_identity import fold_name
from articles.models import Article, Mention, Quote, RelatedLink
from articles.models.mention import Origin


@dataclass
class CuratorWork:
    """What curators did to articles being re-imported, which the new import must not undo."""

    spans: set = field(default_factory=set)  # (article, kind, section, paragraph, start, end) kept
    # (article, *mention_identity): a rejected mention is recognised even when its offsets moved.
    rejected: set = field(default_factory=set)
    quote_spans: set = field(default_factory=set)  # (article, section, paragraph, start, end)
    link_targets: dict = field(default_factory=dict)  # (article, folded title) -> target article id
    count: int = 0

    def blocks_mention(self, article_id: int, found, identity: tuple) -> bool:
        span = found.span
        return (article_id, found.kind, span.section, span.index, span.start, span.end) in self.spans or (
            article_id,
            *identity,
        ) in self.rejected

    def blocks_quote(self, article_id: int, found) -> bool:
        span = found.span
        return (article_id, span.section, span.index, span.start, span.end) in self.quote_spans


def mention_identities(mentions) -> list[tuple]:
    """(kind, target, section, paragraph, folded surface, n): the n-th naming of that thing there.

    ``mentions`` are (kind, target, section, paragraph, start, surface); the ordinal survives an
    edit elsewhere in the paragraph, where character offsets would not.
    """
    seen: dict[tuple, int] = {}
    ordinal_by_position = {}
    for kind, target, section, paragraph, start, surface in sorted(mentions, key=lambda m: (m[2], m[3], m[4])):
        key = (kind, target, section, paragraph, fold_name(surface))
        seen[key] = seen.get(key, -1) + 1
        ordinal_by_position[(kind, section, paragraph, start)] = (*key, seen[key])
    return [ordinal_by_position[(kind, section, paragraph, start)] for kind, _, section, paragraph, start, _ in mentions]


def mention_target(mention: Mention):
    return {"actor": mention.actor_id, "country": mention.country_id, "place": mention.place_id}[mention.kind]


def clear_imported_rows(articles: list[Article]) -> CuratorWork:
    """Remove what a new import of these articles replaces; return what curators made or decided.

    Curators' mentions and quotes stay, reviewed and rejected mentions stay (a rejected one is
    never added again), and hand-set related-link targets carry over. Curators' decisions on
    countries, actors and places are not touched; the article's facts are refreshed afterwards.
    """
    work = CuratorWork()
    article_ids = [article.pk for article in articles]
    if not article_ids:
        return work
    by_article: dict[int, list[Mention]] = {}
    for mention in Mention.objects.filter(article_id__in=article_ids):
        by_article.setdefault(mention.article_id, []).append(mention)
    for article_id, mentions in by_article.items():
        identities = mention_identities(
            [(m.kind, mention_target(m), m.section, m.paragraph, m.start, m.surface) for m in mentions]
        )
        for mention, identity in zip(mentions, identities):
            if mention.origin == Origin.IMPORTER and mention.status == Mention.Status.PENDING:
                continue
            work.spans.add((article_id, mention.kind, mention.section, mention.paragraph, mention.start, mention.end))
            if mention.status == Mention.Status.REJECTED:
                work.rejected.add((article_id, *identity))
            work.count += 1
    Mention.objects.filter(
        article_id__in=article_ids, origin=Origin.IMPORTER, status=Mention.Status.PENDING
    ).delete()
    quotes_owned = [article.pk for article in articles if "quotes" in article.curated_fields]
    Quote.objects.filter(article_id__in=article_ids, origin=Origin.IMPORTER).exclude(
        article_id__in=quotes_owned
    ).delete()
    for quote in Quote.objects.filter(article_id__in=article_ids):
        work.quote_spans.add((quote.article_id, quote.section, quote.paragraph, quote.start, quote.end))
        work.count += 1
    for link in RelatedLink.objects.filter(article_id__in=article_ids, target_set_by_curator=True):
        work.link_targets[(link.article_id, link.title_folded)] = link.target_id
        work.count += 1
    RelatedLink.objects.filter(article_id__in=article_ids).delete()
    return work


