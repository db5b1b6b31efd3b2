"""An article's derived facts have one owner (articles.facts): every write path ends with the
stored facts equal to what the rule computes, and `check_archive` finds nothing to report."""

import io
import json
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from articles.archive_checks import fact_differences
from articles.curation import add_tags, merge_actors, merge_tags, remove_tags, set_mention_status, split_actor
from articles.facts.decisions import choose
from articles.facts.rules import ArticleInputs, derive
from articles.models import Actor, Article, BilateralRelation, CuratorDecision, Mention, Place, Tag
from articles.tests.admin_forms import change_form_data
from articles.tests.clients import client_for
from articles.tests.factories import ActorFactory, ArticleFactory, TagFactory, attach, country

pytestmark = pytest.mark.django_db


def check_archive() -> dict:
    out = io.StringIO()
    call_command("check_archive", "--json", stdout=out)
    return json.loads(out.getvalue())


def codes(article) -> set[str]:
    return set(Article.objects.get(pk=article.pk).countries.values_list("code", flat=True))


def reject_france_in_change_form(client, article):
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = change_form_data(client.get(url))
    france = {m.pk for m in Mention.objects.filter(article=article) if m.country_id == "FR" or (m.place and m.place.country_id == "FR")}
    assert len(france) >= 3  # Pháp and Paris, in the seed
    for key, value in list(data.items()):
        if key.startswith("mentions-") and key.endswith("-id") and value and int(value) in france:
            data[key.replace("-id", "-status")] = Mention.Status.REJECTED
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_rejecting_every_france_mention_in_the_admin_removes_france_everywhere(imported_seed, superuser, client, seed_dir):
    reject_france_in_change_form(client_for(superuser), imported_seed)

    assert codes(imported_seed) == {"ML", "RU"}
    assert Mention.objects.filter(article=imported_seed, status=Mention.Status.REJECTED).count() >= 3
    assert "c:FR" not in Article.objects.get(pk=imported_seed.pk).filter_keys
    assert imported_seed.slug not in client.get("/articles/?country=FR").content.decode()
    assert imported_seed.slug not in client.get("/countries/FR/").content.decode()
    assert 'href="/countries/FR/"' not in client.get(imported_seed.get_absolute_url()).content.decode()
    exported = io.StringIO()
    call_command("export_articles", stdout=exported)
    assert "FR" not in json.loads(exported.getvalue().splitlines()[0])["countries"]

    call_command("import_seeds", str(seed_dir), stdout=io.StringIO())
    seed = next(seed_dir.iterdir())
    seed.write_text(seed.read_text(encoding="utf-8").replace("Tây Phi", "vùng Tây Phi"), encoding="utf-8")
    call_command("import_seeds", str(seed_dir), stdout=io.StringIO())
    assert codes(imported_seed) == {"ML", "RU"}
    assert Mention.objects.filter(article=imported_seed, status=Mention.Status.REJECTED).count() >= 3
    assert check_archive()["differences"] == 0


def test_a_reimport_does_not_bring_back_what_a_curator_removed(imported_seed, seed_dir):
    choose(imported_seed.pk, {"country": {"ML", "RU"}})
    seed = next(seed_dir.iterdir())
    seed.write_text(seed.read_text(encoding="utf-8").replace("Tây Phi", "vùng Tây Phi"), encoding="utf-8")
    call_command("import_seeds", str(seed_dir), stdout=io.StringIO())
    assert codes(imported_seed) == {"ML", "RU"}
    assert check_archive()["differences"] == 0


def test_a_country_a_curator_adds_stays_without_any_mention(imported_seed):
    choose(imported_seed.pk, {"country": {"FR", "ML", "RU", "VN"}})
    assert codes(imported_seed) == {"FR", "ML", "RU", "VN"}
    decision = CuratorDecision.objects.get(article=imported_seed)
    assert decision.country_id == "VN" and decision.included
    choose(imported_seed.pk, {"country": {"FR", "ML", "RU"}})
    assert not CuratorDecision.objects.filter(article=imported_seed).exists()  # back to what mentions say


