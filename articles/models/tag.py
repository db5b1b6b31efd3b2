import hashlib
import unicodedata

from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from articles.ingest.folding import slugify_vi
from articles.slugs import SlugAllocator

from .coverage import CoverageQuerySet
from .sort_key import SortKeyField
from .history import ArchiveHistory

# Room for the "-2", "-3"… that keeps slugs unique.
SLUG_BASE_LENGTH = 90


def tag_name(text: str) -> str:
    """What makes two typed names one tag: NFC, single spaces (case is compared apart)."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def tag_slug_base(name: str) -> str:
    """A readable slug for any name: Vietnamese and Latin letters folded ("Hợp tác" → "hop-tac"),
    other scripts kept ("Россия" → "россия", "中国" → "中国"), and for names with no letter or
    digit at all ("!!!", "😀") a stable digest of the name, so different names never share one."""
    return (
        slugify_vi(name, max_length=SLUG_BASE_LENGTH)
        or slugify(name, allow_unicode=True)[:SLUG_BASE_LENGTH].strip("-_")
        or "chu-de-" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:12]
    )


class Tag(models.Model):
    name = models.CharField(_("tên"), max_length=100, unique=True)
    name_sort = SortKeyField(_("khoá sắp xếp"), source="name")
    slug = models.SlugField(_("đường dẫn"), max_length=100, unique=True, allow_unicode=True)

    FILTER_KIND = "tag"  # its key in Article.filter_keys and the key counts
    objects = CoverageQuerySet.as_manager()
    history = ArchiveHistory()

    class Meta:
        verbose_name = _("chủ đề")
        verbose_name_plural = pgettext_lazy("số nhiều", "chủ đề")
        ordering = ["name_sort"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = SlugAllocator(Tag, SLUG_BASE_LENGTH, tag_slug_base).allocate([self.name])[0]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("tag-detail", args=[self.slug])


class TagRedirect(models.Model):
    """The slug a tag had before a rename or merge, so old links still arrive."""

    old_slug = models.SlugField(_("đường dẫn cũ"), max_length=100, unique=True, allow_unicode=True)
    tag = models.ForeignKey(Tag, verbose_name=_("chủ đề"), on_delete=models.CASCADE, related_name="redirects")

    class Meta:
        verbose_name = _("chuyển hướng chủ đề")
        verbose_name_plural = pgettext_lazy("số nhiều", "chuyển hướng chủ đề")

    def __str__(self):
        return f"{self.old_slug} → {self.tag.slug}"
