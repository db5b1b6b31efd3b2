import datetime

import factory

from articles.ingest.folding import slugify_vi
from articles.models import Actor, Article, Country, Tag


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    headline = factory.Sequence(lambda n: f"Ngoại trưởng gặp người đồng cấp lần {n}")
    slug = factory.LazyAttribute(lambda o: slugify_vi(o.headline))
    caption = factory.LazyAttribute(lambda o: f"{o.headline}. (Nguồn: TTXVN) |")
    credit = "TTXVN"
    paragraphs = factory.List(["Hai bên thảo luận về quan hệ song phương.", "Ông cho biết: “Chúng tôi hợp tác”."])
    published = factory.Sequence(lambda n: datetime.date(2021, 1, 1) + datetime.timedelta(days=n))
    published_precision = "day"
    source_file = factory.Sequence(lambda n: f"seeds/factory_{n}.txt")
    content_hash = factory.Sequence(lambda n: f"{n:064x}")


class ActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actor

    name = factory.Sequence(lambda n: f"Nhân Vật {n}")
    slug = factory.LazyAttribute(lambda o: slugify_vi(o.name))
    kind = Actor.Kind.PERSON


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Chủ đề {n}")


def country(code: str) -> Country:
    """Countries come from CLDR through a data migration; tests fetch them, never invent them."""
    return Country.objects.get(code=code)


def attach(article: Article, *targets, relations: tuple[str, ...] = ()):
    """Give ``article`` countries, actors or places as a curator would, and relations as its text
    would state them ("ML-RU"); articles.facts derives the rest, as on every write path."""
    from articles.models import CuratorDecision, Place

    kinds = {Country: "country", Actor: "actor", Place: "place"}
    for target in targets:
        kind = kinds[type(target)]
        CuratorDecision.objects.update_or_create(article=article, kind=kind, **{kind: target}, defaults={"included": True})
    if relations:
        article.stated_relations = sorted({*article.stated_relations, *relations})
        article.save()
    return article
