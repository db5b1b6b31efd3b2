"""The article change page of the admin as a curator reviews mentions: it fits the screen, shows
every mention in its sentence, and accepts one in place."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from articles.models import Mention

from .support import screenshot

pytestmark = pytest.mark.browser

# A laptop and a phone: the 1,366 px and the narrowest common phone.
WINDOWS = [(1366, 900), (390, 844)]


def change_page(tab, article):
    tab.goto(reverse("admin:articles_article_change", args=[article.pk]))
    tab.wait_for_selector(".mention-row.has_original")


@pytest.mark.parametrize("width,height", WINDOWS, ids=["1366", "390"])
def test_the_change_page_never_scrolls_sideways(staff_tab, archive, width, height):
    tab = staff_tab(width, height)
    change_page(tab, archive.seed)
    rows = tab.locator(".mention-row.has_original")
    assert rows.count() >= 20, "the seed's article should have twenty mentions or more"
    assert tab.evaluate("document.documentElement.scrollWidth") <= width
    for index in range(rows.count()):
        row = rows.nth(index)
        row.scroll_into_view_if_needed()
        expect(row.locator(".mention-sentence mark")).to_be_visible()
        kind = row.locator("select[name$='-kind']").input_value()
        target = row.locator(f".field-{kind} .select2-container")
        expect(target).to_be_visible()
        for control in (row.locator("select[name$='-kind']"), target, row.get_by_label("đã duyệt"), row.get_by_label("bị loại")):
            box = control.bounding_box()
            assert box is not None and 0 <= box["x"] and box["x"] + box["width"] <= width
    screenshot(tab, f"admin-mentions-{width}", height=height, start=".mention-inline")


def test_accepting_a_mention_in_place(staff_tab, archive):
    tab = staff_tab(*WINDOWS[0])
    change_page(tab, archive.seed)
    pending_before = Mention.objects.filter(article=archive.seed, status=Mention.Status.PENDING).count()
    row = tab.locator("#" + tab.locator(".mention-row.status-pending").first.get_attribute("id"))
    mention = Mention.objects.get(pk=row.locator("input[name$='-id']").input_value())
    expect(row.locator(".mention-sentence mark")).to_have_text(mention.surface)

    row.get_by_label("đã duyệt").check()
    expect(row).to_have_class(re.compile(r"\bstatus-reviewed\b"))
    tab.locator("input[name=_continue]").click()
    expect(tab.locator(".messagelist .success")).to_be_visible()

    mention.refresh_from_db()
    assert mention.status == Mention.Status.REVIEWED
    assert Mention.objects.filter(article=archive.seed, status=Mention.Status.PENDING).count() == pending_before - 1
    expect(tab.locator(f"#{row.get_attribute('id')}")).to_have_class(re.compile(r"\bstatus-reviewed\b"))


def test_a_row_shows_the_target_of_the_kind_chosen(staff_tab, archive):
    tab = staff_tab(*WINDOWS[0])
    change_page(tab, archive.seed)
    row = tab.locator("#" + tab.locator(".mention-row.kind-actor").first.get_attribute("id"))
    expect(row.locator(".field-actor")).to_be_visible()
    expect(row.locator(".field-country")).to_be_hidden()
    row.locator("select[name$='-kind']").select_option("country")
    expect(row.locator(".field-country")).to_be_visible()
    expect(row.locator(".field-actor")).to_be_hidden()
