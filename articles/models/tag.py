from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from articles.ingest.folding import slugify_vi

from .coverage import CoverageQuerySet


class Tag(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    objects = CoverageQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify_vi(self.name, max_length=100)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("tag-detail", args=[self.slug])


class TagRedirect(models.Model):
    """The slug a tag had before a rename or merge, so old links still arrive."""

    old_slug = models.SlugField(max_length=100, unique=True)
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="redirects")

    def __str__(self):
        return f"{self.old_slug} → {self.tag.slug}"
