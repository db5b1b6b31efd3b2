"""Storing a batch of extracted documents in one transaction: the Django side of the import."""

import hashlib
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone

from articles.bulk_write import bulk_create_recorded, bulk_update_recorded, insert_rows
from articles.caching import bump_archive_version
from articles.facts.rules import TEXT_COLUMNS, ArticleInputs, derive, text_columns
from articles.facts.storage import insert_facts, refresh
from articles.importer.actor_identity import ActorDirectory
from articles.importer.curator_work import clear_imported_rows, mention_identities
from articles.ingest.folding import fold, slugify_vi
from articles.ingest.types import Extraction
from articles.models import Actor, Article, Country, Mention, Place, Quote, RelatedLink
from articles.models.mention import Origin
from articles.slugs import SlugAllocator


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Document:
    """One decoded and extracted seed file, ready to store."""

    source_file: str
    text: str
    extraction: Extraction
    derived: dict | None = None  # content hash and folded texts; see prepare()

    def prepare(self) -> "Document":
        """Derive the hash and the folded texts (CPU work done in import workers when they run)."""
        if self.derived is None:
            extraction = self.extraction
            self.derived = {
                "content_hash": content_hash(self.text),
                **text_columns(extraction.headline, extraction.caption, extraction.paragraphs),
            }
        return self


@dataclass
class ImportContext:
    """What an import looks up over and over, loaded once: actors, country codes, places, slugs."""

    actors: ActorDirectory
    country_codes: set[str]
    places: dict[str, Place] = field(default_factory=dict)  # by slugified key
    article_slugs: SlugAllocator = None
    kept_for_curators: int = 0  # fields and rows a re-import left alone because a curator owns them
    actors_seen: int | None = None  # the newest actor history row the directory reflects (see refresh)

    @classmethod
    def load(cls) -> "ImportContext":
        # Read before the actors: a change in between only makes the first refresh reload them.
        seen = cls.actors_generation()
        return cls(
            actors_seen=seen,
            actors=ActorDirectory.load(),
            country_codes=set(Country.objects.values_list("code", flat=True)),
            places={place.key: place for place in Place.objects.all()},
            article_slugs=SlugAllocator(Article, max_length=200),
        )

    @staticmethod
    def actors_generation() -> int:
        """The newest actor history row: every create and change of an actor, import or admin, adds one."""
        return Actor.history.model.objects.order_by("-history_id").values_list("history_id", flat=True).first() or 0

    def refresh(self):
        """Reload the actors when someone else (another import, a curator) changed them since we last looked.

        Called at the start of every batch, under the import lock, so two imports at once never
        create the same actor twice and never write back a stale list of aliases.
        """
        generation = self.actors_generation()
        if self.actors_seen is not None and generation != self.actors_seen:
            self.actors = ActorDirectory.load()
        self.actors_seen = generation

    def forget_slugs(self):
        """Slugs written so far are in the database now; keep memory flat over long imports."""
        self.article_slugs.issued.clear()
        if self.actors.slugs is not None:
            self.actors.slugs.issued.clear()


DATE_FIELDS = {"published", "published_month", "published_day", "published_precision", "published_year_inferred"}


def fill_article(article: Article, document: Document, digest: str) -> int:
    """Copy the extraction onto the article, except fields a curator owns; returns how many were kept."""
    extraction = document.prepare().extraction
    derived = document.derived
    curated = set(article.curated_fields)
    if "headline" not in curated:
        article.headline = extraction.headline
    if "caption" not in curated:
        article.caption = extraction.caption
    if "credit" not in curated:
        article.credit = extraction.credit or ""
    if "paragraphs" not in curated:
        article.paragraphs = extraction.paragraphs
    if not curated & DATE_FIELDS:
        article.set_published(extraction.published)
    # Derived from what the article now holds: the new text, or a curator's where they own it.
    keys = (
        text_columns(article.headline, article.caption, article.paragraphs)
        if curated & {"headline", "caption", "paragraphs"}
        else derived
    )
    for name in TEXT_COLUMNS:
        setattr(article, name, keys[name])
    article.source_file = document.source_file
    article.content_hash = digest
    return len(curated)


# Any constant shared by every import; pg_advisory_xact_lock takes a bigint.
IMPORT_LOCK_KEY = int.from_bytes(b"newsimpt", "big") & 0x7FFF_FFFF_FFFF_FFFF


