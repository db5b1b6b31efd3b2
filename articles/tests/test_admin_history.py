"""Curators' changes are in the history, each row saying why in Vietnamese, and in the admin's
"Recent actions"; the actor merge is confirmed knowing what moves."""

import pytest
from django.apps import apps
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from articles.curation import add_tags, merge_actors
from articles.models import Actor, Article, Mention, Quote, Tag
from articles.tests.admin_forms import change_form_data
from articles.tests.clients import client_for
from articles.tests.factories import TagFactory

pytestmark = pytest.mark.django_db

# Bilateral relations are derived facts that articles.facts rewrites whole after any change; a
# curator's reason belongs to the rows they changed, which the relations follow.
DERIVED = {"HistoricalBilateralRelation"}
HISTORY_MODELS = [
    model
    for model in apps.get_app_config("articles").get_models()
    if hasattr(model, "history_change_reason") and model.__name__ not in DERIVED
]


def newest_history_ids() -> dict:
    return {model: model.objects.order_by("-history_id").values_list("history_id", flat=True).first() or 0 for model in HISTORY_MODELS}


def history_rows_since(before: dict) -> list:
    return [row for model, last in before.items() for row in model.objects.filter(history_id__gt=last)]


def changelist_action(client, model: str, action: str, selected, **data):
    url = reverse(f"admin:articles_{model}_changelist")
    return client.post(url, {"action": action, ACTION_CHECKBOX_NAME: [obj.pk for obj in selected], "apply": "1", **data})


def remove_a_country(client, article):
    yield
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = change_form_data(client.get(url))
    data["countries"] = data["countries"][1:]
    assert client.post(url, data).status_code == 302


def edit_a_quote_on_the_article_page(client, article):
    yield
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = change_form_data(client.get(url))
    data["quotes-0-speaker"] = ""  # its text must stay the text at its span
    assert client.post(url, data).status_code == 302


def merge_diop_into_lavrov(client, article):
    yield
    lavrov, diop = Actor.objects.get(name="Sergey Lavrov"), Actor.objects.get(name="Diop")
    assert changelist_action(client, "actor", "merge_action", [lavrov, diop], target=lavrov.pk).status_code == 302


def split_lavrov(client, article):
    yield
    url = reverse("admin:articles_actor_split", args=[Actor.objects.get(name="Sergey Lavrov").pk])
    assert client.post(url, {"new_name": "Lavrov khác", "aliases": ["Lavrov"]}).status_code == 302


def accept_mentions(client, article):
    yield
    changelist_action(client, "mention", "mark_reviewed", Mention.objects.needing_review())


def reject_a_mention(client, article):
    yield
    changelist_action(client, "mention", "reject", Mention.objects.needing_review()[:1])


def accept_an_articles_mentions(client, article):
    yield
    changelist_action(client, "article", "mark_mentions_reviewed", [article])


def tag_on_the_site(client, article):
    yield
    client.post(reverse("article-tag-add", args=[article.slug]), {"name": "Quan hệ Nga-Mali"})


def untag_on_the_site(client, article):
    tag = TagFactory(name="Biển Đông")
    article.tags.add(tag)
    yield
    client.post(reverse("article-tag-remove", args=[article.slug, tag.slug]))


def tag_in_the_admin(client, article):
    yield
    changelist_action(client, "article", "add_tags_action", [article], tags="Đức, Biển Đông")


def untag_in_the_admin(client, article):
    tag = TagFactory(name="Biển Đông")
    article.tags.add(tag)
    yield
    changelist_action(client, "article", "remove_tags_action", [article], tags=[tag.pk])


def merge_tags_in_the_admin(client, article):
    keep, drop = TagFactory(name="Đức"), TagFactory(name="CHLB Đức")
    article.tags.add(drop)
    yield
    changelist_action(client, "tag", "merge_action", [keep, drop], target=keep.pk)


def revert_the_headline(client, article):
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = change_form_data(client.get(url))
    client.post(url, {**data, "headline": "Tiêu đề sửa tạm"})
    yield
    before = article.history.all()[1]
    revert_url = reverse("admin:articles_article_simple_history", args=[article.pk, before.history_id])
    assert client.post(revert_url, change_form_data(client.get(revert_url))).status_code == 302


