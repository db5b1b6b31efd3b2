"""What curators do to the archive: merge and split actors, rename and merge tags, tag articles.

Each operation is one transaction, so a half-done merge never shows.
"""

import re
from collections.abc import Iterable

from django.db import transaction
from simple_history.utils import bulk_update_with_history

from articles.facts.triggers import articles_changed, deferred
from articles.ingest.folding import fold
from articles.ingest.paragraph_editing import Span, reanchor
from articles.models import Actor, ActorRedirect, Article, CuratorDecision, Mention, Quote, Tag, TagRedirect
from articles.models.mention import Origin
from articles.models.tag import SLUG_BASE_LENGTH, tag_name, tag_slug_base
from articles.slugs import SlugAllocator, unique_slug


def update_with_history(queryset, user=None, **values) -> int:
    """``queryset.update(**values)`` that also writes a history record per row, for revert."""
    rows = list(queryset)
    for row in rows:
        for field, value in values.items():
            setattr(row, field, value)
    if rows:
        bulk_update_with_history(rows, queryset.model, list(values), default_user=user)
    return len(rows)


def _merged(names: list[str], extra: Iterable[str], exclude: str) -> list[str]:
    seen = {fold(name) for name in names} | {fold(exclude)}
    merged = list(names)
    for name in extra:
        if fold(name) not in seen:
            seen.add(fold(name))
            merged.append(name)
    return merged


def move_decisions(old: Actor, new: Actor):
    """Curators' decisions about ``old`` become decisions about ``new`` (where ``new`` has none)."""
    taken = set(CuratorDecision.objects.filter(actor=new).values_list("article_id", flat=True))
    CuratorDecision.objects.filter(actor=old).exclude(article_id__in=taken).update(actor=new)


@transaction.atomic
def merge_actors(target: Actor, others: Iterable[Actor], user=None) -> Actor:
    """Fold ``others`` into ``target``: names become aliases, mentions and quotes move, old URLs redirect."""
    with deferred():
        for other in others:
            if other.pk == target.pk:
                continue
            target.aliases = _merged(target.aliases, [other.name, *other.aliases], exclude=target.name)
            target.titles = _merged(target.titles, other.titles, exclude="")
            target.country_id = target.country_id or other.country_id
            touched = set(other.articles.values_list("pk", flat=True))
            update_with_history(Mention.objects.filter(actor=other), user, actor=target)
            update_with_history(Quote.objects.filter(speaker=other), user, speaker=target)
            move_decisions(other, target)
            articles_changed(touched)
            ActorRedirect.objects.filter(actor=other).update(actor=target)
            ActorRedirect.objects.update_or_create(old_slug=other.slug, defaults={"actor": target})
            other.delete()
        target.save()
    return target


@transaction.atomic
def split_actor(actor: Actor, aliases: Iterable[str], new_name: str, user=None) -> Actor:
    """Undo a wrong merge: the given aliases, their mentions and quotes go to a new actor."""
    moving = {fold(alias) for alias in aliases} | {fold(new_name)}
    new_actor = Actor(
        name=new_name,
        slug=unique_slug(Actor, new_name),
        kind=actor.kind,
        aliases=[alias for alias in actor.aliases if fold(alias) in moving and fold(alias) != fold(new_name)],
        titles=list(actor.titles),
        country_id=actor.country_id,
    )
    new_actor.save()
    ActorRedirect.objects.filter(old_slug=new_actor.slug).delete()
    actor.aliases = [alias for alias in actor.aliases if fold(alias) not in moving]
    actor.save()

    moved = [m for m in Mention.objects.filter(actor=actor) if fold(m.surface) in moving]
    update_with_history(Mention.objects.filter(pk__in=[m.pk for m in moved]), user, actor=new_actor)
    moved_articles = {m.article_id for m in moved}
    update_with_history(
        Quote.objects.filter(speaker=actor, article_id__in=moved_articles).exclude(article__mentions__actor=actor),
        user,
        speaker=new_actor,
    )
    articles_changed(moved_articles)
    return new_actor