def test_every_write_path_leaves_nothing_for_check_archive(imported_seed, superuser, editor, seed_dir):
    """Import, admin form and inlines, review, rejection, curator mentions (in code and marked on
    the site), merge and split, tagging on the site and in the admin, history revert and deletes, one after another."""
    admin = client_for(superuser)
    article = imported_seed
    lavrov, diop = Actor.objects.get(name="Sergey Lavrov"), Actor.objects.get(name="Diop")

    reject_france_in_change_form(admin, article)
    set_mention_status(Mention.objects.filter(article=article, kind="actor"), Mention.Status.REVIEWED)
    Mention.objects.create(article=article, kind="country", country=country("VN"), surface="Ngo",
                           section="body", paragraph=0, start=0, end=3, origin="curator", status="reviewed")
    assert "VN" in codes(article)
    choose(article.pk, {"actor": {lavrov.pk, diop.pk}})
    merge_actors(lavrov, [diop])
    split_actor(lavrov, ["Diop"], "Diop")
    response = client_for(editor).post(reverse("article-tag-add", args=[article.slug]), {"name": "Hợp tác"})
    assert response.status_code in (200, 302)
    marked = client_for(editor).post(  # a mention marked on the article page
        reverse("article-mention-add", args=[article.slug]),
        {"kind": "country", "country": "JP", "section": "body", "paragraph": 0, "start": 0, "end": 12,
         "surface": article.paragraphs[0][:12]},
    )
    assert marked.status_code == 201 and "JP" in codes(article)
    add_tags([article], ["An ninh"])
    remove_tags([article], Tag.objects.filter(name="An ninh"))
    merge_tags(TagFactory(name="Quốc phòng"), list(Tag.objects.filter(name="Hợp tác")))
    history = article.history.order_by("history_id").first()
    revert = admin.post(
        reverse("admin:articles_article_simple_history", args=[article.pk, history.history_id]),
        {**change_form_data(admin.get(reverse("admin:articles_article_simple_history",
                                                  args=[article.pk, history.history_id])))},
    )
    assert revert.status_code == 302
    Place.objects.filter(key="paris").update(country=None)
    Place.objects.get(key="paris").save()
    Mention.objects.filter(article=article, kind="place").first().delete()
    country("DE").delete()
    ActorFactory(name="Người không tên").delete()
    seed = next(seed_dir.iterdir())
    seed.write_text(seed.read_text(encoding="utf-8") + "\nHai bên bàn về Đức và Nhật Bản.\n", encoding="utf-8")
    call_command("import_seeds", str(seed_dir), stdout=io.StringIO())

    figures = check_archive()
    assert figures["differences"] == 0, figures["problems"]
    assert figures["problems"] == []
    other = ArticleFactory()
    attach(other, country("JP"))
    other.delete()
    assert check_archive()["differences"] == 0


def test_check_archive_reports_each_difference_and_exits_1(imported_seed):
    Article.objects.filter(pk=imported_seed.pk).update(filter_keys=["c:XX"], search_text="sai", lede="cũ")
    BilateralRelation.objects.filter(article=imported_seed).delete()
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("check_archive", stdout=io.StringIO(), stderr=err)
    reported = err.getvalue()
    assert f"article {imported_seed.pk}: filter_keys stored ['c:XX']" in reported
    assert "search_text stored 'sai'" in reported and "relations stored [], expected ['ML-RU']" in reported
    assert "lede stored 'cũ', expected 'Ngoại trưởng Diop nói:" in reported
    call_command("check_archive", "--repair", stdout=io.StringIO(), stderr=io.StringIO())
    assert check_archive()["differences"] == 0


def test_the_rule_on_plain_values():
    inputs = ArticleInputs(
        "Tiêu đề", "", ["Đoạn"],
        mentions=[("country", "FR", False), ("country", "RU", True), ("place", 1, True), ("actor", 7, True)],
        decisions=[("actor", 7, False), ("country", "VN", True)],
        tags=[3],
        stated_relations=["FR-RU", "ML-RU", "RU-VN"],
    )
    facts = derive(inputs, {1: "ML"})
    assert facts.countries == ("ML", "RU", "VN")  # rejected FR gone, Mali through its place, VN added
    assert facts.actors == ()  # the curator's removal wins over the mention
    assert facts.relations == ("ML-RU", "RU-VN")
    assert facts.filter_keys == ("c:ML", "c:RU", "c:VN", "p:1", "t:3", "r:ML-RU", "r:RU-VN")


def test_the_imported_lede_is_the_first_sentence_of_the_body(imported_seed):
    assert imported_seed.lede.startswith("Ngoại trưởng Diop nói: “Chúng tôi")
    assert imported_seed.lede.endswith("đe dọa”.")


def test_a_curator_s_edit_of_the_body_changes_the_lede(imported_seed):
    imported_seed.paragraphs = ["Câu mở đầu mới. Câu thứ hai."]
    imported_seed.save()
    assert Article.objects.get(pk=imported_seed.pk).lede == "Câu mở đầu mới."
    assert fact_differences([imported_seed.pk]) == []


def test_importing_the_seed_and_the_gold_set_leaves_nothing_for_check_archive(tmp_path, seed_path, settings):
    folder = tmp_path / "import"
    folder.mkdir()
    shutil.copy(seed_path, folder)
    for gold in (Path(settings.BASE_DIR) / "articles" / "tests" / "gold").glob("*.txt"):
        shutil.copy(gold, folder)
    call_command("import_seeds", str(folder), stdout=io.StringIO())
    assert Article.objects.count() > 10
    figures = check_archive()
    assert (figures["differences"], figures["problems"]) == (0, [])


def test_a_decision_added_in_its_own_admin_reaches_the_article(imported_seed, superuser):
    response = client_for(superuser).post(
        reverse("admin:articles_curatordecision_add"),
        {"article": imported_seed.pk, "kind": "country", "country": "VN", "included": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:1000]
    assert "VN" in codes(imported_seed)
    assert check_archive()["differences"] == 0
