"""Mentions name exactly the target their kind says, checked by the database from now on.

Rows that break it are mended first, never silently: a mention holding exactly one target takes
that target's kind (the target is what a curator chose; the kind alone was the importer's or a
slip); the other targets of a mention holding several are cleared; a mention without any target
is deleted, as nothing could show it truthfully. The counts are printed; run
``manage.py check_archive --repair`` afterwards when any row changed, so the facts follow.
"""

from django.db import migrations, models

TARGETS = ("actor", "country", "place")
# articles.models.mention.target_matches_kind() as it reads now, frozen.
TARGET_MATCHES_KIND = models.Q(models.Q(('actor__isnull', False), ('country__isnull', True), ('kind', 'actor'), ('place__isnull', True)), models.Q(('actor__isnull', True), ('country__isnull', False), ('kind', 'country'), ('place__isnull', True)), models.Q(('actor__isnull', True), ('country__isnull', True), ('kind', 'place'), ('place__isnull', False)), _connector='OR')


def mend_mentions(apps, schema_editor):
    Mention = apps.get_model("articles", "Mention")
    empty = Mention.objects.filter(actor__isnull=True, country__isnull=True, place__isnull=True)
    deleted = empty.count()
    empty.delete()
    rekinded = cleared = 0
    for target in TARGETS:
        alone = {f"{other}__isnull": True for other in TARGETS if other != target}
        rekinded += Mention.objects.filter(**{f"{target}__isnull": False}, **alone).exclude(kind=target).update(kind=target)
        extra = models.Q()
        for other in TARGETS:
            if other != target:
                extra |= models.Q(**{f"{other}__isnull": False})
        cleared += (
            Mention.objects.filter(extra, kind=target, **{f"{target}__isnull": False})
            .update(**{other: None for other in TARGETS if other != target})
        )
    # Several targets and a kind naming none of them: the kind cannot say which one was meant.
    unclear = Mention.objects.exclude(TARGET_MATCHES_KIND)
    deleted += unclear.count()
    unclear.delete()
    # The updates' deferred foreign-key checks now, or the table cannot be altered below.
    schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    if deleted or rekinded or cleared:
        print(
            f"\n  mentions: {deleted} without a clear target deleted, {rekinded} given their target's kind, "
            f"{cleared} rid of extra targets; run check_archive --repair"
        )


class Migration(migrations.Migration):
    dependencies = [("articles", "0014_order_by_article_id_without_a_join")]

    operations = [
        migrations.RunPython(mend_mentions, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="mention",
            constraint=models.CheckConstraint(
                condition=TARGET_MATCHES_KIND,
                name="mention_target_matches_kind",
            ),
        ),
    ]