def run(action, client, article):
    """Runs a curator action to the end: its setup, then the action (see ``yield`` in each)."""
    steps = action(client, article)
    next(steps)
    next(steps, None)


# Each prepares what it needs, yields, then acts: only what follows the yield is watched.
CURATOR_ACTIONS = [
    remove_a_country,
    edit_a_quote_on_the_article_page,
    merge_diop_into_lavrov,
    split_lavrov,
    accept_mentions,
    reject_a_mention,
    accept_an_articles_mentions,
    tag_on_the_site,
    untag_on_the_site,
    tag_in_the_admin,
    untag_in_the_admin,
    merge_tags_in_the_admin,
    revert_the_headline,
]


@pytest.mark.parametrize("action", CURATOR_ACTIONS, ids=lambda action: action.__name__)
def test_every_curator_action_is_in_the_history_with_a_reason_and_in_recent_actions(imported_seed, superuser, action):
    client = client_for(superuser)
    steps = action(client, imported_seed)
    next(steps)
    before, logged = newest_history_ids(), LogEntry.objects.count()
    next(steps, None)
    rows = history_rows_since(before)
    assert rows, "the action left no history"
    assert [row for row in rows if not row.history_change_reason or row.history_change_reason == "None"] == []
    assert LogEntry.objects.count() > logged
    recent = client.get(reverse("admin:index")).content.decode()
    assert str(LogEntry.objects.order_by("-pk").first().object_repr)[:20] in recent


def test_removing_a_country_names_it_in_the_articles_history(imported_seed, superuser):
    removed = imported_seed.countries.order_by("code").first()
    client = client_for(superuser)
    url = reverse("admin:articles_article_change", args=[imported_seed.pk])
    data = change_form_data(client.get(url))
    data["countries"] = [code for code in data["countries"] if code != removed.pk]
    assert client.post(url, data).status_code == 302
    assert not imported_seed.countries.filter(pk=removed.pk).exists()
    reason = imported_seed.history.first().history_change_reason
    assert "gỡ quốc gia" in reason and removed.name_vi in reason


def test_a_merge_shows_what_moved_on_both_actors_histories(imported_seed, superuser):
    lavrov, diop = Actor.objects.get(name="Sergey Lavrov"), Actor.objects.get(name="Diop")
    mentions, quotes = Mention.objects.filter(actor=diop).count(), Quote.objects.filter(speaker=diop).count()
    diop_id = diop.pk
    merge_actors(lavrov, [diop], user=superuser)
    survivor = lavrov.history.first()
    merged = Actor.history.filter(id=diop_id).first()
    assert merged.history_type == "-"
    assert f"{mentions} đề cập và {quotes} trích dẫn" in merged.history_change_reason
    assert "Sergey Lavrov" in merged.history_change_reason
    assert f"“Diop” ({mentions} đề cập, {quotes} trích dẫn)" in survivor.history_change_reason
    moved = Mention.objects.filter(actor=lavrov, surface__contains="Diop").first()
    assert "khi gộp nhân vật" in moved.history.first().history_change_reason


def test_a_tag_added_twice_writes_one_history_row():
    article = Article.objects.create(headline="Bài thử", slug="bai-thu", source_file="a.txt", content_hash="a")
    rows = article.history.count()
    add_tags([article], ["Biển Đông"])
    add_tags([article], ["Biển Đông", "biển  đông"])
    assert article.history.count() == rows + 1
    assert article.history.first().history_change_reason == "Gắn chủ đề “Biển Đông”"


def test_a_revert_says_which_version_it_restored(imported_seed, superuser):
    run(revert_the_headline, client_for(superuser), imported_seed)
    restored = imported_seed.history.all()[2]
    assert imported_seed.history.first().history_change_reason == f"Khôi phục phiên bản #{restored.history_id}"


def test_the_history_page_shows_reasons_and_no_literal_none(imported_seed, superuser):
    client = client_for(superuser)
    page = client.get(reverse("admin:articles_article_history", args=[imported_seed.pk])).content.decode()
    assert ">None<" not in page.replace(" ", "").replace("\n", "")
    assert "Lý do thay đổi" in page and "Change reason" not in page