def take_import_lock():
    """PostgreSQL: one import stores a batch at a time (held until the transaction ends).

    Decoding and extraction still run side by side; only the storing is serialised, so an import
    always sees what another one committed (the same content is "unchanged", the same actor is
    found, not created twice). A killed import's lock goes with its connection.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK_KEY])
        # The batch's commit does not wait for its WAL to reach the disk (it does within
        # wal_writer_delay). A server crash can lose the last batches whole, never part of
        # one, and a rerun of the import stores them again; waiting cost a quarter second
        # per batch.
        cursor.execute("SET LOCAL synchronous_commit TO OFF")


ARTICLE_UPDATE_FIELDS = [
    "headline", "headline_folded", "caption", "credit", "paragraphs", "search_folded", "published",
    "published_month", "published_day", "published_precision", "published_year_inferred", "source_file",
    "content_hash", "last_imported_at", "search_text", "lede", "stated_relations", "sources",
]


@transaction.atomic
def store_batch(documents: list[Document], context: ImportContext) -> list[str]:
    """Store many documents in one transaction and a fixed number of queries; outcomes in order.

    Each outcome is "created", "updated" or "unchanged", exactly as storing the documents one by
    one would give: the same content under any name is one article, a changed file updates the
    article it made before.
    """
    take_import_lock()
    context.refresh()
    digests = [document.prepare().derived["content_hash"] for document in documents]
    known_hashes = set(Article.objects.filter(content_hash__in=set(digests)).values_list("content_hash", flat=True))
    by_source = {}
    for article in Article.objects.filter(source_file__in={d.source_file for d in documents}).order_by(
        "last_imported_at"
    ):
        by_source[article.source_file] = article  # the newest wins

    outcomes: list[str] = []
    new: list[tuple[Article, Document]] = []
    updated: list[tuple[Article, Document]] = []
    now = timezone.now()
    for document, digest in zip(documents, digests):
        if digest in known_hashes:
            outcomes.append("unchanged")
            continue
        known_hashes.add(digest)
        article = by_source.get(document.source_file)
        if article is None:
            article = Article()
            new.append((article, document))
            outcomes.append("created")
        else:
            updated.append((article, document))
            outcomes.append("updated")
        context.kept_for_curators += fill_article(article, document, digest)
        article.last_imported_at = now
    if not new and not updated:
        return outcomes
    # Cached pages and facets go stale once this batch is visible, not before.
    transaction.on_commit(bump_archive_version)

    stored = [*new, *updated]
    actor_maps = [
        {found.key: context.actors.resolve_unsaved(found) for found in document.extraction.actors}
        for _, document in stored
    ]
    context.actors.flush()
    places = store_places([found for _, document in stored for found in document.extraction.places], context)
    resolved = [resolve_mentions(document.extraction, actors, places, context) for (_, document), actors in zip(stored, actor_maps)]
    for article, document in stored:
        article.stated_relations = ["-".join(pair) for pair in sorted(set(document.extraction.relations))]
        article.sources = list(document.extraction.sources)

    # A new article's facts come from what this batch inserts for it; a re-imported one's are
    # refreshed from the database afterwards, where curators' decisions and kept mentions are.
    new_facts = []
    place_countries = {place.pk: place.country_id for place in places.values()}
    for (article, document), mentions, slug in zip(
        new, resolved, context.article_slugs.allocate([d.extraction.headline for _, d in new])
    ):
        article.slug = slug
        facts = derive(
            ArticleInputs(
                article.headline, article.caption, article.paragraphs,
                mentions=[(found.kind, target, True) for found, target in mentions],
                stated_relations=article.stated_relations,
                sources=article.sources,
            ),
            place_countries,
            search={name: getattr(article, name) for name in TEXT_COLUMNS},
        )
        article.filter_keys = list(facts.filter_keys)
        new_facts.append(facts)
    bulk_create_recorded(Article, [article for article, _ in new])
    if updated:
        bulk_update_recorded(Article, [article for article, _ in updated], ARTICLE_UPDATE_FIELDS)
    kept = clear_imported_rows([article for article, _ in updated])

    mention_rows, quotes = [], []
    for (article, document), actor_by_key, mentions in zip(stored, actor_maps, resolved):
        pk = article.pk
        identities = mention_identities(
            [(found.kind, target, found.span.section, found.span.index, found.span.start, found.surface)
             for found, target in mentions]
        ) if kept.rejected else [()] * len(mentions)
        for (found, target), identity in zip(mentions, identities):
            span = found.span
            if kept.blocks_mention(pk, found, identity):
                continue
            by_kind = (
                target if found.kind == "actor" else None,
                target if found.kind == "country" else None,
                target if found.kind == "place" else None,
            )
            mention_rows.append(
                (pk, found.kind, *by_kind, found.surface, span.section, span.index, span.start, span.end, Origin.IMPORTER)
            )
        for found in document.extraction.quotes if "quotes" not in article.curated_fields else ():
            span = found.span
            if kept.blocks_quote(pk, found):
                continue
            speaker = actor_by_key[found.speaker].pk if found.speaker in actor_by_key else None
            quotes.append((pk, speaker, found.text, span.section, span.index, span.start, span.end, Origin.IMPORTER))
    mention_fields = ["article", "kind", "actor", "country", "place", "surface", "section", "paragraph", "start", "end", "origin"]
    insert_rows(Mention, mention_fields, mention_rows)
    insert_rows(Quote, ["article", "speaker", "text", "section", "paragraph", "start", "end", "origin"], quotes)
    insert_facts([(article.pk, facts) for (article, _), facts in zip(new, new_facts)])
    store_related_links(stored, kept.link_targets)
    refresh(article.pk for article, _ in updated)
    context.kept_for_curators += kept.count
    context.forget_slugs()
    context.actors_seen = context.actors_generation()
    return outcomes


def resolve_mentions(extraction: Extraction, actor_by_key: dict, places: dict, context: ImportContext) -> list[tuple]:
    """(found, target id) for each mention whose country, actor or place the archive has."""
    resolved = []
    for found in extraction.mentions:
        if found.kind == "country" and found.target in context.country_codes:
            resolved.append((found, found.target))
        elif found.kind == "actor" and found.target in actor_by_key:
            resolved.append((found, actor_by_key[found.target].pk))
        elif found.kind == "place":
            place = places.get(slugify_vi(found.target, max_length=100))
            if place is not None:
                resolved.append((found, place.pk))
    return resolved


def store_places(found_places, context: ImportContext) -> dict[str, Place]:
    missing = {}
    for found in found_places:
        key = slugify_vi(found.key, max_length=100)
        if key not in context.places and key not in missing:
            missing[key] = Place(key=key, name=found.name, kind=found.kind, country_id=found.country)
    if missing:
        # Another import may have added some since this one started.
        existing = {place.key: place for place in Place.objects.filter(key__in=missing)}
        created = [place for key, place in missing.items() if key not in existing]
        Place.objects.bulk_create(created)
        context.places.update(existing)
        context.places.update((place.key, place) for place in created)
    return context.places


def store_related_links(stored: list[tuple[Article, Document]], curator_targets: dict | None = None):
    """Related rows, resolved to archive articles by headline; earlier rows now resolvable get their target.

    A target a curator set by hand for a row with the same title is kept.
    """
    curator_targets = curator_targets or {}
    folded_rows = [[fold(related.title) for related in d.extraction.related] for _, d in stored]
    candidates: dict[str, list[int]] = {}
    titles = {title for row in folded_rows for title in row}
    for folded, pk in Article.objects.filter(headline_folded__in=titles).order_by("id").values_list(
        "headline_folded", "id"
    ):
        candidates.setdefault(folded, []).append(pk)

    def target(folded: str, own: int) -> int | None:
        return next((pk for pk in candidates.get(folded, ()) if pk != own), None)

    insert_rows(
        RelatedLink,
        [
            "article", "position", "title", "title_folded", "snippet", "target", "target_set_by_curator",
            "country_codes", "place_keys", "relation_pairs",
        ],
        [
            (
                article.pk,
                position,
                related.title,
                folded,
                related.snippet,
                curator_targets.get((article.pk, folded)) or target(folded, article.pk),
                (article.pk, folded) in curator_targets,
                list(related.countries),
                list(related.places),
                ["-".join(pair) for pair in related.relations],
            )
            for (article, document), folded_titles in zip(stored, folded_rows)
            for position, (related, folded) in enumerate(zip(document.extraction.related, folded_titles))
        ],
    )
    # Rows stored before these articles existed, whose title is one of the new headlines.
    first_with_headline: dict[str, int] = {}
    for article, _ in sorted(stored, key=lambda pair: pair[0].pk):
        first_with_headline.setdefault(article.headline_folded, article.pk)
    waiting = list(
        RelatedLink.objects.filter(target__isnull=True, title_folded__in=first_with_headline).only(
            "id", "article_id", "title_folded"
        )
    )
    for link in waiting:
        pk = first_with_headline[link.title_folded]
        link.target_id = pk if pk != link.article_id else None
    RelatedLink.objects.bulk_update([link for link in waiting if link.target_id], ["target"])


