"""What curators do to the archive: merge and split actors, rename and merge tags, tag articles.

Each operation is one transaction, so a half-done merge never shows.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext as _, gettext_lazy
from simple_history.utils import bulk_update_with_history

from articles.curator_log import ADDITION, DELETION, log_curation
from articles.facts.triggers import articles_changed, deferred
from articles.ingest.folding import fold
from articles.ingest.paragraph_editing import Span, reanchor
from articles.ingest.titled_names import split_titled
from articles.models import Actor, ActorRedirect, Article, CuratorDecision, Mention, Quote, Tag, TagRedirect
from articles.models.mention import TARGET_FIELDS, Origin
from articles.models.tag import SLUG_BASE_LENGTH, tag_name, tag_slug_base
from articles.slugs import SlugAllocator, unique_slug


def update_with_history(queryset, user=None, reason: str | None = None, **values) -> int:
    """``queryset.update(**values)`` that also writes a history record per row, for revert."""
    rows = list(queryset)
    for row in rows:
        for name, value in values.items():
            setattr(row, name, value)
    if rows:
        bulk_update_with_history(rows, queryset.model, list(values), default_user=user, default_change_reason=reason)
    return len(rows)


def names_list(items: Iterable) -> str:
    return ", ".join(f"“{item}”" for item in items)


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


@dataclass
class MergePlan:
    """What merging actors into ``target`` does: shown for confirmation, then done as shown."""

    target: Actor
    others: list[Actor]
    mentions: dict[int, int] = field(default_factory=dict)  # per merged actor's pk
    quotes: dict[int, int] = field(default_factory=dict)
    aliases: list[str] = field(default_factory=list)  # the target's aliases after the merge
    titled_names: list[str] = field(default_factory=list)

    @property
    def mention_count(self) -> int:
        return sum(self.mentions.values())

    @property
    def quote_count(self) -> int:
        return sum(self.quotes.values())

    @property
    def added_aliases(self) -> list[str]:
        return self.aliases[len(self.target.aliases) :]

    @property
    def added_titled_names(self) -> list[str]:
        return self.titled_names[len(self.target.titled_names) :]


def merge_plans(actors: list[Actor]) -> list[MergePlan]:
    """For each of ``actors`` as the survivor, what merging the others into it would do (two queries)."""
    pks = [actor.pk for actor in actors]
    mentions = dict(Mention.objects.filter(actor__in=pks).values("actor").annotate(n=Count("pk")).values_list("actor", "n"))
    quotes = dict(Quote.objects.filter(speaker__in=pks).values("speaker").annotate(n=Count("pk")).values_list("speaker", "n"))
    plans = []
    for target in actors:
        others = [actor for actor in actors if actor.pk != target.pk]
        names = [name for other in others for name in (other.name, *other.aliases)]
        # Titles make sense on people only: "Đại sứ quán Mỹ" is an organisation's name.
        plain, titled = split_titled(names) if target.kind == Actor.Kind.PERSON else (names, [])
        plans.append(
            MergePlan(
                target=target,
                others=others,
                mentions={other.pk: mentions.get(other.pk, 0) for other in others},
                quotes={other.pk: quotes.get(other.pk, 0) for other in others},
                aliases=_merged(target.aliases, plain, exclude=target.name),
                titled_names=_merged(
                    target.titled_names, [*titled, *(name for other in others for name in other.titled_names)], ""
                ),
            )
        )
    return plans


@transaction.atomic
def merge_actors(target: Actor, others: Iterable[Actor], user=None) -> Actor:
    """Fold ``others`` into ``target``: names become aliases (titled forms go to ``titled_names``),
    mentions and quotes move, old URLs redirect; each side's history says what moved."""
    others = [other for other in others if other.pk != target.pk]
    [plan] = [plan for plan in merge_plans([target, *others]) if plan.target is target]
    received = []
    with deferred():
        for other in others:
            moved = {"mentions": plan.mentions[other.pk], "quotes": plan.quotes[other.pk]}
            target.titles = _merged(target.titles, other.titles, exclude="")
            target.country_id = target.country_id or other.country_id
            touched = set(other.articles.values_list("pk", flat=True))
            reason = _("Chuyển từ “%(other)s” sang “%(target)s” khi gộp nhân vật") % {"other": other, "target": target}
            update_with_history(Mention.objects.filter(actor=other), user, reason, actor=target)
            update_with_history(Quote.objects.filter(speaker=other), user, reason, speaker=target)
            move_decisions(other, target)
            articles_changed(touched)
            ActorRedirect.objects.filter(actor=other).update(actor=target)
            ActorRedirect.objects.update_or_create(old_slug=other.slug, defaults={"actor": target})
            other._change_reason = _(
                "Gộp vào “%(target)s”: %(mentions)d đề cập và %(quotes)d trích dẫn chuyển sang nhân vật đó"
            ) % {"target": target, **moved}
            log_curation(user, [other], other._change_reason, DELETION)
            other.delete()
            received.append(_("“%(other)s” (%(mentions)d đề cập, %(quotes)d trích dẫn)") % {"other": other, **moved})
        target.aliases, target.titled_names = plan.aliases, plan.titled_names
        target._change_reason = _("Gộp vào đây: %(received)s") % {"received": "; ".join(received)}
        if plan.added_aliases:
            target._change_reason += _("; thêm tên gọi khác: %(names)s") % {"names": names_list(plan.added_aliases)}
        if plan.added_titled_names:
            target._change_reason += _("; thêm danh xưng: %(names)s") % {"names": names_list(plan.added_titled_names)}
        target.save()
        log_curation(user, [target], target._change_reason)
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
        titled_names=[name for name in actor.titled_names if fold(name) in moving],
        titles=list(actor.titles),
        country_id=actor.country_id,
    )
    moved = [m for m in Mention.objects.filter(actor=actor) if fold(m.surface) in moving]
    moved_articles = {m.article_id for m in moved}
    staying = Mention.objects.filter(actor=actor).exclude(pk__in=[m.pk for m in moved])
    # A quote follows when its article names the old actor only through the moving mentions.
    quotes = Quote.objects.filter(speaker=actor, article_id__in=moved_articles)
    quotes = list(quotes.exclude(article__mentions__in=staying).values_list("pk", flat=True))
    counts = {"mentions": len(moved), "quotes": len(quotes), "new": new_name, "old": actor}
    new_actor._change_reason = _("Tách khỏi “%(old)s”: nhận %(mentions)d đề cập và %(quotes)d trích dẫn") % counts
    new_actor.save()
    ActorRedirect.objects.filter(old_slug=new_actor.slug).delete()
    actor.aliases = [alias for alias in actor.aliases if fold(alias) not in moving]
    actor.titled_names = [name for name in actor.titled_names if fold(name) not in moving]
    actor._change_reason = _("Tách “%(new)s” ra: %(mentions)d đề cập và %(quotes)d trích dẫn chuyển đi") % counts
    actor.save()

    reason = _("Chuyển từ “%(old)s” sang “%(new)s” khi tách nhân vật") % counts
    update_with_history(Mention.objects.filter(pk__in=[m.pk for m in moved]), user, reason, actor=new_actor)
    update_with_history(Quote.objects.filter(pk__in=quotes), user, reason, speaker=new_actor)
    articles_changed(moved_articles)
    log_curation(user, [actor], actor._change_reason)
    log_curation(user, [new_actor], new_actor._change_reason, ADDITION)
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
def merge_tags(target: Tag, others: Iterable[Tag], user=None) -> Tag:
    with deferred():
        for other in others:
            if other.pk == target.pk:
                continue
            target._change_reason = _("Gộp chủ đề “%(other)s” vào đây") % {"other": other}
            target.articles.add(*other.articles.all())
            TagRedirect.objects.filter(tag=other).update(tag=target)
            TagRedirect.objects.update_or_create(old_slug=other.slug, defaults={"tag": target})
            other._change_reason = _("Gộp vào chủ đề “%(target)s”") % {"target": target}
            log_curation(user, [other], other._change_reason, DELETION)
            other.delete()
            log_curation(user, [target], target._change_reason)
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
    tag = Tag(name=name)
    tag._change_reason = _("Tạo khi gắn cho bài")
    tag.save()
    return tag


