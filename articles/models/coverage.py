from django.db import models


class CoverageQuerySet(models.QuerySet):
    """For rows articles link to through an ``articles`` relation (countries, actors, tags)."""

    def counted_in(self, articles):
        """Rows named by ``articles``, each with ``article_count`` among them, most covered first.

        Filtering before annotating makes the count see only ``articles``, so facets follow filters.
        """
        return (
            self.filter(articles__in=articles.values("pk"))
            .annotate(article_count=models.Count("articles"))
            .order_by("-article_count", *self.model._meta.ordering)
        )
