from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


def load_countries(sender, using="default", **kwargs):
    from articles.countries import sync_countries

    sync_countries(using=using)


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Lưu trữ tin đối ngoại")

    def ready(self):
        # Countries are reference data from CLDR: every migrate brings them up to date.
        post_migrate.connect(load_countries, sender=self)
        connect_cache_invalidation()
        from articles.facts import triggers

        triggers.connect()


def connect_cache_invalidation():
    """Any change to what the reader's pages show makes their cached copies stale."""
    from articles import models
    from articles.caching import bump_archive_version

    shown = [
        models.Article, models.Actor, models.ActorRedirect, models.Country, models.Place, models.Mention,
        models.Quote, models.BilateralRelation, models.RelatedLink, models.Tag, models.TagRedirect,
        models.CuratorDecision,
    ]
    for model in shown:
        post_save.connect(bump_archive_version, sender=model, dispatch_uid=f"archive-version-save-{model.__name__}")
        post_delete.connect(bump_archive_version, sender=model, dispatch_uid=f"archive-version-delete-{model.__name__}")
    for relation in ("countries", "actors", "places", "tags"):
        through = getattr(models.Article, relation).through
        m2m_changed.connect(bump_archive_version, sender=through, dispatch_uid=f"archive-version-m2m-{relation}")
