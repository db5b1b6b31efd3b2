from django.db import models
from simple_history.models import HistoricalRecords


class Origin(models.TextChoices):
    IMPORTER = "importer", "importer"
    CURATOR = "curator", "curator"


class SpanFields(models.Model):
    """Provenance: `text[start:end]` of paragraph `paragraph` of the article's `section`."""

    class Section(models.TextChoices):
        CAPTION = "caption"
        BODY = "body"

    section = models.CharField(max_length=8, choices=Section.choices, default=Section.BODY)
    paragraph = models.PositiveIntegerField(default=0)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()

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
        ACTOR = "actor"
        COUNTRY = "country"
        PLACE = "place"

    class Status(models.TextChoices):
        PENDING = "pending", "chờ duyệt"
        REVIEWED = "reviewed", "đã duyệt"
        # Kept, not deleted, so that a re-import knows never to add it again.
        REJECTED = "rejected", "bị loại"

    # No index of its own: the (article, section, paragraph, start) index below serves it.
    article = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="mentions", db_index=False)
    kind = models.CharField(max_length=8, choices=Kind.choices)
    actor = models.ForeignKey("Actor", null=True, blank=True, on_delete=models.CASCADE, related_name="mentions")
    country = models.ForeignKey(
        "Country", null=True, blank=True, on_delete=models.CASCADE, related_name="mentions"
    )
    place = models.ForeignKey("Place", null=True, blank=True, on_delete=models.CASCADE, related_name="mentions")
    surface = models.CharField(max_length=300)
    origin = models.CharField(max_length=8, choices=Origin.choices, default=Origin.IMPORTER)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PENDING, db_index=True)

    objects = MentionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["article_id", "section", "paragraph", "start"]
        indexes = [models.Index(fields=["article", "section", "paragraph", "start"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="mention_span_not_empty"),
        ]

    def __str__(self):
        return f"{self.surface} [{self.section} {self.paragraph}:{self.start}-{self.end}]"


class Quote(SpanFields):
    article = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="quotes")
    speaker = models.ForeignKey("Actor", null=True, blank=True, on_delete=models.SET_NULL, related_name="quotes")
    text = models.TextField()
    origin = models.CharField(max_length=8, choices=Origin.choices, default=Origin.IMPORTER)

    history = HistoricalRecords()

    class Meta:
        ordering = ["article_id", "section", "paragraph", "start"]

    def __str__(self):
        return self.text[:80]


class BilateralRelation(models.Model):
    """Two countries whose relations an article is about (`Nga-Mỹ`, a bilateral meeting)."""

    article = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="relations")
    first = models.ForeignKey("Country", on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey("Country", on_delete=models.CASCADE, related_name="+")

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "first", "second"], name="relation_once_per_article"),
            models.CheckConstraint(condition=models.Q(first__lt=models.F("second")), name="relation_codes_sorted"),
        ]
        indexes = [models.Index(fields=["first", "second"])]

    def __str__(self):
        return f"{self.first_id}-{self.second_id}"
