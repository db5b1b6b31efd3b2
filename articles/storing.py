"""Writing one extracted document into the database: the Django side of the import."""

import hashlib
from functools import lru_cache
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from articles.caching import bump_archive_version
from articles.filter_keys import keys_for, refresh_filter_keys
from articles.ingest.folding import fold, slugify_vi
from articles.ingest.types import ActorFound, Extraction
from articles.models import Actor, Article, BilateralRelation, Country, Mention, Place, Quote, RelatedLink
from articles.models.mention import Origin


from articles.search import article_search_keys

# Actor names and aliases repeat across thousands of articles: fold each once.
fold_name = lru_cache(maxsize=200_000)(fold)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class ActorDirectory:
    """Finds the archive's actor for a name or alias, so one person stays one actor across articles.

    Holds the actors themselves (loaded once per import), so resolving a name costs no query;
    `resolve_unsaved` leaves new and changed actors for `flush` to write in bulk.
    """

    by_folded_name: dict[str, Actor] = field(default_factory=dict)
    dirty: dict[int, Actor] = field(default_factory=dict)  # by id(): new (no pk yet) or changed
    slugs: "SlugAllocator" = None

    @classmethod
    def load(cls) -> "ActorDirectory":
        directory = cls(slugs=SlugAllocator(Actor, max_length=200))
        for actor in Actor.objects.only("id", "slug", "name", "kind", "aliases", "titles", "country_id").order_by("id"):
            directory.remember(actor)
        return directory

    def remember(self, actor: Actor):
        self.by_folded_name.setdefault(fold_name(actor.name), actor)
        for alias in actor.aliases:
            self.by_folded_name.setdefault(fold_name(alias), actor)

    def resolve_unsaved(self, found: ActorFound) -> Actor:
        """The actor for `found`, merged with what this document says; unsaved changes stay pending."""
        actor = self.by_folded_name.get(fold_name(found.name))
        changed = False
        if actor is None:
            actor = Actor(name=found.name, kind=found.kind, aliases=[], titles=[])
            changed = True
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
            self.dirty[id(actor)] = actor
            self.remember(actor)
        return actor

    def flush(self):
        """Write pending new and changed actors: one INSERT and one UPDATE for the lot."""
        if not self.dirty:
            return
        pending, self.dirty = list(self.dirty.values()), {}
        new = [actor for actor in pending if actor.pk is None]
        changed = [actor for actor in pending if actor.pk is not None]
        if self.slugs is None:
            self.slugs = SlugAllocator(Actor, max_length=200)
        for actor, slug in zip(new, self.slugs.allocate([actor.name for actor in new])):
            actor.slug = slug
            actor.name_folded = fold(actor.name)
        bulk_create_recorded(Actor, new)
        bulk_update_recorded(Actor, changed, ["aliases", "titles", "country"])


def unique_slug(model, text: str) -> str:
    return SlugAllocator(model, max_length=200).allocate([text])[0]


class SlugAllocator:
    """Unique slugs `base`, `base-2`, `base-3`… for many new rows at once.

    One query finds which bases are taken; only for those, one more query per base reads the
    suffixes in use. Slugs handed out earlier in the same import are remembered per base.
    """

    def __init__(self, model, max_length: int):
        self.model = model
        self.max_length = max_length
        self.issued: dict[str, set[str]] = {}

    def allocate(self, texts: list[str]) -> list[str]:
        bases = [slugify_vi(text, max_length=self.max_length) or "bai" for text in texts]
        unseen = {base for base in bases if base not in self.issued}
        taken = set(self.model.objects.filter(slug__in=unseen).values_list("slug", flat=True)) if unseen else set()
        for base in unseen:
            self.issued[base] = set()
            if base in taken:
                self.issued[base] = {base} | set(
                    self.model.objects.filter(slug__startswith=base + "-").values_list("slug", flat=True)
                )
        slugs = []
        for base in bases:
            used = self.issued[base]
            slug, suffix = base, 2
            while slug in used:
                slug = f"{base}-{suffix}"
                suffix += 1
            used.add(slug)
            slugs.append(slug)
        return slugs


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
                **article_search_keys(extraction.headline, extraction.caption, extraction.paragraphs),
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


