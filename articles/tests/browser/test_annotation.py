"""An editor corrects an extraction on the article page: selects words with the mouse, chooses
what they name from the autocomplete, saves; the mention is then marked on the page and stored
with the selected text as its surface, exactly the text at its span."""

import json

import pytest
from playwright.sync_api import expect

from .support import TIMEOUT_MS, run_vnu, screenshot
from .test_accessibility import describe

pytestmark = pytest.mark.browser

PASSWORD = "mat-khau-dai-2026"
# Assimi Goita, named by his office a few words after his name: the import leaves it unmarked.
PHRASE = "tổng thống lâm thời"


@pytest.fixture
def goita(archive):
    from articles.models import Actor

    return Actor.objects.get(name="Assimi Goita")


@pytest.fixture
def staff_annotator(archive, django_user_model):
    """Staff with the mention permission, as the editors' group grants it (a group made by a data
    migration is gone after the flush between transactional tests; permissions come back)."""
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("bientap", password=PASSWORD, is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="add_mention", content_type__app_label="articles"))
    return user


@pytest.fixture
def editor_page(page, staff_annotator):
    editor = staff_annotator

    def signed_in(width: int, height: int):
        page.set_viewport_size({"width": width, "height": height})
        page.goto("/accounts/login/")
        page.locator("#id_username").fill(editor.username)
        page.locator("#id_password").fill(PASSWORD)
        page.locator(".auth-form button[type=submit]").click()
        expect(page.locator(".account")).to_contain_text(editor.username)
        return page

    return signed_in


def select_with_the_mouse(page, paragraph, word: str):
    """Drag the mouse over ``word`` in ``paragraph``, as a person selects it."""
    paragraph.scroll_into_view_if_needed()
    box = paragraph.evaluate(
        """(element, word) => {
            const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const at = node.data.indexOf(word);
                if (at < 0) continue;
                const range = document.createRange();
                range.setStart(node, at);
                range.setEnd(node, at + word.length);
                const rects = range.getClientRects(), first = rects[0], last = rects[rects.length - 1];
                return {
                    left: first.left, top: first.top + first.height / 2,
                    right: last.right, bottom: last.top + last.height / 2,
                };
            }
            return null;
        }""",
        word,
    )
    assert box, f"{word!r} is not in the paragraph"
    page.mouse.move(box["left"] + 1, box["top"])
    page.mouse.down()
    page.mouse.move(box["right"] - 1, box["bottom"], steps=8)
    page.mouse.up()


def choose_target(page, typed: str, label: str):
    page.locator("#annotator-query").press_sequentially(typed, delay=20)
    option = page.get_by_role("option", name=label)
    expect(option).to_be_visible()
    option.click()
    expect(page.locator("#annotator-query")).to_have_value(label)


def phrase_paragraph(page):
    return page.locator("#article-body p", has_text=PHRASE).first


def test_an_editor_marks_a_mention_by_selecting_it(editor_page, archive, goita):
    from articles.models import Mention

    page = editor_page(1366, 900)
    page.goto(archive.seed.get_absolute_url())
    expect(phrase_paragraph(page).locator("mark", has_text=PHRASE)).to_have_count(0)

    select_with_the_mouse(page, phrase_paragraph(page), PHRASE)
    form = page.locator("#annotator-form")
    expect(form).to_be_visible()
    expect(page.locator("#annotator-surface")).to_have_text(PHRASE)
    choose_target(page, "assimi", "Assimi Goita")
    screenshot_of_the_form(page, "annotate-1366")
    form.get_by_role("button", name="Lưu đề cập").click()

    marked = phrase_paragraph(page).locator("a.mention-actor", has_text=PHRASE)
    expect(marked).to_have_count(1, timeout=TIMEOUT_MS)
    expect(marked).to_have_attribute("href", goita.get_absolute_url())
    mention = Mention.objects.get(origin="curator")
    assert (mention.actor, mention.status, mention.surface) == (goita, "reviewed", PHRASE)
    assert archive.seed.paragraphs[mention.paragraph][mention.start : mention.end] == PHRASE


def test_a_target_not_chosen_is_explained_and_nothing_is_stored(editor_page, archive):
    from articles.models import Mention

    page = editor_page(1366, 900)
    page.goto(archive.seed.get_absolute_url())
    before = Mention.objects.count()
    select_with_the_mouse(page, phrase_paragraph(page), PHRASE)
    page.locator("#annotator-query").fill("không có ai")
    page.locator("#annotator-form").get_by_role("button", name="Lưu đề cập").click()
    expect(page.locator("#annotator-error")).to_have_text("Hãy chọn một mục trong danh sách gợi ý.")
    assert Mention.objects.count() == before


def test_the_open_annotation_form_has_no_axe_violations(editor_page, archive, axe_script):
    page = editor_page(1366, 900)
    page.goto(archive.seed.get_absolute_url())
    select_with_the_mouse(page, phrase_paragraph(page), PHRASE)
    page.locator("#annotator-query").press_sequentially("goita")
    expect(page.locator("#annotator-suggestions").get_by_role("option").first).to_be_visible()
    page.evaluate(axe_script.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    assert not result["violations"], describe(result["violations"])


def test_the_editors_article_page_is_valid_html(editor_page, archive, vnu_command, tmp_path):
    page = editor_page(1366, 900)
    html = page.request.get(archive.seed.get_absolute_url()).text()  # the server's HTML, signed in
    assert 'id="annotator"' in html
    (tmp_path / "article-editor.html").write_text(html, encoding="utf-8")
    report = json.loads(run_vnu(vnu_command, [tmp_path / "article-editor.html"]))
    errors = [f"line {m.get('lastLine')}: {m['message']}" for m in report["messages"] if m["type"] != "info"]
    assert not errors, "\n".join(errors)


def test_the_annotation_form_fits_a_phone(editor_page, archive):
    page = editor_page(390, 844)
    page.goto(archive.seed.get_absolute_url())
    select_with_the_mouse(page, phrase_paragraph(page), PHRASE)
    expect(page.locator("#annotator-surface")).to_have_text(PHRASE)
    choose_target(page, "goita", "Assimi Goita")
    box = page.locator("#annotator-form").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    screenshot_of_the_form(page, "annotate-390")


def screenshot_of_the_form(page, name: str):
    page.locator("#annotator-form").scroll_into_view_if_needed()
    page.evaluate("() => window.scrollBy(0, -120)")  # the selected words above the form in view
    screenshot(page, name, full_page=False)
