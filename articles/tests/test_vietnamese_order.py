"""Every list sorted by name follows Vietnamese dictionary order, not code points."""

import io
import re

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.filters import ArticleFilter
from articles.ingest.collation import vietnamese_sorted
from articles.models import Actor, Country, Place, Tag
from articles.models.sort_key import stale_sort_keys
from articles.tests.factories import ActorFactory, TagFactory

# Dictionary order: a < ă < â, d < đ, e < ê, o < ô < ơ, u < ư; tones only break ties.
DICTIONARY_ORDER = [
    "An Giang", "Anh", "Áo", "Ăng-gô-la", "Ấn Độ", "Ba Lan", "Bỉ", "Cu-ba", "Dubai", "Đan Mạch", "Đức",
    "Ecuador", "Ê-ti-ô-pi-a", "Hà Lan", "Lào", "Na Uy", "Ô-man", "Ơn", "Úc", "Ư", "Xin-ga-po", "Ý", "Zimbabwe",
]


@given(st.permutations(DICTIONARY_ORDER))
def test_names_sort_in_dictionary_order_whatever_their_order_before(names):
    assert vietnamese_sorted(names) == DICTIONARY_ORDER


@pytest.mark.django_db
@settings(max_examples=10, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.permutations(DICTIONARY_ORDER))
def test_tags_actors_and_places_list_in_dictionary_order(names):
    Tag.objects.all().delete(), Actor.objects.all().delete(), Place.objects.all().delete()
    for at, name in enumerate(names):
        TagFactory(name=name)
        ActorFactory(name=name, slug=f"actor-{at}")
    Place.objects.bulk_create(Place(key=f"place-{at}", name=name) for at, name in enumerate(names))
    for model in (Tag, Actor, Place):
        assert list(model.objects.values_list("name", flat=True)) == DICTIONARY_ORDER


@pytest.mark.django_db
def test_countries_sort_vietnamese_names_in_dictionary_order():
    names = list(Country.objects.values_list("name_vi", flat=True))
    assert names == vietnamese_sorted(names)
    assert names.index("Đức") < names.index("Zimbabwe")
    first_b = next(at for at, name in enumerate(names) if name.startswith("B"))
    assert names.index("Ấn Độ") < first_b


@pytest.mark.django_db
@pytest.mark.parametrize("url,pattern", [("/countries/?all=1", r'href="/countries/(\w\w)/"'), ("/tags/", r'href="/tags/([^/"]+)/"')])
def test_list_pages_show_equal_counts_in_dictionary_order(client, url, pattern):
    for name in ["Zimbabwe", "Đức", "Ấn Độ", "Anh"]:
        TagFactory(name=name)
    shown = re.findall(pattern, client.get(url).content.decode())
    names = dict(Tag.objects.values_list("slug", "name")) | dict(Country.objects.values_list("code", "name_vi"))
    shown = [names[identifier] for identifier in shown if identifier in names]
    assert shown and shown == vietnamese_sorted(shown)


@pytest.mark.django_db
def test_filter_form_country_choices_are_in_dictionary_order():
    labels = [str(label) for _, label in ArticleFilter().form.fields["country"].choices]
    assert labels == vietnamese_sorted(labels)


@pytest.mark.django_db
def test_check_archive_reports_and_repairs_a_sort_key_written_around_save():
    tag = TagFactory(name="Đức")
    Tag.objects.filter(pk=tag.pk).update(name="Ấn Độ")
    assert stale_sort_keys() == [f"tag {tag.pk}: stale sort key for 'Ấn Độ'"]
    call_command("check_archive", "--repair", stdout=io.StringIO(), stderr=io.StringIO())
    assert stale_sort_keys() == []


@pytest.mark.django_db
def test_facets_with_equal_counts_list_in_dictionary_order(client):
    from articles.curation import add_tags
    from articles.tests.factories import ArticleFactory

    names = ["Zimbabwe", "Đức", "Ấn Độ", "Anh", "Dubai"]
    add_tags([ArticleFactory()], names)
    html = client.get("/articles/").content.decode()
    facet = html[html.index('id="facet-tags"') :]
    shown = re.findall(r'<a href="[^"]*">([^<]+)</a> <span class="count">1</span>', facet[: facet.index("</section>")])
    assert shown == vietnamese_sorted(names)
