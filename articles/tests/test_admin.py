import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from articles.facts.decisions import choose
from articles.models import Actor, ActorRedirect, Article, Mention, Tag, TagRedirect
from articles.tests.admin_forms import change_form_data
from articles.tests.clients import client_as, client_for
from articles.tests.factories import ArticleFactory, TagFactory

pytestmark = pytest.mark.django_db

CHANGELISTS = [
    "article", "actor", "country", "place", "tag", "mention", "quote", "relatedlink", "bilateralrelation", "curatordecision",
]


@pytest.mark.parametrize(
    ("who", "status"), [("anonymous", 302), ("reader", 302), ("editor", 200), ("superuser", 200)]
)
def test_admin_permission_matrix_for_article_changes(request, imported_seed, who, status):
    client = client_as(request, who)
    url = reverse("admin:articles_article_change", args=[imported_seed.pk])
    response = client.get(url)
    assert response.status_code == status
    if status == 302:
        assert reverse("admin:login") in response["Location"]
        client.post(url, {"headline": "Bị sửa trái phép"})
        imported_seed.refresh_from_db()
        assert imported_seed.headline != "Bị sửa trái phép"


def test_editor_may_not_delete_articles(imported_seed, editor):
    response = client_for(editor).post(
        reverse("admin:articles_article_delete", args=[imported_seed.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert Article.objects.filter(pk=imported_seed.pk).exists()


@pytest.mark.parametrize("model", CHANGELISTS)
def test_every_changelist_and_change_page_renders(imported_seed, superuser, model):
    imported_seed.tags.add(TagFactory())
    choose(imported_seed.pk, {"country": {"FR", "ML", "RU", "VN"}})  # one curator decision
    client = client_for(superuser)
    response = client.get(reverse(f"admin:articles_{model}_changelist"))
    assert response.status_code == 200
    first = response.context["cl"].result_list[0]
    assert client.get(reverse(f"admin:articles_{model}_change", args=[first.pk])).status_code == 200
    assert client.get(reverse(f"admin:articles_{model}_history", args=[first.pk])).status_code == 200


@pytest.mark.parametrize("query", ["ngoai truong lavrov", "NGOẠI TRƯỞNG", "thoả thuận", "thỏa thuận"])
def test_admin_article_search_is_accent_insensitive(imported_seed, superuser, query):
    response = client_for(superuser).get(reverse("admin:articles_article_changelist"), {"q": query})
    assert list(response.context["cl"].result_list) == [imported_seed]


def test_admin_filters_for_review_and_unresolved_links(imported_seed, superuser):
    client = client_for(superuser)
    url = reverse("admin:articles_article_changelist")
    assert list(client.get(url, {"needs_review": "yes"}).context["cl"].result_list) == [imported_seed]
    assert list(client.get(url, {"unresolved_links": "yes"}).context["cl"].result_list) == [imported_seed]
    Mention.objects.update(status=Mention.Status.REVIEWED)
    assert list(client.get(url, {"needs_review": "yes"}).context["cl"].result_list) == []


def test_editing_the_headline_marks_it_curated_and_is_recorded_and_revertible(imported_seed, superuser):
    client = client_for(superuser)
    url = reverse("admin:articles_article_change", args=[imported_seed.pk])
    original = imported_seed.headline
    data = change_form_data(client.get(url))
    data["headline"] = "Nga và Mali bàn hợp tác quân sự"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    imported_seed.refresh_from_db()
    assert imported_seed.headline == "Nga và Mali bàn hợp tác quân sự"
    assert imported_seed.curated_fields == ["headline"]

    latest, before = imported_seed.history.all()[:2]
    assert latest.history_user == superuser
    assert (latest.headline, before.headline) == ("Nga và Mali bàn hợp tác quân sự", original)

    revert_url = reverse("admin:articles_article_simple_history", args=[imported_seed.pk, before.history_id])
    revert_data = change_form_data(client.get(revert_url))
    assert client.post(revert_url, revert_data).status_code == 302
    imported_seed.refresh_from_db()
    assert imported_seed.headline == original


def test_deleting_an_importer_mention_in_the_admin_rejects_it(imported_seed, superuser):
    client = client_for(superuser)
    url = reverse("admin:articles_article_change", args=[imported_seed.pk])
    response = client.get(url)
    data = change_form_data(response)
    data["mentions-0-DELETE"] = "on"
    mention_id = int(data["mentions-0-id"])
    assert client.post(url, data).status_code == 302
    assert Mention.objects.get(pk=mention_id).status == Mention.Status.REJECTED


def test_merge_action_goes_through_a_confirmation_page(imported_seed, superuser):
    client = client_for(superuser)
    lavrov, diop = Actor.objects.get(name="Sergey Lavrov"), Actor.objects.get(name="Diop")
    url = reverse("admin:articles_actor_changelist")
    selection = {"action": "merge_action", ACTION_CHECKBOX_NAME: [lavrov.pk, diop.pk]}
    confirm = client.post(url, selection)
    assert confirm.status_code == 200 and "Gộp vào" in confirm.content.decode()
    assert Actor.objects.filter(pk=diop.pk).exists()
    response = client.post(url, {**selection, "apply": "1", "target": lavrov.pk})
    assert response.status_code == 302
    assert not Actor.objects.filter(pk=diop.pk).exists()
    assert ActorRedirect.objects.get(old_slug=diop.slug).actor == lavrov


def test_split_view_moves_the_chosen_aliases(imported_seed, superuser):
    client = client_for(superuser)
    lavrov = Actor.objects.get(name="Sergey Lavrov")
    url = reverse("admin:articles_actor_split", args=[lavrov.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"new_name": "Lavrov khác", "aliases": ["Lavrov"]})
    assert response.status_code == 302
    assert Actor.objects.get(name="Lavrov khác").mentions.exists()


def test_bulk_tag_actions(superuser):
    articles = ArticleFactory.create_batch(2)
    client = client_for(superuser)
    url = reverse("admin:articles_article_changelist")
    selection = {ACTION_CHECKBOX_NAME: [article.pk for article in articles]}
    client.post(url, {**selection, "action": "add_tags_action", "apply": "1", "tags": "Đức, Biển Đông"})
    assert all(article.tags.count() == 2 for article in articles)
    duc = Tag.objects.get(slug="duc")
    client.post(url, {**selection, "action": "remove_tags_action", "apply": "1", "tags": [duc.pk]})
    assert all(list(article.tags.values_list("name", flat=True)) == ["Biển Đông"] for article in articles)


def test_renaming_a_tag_in_the_admin_leaves_a_redirect(superuser):
    tag = TagFactory(name="Nga My")
    client = client_for(superuser)
    response = client.post(reverse("admin:articles_tag_change", args=[tag.pk]), {"name": "Quan hệ Nga-Mỹ"})
    assert response.status_code == 302
    tag.refresh_from_db()
    assert tag.slug == "quan-he-nga-my"
    assert TagRedirect.objects.get(old_slug="nga-my").tag == tag


def test_setting_a_link_target_by_hand_is_kept_as_the_curators(imported_seed, superuser):
    target = ArticleFactory()
    link = imported_seed.related_links.first()
    client = client_for(superuser)
    url = reverse("admin:articles_relatedlink_change", args=[link.pk])
    data = change_form_data(client.get(url))
    data["target"] = str(target.pk)
    assert client.post(url, data).status_code == 302
    link.refresh_from_db()
    assert link.target == target and link.target_set_by_curator
