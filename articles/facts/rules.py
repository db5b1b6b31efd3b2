"""The rule of an article's derived facts, as plain Python over plain values.

A country, actor or place belongs to an article when an accepted mention (any status but
rejected) names it or a curator included it; a curator's removal wins over any mention. A place
that stands for a country (Paris, Điện Kremlin) brings the country with it. A relation the text
states holds when both its countries belong. The filter keys and search columns follow from
those and from the article's own text, as do the lede lists show.
"""

import unicodedata
from dataclasses import dataclass, field

from articles.ingest.folding import fold
from articles.ingest.lede import lede

COUNTRY, ACTOR, PLACE = "country", "actor", "place"
KEY_PREFIX = {COUNTRY: "c", ACTOR: "a", PLACE: "p", "tag": "t", "source": "s", "relation": "r"}


def filter_key(kind: str, value) -> str:
    """``Article.filter_keys`` entry: "c:FR", "a:12", "p:3", "t:7", "s:Reuters", "r:FR-US"."""
    return f"{KEY_PREFIX[kind]}:{value}"


def exact_text(text: str) -> str:
    """Key for exact-diacritic matching: NFC and lowercase, diacritics and tone placement kept."""
    return unicodedata.normalize("NFC", text).lower()


def search_columns(headline: str, caption: str, paragraphs: list[str]) -> dict[str, str]:
    full = " ".join([headline, caption, *paragraphs])
    return {"headline_folded": fold(headline), "search_folded": fold(full), "search_text": exact_text(full)}


# Columns that follow from the article's own text alone: the search columns and the lede, which
# lists show without reading the body.
TEXT_COLUMNS = ("headline_folded", "search_folded", "search_text", "lede")


def text_columns(headline: str, caption: str, paragraphs: list[str]) -> dict[str, str]:
    return {**search_columns(headline, caption, paragraphs), "lede": lede(paragraphs)}


@dataclass
class ArticleInputs:
    """Everything the facts of one article are computed from."""

    headline: str
    caption: str
    paragraphs: list[str]
    mentions: list[tuple[str, object, bool]] = field(default_factory=list)  # (kind, target, accepted)
    decisions: list[tuple[str, object, bool]] = field(default_factory=list)  # (kind, target, included)
    tags: list[int] = field(default_factory=list)
    stated_relations: list[str] = field(default_factory=list)  # "ML-RU", as the text states them
    sources: list[str] = field(default_factory=list)  # agencies and outlets: "TTXVN"


@dataclass(frozen=True)
class ArticleFacts:
    countries: tuple[str, ...]
    actors: tuple[int, ...]
    places: tuple[int, ...]
    relations: tuple[str, ...]
    filter_keys: tuple[str, ...]
    headline_folded: str
    search_folded: str
    search_text: str
    lede: str

    COLUMNS = ("filter_keys", *TEXT_COLUMNS)
    RELATIONS = ("countries", "actors", "places", "relations")


def named_by_mentions(inputs: ArticleInputs) -> dict[str, set]:
    """What the accepted mentions name, before any curator decision."""
    named = {COUNTRY: set(), ACTOR: set(), PLACE: set()}
    for kind, target, accepted in inputs.mentions:
        if accepted and target is not None:
            named[kind].add(target)
    return named


def belonging(inputs: ArticleInputs, place_countries: dict) -> dict[str, set]:
    """Countries, actors and places of the article: mentions, then curators' decisions."""
    named = named_by_mentions(inputs)
    decided: dict[str, dict] = {COUNTRY: {}, ACTOR: {}, PLACE: {}}
    for kind, target, included in inputs.decisions:
        decided[kind][target] = included

    def apply(kind: str, candidates: set) -> set:
        return {t for t in candidates if decided[kind].get(t, True)} | {t for t, inc in decided[kind].items() if inc}

    places = apply(PLACE, named[PLACE])
    countries = apply(COUNTRY, named[COUNTRY] | {place_countries[p] for p in places if place_countries.get(p)})
    return {COUNTRY: countries, ACTOR: apply(ACTOR, named[ACTOR]), PLACE: places}


def derive(inputs: ArticleInputs, place_countries: dict, search: dict | None = None) -> ArticleFacts:
    """``place_countries``: place id -> the country code it stands for, or None. ``search``: the
    text columns when already computed from the same text (the import's workers fold it)."""
    members = belonging(inputs, place_countries)
    countries = members[COUNTRY]
    relations = sorted(
        {pair for pair in inputs.stated_relations if set(pair.split("-")) <= countries and len(pair) == 5}
    )
    keys = [
        *(filter_key(COUNTRY, code) for code in sorted(countries)),
        *(filter_key(ACTOR, pk) for pk in sorted(members[ACTOR])),
        *(filter_key(PLACE, pk) for pk in sorted(members[PLACE])),
        *(filter_key("tag", pk) for pk in sorted(set(inputs.tags))),
        *(filter_key("source", name) for name in sorted(set(inputs.sources))),
        *(filter_key("relation", pair) for pair in relations),
    ]
    return ArticleFacts(
        countries=tuple(sorted(countries)),
        actors=tuple(sorted(members[ACTOR])),
        places=tuple(sorted(members[PLACE])),
        relations=tuple(relations),
        filter_keys=tuple(keys),
        **(search or text_columns(inputs.headline, inputs.caption, inputs.paragraphs)),
    )
