"""The admin speaks Vietnamese, with English from the catalogue: every model, field, choice,
action and column of the articles app, simple-history's records of them included."""

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.utils import label_for_field
from django.urls import reverse
from django.utils import translation
from django.utils.text import camel_case_to_spaces, capfirst

from articles.tests.clients import client_for

MODELS = list(apps.get_app_config("articles").get_models())
# simple-history's copies of the many-to-many rows (tags) never show in the admin by their fields.
FIELD_MODELS = [model for model in MODELS if not model.__name__.endswith("_tags")]
FIELDS = [
    pytest.param(model, field, id=f"{model.__name__}.{field.name}")
    for model in FIELD_MODELS
    for field in model._meta.get_fields()
    # Reverse relations are named by the other side; "ID" reads the same in both languages.
    if not field.auto_created and field.name != "id"
]
CHOICES = [
    pytest.param(field, value, label, id=f"{model.__name__}.{field.name}={value}")
    for model in MODELS
    for field in model._meta.get_fields()
    if getattr(field, "choices", None)
    for value, label in field.choices
]
ADMINS = [
    pytest.param(model_admin, id=model.__name__)
    for model, model_admin in admin.site._registry.items()
    if model._meta.app_label == "articles"
]
ACTIONS = [
    pytest.param(getattr(model_admin, name), id=f"{type(model_admin).__name__}.{name}")
    for model, model_admin in admin.site._registry.items()
    if model._meta.app_label == "articles"
    for name in model_admin.actions or ()
]
COLUMNS = [
    pytest.param(model_admin, column, id=f"{type(model_admin).__name__}.{column}")
    for model, model_admin in admin.site._registry.items()
    if model._meta.app_label == "articles"
    for column in model_admin.list_display
]


def in_both(text_or_function):
    """The text in Vietnamese and in English."""
    texts = []
    for language in ("vi", "en"):
        with translation.override(language):
            texts.append(str(text_or_function() if callable(text_or_function) else text_or_function))
    return texts


def assert_vietnamese_and_english(text, django_default: str | None = None):
    vietnamese, english = in_both(text)
    assert vietnamese != english, f"{vietnamese!r} has no English in the catalogue"
    if django_default is not None:
        assert vietnamese != django_default, f"{vietnamese!r} is Django's default name"


def test_the_app_has_a_vietnamese_name():
    assert_vietnamese_and_english(apps.get_app_config("articles").verbose_name, "Articles")


def test_every_model_of_the_app_is_enumerated():
    names = {model.__name__ for model in MODELS}
    assert {"Article", "Actor", "KeyCount", "HistoricalArticle", "HistoricalActor", "HistoricalArticle_tags"} <= names


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_every_model_has_a_vietnamese_name_and_plural(model):
    default = camel_case_to_spaces(model.__name__)
    assert_vietnamese_and_english(model._meta.verbose_name, default)
    assert_vietnamese_and_english(model._meta.verbose_name_plural, f"{default}s")
    singular, plural = in_both(model._meta.verbose_name)[1], in_both(model._meta.verbose_name_plural)[1]
    assert singular != plural, "English needs a plural of its own"


@pytest.mark.parametrize(("model", "field"), FIELDS)
def test_every_field_has_a_vietnamese_name(model, field):
    assert_vietnamese_and_english(field.verbose_name, field.name.replace("_", " "))
    if field.help_text:
        assert_vietnamese_and_english(field.help_text)


@pytest.mark.parametrize(("field", "value", "label"), CHOICES)
def test_every_choice_has_a_vietnamese_label(field, value, label):
    assert_vietnamese_and_english(label, value)


@pytest.mark.parametrize("action", ACTIONS)
def test_every_admin_action_is_described_in_vietnamese(action):
    assert_vietnamese_and_english(action.short_description)


@pytest.mark.parametrize(("model_admin", "column"), COLUMNS)
def test_every_list_column_header_is_vietnamese(model_admin, column):
    assert_vietnamese_and_english(lambda: label_for_field(column, model_admin.model, model_admin))


@pytest.mark.parametrize("model_admin", ADMINS)
def test_every_list_filter_title_is_vietnamese(model_admin):
    for list_filter in model_admin.list_filter:
        if isinstance(list_filter, type):
            assert_vietnamese_and_english(list_filter.title)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_admin_index_names_every_registered_model_in_the_chosen_language(superuser, client, language):
    client.force_login(superuser)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get(reverse("admin:index")).content.decode()
    for model_admin in admin.site._registry.values():
        if model_admin.model._meta.app_label == "articles":
            with translation.override(language):
                assert f">{capfirst(model_admin.model._meta.verbose_name_plural)}<" in page
    english_defaults = ["Actors", "Articles", "Mentions", "Quotes", "Related links", "Bilateral relations", "Tag redirects"]
    if language == "vi":
        assert not [name for name in english_defaults if f">{name}<" in page]


REGISTERED = [pytest.param(model, id=model._meta.label) for model in admin.site._registry]


@pytest.mark.django_db
@pytest.mark.parametrize("model", REGISTERED)
def test_the_vietnamese_admin_index_names_every_model_and_its_app_in_vietnamese(superuser, model):
    """Every app's registered models, third-party ones included (django-axes' once read "Axes",
    "Access attempts")."""
    client = client_for(superuser)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    page = client.get(reverse("admin:index")).content.decode()
    app = apps.get_app_config(model._meta.app_label)
    for name in (model._meta.verbose_name_plural, app.verbose_name):
        vietnamese, english = in_both(lambda: capfirst(name))
        assert vietnamese != english, f"{model._meta.label}: {vietnamese!r} has no Vietnamese"
        assert f">{vietnamese}<" in page


@pytest.mark.parametrize(
    "language,header", [("vi", "Lưu trữ tin đối ngoại: trang quản trị"), ("en", "Foreign-affairs news archive: administration")]
)
def test_the_admin_names_the_archive_not_django(superuser, client, language, header):
    client.force_login(superuser)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get(reverse("admin:index")).content.decode()
    assert header in page
    assert "Django" not in page.split("<body", 1)[1].split('id="content"', 1)[0]  # the header and breadcrumbs
