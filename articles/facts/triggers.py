"""Every change that can alter an article's facts ends in ``refresh`` for the articles concerned.

Saves and deletes of mentions and curator decisions, tag changes and deletes of the entities
articles name arrive as signals; writes that send none (bulk moves in merges, the import's COPY)
call ``articles_changed`` themselves. Inside ``deferred()`` the ids are collected and refreshed
once when the block ends, still inside the caller's transaction (an admin form with twenty
mention rows recomputes its article once).
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from articles.models import Actor, Article, Country, CuratorDecision, Mention, Place, Tag

from .storage import refresh

_pending: ContextVar[set | None] = ContextVar("facts_pending", default=None)
# Articles being deleted: their mentions' deletes must not write facts the delete then orphans.
_deleting: ContextVar[frozenset] = ContextVar("facts_deleting", default=frozenset())


@contextmanager
def deferred():
    if _pending.get() is not None:  # an outer block refreshes
        yield
        return
    token = _pending.set(set())
    try:
        yield
        ids = _pending.get()
    finally:
        _pending.reset(token)
    refresh(ids)


def articles_changed(ids):
    ids = set(ids) - _deleting.get()
    pending = _pending.get()
    if pending is None:
        refresh(ids)
    else:
        pending.update(ids)


def _row_changed(sender, instance, **kwargs):
    articles_changed([instance.article_id])


def _article_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        articles_changed([instance.pk])


def _tags_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action == "pre_clear" and reverse:
        instance._facts_articles = list(instance.articles.values_list("pk", flat=True))
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        articles_changed([instance.pk])
    else:
        articles_changed(pk_set if action != "post_clear" else getattr(instance, "_facts_articles", []))


def _article_deleting(sender, instance, **kwargs):
    _deleting.set(_deleting.get() | {instance.pk})


def _article_deleted(sender, instance, **kwargs):
    _deleting.set(_deleting.get() - {instance.pk})


def _remember_articles(sender, instance, **kwargs):
    """Before an actor, country, place or tag goes: the articles that named it."""
    field = {"Actor": "actor", "Country": "country", "Place": "place", "Tag": None}[sender.__name__]
    ids = set(instance.articles.values_list("pk", flat=True))
    if field:
        ids |= set(Mention.objects.filter(**{field: instance}).values_list("article_id", flat=True))
        ids |= set(CuratorDecision.objects.filter(**{field: instance}).values_list("article_id", flat=True))
    instance._facts_articles = ids


def _forget_deleted(sender, instance, **kwargs):
    articles_changed(getattr(instance, "_facts_articles", ()))


def _place_saved(sender, instance, created=False, raw=False, **kwargs):
    # The country a place stands for may have changed.
    if not created and not raw:
        articles_changed(set(Mention.objects.filter(place=instance).values_list("article_id", flat=True)))


def connect():
    for model in (Mention, CuratorDecision):
        post_save.connect(_row_changed, sender=model, dispatch_uid=f"facts-save-{model.__name__}")
        post_delete.connect(_row_changed, sender=model, dispatch_uid=f"facts-delete-{model.__name__}")
    post_save.connect(_article_saved, sender=Article, dispatch_uid="facts-article")
    pre_delete.connect(_article_deleting, sender=Article, dispatch_uid="facts-article-deleting")
    post_delete.connect(_article_deleted, sender=Article, dispatch_uid="facts-article-deleted")
    post_save.connect(_place_saved, sender=Place, dispatch_uid="facts-place")
    m2m_changed.connect(_tags_changed, sender=Article.tags.through, dispatch_uid="facts-tags")
    for model in (Actor, Country, Place, Tag):
        pre_delete.connect(_remember_articles, sender=model, dispatch_uid=f"facts-remember-{model.__name__}")
        post_delete.connect(_forget_deleted, sender=model, dispatch_uid=f"facts-forget-{model.__name__}")
