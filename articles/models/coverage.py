from django.db import models
from django.db.models.functions import Concat, Length

from articles.ingest.folding import fold

from .folded import Folded
from .key_count import article_count_of


class CoverageQuerySet(models.QuerySet):
    """For rows articles link to through an ``articles`` relation (countries, actors, tags); the
    model's ``FILTER_KIND`` names its filter key ("country", "actor", "tag")."""

    def counted_in(self, articles):
        """Rows named by ``articles``, each with ``article_count`` among them, most covered first.

        Filtering before annotating makes the count see only ``articles``, so facets follow filters.
        """
        return (
            self.filter(articles__in=articles.values("pk"))
            .annotate(article_count=models.Count("articles"))
            .order_by("-article_count", *self.model._meta.ordering)
        )

    def with_article_counts(self):
        """Each row with ``article_count`` over the whole archive, read from the key counts."""
        return self.annotate(article_count=article_count_of(self.model.FILTER_KIND))

    def named(self, text: str):
        """Rows with every word of ``text`` in a name or alias (the model's ``NAME_FIELDS``),
        diacritics and case ignored ("lavrov", "hoa ky"), shortest name first."""
        names = [part for field in self.model.NAME_FIELDS for part in (models.F(field), models.Value(" "))]
        queryset = self.alias(names_folded=Folded(Concat(*names, output_field=models.TextField())))
        for word in fold(text).split():
            queryset = queryset.filter(names_folded__contains=word)
        return queryset.order_by(Length(self.model.NAME_FIELDS[0]), self.model.NAME_FIELDS[0])

    def most_covered(self):
        """Rows some article names, most covered first."""
        return self.with_article_counts().filter(article_count__gt=0).order_by("-article_count", *self.model._meta.ordering)
