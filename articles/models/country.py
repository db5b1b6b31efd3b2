from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from .coverage import CoverageQuerySet
from .sort_key import SortKeyField


class Country(models.Model):
    """A country, identified by its ISO 3166-1 alpha-2 code; names come from CLDR."""

    code = models.CharField(max_length=2, primary_key=True)
    name_vi = models.CharField(max_length=100)
    name_en = models.CharField(max_length=100)
    name_sort = SortKeyField(source="name_vi")
    aliases = models.JSONField(default=list, blank=True, help_text="Names CLDR lacks: Mỹ, Hoa Kỳ, Liên bang Nga…")
    seats = models.JSONField(default=list, blank=True, help_text="Capitals and seats that stand for the country.")

    FILTER_KIND = "country"  # its key in Article.filter_keys and the key counts
    # Read by matching, by SQL's ORDER BY and by the admin only; pages that name and link a
    # country leave them unread.
    MATCHING_COLUMNS = ("aliases", "seats", "name_sort")
    NAME_FIELDS = ("name_vi", "name_en", "aliases")  # searched by named(), diacritics ignored
    objects = CoverageQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["name_sort"]
        verbose_name_plural = "countries"

    def __str__(self):
        return f"{self.name_vi} ({self.code})"

    def get_absolute_url(self):
        return reverse("country-detail", args=[self.code])


class Place(models.Model):
    """A region, sea or city that is not itself a country (Tây Phi, Biển Đông, Moscow)."""

    class Kind(models.TextChoices):
        REGION = "region"
        SEA = "sea"
        CITY = "city"
        PROVINCE = "province"
        OTHER = "other"

    key = models.SlugField(max_length=100, unique=True)
    name = models.CharField(max_length=100)
    name_sort = SortKeyField(source="name")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.OTHER)
    country = models.ForeignKey(Country, null=True, blank=True, on_delete=models.SET_NULL, related_name="places")

    NAME_FIELDS = ("name",)  # searched by named(), diacritics ignored

    objects = CoverageQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name_sort"]

    def __str__(self):
        return self.name
