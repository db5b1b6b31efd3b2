"""Writing one extracted document into the database: the Django side of the import."""

import hashlib
from dataclasses import dataclass, field

from django.db import transaction

from articles.ingest.folding import fold, slugify_vi
from articles.ingest.types import ActorFound, Extraction
from articles.models import Actor, Article, BilateralRelation, Country, Mention, Place, Quote, RelatedLink
from articles.models.mention import Origin


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class ActorDirectory:
    """Finds the archive's actor for a name or alias, so one person stays one actor across articles."""

    by_folded_name: dict[str, int] = field(default_factory=dict)

    @classmethod
    def load(cls) -> "ActorDirectory":
        directory = cls()
        for actor_id, name, aliases in Actor.objects.values_list("id", "name", "aliases"):
            directory.remember(actor_id, name, aliases)
        return directory

    def remember(self, actor_id: int, name: str, aliases: list[str]):
        self.by_folded_name.setdefault(fold(name), actor_id)
        for alias in aliases:
            self.by_folded_name.setdefault(fold(alias), actor_id)

    def resolve(self, found: ActorFound) -> Actor:
        actor_id = self.by_folded_name.get(fold(found.name))
        actor = Actor.objects.filter(id=actor_id).first() if actor_id else None
        if actor is None:
            actor = Actor(slug=unique_slug(Actor, found.name), name=found.name, kind=found.kind)
        changed = actor.pk is None
        for alias in found.aliases:
            if alias != actor.name and alias not in actor.aliases:
                actor.aliases = [*actor.aliases, alias]
                changed = True
        for title in found.titles:
            if title not in actor.titles:
                actor.titles = [*actor.titles, title]
                changed = True
        if found.country and actor.country_id is None:
            actor.country_id = found.country
            changed = True
        if changed:
            actor.save()
        self.remember(actor.id, actor.name, actor.aliases)
        return actor


def unique_slug(model, text: str) -> str:
    base = slugify_vi(text, max_length=200) or "bai"
    slug, suffix = base, 2
    while model.objects.filter(slug=slug).exists():
        slug = f"{base}-{suffix}"
        suffix += 1
    return slug


def find_existing(digest: str, source_file: str) -> Article | None:
    """The same content under any name is the same article; a changed file replaces its old version."""
    return (
        Article.objects.filter(content_hash=digest).first()
        or Article.objects.filter(source_file=source_file).order_by("-last_imported_at").first()
    )


@transaction.atomic
def store_extraction(extraction: Extraction, text: str, source_file: str, actors: ActorDirectory) -> str:
    """Create or update the article for one document; returns "created", "updated" or "unchanged"."""
    digest = content_hash(text)
    article = find_existing(digest, source_file)
    if article is not None and article.content_hash == digest:
        return "unchanged"
    outcome = "created" if article is None else "updated"
    article = article or Article()

    article.headline = extraction.headline
    article.headline_folded = fold(extraction.headline)
    article.caption = extraction.caption
    article.credit = extraction.credit or ""
    article.paragraphs = extraction.paragraphs
    article.search_folded = fold(" ".join([extraction.headline, extraction.caption, *extraction.paragraphs]))
    published = extraction.published
    article.set_published(published.year, published.month, published.day, published.year_inferred)
    article.source_file = source_file
    article.content_hash = digest
    if not article.slug:
        article.slug = unique_slug(Article, extraction.headline)
    article.save()

    article.mentions.filter(origin=Origin.IMPORTER).delete()
    article.quotes.filter(origin=Origin.IMPORTER).delete()
    article.related_links.all().delete()
    article.relations.all().delete()

    actor_by_key = {found.key: actors.resolve(found) for found in extraction.actors}
    places = {found.key: store_place(found) for found in extraction.places}
    known_countries = set(Country.objects.filter(code__in=extraction.countries).values_list("code", flat=True))

    Mention.objects.bulk_create(
        Mention(
            article=article,
            kind=found.kind,
            actor=actor_by_key.get(found.target) if found.kind == "actor" else None,
            country_id=found.target if found.kind == "country" else None,
            place=places.get(found.target) if found.kind == "place" else None,
            surface=found.surface,
            section=found.span.section,
            paragraph=found.span.index,
            start=found.span.start,
            end=found.span.end,
        )
        for found in extraction.mentions
        if (found.kind == "country" and found.target in known_countries)
        or (found.kind == "actor" and found.target in actor_by_key)
        or (found.kind == "place" and found.target in places)
    )
    Quote.objects.bulk_create(
        Quote(
            article=article,
            speaker=actor_by_key.get(found.speaker) if found.speaker else None,
            text=found.text,
            section=found.span.section,
            paragraph=found.span.index,
            start=found.span.start,
            end=found.span.end,
        )
        for found in extraction.quotes
    )
    BilateralRelation.objects.bulk_create(
        BilateralRelation(article=article, first_id=first, second_id=second)
        for first, second in sorted(set(extraction.relations))
        if {first, second} <= known_countries
    )
    store_related_links(article, extraction)

    article.countries.set(known_countries)
    article.actors.set(actor_by_key.values())
    article.places.set(places.values())
    RelatedLink.objects.filter(target__isnull=True, title_folded=article.headline_folded).update(target=article)
    return outcome


def store_place(found) -> Place:
    place, _ = Place.objects.get_or_create(
        key=slugify_vi(found.key, max_length=100),
        defaults={"name": found.name, "kind": found.kind, "country_id": found.country},
    )
    return place


def store_related_links(article: Article, extraction: Extraction):
    folded_titles = [fold(related.title) for related in extraction.related]
    targets = dict(
        Article.objects.filter(headline_folded__in=folded_titles)
        .exclude(pk=article.pk)
        .values_list("headline_folded", "id")
    )
    RelatedLink.objects.bulk_create(
        RelatedLink(
            article=article,
            position=position,
            title=related.title,
            title_folded=folded,
            snippet=related.snippet,
            target_id=targets.get(folded),
            country_codes=related.countries,
            place_keys=related.places,
            relation_pairs=["-".join(pair) for pair in related.relations],
        )
        for position, (related, folded) in enumerate(zip(extraction.related, folded_titles))
    )
