"""Whatever a curator changed stays as the curator left it when the import runs again."""

import datetime
import io

import pytest
from django.core.management import call_command

from articles.ingest.types import PartialDate
from articles.curation import add_tags, mark_curated, merge_actors
from articles.facts.decisions import choose
from articles.models import Actor, Article, Mention, Quote
from articles.models.mention import Origin
from articles.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def reimport_changed(seed_dir) -> str:
    """Edit the seed file (so the import really updates the article) and import the folder again."""
    seed = next(seed_dir.iterdir())
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace("Tây Phi, lo ngại.", "Tây Phi, lo ngại sâu sắc."), encoding="utf-8")
    out = io.StringIO()
    call_command("import_seeds", str(seed_dir), stdout=out)
    assert "updated: 1" in out.getvalue()
    return out.getvalue()


def test_curated_headline_survives(imported_seed, seed_dir):
    imported_seed.headline = "Nga và Mali bàn hợp tác quân sự"
    imported_seed.curated_fields = ["headline"]
    imported_seed.save()
    out = reimport_changed(seed_dir)
    article = Article.objects.get()
    assert article.headline == "Nga và Mali bàn hợp tác quân sự"
    assert "lo ngại sâu sắc" in " ".join(article.paragraphs)
    assert "left alone for curators: " in out


def test_curated_date_survives(imported_seed, seed_dir):
    imported_seed.set_published(PartialDate(2021, 11, 12))
    imported_seed.curated_fields = ["published"]
    imported_seed.save()
    reimport_changed(seed_dir)
    article = Article.objects.get()
    assert article.published == datetime.date(2021, 11, 12)
    assert article.published_year_inferred is False


def test_uncurated_fields_follow_the_new_file(imported_seed, seed_dir):
    reimport_changed(seed_dir)
    article = Article.objects.get()
    assert article.headline == "Ngoại trưởng Nga Lavrov và người đồng cấp Mali Diop gặp nhau tại Moscow"
    assert article.published_year_inferred is True


def test_rejected_mention_stays_rejected_and_is_not_added_again(imported_seed, seed_dir):
    rejected = Mention.objects.filter(kind="country", country_id="FR").first()
    rejected.status = Mention.Status.REJECTED
    rejected.save()
    france_mentions = Mention.objects.filter(country_id="FR").count()
    reimport_changed(seed_dir)
    assert Mention.objects.filter(pk=rejected.pk, status=Mention.Status.REJECTED).exists()
    assert Mention.objects.filter(country_id="FR").count() == france_mentions
    assert Mention.objects.filter(country_id="FR", status=Mention.Status.REJECTED).count() == 1


def test_reviewed_and_curator_mentions_survive_without_duplicates(imported_seed, seed_dir):
    reviewed = Mention.objects.filter(kind="actor").first()
    reviewed.status = Mention.Status.REVIEWED
    reviewed.save()
    added = Mention.objects.create(
        article=imported_seed, kind="country", country_id="DE", surface="Pháp", section="body",
        paragraph=6, start=0, end=4, origin=Origin.CURATOR, status=Mention.Status.REVIEWED,
    )
    total = Mention.objects.count()
    reimport_changed(seed_dir)
    assert Mention.objects.filter(pk=reviewed.pk, status=Mention.Status.REVIEWED).exists()
    assert Mention.objects.filter(pk=added.pk).exists()
    same_span = Mention.objects.filter(
        kind=reviewed.kind, section=reviewed.section, paragraph=reviewed.paragraph, start=reviewed.start
    )
    assert same_span.count() == 1
    assert Mention.objects.count() == total


def test_curated_quotes_survive(imported_seed, seed_dir):
    quote = Quote.objects.get(text__startswith="Moscow có lịch sử")
    quote.speaker = Actor.objects.get(name="Diop")
    quote.origin = Origin.CURATOR
    quote.save()
    mark_curated(imported_seed, "quotes")
    quotes_before = set(Quote.objects.values_list("pk", "speaker__name"))
    reimport_changed(seed_dir)
    assert set(Quote.objects.values_list("pk", "speaker__name")) == quotes_before


def test_tags_survive(imported_seed, seed_dir):
    add_tags([imported_seed], ["Quan hệ Nga-Mali"])
    reimport_changed(seed_dir)
    assert list(Article.objects.get().tags.values_list("slug", flat=True)) == ["quan-he-nga-mali"]


def test_hand_set_link_target_survives(imported_seed, seed_dir):
    target = ArticleFactory()
    link = imported_seed.related_links.get(position=1)
    link.target, link.target_set_by_curator = target, True
    link.save()
    reimport_changed(seed_dir)
    link = Article.objects.get(pk=imported_seed.pk).related_links.get(position=1)
    assert link.target == target and link.target_set_by_curator


def test_actor_merge_survives(imported_seed, seed_dir):
    lavrov, diop = Actor.objects.get(name="Sergey Lavrov"), Actor.objects.get(name="Diop")
    merge_actors(lavrov, [diop])
    reimport_changed(seed_dir)
    assert not Actor.objects.filter(name="Diop").exists()
    assert Quote.objects.get(text__startswith="Chúng tôi đang").speaker == lavrov


def test_a_country_a_curator_removed_stays_removed(imported_seed, seed_dir):
    choose(imported_seed.pk, {"country": {"RU", "ML"}})
    reimport_changed(seed_dir)
    assert set(Article.objects.get().countries.values_list("code", flat=True)) == {"RU", "ML"}


def test_same_file_again_leaves_curated_article_untouched(imported_seed, seed_dir):
    imported_seed.headline = "Tiêu đề của biên tập viên"
    imported_seed.curated_fields = ["headline"]
    imported_seed.save()
    out = io.StringIO()
    call_command("import_seeds", str(seed_dir), stdout=out)
    assert "unchanged: 1" in out.getvalue()
    assert Article.objects.get().headline == "Tiêu đề của biên tập viên"
