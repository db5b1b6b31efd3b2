from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from .history import ArchiveHistory


class Origin(models.TextChoices):
    IMPORTER = "importer", _("trình nhập")
    CURATOR = "curator", _("biên tập viên")


def span_source(caption: str, paragraphs: list[str], section: str, paragraph: int) -> str | None:
    """The text a span's ``paragraph`` of ``section`` points into; None when the article has none
    there (the caption is paragraph 0 of its section)."""
    if section == "caption":
        return caption if paragraph == 0 else None
    if section == "body" and 0 <= paragraph < len(paragraphs or []):
        return paragraphs[paragraph]
    return None


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

    def source_text(self) -> str | None:
        # span_paragraphs: the body a form showed this row with, when the same save edits the body.
        paragraphs = getattr(self, "span_paragraphs", None)
        return span_source(
            self.article.caption, self.article.paragraphs if paragraphs is None else paragraphs, self.section, self.paragraph
        )

    def full_clean(self, exclude=None, **kwargs):
        self._excluded_from_clean = set(exclude or ())
        super().full_clean(exclude, **kwargs)

    def refuse(self, errors: dict[str, str]):
        """Raise ``errors`` on their fields, or on the whole form for fields a form leaves out (a
        ModelForm cannot show an error on a field it lacks: Django raises ValueError, a 500)."""
        if not errors:
            return
        excluded = getattr(self, "_excluded_from_clean", set())
        placed: dict[str, list[str]] = {}
        for field, message in errors.items():
            placed.setdefault(NON_FIELD_ERRORS if field in excluded else field, []).append(message)
        raise ValidationError(placed)

    def span_errors(self, text_field: str) -> dict[str, str]:
        """Why the span does not hold ``text_field`` (the surface, the quote): field → message."""
        if self.article_id is None or None in (self.start, self.end, self.paragraph):
            return {}  # the missing field's own error says it
        source = self.source_text()
        if source is None:
            return {"paragraph": _("Bài viết không có đoạn này.")}
        if not 0 <= self.start < self.end <= len(source):
            return {"end": _("Vị trí phải nằm trong đoạn (0 đến %(length)d) và kết thúc sau điểm bắt đầu.") % {"length": len(source)}}
        if getattr(self, text_field) != source[self.start : self.end]:
            return {text_field: _("Chữ phải đúng như đoạn văn tại vị trí này: “%(span)s”.") % {"span": source[self.start : self.end]}}
        return {}


TARGET_NAMES = {"actor": _("nhân vật"), "country": _("quốc gia"), "place": _("địa danh")}

# The target field each kind names; the others stay empty (checked by the model and the database).
TARGET_FIELDS = {"actor": "actor", "country": "country", "place": "place"}


def target_matches_kind() -> models.Q:
    condition = models.Q()
    for kind, field in TARGET_FIELDS.items():
        others = {f"{other}__isnull": True for other in TARGET_FIELDS.values() if other != field}
        condition |= models.Q(kind=kind, **{f"{field}__isnull": False}, **others)
    return condition


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
        ordering = ["article_id", "section", "paragraph", "start"]
        indexes = [models.Index(fields=["article", "section", "paragraph", "start"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="mention_span_not_empty"),
            # Exactly the target its kind names: a mention of kind actor without an actor was once
            # shown in the place style.
            models.CheckConstraint(condition=target_matches_kind(), name="mention_target_matches_kind"),
        ]

    def __str__(self):
        return f"{self.surface} [{self.section} {self.paragraph}:{self.start}-{self.end}]"

    @property
    def target(self):
        return getattr(self, TARGET_FIELDS[self.kind]) if self.kind in TARGET_FIELDS else None

    def clean(self):
        self.refuse(self.target_errors() | self.span_errors("surface"))

    def target_errors(self) -> dict[str, str]:
        if self.kind not in TARGET_FIELDS:
            return {}  # the choices' own error says it
        errors = {}
        chosen = TARGET_FIELDS[self.kind]
        if getattr(self, f"{chosen}_id") is None:
            errors[chosen] = _("Hãy chọn %(target)s được nhắc đến.") % {"target": TARGET_NAMES[chosen]}
        for other in TARGET_FIELDS.values():
            if other != chosen and getattr(self, f"{other}_id") is not None:
                errors[other] = _("Đề cập một %(kind)s không trỏ tới %(target)s.") % {
                    "kind": TARGET_NAMES[chosen],
                    "target": TARGET_NAMES[other],
                }
        return errors


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
        ordering = ["article_id", "section", "paragraph", "start"]

    def __str__(self):
        return self.text[:80]

    def clean(self):
        self.refuse(self.span_errors("text"))


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
