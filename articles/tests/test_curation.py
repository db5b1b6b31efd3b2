import pytest

from articles.curation import add_tags, merge_actors, merge_tags, remove_tags, rename_tag, split_actor, tag_named
from articles.models import Actor, ActorRedirect, Article, Mention, Quote, Tag, TagRedirect
from articles.tests.factories import ActorFactory, ArticleFactory, TagFactory

pytestmark = pytest.mark.django_db


def test_merge_then_split_round_trip(imported_seed):
    lavrov = Actor.objects.get(name="Sergey Lavrov")
    diop = Actor.objects.get(name="Diop")
    diop_mentions = set(Mention.objects.filter(actor=diop).values_list("pk", flat=True))
    diop_quotes = set(Quote.objects.filter(speaker=diop).values_list("pk", flat=True))
    old_slug = diop.slug

    merge_actors(lavrov, [diop])
    lavrov.refresh_from_db()
    assert not Actor.objects.filter(name="Diop").exists()
    assert "Diop" in lavrov.aliases
    assert diop_mentions <= set(Mention.objects.filter(actor=lavrov).values_list("pk", flat=True))
    assert diop_quotes <= set(Quote.objects.filter(speaker=lavrov).values_list("pk", flat=True))
    assert ActorRedirect.objects.get(old_slug=old_slug).actor == lavrov

    diop_aliases = [alias for alias in lavrov.aliases if "Diop" in alias]
    restored = split_actor(lavrov, diop_aliases, "Diop")
    lavrov.refresh_from_db()
    assert restored.slug == old_slug
    assert not ActorRedirect.objects.filter(old_slug=old_slug).exists()
    assert set(Mention.objects.filter(actor=restored).values_list("pk", flat=True)) == diop_mentions
    assert not any("Diop" in alias for alias in lavrov.aliases)
    assert imported_seed.actors.filter(pk=restored.pk).exists()


def test_split_keeps_quotes_in_articles_where_both_remain(imported_seed):
    lavrov = Actor.objects.get(name="Sergey Lavrov")
    lavrov_quotes = set(Quote.objects.filter(speaker=lavrov).values_list("pk", flat=True))
    split_actor(lavrov, ["Lavrov"], "Lavrov (khác)")
    assert set(Quote.objects.filter(speaker=lavrov).values_list("pk", flat=True)) == lavrov_quotes


def test_merge_records_history_of_moved_mentions(imported_seed):
    lavrov, diop = Actor.objects.get(name="Sergey Lavrov"), Actor.objects.get(name="Diop")
    moved = Mention.objects.filter(actor=diop).first()
    merge_actors(lavrov, [diop])
    assert moved.history.first().actor_id == lavrov.pk


def test_rename_tag_keeps_the_old_slug_as_a_redirect():
    tag = TagFactory(name="Quan hệ Nga Mỹ")
    rename_tag(tag, "Quan hệ Nga-Mỹ song phương")
    assert tag.slug == "quan-he-nga-my-song-phuong"
    assert TagRedirect.objects.get(old_slug="quan-he-nga-my").tag == tag


def test_merge_tags_moves_articles_and_redirects():
    article = ArticleFactory()
    keep, drop = TagFactory(name="Đức"), TagFactory(name="CHLB Đức")
    article.tags.add(drop)
    merge_tags(keep, [drop])
    assert list(article.tags.all()) == [keep]
    assert TagRedirect.objects.get(old_slug="chlb-duc").tag == keep


def test_new_tags_get_vietnamese_slugs_and_are_reused():
    assert tag_named("Đức").slug == "duc"
    assert tag_named("  đức ").pk == Tag.objects.get(slug="duc").pk
    assert tag_named("Quan hệ Nga-Mỹ").slug == "quan-he-nga-my"


def test_bulk_tagging_marks_tags_as_curated():
    articles = ArticleFactory.create_batch(3)
    add_tags(articles, ["Biển Đông", "ASEAN"])
    assert all(article.tags.count() == 2 for article in articles)
    assert all("tags" in article.curated_fields for article in articles)
    remove_tags(articles[:1], Tag.objects.filter(name="ASEAN"))
    assert [tag.name for tag in articles[0].tags.all()] == ["Biển Đông"]


def test_merge_ignores_the_target_in_the_others():
    actor = ActorFactory()
    merge_actors(actor, [actor])
    assert Actor.objects.filter(pk=actor.pk).exists()


def test_renamed_tag_and_merged_actor_urls_redirect(client, imported_seed):
    tag = TagFactory(name="Nga My")
    rename_tag(tag, "Quan hệ Nga-Mỹ")
    response = client.get("/tags/nga-my/")
    assert response.status_code == 301 and response["Location"] == "/tags/quan-he-nga-my/"
    lavrov, diop = Actor.objects.get(name="Sergey Lavrov"), Actor.objects.get(name="Diop")
    merge_actors(lavrov, [diop])
    response = client.get(f"/actors/{diop.slug}/")
    assert response.status_code == 301 and response["Location"] == lavrov.get_absolute_url()
    assert client.get("/tags/khong-co/").status_code == 404


def test_a_curators_headline_edit_reaches_search(imported_seed):
    imported_seed.headline = "Hội đàm Nga – Mali về hợp tác quốc phòng"
    imported_seed.save()
    imported_seed.refresh_from_db()
    assert imported_seed.headline_folded == "hoi dam nga – mali ve hop tac quoc phong"
    assert "hoi dam nga" in imported_seed.search_folded
    assert list(Article.objects.search("hoi dam quoc phong")) == [imported_seed]
