"""The curator's confirmation and history pages as a curator sees them, for the README: the merge
confirmation with what moves, an article's history with the reason of each change, and the
confirmation before a tag comes off an article."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from articles.curation import add_tags
from articles.models import Actor, Mention

from .support import screenshot

pytestmark = pytest.mark.browser

LAPTOP = (1366, 900)


def test_merge_confirmation_counts_what_moves(staff_tab, archive):
    tab = staff_tab(*LAPTOP)
    merged = list(Actor.objects.filter(mentions__article=archive.seed).distinct().order_by("pk")[:2])
    tab.goto(reverse("admin:articles_actor_changelist"))
    for actor in merged:
        tab.locator(f"input[name=_selected_action][value='{actor.pk}']").check()
    tab.locator("select[name=action]").select_option("merge_action")
    tab.locator("button[name=index]").click()
    moving = Mention.objects.filter(actor=merged[1]).count()
    expect(tab.locator("#content")).to_contain_text(merged[1].name)
    expect(tab.locator("#content")).to_contain_text(str(moving))
    screenshot(tab, "merge-confirmation-1366", height=LAPTOP[1])


def test_article_history_says_why(staff_tab, archive, superuser):
    tab = staff_tab(*LAPTOP)
    tab.goto(archive.seed.get_absolute_url())
    tab.locator("#tag-name").fill("Ngoại giao kinh tế")
    tab.locator(".tag-add-form button[type=submit]").click()
    expect(tab.locator("#article-tags")).to_contain_text("Ngoại giao kinh tế")
    tab.goto(reverse("admin:articles_article_history", args=[archive.seed.pk]))
    history = tab.locator("#change-history")
    expect(history).to_be_visible()
    expect(history).not_to_contain_text("None")
    latest = history.locator("tbody tr").first
    expect(latest).to_contain_text("Gắn chủ đề “Ngoại giao kinh tế”")  # the reason, not "—"
    expect(latest).to_contain_text(superuser.username)
    screenshot(tab, "article-history-1366", height=LAPTOP[1])


def test_tag_removal_asks_first(staff_tab, archive, superuser):
    [tag] = add_tags([archive.seed], ["Quan hệ Nga-Mali"], user=superuser)
    tab = staff_tab(*LAPTOP)
    tab.goto(reverse("article-tag-remove", args=[archive.seed.slug, tag.slug]))
    expect(tab.locator(".confirm-form button[type=submit]")).to_be_visible()
    assert archive.seed.tags.filter(pk=tag.pk).exists()  # asking removes nothing
    screenshot(tab, "tag-removal-1366", height=LAPTOP[1])
