from django.db import models
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from .history import ArchiveHistory


class CuratorDecision(models.Model):
    """A curator's word on whether a country, actor or place belongs to an article.

    It wins over the article's mentions either way (``articles.derived_facts``): ``included``
    adds what no accepted mention names, its opposite removes what mentions name. Re-imports
    never touch it, so what a curator removed stays removed.
    """

    class Kind(models.TextChoices):
        COUNTRY = "country", _("quốc gia")
        ACTOR = "actor", _("nhân vật")
        PLACE = "place", _("địa danh")

    article = models.ForeignKey(
        "Article", verbose_name=_("bài viết"), on_delete=models.CASCADE, related_name="decisions"
    )
    kind = models.CharField(_("loại"), max_length=8, choices=Kind.choices)
    country = models.ForeignKey(
        "Country", verbose_name=_("quốc gia"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    actor = models.ForeignKey(
        "Actor", verbose_name=_("nhân vật"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    place = models.ForeignKey(
        "Place", verbose_name=_("địa danh"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    included = models.BooleanField(
        _("đưa vào bài"), help_text=_("Có: thêm vào bài; không: gỡ khỏi bài dù có đề cập.")
    )

    history = ArchiveHistory()

    class Meta:
        verbose_name = _("quyết định của biên tập viên")
        verbose_name_plural = pgettext_lazy("số nhiều", "quyết định của biên tập viên")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "kind", "country", "actor", "place"],
                nulls_distinct=False,
                name="decision_once_per_target",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(kind="country", country__isnull=False, actor__isnull=True, place__isnull=True)
                    | models.Q(kind="actor", actor__isnull=False, country__isnull=True, place__isnull=True)
                    | models.Q(kind="place", place__isnull=False, country__isnull=True, actor__isnull=True)
                ),
                name="decision_target_matches_kind",
            ),
        ]
        indexes = [models.Index(fields=["actor"]), models.Index(fields=["place"])]

    @property
    def target_id(self):
        return {"country": self.country_id, "actor": self.actor_id, "place": self.place_id}[self.kind]

    def __str__(self):
        sign = "+" if self.included else "−"
        return f"{sign}{self.kind}:{self.target_id} @ {self.article_id}"
