from .actor import Actor, ActorRedirect
from .article import Article, DatePrecision
from .country import Country, Place
from .key_count import KeyCount
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
    "KeyCount",
    "Mention",
    "Place",
    "Quote",
    "RelatedLink",
    "Tag",
    "TagRedirect",
]