def find_existing(digest: str, source_file: str) -> Article | None:
    """The same content under any name is the same article; a changed file replaces its old version."""
    return (
        Article.objects.filter(content_hash=digest).first()
        or Article.objects.filter(source_file=source_file).order_by("-last_imported_at").first()
    )


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
        published = extraction.published
        article.set_published(published.year, published.month, published.day, published.year_inferred)
    # Derived from what the article now holds: the new text, or a curator's where they own it.
    keys = (
        article_search_keys(article.headline, article.caption, article.paragraphs)
        if curated & {"headline", "caption", "paragraphs"}
        else derived
    )
    for name in ("headline_folded", "search_folded", "search_text"):
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
    SQLite serialises writers by itself.
    """
    if connection.vendor == "postgresql":
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
    "content_hash", "last_imported_at", "search_text",
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

    for (article, document), actor_by_key, slug in zip(
        new, actor_maps, context.article_slugs.allocate([d.extraction.headline for _, d in new])
    ):
        article.slug = slug
        # A new article's relations are exactly what is inserted below; re-imported ones are
        # recomputed after, as a curator may own theirs.
        article.filter_keys = keys_for(known_countries(document.extraction, context), actor_ids(actor_by_key))
    bulk_create_recorded(Article, [article for article, _ in new])
    if updated:
        bulk_update_recorded(Article, [article for article, _ in updated], ARTICLE_UPDATE_FIELDS)
    kept = clear_imported_rows([article for article, _ in updated])

    mentions, quotes, relations = [], [], []
    countries, actors, article_places = [], [], []
    for (article, document), actor_by_key in zip(stored, actor_maps):
        extraction = document.extraction
        pk = article.pk
        place_by_key = {found.key: places[slugify_vi(found.key, max_length=100)] for found in extraction.places}
        countries_named = known_countries(extraction, context)
        known_set = set(countries_named)
        curated = set(article.curated_fields)
        resolved = []
        for found in extraction.mentions:
            if found.kind == "country" and found.target in known_set:
                target = (None, found.target, None)
            elif found.kind == "actor" and found.target in actor_by_key:
                target = (actor_by_key[found.target].pk, None, None)
            elif found.kind == "place" and found.target in place_by_key:
                target = (None, None, place_by_key[found.target].pk)
            else:
                continue
            resolved.append((found, target))
        identities = mention_identities(
            [
                (found.kind, next(t for t in target if t is not None), found.span.section, found.span.index,
                 found.span.start, found.surface)
                for found, target in resolved
            ]
        ) if kept.rejected else [()] * len(resolved)
        for (found, target), identity in zip(resolved, identities):
            span = found.span
            if kept.blocks_mention(pk, found, identity):
                continue
            mentions.append(
                (pk, found.kind, *target, found.surface, span.section, span.index, span.start, span.end, Origin.IMPORTER)
            )
        for found in extraction.quotes if "quotes" not in curated else ():
            span = found.span
            if kept.blocks_quote(pk, found):
                continue
            speaker = actor_by_key[found.speaker].pk if found.speaker in actor_by_key else None
            quotes.append((pk, speaker, found.text, span.section, span.index, span.start, span.end, Origin.IMPORTER))
        relations += [
            (pk, first, second)
            for first, second in sorted(set(extraction.relations))
            if first in known_set and second in known_set
        ]
        if "countries" not in curated:
            countries += [(pk, code) for code in countries_named]
        if "actors" not in curated:
            actors += [(pk, actor_pk) for actor_pk in actor_ids(actor_by_key)]
        if "places" not in curated:
            article_places += [(pk, place_pk) for place_pk in dict.fromkeys(p.pk for p in place_by_key.values())]
    mention_fields = ["article", "kind", "actor", "country", "place", "surface", "section", "paragraph", "start", "end", "origin"]
    insert_rows(Mention, mention_fields, mentions)
    insert_rows(Quote, ["article", "speaker", "text", "section", "paragraph", "start", "end", "origin"], quotes)
    insert_rows(BilateralRelation, ["article", "first", "second"], relations)
    insert_rows(Article.countries.through, ["article", "country"], countries)
    insert_rows(Article.actors.through, ["article", "actor"], actors)
    insert_rows(Article.places.through, ["article", "place"], article_places)
    store_related_links(stored, kept.link_targets)
    refresh_filter_keys(article.pk for article, _ in updated)
    context.kept_for_curators += kept.count
    context.forget_slugs()
    context.actors_seen = context.actors_generation()
    return outcomes


def known_countries(extraction: Extraction, context: ImportContext) -> list[str]:
    """The archive's countries the document names, each once, in the order named."""
    return [code for code in dict.fromkeys(extraction.countries) if code in context.country_codes]


