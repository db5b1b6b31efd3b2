"""Article.filter_keys stays equal to the article's countries, actors and tags, whoever changes them."""

import io

import pytest
from django.core.management import call_command

from articles.curation import merge_actors, merge_tags, split_actor
from articles.filter_keys import refresh_filter_keys
from articles.filters import ArticleFilter
from articles.models import Actor, Article, Mention, Tag
from articles.tests.factories import ActorFactory, ArticleFactory, TagFactory, country

pytestmark = pytest.mark.django_db


def keys_from_relations(article: Article) -> set[str]:
    return {
        *(f"c:{code}" for code in article.countries.values_list("code", flat=True)),
        *(f"a:{pk}" for pk in article.actors.values_list("pk", flat=True)),
        *(f"t:{pk}" for pk in article.tags.values_list("pk", flat=True)),
    }


def stored_keys(article: Article) -> set[str]:
    return set(Article.objects.values_list("filter_keys", flat=True).get(pk=article.pk))


def assert_in_step(*articles):
    for article in articles:
        assert stored_keys(article) == keys_from_relations(article), article.headline


def test_the_import_writes_the_keys_of_what_it_links(imported_seed):
    keys = stored_keys(imported_seed)
    assert {"c:FR", "c:ML", "c:RU"} <= keys
    assert f"a:{Actor.objects.get(name='Sergey Lavrov').pk}" in keys
    assert_in_step(imported_seed)


def test_a_reimport_keeps_the_keys_of_relations_a_curator_owns(seed_dir, imported_seed):
    imported_seed.countries.set([country("VN")])
    imported_seed.curated_fields = ["countries"]
    imported_seed.save()
    seed = next(seed_dir.iterdir())
    seed.write_text(seed.read_text(encoding="utf-8") + "\nThêm một đoạn.\n", encoding="utf-8")
    call_command("import_seeds", str(seed_dir), stdout=io.StringIO())
    article = Article.objects.get()
    assert {key for key in stored_keys(article) if key.startswith("c:")} == {"c:VN"}
    assert_in_step(article)


def test_either_side_of_a_relation_adding_and_removing_keeps_them_in_step():
    article, other = ArticleFactory(), ArticleFactory()
    tag, actor = TagFactory(), ActorFactory()
    article.tags.add(tag)
    article.countries.set([country("FR"), country("DE")])
    actor.articles.add(article, other)
    assert_in_step(article, other)
    article.countries.remove(country("DE"))
    actor.articles.remove(other)
    assert_in_step(article, other)
    tag.articles.clear()
    article.actors.clear()
    assert_in_step(article)
    assert stored_keys(article) == {"c:FR"}


def test_merging_splitting_and_deleting_leave_no_stale_key():
    first, second = ActorFactory(name="Tập Cận Bình"), ActorFactory(name="Chủ tịch Tập")
    articles = ArticleFactory.create_batch(3)
    first.articles.add(articles[0])
    second.articles.add(articles[1], articles[2])
    Mention.objects.create(article=articles[2], kind="actor", actor=second, surface="Chủ tịch Tập", start=0, end=12)
    merge_actors(first, [second])
    assert_in_step(*articles)
    assert all(f"a:{first.pk}" in stored_keys(article) for article in articles)
    split_actor(first, ["Chủ tịch Tập"], "Chủ tịch Tập")
    assert_in_step(*articles)

    kept, merged = TagFactory(name="Biển Đông"), TagFactory(name="Hoàng Sa")
    merged.articles.add(*articles)
    merge_tags(kept, [merged])
    assert_in_step(*articles)
    Tag.objects.get(pk=kept.pk).delete()
    assert_in_step(*articles)
    assert not any(key.startswith("t:") for article in articles for key in stored_keys(article))


def test_refresh_recomputes_keys_that_went_wrong():
    article = ArticleFactory()
    article.countries.set([country("JP")])
    Article.objects.filter(pk=article.pk).update(filter_keys=["c:XX"])
    refresh_filter_keys([article.pk])
    assert stored_keys(article) == {"c:JP"}


@pytest.mark.parametrize(
    "params",
    [
        {"country": ["US"]},
        {"country": ["US", "FR"]},
        {"country": ["us"], "actor": ["afp"]},
        {"actor": ["afp"], "tag": ["bien-dong"]},
        {"country": ["FR"], "tag": ["bien-dong"], "actor": ["afp"]},
    ],
)
def test_the_filters_find_what_the_relations_say(params):
    """The list's filters (filter_keys on PostgreSQL, joins elsewhere) match a join written out."""
    afp = ActorFactory(name="AFP", slug="afp")
    tag = TagFactory(name="Biển Đông")
    articles = ArticleFactory.create_batch(8)
    for n, article in enumerate(articles):
        article.countries.set([country(code) for code, bit in (("US", 1), ("FR", 2)) if n & bit])
        if n & 4:
            article.actors.add(afp)
        if n % 3 == 0:
            article.tags.add(tag)
    found = set(ArticleFilter(params, queryset=Article.objects.all()).qs.values_list("pk", flat=True))
    expected = Article.objects.all()
    for code in params.get("country", []):
        expected = expected.filter(pk__in=country(code.upper()).articles.values("pk"))
    if "actor" in params:
        expected = expected.filter(pk__in=afp.articles.values("pk"))
    if "tag" in params:
        expected = expected.filter(pk__in=tag.articles.values("pk"))
    assert found == set(expected.values_list("pk", flat=True))
    assert found  # every combination above matches some article


def test_saving_an_article_after_changing_its_relations_keeps_the_new_keys():
    article = ArticleFactory()
    article.countries.set([country("FR")])
    article.headline = "Tiêu đề mới"
    article.save()  # this instance still holds the keys it was created with
    assert_in_step(article)
    assert stored_keys(article) == {"c:FR"}


def test_deleting_a_country_removes_its_key():
    article = ArticleFactory()
    article.countries.set([country("FR"), country("DE")])
    country("DE").delete()
    assert stored_keys(article) == {"c:FR"}


def test_an_article_naming_too_many_people_is_refused_by_name(tmp_path, seed_path):
    from articles.ingest.extract import extract_document
    from articles.importing import MAX_NAMED, too_long_for_columns
    from articles.ingest.types import ActorFound
    from articles.storing import Document

    text = seed_path.read_text(encoding="utf-8")
    extraction = extract_document(text)
    extraction.actors = [ActorFound(key=f"k{n}", name=f"Người {n}", kind="person") for n in range(MAX_NAMED + 1)]
    reason = too_long_for_columns(Document(str(seed_path), text, extraction))
    assert reason and f"over the {MAX_NAMED}" in reason
