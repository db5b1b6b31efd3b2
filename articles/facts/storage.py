"""Reading an article's inputs and stored facts from the database, and writing facts back."""

from collections.abc import Iterable

from django.db import transaction

from articles.bulk_write import insert_rows, update_objects
from articles.models import Article, BilateralRelation, CuratorDecision, Mention, Place

from .rules import ACTOR, COUNTRY, PLACE, ArticleFacts, ArticleInputs, derive

THROUGH_TARGETS = {"countries": "country_id", "actors": "actor_id", "places": "place_id"}
# Articles read and written per round: keeps each query and UPDATE a reasonable size when a
# merge touches a hundred thousand articles.
CHUNK = 2_000


def place_countries() -> dict[int, str | None]:
    return dict(Place.objects.values_list("pk", "country_id"))


def load_inputs(ids: list[int]) -> dict[int, ArticleInputs]:
    inputs = {
        pk: ArticleInputs(headline, caption, paragraphs, stated_relations=list(stated), sources=list(sources))
        for pk, headline, caption, paragraphs, stated, sources in Article.objects.filter(pk__in=ids).values_list(
            "pk", "headline", "caption", "paragraphs", "stated_relations", "sources"
        )
    }
    targets = {COUNTRY: 0, ACTOR: 1, PLACE: 2}
    for article_id, kind, *target_ids, status in Mention.objects.filter(article_id__in=ids).values_list(
        "article_id", "kind", "country_id", "actor_id", "place_id", "status"
    ):
        inputs[article_id].mentions.append((kind, target_ids[targets[kind]], status != Mention.Status.REJECTED))
    for article_id, kind, *target_ids, included in CuratorDecision.objects.filter(article_id__in=ids).values_list(
        "article_id", "kind", "country_id", "actor_id", "place_id", "included"
    ):
        inputs[article_id].decisions.append((kind, target_ids[targets[kind]], included))
    for article_id, tag_id in Article.tags.through.objects.filter(article_id__in=ids).values_list("article_id", "tag_id"):
        inputs[article_id].tags.append(tag_id)
    return inputs


def load_stored(ids: list[int]) -> dict[int, dict]:
    stored = {
        pk: {
            "filter_keys": tuple(sorted(keys or [])),
            "headline_folded": headline_folded,
            "search_folded": search_folded,
            "search_text": search_text,
            "lede": lede,
            "countries": [],
            "actors": [],
            "places": [],
            "relations": [],
        }
        for pk, keys, headline_folded, search_folded, search_text, lede in Article.objects.filter(pk__in=ids).values_list(
            "pk", "filter_keys", "headline_folded", "search_folded", "search_text", "lede"
        )
    }
    for name, target in THROUGH_TARGETS.items():
        through = getattr(Article, name).through
        for article_id, value in through.objects.filter(article_id__in=ids).values_list("article_id", target):
            stored[article_id][name].append(value)
    for article_id, first, second in BilateralRelation.objects.filter(article_id__in=ids).values_list(
        "article_id", "first_id", "second_id"
    ):
        stored[article_id]["relations"].append(f"{first}-{second}")
    for facts in stored.values():
        for name in ArticleFacts.RELATIONS:
            facts[name] = tuple(sorted(facts[name]))
    return stored


def compare(stored: dict, expected: ArticleFacts) -> list[str]:
    """The names of the facts that differ; filter keys compare as sets, in sorted order."""
    wanted = {name: getattr(expected, name) for name in (*ArticleFacts.COLUMNS, *ArticleFacts.RELATIONS)}
    wanted["filter_keys"] = tuple(sorted(wanted["filter_keys"]))
    return [name for name, value in wanted.items() if stored[name] != value]


def expected_facts(ids: list[int]) -> dict[int, ArticleFacts]:
    countries_of_places = place_countries()
    return {pk: derive(inputs, countries_of_places) for pk, inputs in load_inputs(ids).items()}


def changes(ids: list[int]) -> dict[int, tuple[ArticleFacts, dict]]:
    """Articles whose stored facts are not what the rule gives: expected facts, and the differing
    facts as they are stored."""
    stored = load_stored(ids)
    found = {}
    for pk, facts in expected_facts(ids).items():
        names = compare(stored[pk], facts)
        if names:
            found[pk] = (facts, {name: stored[pk][name] for name in names})
    return found


def differences(ids: Iterable[int]):
    """(article id, fact, stored, expected) for every fact that is not what the rule gives."""
    ids = sorted(set(ids))
    for start in range(0, len(ids), CHUNK):
        for pk, (facts, stored) in changes(ids[start : start + CHUNK]).items():
            for name, value in stored.items():
                yield pk, name, value, getattr(facts, name)


def refresh(ids: Iterable[int]) -> int:
    """Recompute and store the facts of these articles; returns how many articles changed."""
    ids = sorted(set(ids))
    return sum(_refresh_chunk(ids[start : start + CHUNK]) for start in range(0, len(ids), CHUNK))


@transaction.atomic
def _refresh_chunk(ids: list[int]) -> int:
    if not ids:
        return 0
    # Lock the rows before reading: a concurrent writer (an import of the same article, another
    # curator) commits first or waits, and its own refresh then reads what we wrote.
    ids = list(Article.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk", flat=True))
    changed = changes(ids)
    write(changed)
    return len(changed)


def write(changed: dict[int, tuple[ArticleFacts, dict]]):
    """Replace the differing facts: relation rows of an article are rewritten whole."""
    columns = [name for name in ArticleFacts.COLUMNS if any(name in names for _, names in changed.values())]
    if columns:
        update_objects(
            Article,
            [Article(pk=pk, **{name: list(facts.filter_keys) if name == "filter_keys" else getattr(facts, name)
                               for name in columns})
             for pk, (facts, _) in changed.items()],
            columns,
        )
    redo = {name: [pk for pk, (_, names) in changed.items() if name in names] for name in ArticleFacts.RELATIONS}
    for name in THROUGH_TARGETS:
        getattr(Article, name).through.objects.filter(article_id__in=redo[name]).delete()
    BilateralRelation.objects.filter(article_id__in=redo["relations"]).delete()
    insert_facts([(pk, facts) for pk, (facts, _) in changed.items()], only=redo)


def insert_facts(articles: list[tuple[int, ArticleFacts]], only: dict[str, list[int]] | None = None):
    """Insert the relation rows of these facts (all of them, or ``only`` those listed per relation)."""
    for name, target in THROUGH_TARGETS.items():
        wanted = set(only[name]) if only else None
        insert_rows(
            getattr(Article, name).through,
            ["article", target.removesuffix("_id")],
            [(pk, value) for pk, facts in articles if wanted is None or pk in wanted for value in getattr(facts, name)],
        )
    wanted = set(only["relations"]) if only else None
    insert_rows(
        BilateralRelation,
        ["article", "first", "second"],
        [(pk, *pair.split("-")) for pk, facts in articles if wanted is None or pk in wanted for pair in facts.relations],
    )
