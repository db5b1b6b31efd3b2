from django.db import models
from simple_history.models import HistoricalRecords


class RelatedLink(models.Model):
    """A related story listed under an article, resolved to an archive article once one matches."""

    article = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="related_links")
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=500)
    title_folded = models.CharField(max_length=500, db_index=True, editable=False)
    snippet = models.TextField(blank=True)
    target = models.ForeignKey(
        "Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="cited_by"
    )
    target_set_by_curator = models.BooleanField(
        default=False, help_text="A curator chose the target; the import keeps it."
    )
    # Entities named in a related row belong to the linked story, not to the article.
    country_codes = models.JSONField(default=list, blank=True)
    place_keys = models.JSONField(default=list, blank=True)
    relation_pairs = models.JSONField(default=list, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["article_id", "position"]
        constraints = [models.UniqueConstraint(fields=["article", "position"], name="related_link_position")]

    def __str__(self):
        return self.title
