"""The bulk writers under the import: COPY and UPDATE … FROM VALUES on PostgreSQL, Django's bulk
methods on SQLite. Both must give exactly what Django's own bulk_create and bulk_update give,
history rows included."""

import datetime

import pytest

from articles.models import Actor, Article
from articles.bulk_write import IMPORT_REASON, bulk_create_recorded, bulk_update_recorded
from articles.tests.factories import country

pytestmark = pytest.mark.django_db


def unsaved_articles(count: int) -> list[Article]:
    return [
        Article(
            headline=f"Thượng đỉnh “ASEAN” lần {n}",
            slug=f"thuong-dinh-{n}",
            caption="Chú thích\tcó tab và \\ gạch chéo",
            paragraphs=[f"Đoạn {n} có dấu “ngoặc” và \\N.", "Dòng\nmới"],
            published=datetime.date(2024, 1, n + 1),
            published_precision="day",
            source_file=f"seeds/x_{n}.txt",
            content_hash=f"{n:064x}",
            curated_fields=[],
        )
        for n in range(count)
    ]


def test_created_articles_get_their_ids_and_read_back_unchanged():
    articles = unsaved_articles(3)
    bulk_create_recorded(Article, articles)
    assert all(article.pk for article in articles)
    for article in articles:
        stored = Article.objects.get(pk=article.pk)
        assert (stored.headline, stored.caption, stored.paragraphs, stored.published) == (
            article.headline, article.caption, article.paragraphs, article.published,
        )
        assert stored.first_imported_at is not None and stored.last_imported_at is not None


def test_created_articles_have_one_creation_history_row_each():
    articles = unsaved_articles(2)
    bulk_create_recorded(Article, articles)
    for article in articles:
        [row] = Article.history.filter(id=article.pk)
        assert row.history_type == "+"
        assert row.history_change_reason == IMPORT_REASON
        assert row.headline == article.headline and row.paragraphs == article.paragraphs


def test_ids_continue_the_table_sequence():
    [first] = unsaved_articles(1)
    bulk_create_recorded(Article, [first])
    later = unsaved_articles(3)[1:]
    Article.objects.create(**{k: getattr(later[0], k) for k in ("headline", "slug", "source_file", "content_hash")})
    bulk_create_recorded(Article, later[1:])
    assert len(set(Article.objects.values_list("pk", flat=True))) == 3


def test_updates_write_every_named_field_and_a_change_history_row():
    country("FR")
    actors = [Actor(name=f"Người {n}", slug=f"nguoi-{n}", kind="person", aliases=[], titles=[]) for n in range(3)]
    bulk_create_recorded(Actor, actors)
    actors[0].aliases = ["Ông Một", "Bà “Hai”"]
    actors[1].titles = ["Ngoại trưởng"]
    actors[1].country_id = "FR"
    bulk_update_recorded(Actor, actors[:2], ["aliases", "titles", "country"])
    stored = {actor.pk: actor for actor in Actor.objects.all()}
    assert stored[actors[0].pk].aliases == ["Ông Một", "Bà “Hai”"]
    assert (stored[actors[1].pk].titles, stored[actors[1].pk].country_id) == (["Ngoại trưởng"], "FR")
    assert (stored[actors[2].pk].aliases, stored[actors[2].pk].country_id) == ([], None)
    assert Actor.history.filter(history_type="~").count() == 2
    assert Actor.history.filter(history_type="+").count() == 3


def test_a_unique_violation_inside_copy_is_retried_file_by_file(seed_dir, monkeypatch):
    """A real unique violation inside COPY (the slug the import chose is taken when it writes) is
    Django's IntegrityError, which the import retries file by file: no traceback, nothing lost."""
    import io

    from django.core.management import call_command

    from articles.slugs import SlugAllocator

    real_allocate = SlugAllocator.allocate
    allocations = []

    def allocate_then_lose_the_race(self, texts):
        slugs = real_allocate(self, texts)
        if self.model is Article and slugs:
            allocations.append(slugs)
            if len(allocations) == 1:  # the batch's first try only; the retry finds the slug free
                Article.objects.create(headline="Của biên tập viên", slug=slugs[0], source_file="x", content_hash="f" * 64)
        return slugs

    monkeypatch.setattr(SlugAllocator, "allocate", allocate_then_lose_the_race)
    out = io.StringIO()
    call_command("import_seeds", str(seed_dir), stdout=out, stderr=out)
    assert "created: 1" in out.getvalue() and "failed: 0" in out.getvalue()
    assert len(allocations) == 2  # the batch, then its file alone
    # The failed batch took the conflicting row (same transaction) with it.
    assert Article.objects.get().mentions.exists()
