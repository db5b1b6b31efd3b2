from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from articles.ingest.folding import fold

from .coverage import CoverageQuerySet
from .sort_key import SortKeyField


class ActorQuerySet(CoverageQuerySet):
    def people(self):
        return self.filter(kind=Actor.Kind.PERSON)

    def organizations(self):
        return self.filter(kind=Actor.Kind.ORGANIZATION)

    def named_like(self, text: str):
        """Every word of ``text`` in the name, diacritics ignored: "lavrov", "sergey lavrov"."""
        queryset = self
        for word in fold(text).split():
            queryset = queryset.filter(name_folded__contains=word)
        return queryset


class Actor(models.Model):
    """A person or organisation named in the news; one row per real-world actor across articles."""

    class Kind(models.TextChoices):
        PERSON = "person", "người"
        ORGANIZATION = "organization", "tổ chức"

    FILTER_KIND = "actor"  # its key in Article.filter_keys and the key counts
    NAME_FIELDS = ("name", "aliases")  # searched by named(), diacritics ignored

    slug = models.SlugField(max_length=200, unique=True)
    name = models.CharField(max_length=200)
    name_folded = models.CharField(max_length=200, db_index=True, editable=False)
    name_sort = SortKeyField(source="name")
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.PERSON)
    aliases = models.JSONField(default=list, blank=True)
    titles = models.JSONField(default=list, blank=True, help_text="Roles seen in the text: Ngoại trưởng, Đại tá…")
    country = models.ForeignKey(
        "Country", null=True, blank=True, on_delete=models.SET_NULL, related_name="actors"
    )

    objects = ActorQuerySet.as_manager()
    # Read by matching, search, SQL's ORDER BY and the admin only; pages that name and link an actor
    # leave them unread.
    MATCHING_COLUMNS = ("name_folded", "aliases", "titles", "name_sort")
    history = HistoricalRecords(excluded_fields=["name_folded", "name_sort"])

    class Meta:
        ordering = ["name_sort"]
        indexes = [GinIndex(fields=["name_folded"], opclasses=["gin_trgm_ops"], name="actor_name_folded_trgm")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_folded = fold(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("actor-detail", args=[self.slug])


class ActorRedirect(models.Model):
    """The slug of an actor merged into another, so old links still arrive."""

    old_slug = models.SlugField(max_length=200, unique=True)
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="redirects")

    def __str__(self):
        return f"{self.old_slug} → {self.actor.slug}"
