"""The same person in two articles is one actor, however each article names him; the
curators' Actor rows feed the extractor (articles/known_actors.py)."""

import io
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.known_actors import load_known_actors, use_known_actors
from articles.models import Actor, Article, Quote

from .factories import ActorFactory

pytestmark = pytest.mark.django_db
GOLD = Path(__file__).resolve().parent / "gold"


def import_gold(tmp_path, *names):
    folder = tmp_path / "seeds"
    folder.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(GOLD / name, folder / name)
    call_command("import_seeds", str(folder), stdout=io.StringIO(), stderr=io.StringIO())


def articles_of(actor):
    return set(Article.objects.filter(mentions__actor=actor).values_list("source_file", flat=True).distinct())


def test_lavrov_by_full_name_and_by_surname_is_one_actor(tmp_path):
    # The seed writes "Ngoại trưởng Nga Sergey Lavrov"; 004 only "ông Lavrov", "Ngoại trưởng Lavrov".
    import_gold(tmp_path, "000_nga_mali_seed.txt", "004_nga_an_lavrov.txt")
    (lavrov,) = Actor.objects.filter(name_folded__contains="lavrov")
    assert (lavrov.name, lavrov.kind, lavrov.country_id) == ("Sergey Lavrov", "person", "RU")
    assert {Path(f).name for f in articles_of(lavrov)} == {"000_nga_mali_seed.txt", "004_nga_an_lavrov.txt"}
    # "Nhà ngoại giao Nga cho hay: ..." in 004 is his quote.
    assert Quote.objects.filter(speaker=lavrov, article__source_file__endswith="004_nga_an_lavrov.txt").count() == 1
    # Assimi and Kassoum Goita stay two people.
    assert set(Actor.objects.filter(name_folded__endswith="goita").values_list("name", flat=True)) == {
        "Assimi Goita",
        "Kassoum Goita",
    }


def test_xi_jinping_by_three_spellings_is_one_actor(tmp_path):
    # 002: "ông Tập Cận Bình"; 003: "Chủ tịch Trung Quốc Tập Cận Bình"; 009: "Chủ tịch Xi Jinping".
    import_gold(tmp_path, "002_my_trung_blinken.txt", "003_viet_trung_tap.txt", "009_brazil_lula.txt")
    (xi,) = Actor.objects.filter(name="Tập Cận Bình")
    assert not Actor.objects.filter(name="Xi Jinping").exists()
    assert "Xi Jinping" in xi.aliases
    assert xi.country_id == "CN"
    assert len(articles_of(xi)) == 3


def test_curated_actor_rows_feed_the_extractor(tmp_path):
    # A curator named the actor "Xi Jinping" (not the data file's "Tập Cận Bình") and gave it an alias.
    curated = ActorFactory(name="Xi Jinping", aliases=["Chủ tịch Tập"])
    assert load_known_actors().lookup("Tập Cận Bình").name == "Xi Jinping"
    with use_known_actors():
        import_gold(tmp_path, "003_viet_trung_tap.txt")
    assert not Actor.objects.filter(name="Tập Cận Bình").exists()
    assert len(articles_of(curated)) == 1
    assert Quote.objects.get(article__source_file__endswith="003_viet_trung_tap.txt").speaker == curated


def test_import_seeds_uses_curated_actor_rows_by_itself(tmp_path):
    curated = ActorFactory(name="Xi Jinping", aliases=["Chủ tịch Tập"])
    import_gold(tmp_path, "003_viet_trung_tap.txt")
    assert not Actor.objects.filter(name="Tập Cận Bình").exists()
    assert len(articles_of(curated)) == 1