def test_the_history_page_lists_curated_fields_by_name_not_as_json(imported_seed, superuser):
    client = client_for(superuser)
    url = reverse("admin:articles_article_change", args=[imported_seed.pk])
    client.post(url, {**change_form_data(client.get(url)), "headline": "Tiêu đề đã biên tập"})
    imported_seed.refresh_from_db()
    assert imported_seed.curated_fields == ["headline"]
    page = client.get(reverse("admin:articles_article_history", args=[imported_seed.pk])).content.decode()
    assert "Trường đã biên tập:</strong>" in page and "&rarr;&nbsp;&nbsp;tiêu đề" in page
    assert "[&quot;" not in page and '["' not in page


def test_merge_confirmation_counts_what_moves_and_lists_the_names_added(imported_seed, superuser):
    lavrov, diop = Actor.objects.get(name="Sergey Lavrov"), Actor.objects.get(name="Diop")
    diop.aliases = ["Abdoulaye Diop", "người đồng cấp Mali Diop"]  # as the import left them before 0014
    diop.titled_names = [name for name in diop.titled_names if name != "người đồng cấp Mali Diop"]
    diop.save()
    mentions, quotes = Mention.objects.filter(actor=diop).count(), Quote.objects.filter(speaker=diop).count()
    client = client_for(superuser)
    url = reverse("admin:articles_actor_changelist")
    page = client.post(url, {"action": "merge_action", ACTION_CHECKBOX_NAME: [lavrov.pk, diop.pk]})
    [plan] = [plan for plan in page.context["merge_plans"] if plan.target == lavrov]
    assert (plan.mention_count, plan.quote_count) == (mentions, quotes) and mentions > 0
    assert plan.added_aliases == ["Diop", "Abdoulaye Diop"]
    assert plan.added_titled_names == ["người đồng cấp Mali Diop", *diop.titled_names]
    html = page.content.decode()
    assert f'<td class="merge-mentions">{mentions}</td>' in html
    assert "Diop, Abdoulaye Diop" in html and "người đồng cấp Mali Diop" in html

    changelist_action(client, "actor", "merge_action", [lavrov, diop], target=lavrov.pk)
    lavrov.refresh_from_db()
    assert "người đồng cấp Mali Diop" not in lavrov.aliases
    assert lavrov.titled_names == plan.titled_names


def test_merge_confirmation_page_query_count_does_not_grow_with_the_selection(superuser, django_assert_max_num_queries):
    actors = [Actor.objects.create(name=f"Người {i}", slug=f"nguoi-{i}") for i in range(8)]
    client = client_for(superuser)
    url = reverse("admin:articles_actor_changelist")
    with django_assert_max_num_queries(16):
        client.post(url, {"action": "merge_action", ACTION_CHECKBOX_NAME: [actor.pk for actor in actors]})




@pytest.mark.parametrize("alias", ["Ngoại trưởng Diop", "người đồng cấp Mali Diop", "ông Diop"])
def test_a_titled_form_typed_as_a_persons_alias_is_refused_with_a_message(imported_seed, superuser, alias):
    diop = Actor.objects.get(name="Diop")
    client = client_for(superuser)
    url = reverse("admin:articles_actor_change", args=[diop.pk])
    data = change_form_data(client.get(url))
    response = client.post(url, {**data, "aliases": f'["{alias}"]'})
    assert response.status_code == 200
    assert f"“{alias}” có chức danh" in str(response.context["adminform"].form.errors["aliases"])
    diop.refresh_from_db()
    assert alias not in diop.aliases


def test_the_article_form_shows_curated_fields_by_name_and_does_not_edit_them(imported_seed, superuser):
    imported_seed.curated_fields = ["quotes", "tags"]
    imported_seed.save()
    response = client_for(superuser).get(reverse("admin:articles_article_change", args=[imported_seed.pk]))
    assert "curated_fields" not in response.context["adminform"].form.fields
    assert "trích dẫn, chủ đề" in response.content.decode()
