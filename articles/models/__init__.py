from .actor import Actor, ActorRedirect
from .article import Article, DatePrecision
from .country import Country, Place
from .decision import CuratorDecision
from .mention import BilateralRelation, Mention, Quote
from .related import RelatedLink
from .tag import Tag, TagRedirect

__all__ = [
    "Actor",
    "ActorRedirect",
    "Article",
    "BilateralRelation",
    "Country",
    "CuratorDecision",
    "DatePrecision",
    "Mention",
    "Place",
    "Quote",
    "RelatedLink",
    "Tag",
    "TagRedirect",
]