def actor_ids(actor_by_key: dict) -> list[int]:
    return list(dict.fromkeys(actor.pk for actor in actor_by_key.values()))


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
    never added again), relations a curator owns stay, and hand-set related-link targets carry over.
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
    BilateralRelation.objects.filter(article_id__in=article_ids).delete()
    for name in ("countries", "actors", "places"):
        replaced = [article.pk for article in articles if name not in article.curated_fields]
        getattr(Article, name).through.objects.filter(article_id__in=replaced).delete()
    return work


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


def insert_rows(model, fields: list[str], rows: list[tuple]):
    """Insert plain rows (no model instances, no ids back): COPY on PostgreSQL, bulk_create elsewhere.

    `fields` are model field names in row order; foreign keys take the related pk, JSON fields
    a Python value. Nothing reads back, so signals and save() are not involved, as with bulk_create.
    """
    if not rows:
        return
    meta = model._meta
    model_fields = [meta.get_field(name) for name in fields]
    if connection.vendor != "postgresql":
        attnames = [field.attname for field in model_fields]
        model.objects.bulk_create([model(**dict(zip(attnames, row))) for row in rows])
        return
    # Columns the caller does not give get their model default, as bulk_create would give them.
    extra = [f for f in meta.concrete_fields if not f.primary_key and f.name not in fields and f.attname not in fields]
    if extra:
        now = timezone.now()
        defaults = tuple(now if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False) else f.get_default() for f in extra)
        model_fields = model_fields + extra
        rows = [row + defaults for row in rows]
    json_columns = [i for i, field in enumerate(model_fields) if field.get_internal_type() == "JSONField"]
    if json_columns:
        rows = [prepared_json(row, json_columns, model_fields) for row in rows]
    copy_rows(meta.db_table, [field.column for field in model_fields], rows)


def prepared_json(row: tuple, json_columns: list[int], model_fields) -> list:
    row = list(row)
    for i in json_columns:
        row[i] = model_fields[i].get_db_prep_save(row[i], connection)
    return row


def copy_rows(table: str, columns: list[str], rows):
    """PostgreSQL COPY: the rows travel as one stream, formatted by psycopg's C code.

    Django's bulk_create binds each value as a parameter, and a text array of article bodies is
    escaped value by value in Python: for a batch of 500 articles that took longer than the
    database needs to store them.
    """
    quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
    # psycopg's own cursor: Django's wrapper would not turn its errors into Django's
    # IntegrityError/DataError, which the import retries file by file.
    with connection.cursor() as cursor, connection.wrap_database_errors:
        with cursor.cursor.copy(f"COPY {connection.ops.quote_name(table)} ({quoted}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


def allocate_ids(model, count: int) -> list[int]:
    """`count` new primary keys from the table's own sequence, as INSERT would have taken them."""
    meta = model._meta
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [connection.ops.quote_name(meta.db_table), meta.pk.column, count],
        )
        return [row[0] for row in cursor.fetchall()]


