import io
import json

import pytest
from django.core.management import call_command

from articles.ingest.types import PartialDate
from articles.models import Tag
from articles.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

CONTRACT_KEYS = {
    "sources",
    "slug",
    "title",
    "published",
    "published_precision",
    "published_inferred",
    "source_file",
    "countries",
    "actors",
    "tags",
    "quotes",
    "related",
}


def export_lines():
    out = io.StringIO()
    call_command("export_articles", stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_export_of_the_seed_follows_the_contract(imported_seed):
    imported_seed.tags.add(Tag.objects.create(name="Quan hệ Nga-Mali"))
    [record] = export_lines()
    assert set(record) == CONTRACT_KEYS
    assert record["title"] == "Ngoại trưởng Nga Lavrov và người đồng cấp Mali Diop gặp nhau tại Moscow"
    assert record["published"] == "2021-11-11"
    assert record["published_precision"] == "day"
    assert record["published_inferred"] is True
    assert record["source_file"].endswith("000_d728a159c3b1bbfd.txt")
    assert record["countries"] == ["FR", "ML", "RU"]
    actors = {actor["name"]: actor for actor in record["actors"]}
    assert actors["Sergey Lavrov"]["kind"] == "person"
    assert "Lavrov" in actors["Sergey Lavrov"]["aliases"]
    assert actors["Wagner"]["kind"] == "organization"
    assert record["tags"] == ["Quan hệ Nga-Mali"]
    assert record["sources"] == ["TASS"] and "TASS" not in actors
    assert {"speaker": "Diop"} == {"speaker": record["quotes"][0]["speaker"]}
    assert all(set(quote) == {"speaker", "text"} for quote in record["quotes"])
    assert [set(link) for link in record["related"]] == [{"title", "snippet", "article"}] * 2
    assert all(link["article"] is None for link in record["related"])


@pytest.mark.parametrize(
    ("year", "month", "day", "inferred", "published", "precision"),
    [
        (2023, 6, 15, False, "2023-06-15", "day"),
        (None, 11, 11, False, "--11-11", "day"),
        (2020, 8, None, False, "2020-08-01", "month"),
        (None, None, None, False, None, None),
    ],
)
def test_export_writes_partial_dates(year, month, day, inferred, published, precision):
    article = ArticleFactory.build()
    article.set_published(PartialDate(year, month, day, inferred))
    article.save()
    [record] = export_lines()
    assert record["published"] == published
    assert record["published_precision"] == precision


def test_export_resolves_related_links_to_slugs(imported_seed):
    link = imported_seed.related_links.first()
    target = ArticleFactory(headline=link.title)
    link.target = target
    link.save()
    records = {record["slug"]: record for record in export_lines()}
    assert records[imported_seed.slug]["related"][0]["article"] == target.slug
