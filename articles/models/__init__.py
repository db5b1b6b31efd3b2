from .actor import Actor
from .article import Article, DatePrecision
from .country import Country, Place
from .mention import BilateralRelation, Mention, Quote
from .related import RelatedLink
from .tag import Tag

__all__ = [
    "Actor",
    "Article",
    "BilateralRelation",
    "Country",
    "DatePrecision",
    "Mention",
    "Place",
    "Quote",
    "RelatedLink",
    "Tag",
]