def _tag_pairs(articles: list[Article], tags: list[Tag]) -> set[tuple[int, int]]:
    """(article pk, tag pk) for each of ``tags`` that one of ``articles`` already has."""
    through = Article.tags.through.objects.filter(article__in=[a.pk for a in articles], tag__in=[t.pk for t in tags])
    return set(through.values_list("article_id", "tag_id"))


@transaction.atomic
def add_tags(articles: Iterable[Article], names: Iterable[str], user=None) -> list[Tag]:
    """Tag the articles; one that has every tag already is left alone, so its history gains no empty row."""
    tags = list({tag.pk: tag for tag in (tag_named(name) for name in names if name.strip())}.values())
    articles = list(articles)
    had = _tag_pairs(articles, tags)
    with deferred():
        for article in articles:
            missing = [tag for tag in tags if (article.pk, tag.pk) not in had]
            if missing:
                article._change_reason = _("Gắn chủ đề %(names)s") % {"names": names_list(missing)}
                article.tags.add(*missing)
                mark_curated(article, "tags")
                log_curation(user, [article], article._change_reason)
    return tags


@transaction.atomic
def remove_tags(articles: Iterable[Article], tags: Iterable[Tag], user=None):
    tags, articles = list(tags), list(articles)
    had = _tag_pairs(articles, tags)
    with deferred():
        for article in articles:
            present = [tag for tag in tags if (article.pk, tag.pk) in had]
            if present:
                article._change_reason = _("Gỡ chủ đề %(names)s") % {"names": names_list(present)}
                article.tags.remove(*present)
                mark_curated(article, "tags")
                log_curation(user, [article], article._change_reason)


