from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from .coverage import CoverageQuerySet
from .sort_key import SortKeyField
from .history import ArchiveHistory


class Country(models.Model):
    """A country, identified by its ISO 3166-1 alpha-2 code; names come from CLDR."""

    code = models.CharField(_("mã"), max_length=2, primary_key=True)
    name_vi = models.CharField(_("tên tiếng Việt"), max_length=100)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=100)
    name_sort = SortKeyField(_("khoá sắp xếp"), source="name_vi")
    aliases = models.JSONField(
        _("tên gọi khác"), default=list, blank=True, help_text=_("Tên CLDR không có: Mỹ, Hoa Kỳ, Liên bang Nga…")
    )
    seats = models.JSONField(
        _("thủ đô và trụ sở"), default=list, blank=True, help_text=_("Thủ đô và trụ sở dùng để chỉ quốc gia.")
    )

    FILTER_KIND = "country"  # its key in Article.filter_keys and the key counts
    # Read by matching, by SQL's ORDER BY and by the admin only; pages that name and link a
    # country leave them unread.
    MATCHING_COLUMNS = ("aliases", "seats", "name_sort")
    NAME_FIELDS = ("name_vi", "name_en", "aliases")  # searched by named(), diacritics ignored
    objects = CoverageQuerySet.as_manager()

    history = ArchiveHistory()

    class Meta:
        ordering = ["name_sort"]
        verbose_name = _("quốc gia")
        verbose_name_plural = pgettext_lazy("số nhiều", "quốc gia")

    def __str__(self):
        return f"{self.name_vi} ({self.code})"

    def get_absolute_url(self):
        return reverse("country-detail", args=[self.code])


class Place(models.Model):
    """A region, sea or city that is not itself a country (Tây Phi, Biển Đông, Moscow)."""

    class Kind(models.TextChoices):
        REGION = "region", _("vùng")
        SEA = "sea", _("biển")
        CITY = "city", _("thành phố")
        PROVINCE = "province", _("tỉnh")
        OTHER = "other", _("khác")

    key = models.SlugField(_("khoá"), max_length=100, unique=True)
    name = models.CharField(_("tên"), max_length=100)
    name_sort = SortKeyField(_("khoá sắp xếp"), source="name")
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices, default=Kind.OTHER)
    country = models.ForeignKey(
        Country, verbose_name=_("quốc gia"), null=True, blank=True, on_delete=models.SET_NULL, related_name="places"
    )

    NAME_FIELDS = ("name",)  # searched by named(), diacritics ignored

    objects = CoverageQuerySet.as_manager()
    history = ArchiveHistory()

    class Meta:
        verbose_name = _("địa danh")
        verbose_name_plural = pgettext_lazy("số nhiều", "địa danh")
        ordering = ["name_sort"]

    def __str__(self):
        return self.name
