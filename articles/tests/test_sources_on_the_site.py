"""An article's sources on the site: shown as "Nguồn", filterable, a facet, in every export;
news agencies and photographers are never actors, on any page or in any facet."""

import io
import json
import shutil

import pytest
from django.core.management import call_command

from articles.models import Actor, Article

pytestmark = pytest.mark.django_db

AGENCY_STORY = (
    "Ngoại trưởng Pháp tiếp người đồng cấp Brazil tại Paris (Ảnh: Quang Hòa/TTXVN) |\n"
    "Hãng tin Reuters cho biết hai bên thảo luận về thương mại và khí hậu.\n"
    "AFP đưa tin cuộc gặp kéo dài hai giờ.\n"
)


@pytest.fixture
def agency_story(tmp_path, seed_path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(seed_path, folder)
    (folder / "agency.txt").write_text(AGENCY_STORY, encoding="utf-8")
    call_command("import_seeds", str(folder), stdout=io.StringIO())
    return Article.objects.get(source_file__endswith="agency.txt")


def test_sources_are_stored_shown_filtered_and_exported(client, agency_story):
    assert agency_story.sources == ["TTXVN", "Reuters", "AFP"]
    page = client.get(agency_story.get_absolute_url()).content.decode()
    assert 'id="article-sources"' in page and "?source=Reuters" in page
    listed = client.get("/articles/?source=Reuters")
    assert [article.pk for article in listed.context["page"]] == [agency_story.pk]
    facets = client.get("/articles/").context["facets"]
    assert {item.item.name for item in facets["sources"]} == {"TTXVN", "Reuters", "AFP", "TASS"}
    exported = io.StringIO()
    call_command("export_articles", stdout=exported)
    records = {record["slug"]: record for record in map(json.loads, exported.getvalue().splitlines())}
    assert records[agency_story.slug]["sources"] == ["TTXVN", "Reuters", "AFP"]
    assert client.get("/articles.json?source=AFP").json()["count"] == 1


def test_no_agency_or_photographer_is_an_actor_anywhere(client, agency_story):
    outlets = {"TTXVN", "Reuters", "AFP", "TASS", "Quang Hòa"}
    assert not Actor.objects.filter(name__in=outlets).exists()
    facets = client.get("/articles/").context["facets"]
    assert not {item.item.name for item in facets["actors"]} & outlets
    home = client.get("/").content.decode()
    actors_page = client.get("/actors/").content.decode()
    for name in ("Reuters", "AFP", "Quang Hòa"):
        assert f">{name}</a>" not in actors_page and f">{name}</a>" not in home
    exported = io.StringIO()
    call_command("export_articles", stdout=exported)
    names = {actor["name"] for line in exported.getvalue().splitlines() for actor in json.loads(line)["actors"]}
    assert not names & outlets
