"""The coverage map: small, compressed, a link and a tooltip per covered country, a legend; and a
timeline of one month drawn as a bar, not a wall."""

import datetime
import gzip
import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from django.utils import translation

from articles.charts import timeline_svg
from articles.views.charts import country_tooltip
from articles.models import Country
from articles.world_map import NO_ARTICLES, geometry, legend_steps, shade

SVG = "{http://www.w3.org/2000/svg}"
MAP_BUDGET = 150 * 1024


@pytest.mark.django_db
def test_map_is_small_and_sent_compressed(client, imported_seed):
    response = client.get("/charts/world.svg", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert len(response.content) < MAP_BUDGET
    assert len(gzip.decompress(response.content)) < 2 * MAP_BUDGET  # raw too: no 800 KB to parse


@pytest.mark.django_db
def test_every_country_with_articles_links_to_its_page_with_its_count(client, imported_seed):
    root = ET.fromstring(client.get("/charts/world.svg").content)
    links = {a.get("href"): a.find(f"{SVG}title").text for a in root.iter(f"{SVG}a")}
    covered = [country for country in Country.objects.most_covered() if country.code in geometry()["countries"]]
    assert covered
    for country in covered:
        assert links[country.get_absolute_url()] == f"{country.name_vi}: {country.article_count} bài viết"
    assert len(links) == len(covered)  # countries without articles are not links


@pytest.mark.django_db
def test_map_has_a_legend_from_none_to_the_highest_count(client, imported_seed):
    root = ET.fromstring(client.get("/charts/world.svg").content)
    [legend] = [g for g in root.iter(f"{SVG}g") if g.get("class") == "legend"]
    labels = [text.text for text in legend.iter(f"{SVG}text")]
    highest = Country.objects.most_covered().first().article_count
    assert labels[0] == "Chưa có bài" and labels[-1].endswith(str(highest))


@pytest.mark.django_db
def test_map_speaks_english_when_chosen(client, imported_seed):
    client.cookies["django_language"] = "en"
    svg = client.get("/charts/world.svg", follow=True).content.decode()  # to /en/charts/world.svg
    assert "Russia: " in svg and "No articles" in svg


@given(st.integers(min_value=1, max_value=10**6))
def test_legend_steps_cover_every_count_once(highest):
    steps = legend_steps(highest)
    assert steps[0].low == 1 and steps[-1].high == highest
    assert all(step.low <= step.high for step in steps)
    assert all(later.low == earlier.high + 1 for earlier, later in zip(steps, steps[1:]))
    assert len({step.colour for step in steps}) == len(steps)
    for count in {1, highest, (highest + 1) // 2}:
        assert shade(count, steps) != NO_ARTICLES
    assert shade(0, steps) == NO_ARTICLES


@pytest.mark.parametrize("months", [1, 2, 3, 30])
def test_timeline_bars_keep_a_sensible_width_whatever_the_number_of_months(months):
    counts = [{"month": datetime.date(2020 + at // 12, at % 12 + 1, 1), "count": at + 1} for at in range(months)]
    svg = timeline_svg(counts, "t", "d")
    width = float(re.search(r'viewBox="0 0 (\d+) ', svg).group(1))
    bars = [float(w) for w in re.findall(r'<rect [^>]*width="([\d.]+)"[^>]*class="rect', svg)]
    assert len(bars) == months
    assert max(bars) < width / 8


@pytest.mark.django_db
def test_country_list_frames_the_map_so_its_links_work(client, imported_seed):
    html = client.get("/countries/").content.decode()
    assert re.search(r'<iframe class="world-map" src="/charts/world.svg"[^>]* title="[^"]+"', html)


@pytest.mark.parametrize(
    "language,count,expected",
    [("vi", 1, "Nga: 1 bài viết"), ("vi", 2, "Nga: 2 bài viết"), ("en", 1, "Russia: 1 article"), ("en", 2, "Russia: 2 articles")],
)
def test_map_tooltip_counts_articles_in_the_languages_grammar(language, count, expected):
    name = {"vi": "Nga", "en": "Russia"}[language]
    with translation.override(language):
        assert country_tooltip(name, count) == expected
