"""The reader pages' filter forms render through Django's Jinja2 widget templates: the same markup as
the site's Django-template renderer, whitespace aside, with hidden inputs bare of aria-*."""

import re

import pytest
from django.http import QueryDict

from articles.filters import ActorFilter, ArticleFilter
from newsarchive.form_renderer import ArchiveFormRenderer, ReaderFormRenderer

pytestmark = pytest.mark.django_db

QUERIES = [
    "",
    "q=Li%C3%AAn+bang+Nga&country=ru&country=ML&date_after=2021-01-01&date_before=2021-13-45&sort=oldest",
    "q=%3Cscript%3E&source=%22TTXVN%22+%27AFP%27&sort=nonsense&place=nowhere",
    "kind=person&q=lavrov",
]


def rendered(form) -> str:
    html = "".join(str(field) if field.is_hidden else f"{field.label_tag()} {field} {field.errors}" for field in form)
    # MarkupSafe writes the quotes Django writes as &quot; and &#x27; as numeric references.
    html = html.replace("&#34;", "&quot;").replace("&#39;", "&#x27;")
    return re.sub(r">\s+<", "><", html)


@pytest.mark.parametrize("filterset_class", [ArticleFilter, ActorFilter])
@pytest.mark.parametrize("query", QUERIES)
def test_every_field_renders_as_the_site_renderer_would(filterset_class, query):
    reader, site = (filterset_class(QueryDict(query)) for _ in range(2))
    site.form.renderer = ArchiveFormRenderer()
    assert isinstance(reader.form.renderer, ReaderFormRenderer)
    assert rendered(reader.form) == rendered(site.form)


def test_hidden_filter_values_carry_no_aria_attributes():
    form = ArticleFilter(QueryDict("country=RU&country=ML&actor=x")).form
    hidden = str(form["country"])
    assert hidden.count('type="hidden"') == 2 and "aria-" not in hidden


def test_one_renderer_serves_every_form_so_templates_compile_once():
    assert ArticleFilter().form.renderer is ActorFilter().form.renderer
