from django.db import models
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from .history import ArchiveHistory


class Origin(models.TextChoices):
    IMPORTER = "importer", _("trình nhập")
    CURATOR = "curator", _("biên tập viên")


class SpanFields(models.Model):
    """Provenance: `text[start:end]` of paragraph `paragraph` of the article's `section`."""

    class Section(models.TextChoices):
        CAPTION = "caption", _("chú thích ảnh")
        BODY = "body", _("thân bài")

    section = models.CharField(_("phần"), max_length=8, choices=Section.choices, default=Section.BODY)
    paragraph = models.PositiveIntegerField(_("đoạn"), default=0)
    start = models.PositiveIntegerField(_("vị trí đầu"))
    end = models.PositiveIntegerField(_("vị trí cuối"))

    class Meta:
        abstract = True


class MentionQuerySet(models.QuerySet):
    def visible(self):
        """What readers see: everything but the mentions a curator rejected."""
        return self.exclude(status=Mention.Status.REJECTED)

    def needing_review(self):
        return self.filter(status=Mention.Status.PENDING, origin=Origin.IMPORTER)


class Mention(SpanFields):
    """One naming of an actor, country or place in an article, at a stored span."""

    class Kind(models.TextChoices):
        ACTOR = "actor", _("nhân vật")
        COUNTRY = "country", _("quốc gia")
        PLACE = "place", _("địa danh")

    class Status(models.TextChoices):
        PENDING = "pending", _("chờ duyệt")
        REVIEWED = "reviewed", _("đã duyệt")
        # Kept, not deleted, so that a re-import knows never to add it again.
        REJECTED = "rejected", _("bị loại")

    # No index of its own: the (article, section, paragraph, start) index below serves it.
    article = models.ForeignKey(
        "Article", verbose_name=_("bài viết"), on_delete=models.CASCADE, related_name="mentions", db_index=False
    )
    kind = models.CharField(_("loại"), max_length=8, choices=Kind.choices)
    actor = models.ForeignKey(
        "Actor", verbose_name=_("nhân vật"), null=True, blank=True, on_delete=models.CASCADE, related_name="mentions"
    )
    country = models.ForeignKey(
        "Country", verbose_name=_("quốc gia"), null=True, blank=True, on_delete=models.CASCADE, related_name="mentions"
    )
    place = models.ForeignKey(
        "Place", verbose_name=_("địa danh"), null=True, blank=True, on_delete=models.CASCADE, related_name="mentions"
    )
    surface = models.CharField(_("chữ trong bài"), max_length=300)
    origin = models.CharField(_("nguồn gốc"), max_length=8, choices=Origin.choices, default=Origin.IMPORTER)
    status = models.CharField(
        _("trạng thái"), max_length=8, choices=Status.choices, default=Status.PENDING, db_index=True
    )

    objects = MentionQuerySet.as_manager()
    history = ArchiveHistory()

    class Meta:
        verbose_name = _("đề cập")
        verbose_name_plural = pgettext_lazy("số nhiều", "đề cập")
        ordering = ["article", "section", "paragraph", "start"]
        indexes = [models.Index(fields=["article", "section", "paragraph", "start"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="mention_span_not_empty"),
        ]

    def __str__(self):
        return f"{self.surface} [{self.section} {self.paragraph}:{self.start}-{self.end}]"


class Quote(SpanFields):
    article = models.ForeignKey("Article", verbose_name=_("bài viết"), on_delete=models.CASCADE, related_name="quotes")
    speaker = models.ForeignKey(
        "Actor", verbose_name=_("người nói"), null=True, blank=True, on_delete=models.SET_NULL, related_name="quotes"
    )
    text = models.TextField(_("lời trích"))
    origin = models.CharField(_("nguồn gốc"), max_length=8, choices=Origin.choices, default=Origin.IMPORTER)

    history = ArchiveHistory()

    class Meta:
        verbose_name = _("trích dẫn")
        verbose_name_plural = pgettext_lazy("số nhiều", "trích dẫn")
        ordering = ["article", "section", "paragraph", "start"]

    def __str__(self):
        return self.text[:80]


class BilateralRelation(models.Model):
    """Two countries whose relations an article is about (`Nga-Mỹ`, a bilateral meeting)."""

    article = models.ForeignKey(
        "Article", verbose_name=_("bài viết"), on_delete=models.CASCADE, related_name="relations"
    )
    first = models.ForeignKey("Country", verbose_name=_("nước thứ nhất"), on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey("Country", verbose_name=_("nước thứ hai"), on_delete=models.CASCADE, related_name="+")

    history = ArchiveHistory()

    class Meta:
        verbose_name = _("quan hệ song phương")
        verbose_name_plural = pgettext_lazy("số nhiều", "quan hệ song phương")
        constraints = [
            models.UniqueConstraint(fields=["article", "first", "second"], name="relation_once_per_article"),
            models.CheckConstraint(condition=models.Q(first__lt=models.F("second")), name="relation_codes_sorted"),
        ]
        indexes = [models.Index(fields=["first", "second"])]

    def __str__(self):
        return f"{self.first_id}-{self.second_id}"