def copy_objects(model, objects: list):
    """bulk_create for PostgreSQL through COPY; objects without a pk get one first, as bulk_create gives."""
    meta = model._meta
    fresh = [obj for obj in objects if obj.pk is None]
    if fresh:
        for obj, pk in zip(fresh, allocate_ids(model, len(fresh))):
            obj.pk = pk
    fields = meta.concrete_fields
    # Only JSON needs Django's adaptation and only auto_now dates a pre_save(): skipping the rest
    # halves the cost of this loop, which runs for every column of every row.
    prepared = [i for i, field in enumerate(fields) if field.get_internal_type() == "JSONField"]
    stamped = [
        i for i, field in enumerate(fields) if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ]
    attnames = [field.attname for field in fields]

    def row(obj) -> list:
        values = [getattr(obj, attname) for attname in attnames]
        for i in stamped:
            values[i] = fields[i].pre_save(obj, True)
        for i in prepared:
            values[i] = fields[i].get_db_prep_save(values[i], connection)
        return values

    copy_rows(meta.db_table, [field.column for field in fields], map(row, objects))
    for obj in objects:
        obj._state.adding = False
        obj._state.db = connection.alias


def history_rows(model, objects: list, history_type: str) -> list:
    """The rows django-simple-history's bulk helpers would write for `objects` (see bulk_history_create)."""
    history_model = model.history.model
    now = timezone.now()
    rows = []
    for obj in objects:
        row = history_model(
            history_date=now,
            history_user=history_model.get_default_history_user(obj),
            history_change_reason="import",
            history_type=history_type,
            **{field.attname: getattr(obj, field.attname) for field in history_model.tracked_fields},
        )
        rows.append(row)
    return rows


def keeps_history(model) -> bool:
    return hasattr(model, "history") and getattr(settings, "SIMPLE_HISTORY_ENABLED", True)


def create_objects(model, objects: list):
    """bulk_create, through COPY on PostgreSQL; the objects have their pks afterwards either way."""
    if connection.vendor == "postgresql":
        copy_objects(model, objects)
    else:
        model.objects.bulk_create(objects)


def bulk_create_recorded(model, objects: list):
    """bulk_create, plus the history rows save() would have written when the model keeps history."""
    if not objects:
        return
    create_objects(model, objects)
    if keeps_history(model):
        create_objects(model.history.model, history_rows(model, objects, "+"))


def update_objects(model, objects: list, fields: list[str]):
    """bulk_update; on PostgreSQL one UPDATE … FROM (VALUES …) instead of Django's CASE per field.

    Django builds a CASE WHEN with one branch per object for every field, which costs more to
    compile in Python than the database takes to run it.
    """
    if connection.vendor != "postgresql":
        model.objects.bulk_update(objects, fields)
        return
    meta = model._meta
    columns = [meta.pk, *(meta.get_field(name) for name in fields)]
    quote = connection.ops.quote_name
    table = quote(meta.db_table)
    placeholder = "(" + ", ".join(f"%s::{field.cast_db_type(connection)}" for field in columns) + ")"
    assignments = ", ".join(f"{quote(field.column)} = v.{quote(field.column)}" for field in columns[1:])
    names = ", ".join(quote(field.column) for field in columns)
    per_statement = 65_535 // len(columns)  # PostgreSQL's limit on parameters per statement
    with connection.cursor() as cursor:
        for start in range(0, len(objects), per_statement):
            chunk = objects[start : start + per_statement]
            cursor.execute(
                f"UPDATE {table} SET {assignments} FROM (VALUES {', '.join([placeholder] * len(chunk))}) AS v({names}) "
                f"WHERE {table}.{quote(meta.pk.column)} = v.{quote(meta.pk.column)}",
                [field.get_db_prep_save(getattr(obj, field.attname), connection) for obj in chunk for field in columns],
            )


def bulk_update_recorded(model, objects: list, fields: list[str]):
    if not objects:
        return
    update_objects(model, objects, fields)
    if keeps_history(model):
        create_objects(model.history.model, history_rows(model, objects, "~"))
