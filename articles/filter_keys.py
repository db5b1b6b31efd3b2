"""``Article.filter_keys``: the article's countries, actors and tags as strings in one array.

The import writes them with each new article; every other change of the three relations
(curators in the admin, tagging on the site, merges and splits, deleting an actor or a tag)
goes through Django's related managers or a delete, and the signals connected here recompute
the keys of the articles concerned from the relation tables. ``Article.save()`` never writes the
keys of an existing article back (the instance may hold keys older than its relations).
"""

from collections.abc import Iterable

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, pre_delete

COUNTRY, ACTOR, TAG = "c", "a", "t"
RELATIONS = {"countries": COUNTRY, "actors": ACTOR, "tags": TAG}


def filter_key(kind: str, value) -> str:
    return f"{kind}:{value}"


def keys_for(countries: Iterable[str] = (), actors: Iterable[int] = (), tags: Iterable[int] = ()) -> list[str]:
    return [
        *(filter_key(COUNTRY, code) for code in countries),
        *(filter_key(ACTOR, pk) for pk in actors),
        *(filter_key(TAG, pk) for pk in tags),
    ]


# Articles refreshed per round: a merge of a tag on 100,000 articles stays within SQLite's limit
# on query parameters and keeps each UPDATE a reasonable size.
REFRESH_CHUNK = 5_000


def refresh_filter_keys(article_ids: Iterable[int]):
    """Recompute the keys of these articles from the relation tables."""
    ids = sorted(set(article_ids))
    for start in range(0, len(ids), REFRESH_CHUNK):
        _refresh_chunk(ids[start : start + REFRESH_CHUNK])


@transaction.atomic
def _refresh_chunk(ids: list[int]):
    from articles.models import Article
    from articles.storing import update_objects  # storing imports this module

    if not ids:
        return
    # Lock the rows before reading their relations: a concurrent change (an import of the same
    # article, another curator's tag) commits first or waits, and its own refresh runs after
    # ours, so the last keys written are read from the last relations committed.
    list(Article.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk", flat=True))
    related = {pk: {name: [] for name in RELATIONS} for pk in ids}
    for name in RELATIONS:
        through = getattr(Article, name).through
        target = getattr(Article, name).field.m2m_reverse_name()
        rows = through.objects.filter(article_id__in=ids).order_by("pk").values_list("article_id", target)
        for article_id, value in rows:
            related[article_id][name].append(value)
    articles = [Article(pk=pk, filter_keys=keys_for(**lists)) for pk, lists in related.items()]
    update_objects(Article, articles, ["filter_keys"])


def relation_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action == "pre_clear" and reverse:
        # After the clear, the relation no longer says which articles it held.
        instance._filter_key_articles = list(instance.articles.values_list("pk", flat=True))
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        refresh_filter_keys([instance.pk])
    elif action == "post_clear":
        refresh_filter_keys(getattr(instance, "_filter_key_articles", []))
    else:
        refresh_filter_keys(pk_set or [])


def remember_articles(sender, instance, **kwargs):
    instance._filter_key_articles = list(instance.articles.values_list("pk", flat=True))


def forget_deleted(sender, instance, **kwargs):
    refresh_filter_keys(getattr(instance, "_filter_key_articles", []))


def connect_filter_keys():
    from articles.models import Actor, Article, Country, Tag

    for name in RELATIONS:
        through = getattr(Article, name).through
        m2m_changed.connect(relation_changed, sender=through, dispatch_uid=f"filter-keys-{name}")
    for model in (Actor, Country, Tag):
        pre_delete.connect(remember_articles, sender=model, dispatch_uid=f"filter-keys-remember-{model.__name__}")
        post_delete.connect(forget_deleted, sender=model, dispatch_uid=f"filter-keys-forget-{model.__name__}")