def mark_curated(article: Article, *fields: str):
    curated = sorted(set(article.curated_fields) | set(fields))
    if curated != article.curated_fields:
        article.curated_fields = curated
        Article.objects.filter(pk=article.pk).update(curated_fields=curated)


MENTION_STATUS_REASONS = {
    Mention.Status.REVIEWED: gettext_lazy("Duyệt đề cập"),
    Mention.Status.REJECTED: gettext_lazy("Loại đề cập"),
    Mention.Status.PENDING: gettext_lazy("Đưa đề cập về chờ duyệt"),
}


@transaction.atomic
def set_mention_status(mentions, status: str, user=None) -> int:
    touched = set(mentions.values_list("article_id", flat=True))
    changing = list(mentions.exclude(status=status))
    reason = str(MENTION_STATUS_REASONS[status])
    count = update_with_history(mentions.filter(pk__in=[m.pk for m in changing]), user, reason, status=status)
    articles_changed(touched)
    log_curation(user, changing, reason)
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


def add_curator_mention(mention: Mention, user=None) -> tuple[Mention, bool]:
    """Store a validated mention as a curator's, already reviewed, unless the same curator's
    mention is stored already (a double click posts it twice): (the mention, whether it is new).
    Its save refreshes the article's facts (articles.facts.triggers), as an admin inline's does."""
    same = {name: getattr(mention, name) for name in ("article_id", "section", "paragraph", "start", "end", "kind")}
    same |= {f"{field}_id": getattr(mention, f"{field}_id") for field in TARGET_FIELDS.values()}
    with transaction.atomic():
        # The article's row is the lock: two clicks racing would each find no twin of theirs.
        list(Article.objects.select_for_update().filter(pk=mention.article_id).values_list("pk"))
        stored = Mention.objects.filter(origin=Origin.CURATOR, **same).first()
        if stored is not None:
            return stored, False
        mention.origin = Origin.CURATOR
        mention.status = Mention.Status.REVIEWED
        mention._history_user = user
        with deferred():
            mention.save()
    return mention, True
