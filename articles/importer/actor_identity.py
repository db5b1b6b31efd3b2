"""One person stays one actor across articles: names and aliases resolved to the archive's actors."""

from dataclasses import dataclass, field
from functools import lru_cache

from articles.bulk_write import bulk_create_recorded, bulk_update_recorded
from articles.ingest.folding import fold
from articles.ingest.titled_names import is_titled_name
from articles.ingest.types import ActorFound
from articles.models import Actor
from articles.slugs import SlugAllocator

# Actor names and aliases repeat across thousands of articles: fold each once.
fold_name = lru_cache(maxsize=200_000)(fold)


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
        fields = ("id", "slug", "name", "kind", "aliases", "titled_names", "titles", "country_id")
        for actor in Actor.objects.only(*fields).order_by("id"):
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
            actor = Actor(name=found.name, kind=found.kind, aliases=[], titled_names=[], titles=[])
            changed = True
        for alias in found.aliases:
            # A titled form ("người đồng cấp Mali Diop") is kept apart: as an alias it would make
            # the next holder of the role this person.
            names = "titled_names" if actor.kind == Actor.Kind.PERSON and is_titled_name(alias) else "aliases"
            if alias != actor.name and alias not in getattr(actor, names):
                setattr(actor, names, [*getattr(actor, names), alias])
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
        bulk_update_recorded(Actor, changed, ["aliases", "titled_names", "titles", "country"])