@transaction.atomic
def rename_tag(tag: Tag, new_name: str) -> Tag:
    """Give a tag a new name and, when the name reads differently, a new slug; the old slug redirects."""
    old_slug = tag.slug
    tag.name = tag_name(new_name)
    if not re.fullmatch(re.escape(tag_slug_base(tag.name)) + r"(-\d+)?", old_slug):
        tag.slug = SlugAllocator(Tag, SLUG_BASE_LENGTH, tag_slug_base).allocate([tag.name])[0]
    tag.save()
    if old_slug != tag.slug:
        TagRedirect.objects.filter(old_slug=tag.slug).delete()
        TagRedirect.objects.update_or_create(old_slug=old_slug, defaults={"tag": tag})
    return tag


@transaction.atomic
def merge_tags(target: Tag, others: Iterable[Tag]) -> Tag:
    with deferred():
        for other in others:
            if other.pk == target.pk:
                continue
            target.articles.add(*other.articles.all())
            TagRedirect.objects.filter(tag=other).update(tag=target)
            TagRedirect.objects.update_or_create(old_slug=other.slug, defaults={"tag": target})
            other.delete()
    return target


def tag_named(name: str) -> Tag:
    """The tag with this name (case aside), the tag a renamed one became, or a new tag."""
    name = tag_name(name)
    existing = Tag.objects.filter(name__iexact=name).first()
    if existing:
        return existing
    redirect = TagRedirect.objects.filter(old_slug=tag_slug_base(name)).select_related("tag").first()
    if redirect:
        return redirect.tag
    return Tag.objects.create(name=name)


@transaction.atomic
def add_tags(articles: Iterable[Article], names: Iterable[str]) -> list[Tag]:
    tags = [tag_named(name) for name in names if name.strip()]
    with deferred():
        for article in articles:
            article.tags.add(*tags)
            mark_curated(article, "tags")
    return tags


@transaction.atomic
def remove_tags(articles: Iterable[Article], tags: Iterable[Tag]):
    tags = list(tags)
    with deferred():
        for article in articles:
            article.tags.remove(*tags)
            mark_curated(article, "tags")


def mark_curated(article: Article, *fields: str):
    curated = sorted(set(article.curated_fields) | set(fields))
    if curated != article.curated_fields:
        article.curated_fields = curated
        Article.objects.filter(pk=article.pk).update(curated_fields=curated)


@transaction.atomic
def set_mention_status(mentions, status: str, user=None) -> int:
    touched = set(mentions.values_list("article_id", flat=True))
    count = update_with_history(mentions, user, status=status)
    articles_changed(touched)
    return count


@transaction.atomic
def follow_paragraph_edit(article: Article, old_paragraphs: list[str], user=None) -> list[str]:
    """Move the body's mentions and quotes to where their words stand in ``article.paragraphs``.

    Those whose words the edit changed or removed no longer index the text and are deleted; their
    surfaces (or quote texts) come back so the curator sees what went. Facts are recomputed once.
    """
    lost, moved = [], {Mention: [], Quote: []}
    for model in (Mention, Quote):
        rows = list(model.objects.filter(article=article, section="body"))
        spans = reanchor(old_paragraphs, article.paragraphs, [Span(r.paragraph, r.start, r.end) for r in rows])
        for row, span in zip(rows, spans, strict=True):
            if span is None:
                lost.append(row)
            elif (span.paragraph, span.start, span.end) != (row.paragraph, row.start, row.end):
                row.paragraph, row.start, row.end = span.paragraph, span.start, span.end
                moved[model].append(row)
    with deferred():
        for model, rows in moved.items():
            if rows:
                bulk_update_with_history(rows, model, ["paragraph", "start", "end"], default_user=user)
        for row in lost:
            row.delete()
        articles_changed([article.pk])
    return [getattr(row, "surface", None) or row.text for row in lost]


def add_curator_mention(mention: Mention, user=None) -> Mention:
    """Store a validated mention as a curator's, already reviewed; its save refreshes the
    article's facts (articles.facts.triggers), as an admin inline's does."""
    mention.origin = Origin.CURATOR
    mention.status = Mention.Status.REVIEWED
    mention._history_user = user
    with deferred():
        mention.save()
    return mention
