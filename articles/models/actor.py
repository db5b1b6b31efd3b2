from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from articles.ingest.folding import fold

from .history import ArchiveHistory
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
        PERSON = "person", _("người")
        ORGANIZATION = "organization", _("tổ chức")

    FILTER_KIND = "actor"  # its key in Article.filter_keys and the key counts
    NAME_FIELDS = ("name", "aliases")  # searched by named(), diacritics ignored

    slug = models.SlugField(_("đường dẫn"), max_length=200, unique=True)
    name = models.CharField(_("tên"), max_length=200)
    name_folded = models.CharField(_("tên không dấu"), max_length=200, db_index=True, editable=False)
    name_sort = SortKeyField(_("khoá sắp xếp"), source="name")
    kind = models.CharField(_("loại"), max_length=12, choices=Kind.choices, default=Kind.PERSON)
    aliases = models.JSONField(
        _("tên gọi khác"), default=list, blank=True, help_text=_("Những cách viết khác của chính tên người này.")
    )
    titles = models.JSONField(
        _("chức danh"), default=list, blank=True, help_text=_("Chức danh gặp trong bài: Ngoại trưởng, Đại tá…")
    )
    # Kept apart from the aliases: "người đồng cấp Mali Diop" names a role, and matching it as a
    # name would tie the next counterpart of Mali to this person.
    titled_names = models.JSONField(
        _("danh xưng kèm chức danh"),
        default=list,
        blank=True,
        help_text=_("Tên kèm chức danh gặp trong bài: “Ngoại trưởng Lavrov”, “người đồng cấp Mali Diop”."),
    )
    country = models.ForeignKey(
        "Country", verbose_name=_("quốc gia"), null=True, blank=True, on_delete=models.SET_NULL, related_name="actors"
    )

    objects = ActorQuerySet.as_manager()
    # Read by matching, search, SQL's ORDER BY and the admin only; pages that name and link an actor
    # leave them unread.
    MATCHING_COLUMNS = ("name_folded", "aliases", "titles", "titled_names", "name_sort")
    history = ArchiveHistory(excluded_fields=["name_folded", "name_sort"])

    class Meta:
        verbose_name = _("nhân vật")
        verbose_name_plural = pgettext_lazy("số nhiều", "nhân vật")
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

    old_slug = models.SlugField(_("đường dẫn cũ"), max_length=200, unique=True)
    actor = models.ForeignKey(Actor, verbose_name=_("nhân vật"), on_delete=models.CASCADE, related_name="redirects")

    class Meta:
        verbose_name = _("chuyển hướng nhân vật")
        verbose_name_plural = pgettext_lazy("số nhiều", "chuyển hướng nhân vật")

    def __str__(self):
        return f"{self.old_slug} → {self.actor.slug}"
