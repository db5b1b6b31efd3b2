"""The key counts (articles per filter key and month) stay what a fresh count gives, whatever
writes the article table, and the pages that show counts read them."""

import datetime
import io
import random
import threading

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from articles.models import Article, KeyCount
from articles.models.key_count import ALL_ARTICLES
from articles.tests.factories import ArticleFactory, attach, country

KEYS = ["c:FR", "c:RU", "c:US", "a:1", "a:2", "t:3", "p:4", "s:TTXVN", "r:FR-RU"]


def random_keys(rng: random.Random) -> list[str]:
    return sorted(rng.sample(KEYS, rng.randint(0, 4)))


def random_date(rng: random.Random):
    return rng.choice([None, datetime.date(2024, rng.randint(1, 12), rng.randint(1, 28)), datetime.date(2025, 1, 1)])


@pytest.mark.django_db
@pytest.mark.parametrize("seed", range(4))
def test_counts_follow_every_kind_of_statement(seed):
    """Single and bulk inserts, updates of keys and dates, deletes, in a random order."""
    rng = random.Random(seed)
    for step in range(40):
        existing = list(Article.objects.values_list("pk", flat=True))
        action = rng.choice(["create", "bulk_create", "keys", "date", "bulk_update", "delete"] if existing else ["create"])
        if action == "create":
            article = ArticleFactory(published=random_date(rng))
            Article.objects.filter(pk=article.pk).update(filter_keys=random_keys(rng))
        elif action == "bulk_create":
            Article.objects.bulk_create(
                ArticleFactory.build(filter_keys=random_keys(rng), published=random_date(rng)) for _ in range(3)
            )
        elif action == "keys":
            Article.objects.filter(pk=rng.choice(existing)).update(filter_keys=random_keys(rng))
        elif action == "date":
            Article.objects.filter(pk=rng.choice(existing)).update(published=random_date(rng))
        elif action == "bulk_update":
            Article.objects.filter(pk__in=rng.sample(existing, min(3, len(existing)))).update(
                filter_keys=random_keys(rng), published=random_date(rng)
            )
        else:
            Article.objects.filter(pk__in=rng.sample(existing, min(2, len(existing)))).delete()
        assert KeyCount.objects.stale() == [], (seed, step, action)
    assert KeyCount.objects.total(ALL_ARTICLES) == Article.objects.count()
    assert not KeyCount.objects.filter(articles__lte=0).exists()


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_of_the_same_keys_neither_deadlock_nor_lose_a_count():
    first = [ArticleFactory(filter_keys=[]) for _ in range(5)]
    second = [ArticleFactory(filter_keys=[]) for _ in range(5)]
    barrier = threading.Barrier(2)
    errors = []

    def write(articles, keys):
        try:
            for article in articles:
                barrier.wait(timeout=30)  # both threads write at the same moment, step after step
                with transaction.atomic():
                    Article.objects.filter(pk=article.pk).update(filter_keys=keys)
        except Exception as error:  # noqa: BLE001 — reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=write, args=(first, ["c:FR", "c:US", "t:1"])),
        threading.Thread(target=write, args=(second, ["t:1", "c:US", "c:FR"])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert KeyCount.objects.total("c:US") == 10
    assert KeyCount.objects.stale() == []


@pytest.mark.django_db
def test_check_archive_reports_a_wrong_count_and_repair_recounts():
    attach(ArticleFactory(published=datetime.date(2024, 3, 5)), country("FR"))
    KeyCount.objects.filter(key="c:FR", month=None).update(articles=7)
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("check_archive", stdout=io.StringIO(), stderr=err)
    assert "key count c:FR all time: stored 7, counted 1" in err.getvalue()
    call_command("check_archive", "--repair", stdout=io.StringIO(), stderr=io.StringIO())
    assert KeyCount.objects.stale() == []
    assert KeyCount.objects.months("c:FR") == [{"month": datetime.date(2024, 3, 1), "count": 1}]


@pytest.mark.django_db
def test_country_page_counts_come_from_the_key_counts(client):
    for day in (1, 2):
        article = ArticleFactory(published=datetime.date(2024, 5, day))
        attach(article, country("ML"), country("RU"), relations=("ML-RU",))
    undated = ArticleFactory(published=None)
    attach(undated, country("ML"))
    assert KeyCount.objects.total("c:ML") == 3
    assert KeyCount.objects.months("c:ML") == [{"month": datetime.date(2024, 5, 1), "count": 2}]
    [pair] = KeyCount.objects.pair_counts("ML")
    assert (pair["first"], pair["second"], pair["article_count"], pair["second__name_vi"]) == ("ML", "RU", 2, "Nga")
    page = client.get("/countries/ML/").content.decode()
    assert '<dd>3</dd>' in page


@pytest.mark.django_db
def test_one_countrys_pairs_are_the_pairs_it_is_in():
    """``pair_counts(code)`` probes the exact keys of a country's pairs; for every country, what it
    finds is what the list of all pairs holds for it (first or second in the pair)."""
    rng = random.Random(7)
    codes = ["CN", "FR", "ML", "RU", "US", "VN"]
    for day in range(1, 25):
        chosen = sorted(rng.sample(codes, 3))
        pair = f"{chosen[0]}-{chosen[2]}"
        article = ArticleFactory(published=datetime.date(2024, 1 + day % 12, day))
        attach(article, *(country(code) for code in chosen), relations=(pair,))
    every_pair = KeyCount.objects.pair_counts()
    assert every_pair
    for code in codes:
        assert KeyCount.objects.pair_counts(code) == [row for row in every_pair if code in (row["first"], row["second"])]
