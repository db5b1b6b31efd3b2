from django.db import models
from simple_history.models import HistoricalRecords


class CuratorDecision(models.Model):
    """A curator's word on whether a country, actor or place belongs to an article.

    It wins over the article's mentions either way (``articles.derived_facts``): ``included``
    adds what no accepted mention names, its opposite removes what mentions name. Re-imports
    never touch it, so what a curator removed stays removed.
    """

    class Kind(models.TextChoices):
        COUNTRY = "country", "quốc gia"
        ACTOR = "actor", "nhân vật"
        PLACE = "place", "địa danh"

    article = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="decisions")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    country = models.ForeignKey("Country", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    actor = models.ForeignKey("Actor", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    place = models.ForeignKey("Place", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    included = models.BooleanField(help_text="Có: thêm vào bài; không: gỡ khỏi bài dù có đề cập.")

    history = HistoricalRecords()

    class Meta:
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
