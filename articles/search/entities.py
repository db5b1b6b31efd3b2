"""The archive's countries, places and actors a search query names, as filter keys, in one query.

The names are found in plain Python (``articles.ingest.query_names``); this turns them into the
rows the archive has (a place or actor becomes a filter key only once imported) and the names the
results page shows ("kết quả gồm bài có Nga").
"""

from dataclasses import dataclass

from django.db.models import CharField, F, Value
from django.db.models.functions import Cast, Concat

from articles.ingest.folding import fold
from articles.ingest.known import default_known
from articles.ingest.query_names import ACTOR, COUNTRY, PLACE, NameSpan


@dataclass(frozen=True)
class SearchEntity:
    key: str  # filter key: "c:RU", "p:3", "a:12"
    name_vi: str
    name_en: str  # places and actors have one name: the same


@dataclass(frozen=True)
class ResolvedSpan:
    """Query terms ``start``..``end`` (exclusive) also match articles with any of ``keys``."""

    start: int
    end: int
    keys: tuple[str, ...]


@dataclass(frozen=True)
class NamedInQuery:
    spans: tuple[ResolvedSpan, ...]
    entities: tuple[SearchEntity, ...]

    def __bool__(self):
        return bool(self.spans)


NOTHING_NAMED = NamedInQuery((), ())


def _spellings(actor_key: str) -> list[str]:
    actor = default_known().by_key(actor_key)
    return [fold(spelling) for spelling in actor.spellings()] if actor else [actor_key]


def resolve(spans: list[NameSpan]) -> NamedInQuery:
    """The archive's rows for ``spans``: one query, none when the query names nothing."""
    if not spans:
        return NOTHING_NAMED
    from articles.models import Actor, Country, Place

    wanted = {kind: set() for kind in (COUNTRY, PLACE, ACTOR)}
    for span in spans:
        for entity in span.entities:
            wanted[entity.kind].add(entity.target)
    actor_names = {name: key for key in wanted[ACTOR] for name in _spellings(key)}

    def keyed(prefix: str, identifier):
        return Concat(Value(prefix + ":"), Cast(identifier, CharField()), output_field=CharField())

    def origin(prefix: str, field: str):
        return Concat(Value(prefix + ":"), F(field), output_field=CharField())

    rows = (
        Country.objects.filter(code__in=wanted[COUNTRY])
        .values_list(keyed("c", F("code")), origin("c", "code"), "name_vi", "name_en")
        .union(
            Place.objects.filter(key__in=wanted[PLACE]).values_list(
                keyed("p", F("pk")), origin("p", "key"), "name", "name"
            ),
            Actor.objects.filter(name_folded__in=actor_names).values_list(
                keyed("a", F("pk")), origin("a", "name_folded"), "name", "name"
            ),
            all=True,
        )
    )
    found = {}  # entity -> SearchEntity rows the archive has for it
    for key, origin, name, name_en in rows:
        # ``origin``: what the row was asked for, "p:moscow", to give each span its rows back.
        kind, _, target = origin.partition(":")
        if kind == "a":
            target = actor_names.get(target, target)
        found.setdefault((kind, target), []).append(SearchEntity(key, name, name_en))
    resolved, entities = [], {}
    for span in spans:
        hits = [row for entity in span.entities for row in found.get((entity.kind[0], entity.target), [])]
        if hits:
            resolved.append(ResolvedSpan(span.start, span.end, tuple(sorted({row.key for row in hits}))))
            entities.update({row.key: row for row in hits})
    return NamedInQuery(tuple(resolved), tuple(entities.values()))
