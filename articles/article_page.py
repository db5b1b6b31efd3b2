"""Everything an article's page shows, read in one query whose SQL is compiled once per process.

The page used to run eight queries (the article, its mentions, countries, relations, actors, tags,
quotes and related stories), each compiled by the ORM on every visit. Here the seven lists come
back in the article's own row as JSON arrays (``ArraySubquery`` of ``JSONObject``), and are turned
into unsaved model instances carrying just what the page reads.
"""

import json
from dataclasses import dataclass

from articles.compiled_query import CompiledQuery
from articles.markup import Highlight
from articles.models import Actor, Article, BilateralRelation, Country, Mention, Quote, RelatedLink, Tag
from articles.models.json_lists import json_list
from articles.page_links import PageLinks


def _page_query(slug):
    return Article.objects.for_reading().filter(slug=slug).annotate(
        page_mentions=json_list(
            Mention.objects.visible().order_by("section", "paragraph", "start"),
            section="section", paragraph="paragraph", start="start", end="end", kind="kind", surface="surface",
            actor_slug="actor__slug", actor_name="actor__name", country="country_id", country_name="country__name_vi",
            place="place_id", place_name="place__name", place_country="place__country_id",
        ),
        page_countries=json_list(
            Article.countries.through.objects.order_by("country__name_sort"),
            code="country_id", name_vi="country__name_vi", name_en="country__name_en",
        ),
        page_relations=json_list(
            BilateralRelation.objects.order_by("id"),
            first="first_id", first_vi="first__name_vi", first_en="first__name_en",
            second="second_id", second_vi="second__name_vi", second_en="second__name_en",
        ),
        page_actors=json_list(
            Article.actors.through.objects.order_by("actor__name_sort"),
            slug="actor__slug", name="actor__name", kind="actor__kind", country="actor__country_id",
            country_vi="actor__country__name_vi", country_en="actor__country__name_en",
        ),
        page_tags=json_list(
            Article.tags.through.objects.order_by("tag__name_sort"), id="tag_id", name="tag__name", slug="tag__slug"
        ),
        page_quotes=json_list(
            Quote.objects.order_by("section", "paragraph", "start"),
            text="text", speaker_slug="speaker__slug", speaker_name="speaker__name",
        ),
        page_related=json_list(
            RelatedLink.objects.order_by("position"),
            title="title", snippet="snippet", target_slug="target__slug", target_headline="target__headline",
        ),
    )


# One article by its unique slug: the same plan is best for every article.
PAGE_QUERY = CompiledQuery(_page_query, reuse_plan=True)


@dataclass
class ArticlePage:
    article: Article
    highlights: dict[tuple[str, int], list[Highlight]]
    countries: list[Country]
    relations: list[BilateralRelation]
    actors: list[Actor]
    tags: list[Tag]
    quotes: list[Quote]
    related_links: list[RelatedLink]


def read_article_page(slug: str, using: str) -> ArticlePage | None:
    found = PAGE_QUERY.rows(slug, using)
    if not found:
        return None
    article = found[0]
    links = PageLinks()
    highlights: dict[tuple[str, int], list[Highlight]] = {}
    for mention in _rows(article.page_mentions):
        highlights.setdefault((mention["section"], mention["paragraph"]), []).append(_highlight(mention, links))
    return ArticlePage(
        article=article,
        highlights=highlights,
        countries=[Country(code=row["code"], name_vi=row["name_vi"], name_en=row["name_en"]) for row in _rows(article.page_countries)],
        relations=[
            BilateralRelation(
                first=Country(code=row["first"], name_vi=row["first_vi"], name_en=row["first_en"]),
                second=Country(code=row["second"], name_vi=row["second_vi"], name_en=row["second_en"]),
            )
            for row in _rows(article.page_relations)
        ],
        actors=[
            Actor(
                slug=row["slug"], name=row["name"], kind=row["kind"],
                country=Country(code=row["country"], name_vi=row["country_vi"], name_en=row["country_en"]) if row["country"] else None,
            )
            for row in _rows(article.page_actors)
        ],
        tags=[Tag(id=row["id"], name=row["name"], slug=row["slug"]) for row in _rows(article.page_tags)],
        quotes=[
            Quote(text=row["text"], speaker=Actor(slug=row["speaker_slug"], name=row["speaker_name"]) if row["speaker_slug"] else None)
            for row in _rows(article.page_quotes)
        ],
        related_links=[
            RelatedLink(
                title=row["title"], snippet=row["snippet"],
                target=Article(slug=row["target_slug"], headline=row["target_headline"]) if row["target_slug"] else None,
            )
            for row in _rows(article.page_related)
        ],
    )


def _rows(values) -> list[dict]:
    """An ``ArraySubquery`` of JSON objects as dicts (Django reads jsonb as text and leaves the decoding
    to ``JSONField``, which a raw annotation does not have)."""
    return [json.loads(value) if isinstance(value, str) else value for value in values or ()]


def _highlight(mention: dict, links: PageLinks) -> Highlight:
    """As ``markup.mention_highlight`` gives it for a Mention with its targets loaded."""
    span = (mention["start"], mention["end"])
    if mention["kind"] == "actor" and mention["actor_slug"]:
        return Highlight(*span, "actor", links("actor-detail", mention["actor_slug"]), mention["actor_name"])
    if mention["kind"] == "country" and mention["country"]:
        return Highlight(*span, "country", links("country-detail", mention["country"]), mention["country_name"])
    country = mention["place_country"]
    return Highlight(
        *span,
        "place",
        links("country-detail", country) if country else None,
        mention["place_name"] if mention["place"] is not None else mention["surface"],
    )
