"""The English admin speaks English: no Vietnamese chrome (labels, help, buttons, links) on the
article, actor and split pages. Article content stays Vietnamese, so text is judged only after
taking out every string the archive stores, and apart from what is marked lang="vi" or is a
field's value (a textarea's text, an input's value, a choice's name)."""

import re
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models
from django.urls import reverse

from articles.models import Actor
from articles.tests.clients import client_for

pytestmark = pytest.mark.django_db

VIETNAMESE_LETTER = re.compile(
    "[ạảãàáâậầấẩẫăắằặẳẵẹẻẽèéêệềếểễịỉĩìíọỏõòóôộồốổỗơợờớởỡụủũùúưựừứửữỵỷỹỳýđ]", re.IGNORECASE
)
VALUE_ELEMENTS = {"textarea", "option", "script", "style"}
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SHOWN_ATTRIBUTES = {"title", "placeholder", "aria-label", "alt"}


class ChromeText(HTMLParser):
    """The page's text and shown attributes, outside lang="vi" and outside fields' values."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open: list[bool] = []  # per open element: is its text content?
        self.texts: list[str] = []

    def content(self) -> bool:
        return any(self.open)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        is_content = tag in VALUE_ELEMENTS or attributes.get("lang") == "vi"
        if not (self.content() or is_content):
            self.texts += [value for name, value in attrs if name in SHOWN_ATTRIBUTES and value]
            if tag == "input" and attributes.get("type") in ("submit", "button"):
                self.texts.append(attributes.get("value") or "")
        if tag not in VOID_ELEMENTS:
            self.open.append(is_content)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS:
            self.open.pop()

    def handle_endtag(self, tag):
        if tag not in VOID_ELEMENTS and self.open:
            self.open.pop()

    def handle_data(self, data):
        if not self.content() and data.strip():
            self.texts.append(data.strip())


def strings_in(value) -> list[str]:
    """The strings of a column's value: a text, or a JSON list (paragraphs, aliases) of them."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [text for item in value for text in strings_in(item)]
    return []


def stored_strings() -> list[str]:
    """Every text the archive stores (articles, actors, countries, their history...), longest first."""
    found = set()
    shaped = (models.CharField, models.TextField, models.JSONField)
    for model in apps.get_app_config("articles").get_models():
        columns = [field.name for field in model._meta.concrete_fields if isinstance(field, shaped)]
        for row in model.objects.values_list(*columns):
            found.update(text for value in row for text in strings_in(value))
    found |= {name for _, name in settings.LANGUAGES}  # the language switch names each in itself
    return sorted((text for text in found if VIETNAMESE_LETTER.search(text)), key=len, reverse=True)


# Shorter, a piece of chrome could be found inside some paragraph by chance.
LONGEST_CHROME = 20


def is_content(text: str, content: list[str]) -> bool:
    """Stored text, whole, shortened (a quote cut at 80 characters) or inside chrome (“%(name)s”)."""
    shortened = text.rstrip("…").rstrip()
    if len(shortened) >= LONGEST_CHROME and any(shortened in stored for stored in content):
        return True
    rest = text
    for stored in content:
        rest = rest.replace(stored, "")
    return not VIETNAMESE_LETTER.search(rest)


def leaked_vietnamese(page: str) -> list[str]:
    parser = ChromeText()
    parser.feed(page)
    content = stored_strings()
    return [text for text in parser.texts if not is_content(text, content)]


def english_page(user, url):
    client = client_for(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def pages(article):
    actor = Actor.objects.filter(mentions__article=article).first()
    return {
        "article change": reverse("admin:articles_article_change", args=[article.pk]),
        "actor change": reverse("admin:articles_actor_change", args=[actor.pk]),
        "actor split": reverse("admin:articles_actor_split", args=[actor.pk]),
    }


@pytest.mark.parametrize("page", ["article change", "actor change", "actor split"])
def test_the_english_admin_shows_no_vietnamese_chrome(imported_seed, superuser, page):
    assert leaked_vietnamese(english_page(superuser, pages(imported_seed)[page])) == []


def test_the_leak_finder_sees_chrome_and_skips_content():
    page = (
        '<h1>Tách nhân vật</h1><input type="submit" value="Tách"><p lang="vi">Ngoại trưởng</p>'
        "<textarea>Nội dung bài</textarea><select><option>Nga</option></select><p title=\"Chữ\">ok</p>"
    )
    assert leaked_vietnamese(page) == ["Tách nhân vật", "Tách", "Chữ"]
