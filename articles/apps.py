from django.apps import AppConfig
from django.db.models.signals import post_migrate


def load_countries(sender, using="default", **kwargs):
    from articles.countries import sync_countries

    sync_countries(using=using)


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Lưu trữ tin đối ngoại"

    def ready(self):
        # Countries are reference data from CLDR: every migrate brings them up to date.
        post_migrate.connect(load_countries, sender=self)
