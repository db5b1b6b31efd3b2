"""Rows related to an article, read along with the article's own row as a JSON list."""

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef
from django.db.models.functions import JSONObject


def json_list(queryset, **fields) -> ArraySubquery:
    """``queryset``'s rows of the outer article, in its order, each as an object of ``fields``
    (name: field path). One query instead of a prefetch query per relation: for a page of 20
    articles, or an article's page, the ORM's prefetching cost more than PostgreSQL's work."""
    return ArraySubquery(queryset.filter(article=OuterRef("pk")).values(json=JSONObject(**fields)))
