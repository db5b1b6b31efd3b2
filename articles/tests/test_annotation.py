"""Editors mark mentions on the article page: the targets' autocomplete and the new mention's
endpoint, their permissions, their answers to bad input, and their query counts."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings, strategies as st

from articles.models import Actor, Mention, Place
from articles.models.mention import Origin
from articles.tests.builders import queries_for
from articles.tests.clients import ROLES, client_as, client_for
from articles.tests.factories import ActorFactory, ArticleFactory, country

pytestmark = pytest.mark.django_db

PARAGRAPH = "Ngoại trưởng Nga Sergey Lavrov tiếp Đại sứ Việt Nam tại Moskva."


@pytest.fixture
def article():
    return ArticleFactory(caption="Lavrov và Đại sứ. (Nguồn: TTXVN) |", paragraphs=["Mở đầu.", PARAGRAPH])


@pytest.fixture
def lavrov():
    return ActorFactory(name="Sergey Lavrov", aliases=["Xéc-gây Láp-rốp"], country=country("RU"))


def span_of(surface: str, paragraph: int = 1, section: str = "body") -> dict:
    start = PARAGRAPH.index(surface) if section == "body" else 0
    return {"section": section, "paragraph": paragraph, "start": start, "end": start + len(surface), "surface": surface}


def post_mention(client, article, **data):
    return client.post(reverse("article-mention-add", args=[article.slug]), data)


def targets(client, **params):
    return client.get(reverse("annotation-targets"), params)


def test_an_editor_marks_an_actor_and_the_articles_facts_follow(editor, article, lavrov):
    response = post_mention(client_for(editor), article, kind="actor", actor=lavrov.pk, **span_of("Sergey Lavrov"))
    assert response.status_code == 201, response.json()
    mention = Mention.objects.get()
    assert (mention.origin, mention.status, mention.surface) == (Origin.CURATOR, Mention.Status.REVIEWED, "Sergey Lavrov")
    assert PARAGRAPH[mention.start : mention.end] == mention.surface
    article.refresh_from_db()
    assert list(article.actors.all()) == [lavrov]
    assert f"a:{lavrov.pk}" in article.filter_keys
    assert mention.history.get().history_user == editor
    page = client_for(editor).get(article.get_absolute_url()).content.decode()
    assert '<a class="mention mention-actor"' in page and "<mark>Sergey Lavrov</mark>" in page


def test_the_issues_mention_is_refused_with_the_text_that_is_really_there(editor, article):
    span = span_of("Đại sứ Việt Nam") | {"surface": "Phạm Văn A"}
    response = post_mention(client_for(editor), article, kind="actor", **span)
    assert response.status_code == 400
    body = response.json()
    assert "Đại sứ Việt Nam" in body["fields"]["surface"][0]
    assert body["fields"]["actor"] == ["Hãy chọn nhân vật được nhắc đến."]
    assert not Mention.objects.exists()


BAD_INPUTS = {
    "nothing": {},
    "unknown kind": {"kind": "person"},
    "start not a number": {"start": "đầu"},
    "span past the paragraph": {"end": len(PARAGRAPH) + 1},
    "empty span": {"end": 17, "start": 17},
    "no such paragraph": {"paragraph": 9},
    "caption beyond its one paragraph": {"section": "caption", "paragraph": 1},
    "unknown section": {"section": "footer"},
    "surface other than the span": {"surface": "Lavrov"},
    "unknown actor": {"actor": 999_999},
    "actor id not a number": {"actor": "lavrov"},
    "country for an actor": {"country": "RU"},
    "kind country with an actor": {"kind": "country"},
    "negative start": {"start": -1},
}


@pytest.mark.parametrize("change", BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_bad_input_gets_400_with_a_message_and_stores_nothing(editor, article, lavrov, change):
    valid = {"kind": "actor", "actor": lavrov.pk, **span_of("Sergey Lavrov")}
    data = valid | change if change else {}
    response = post_mention(client_for(editor), article, **data)
    assert response.status_code == 400
    assert response.json()["error"]
    assert not Mention.objects.exists()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.dictionaries(
        st.sampled_from(["kind", "actor", "country", "place", "section", "paragraph", "start", "end", "surface"]),
        st.one_of(st.text(max_size=12), st.integers(-5, 80).map(str)),
    )
)
def test_any_post_is_stored_or_answered_400_never_500(editor, article, data):
    before = Mention.objects.count()
    response = post_mention(client_for(editor), article, **data)
    assert response.status_code in (201, 400)
    assert Mention.objects.count() == before + (response.status_code == 201)


@pytest.mark.parametrize("role", ROLES)
def test_only_editors_may_mark_mentions_or_list_targets(request, role, article, lavrov):
    client = client_as(request, role)
    allowed = role in ("editor", "superuser")
    answer = post_mention(client, article, kind="actor", actor=lavrov.pk, **span_of("Sergey Lavrov"))
    assert answer.status_code == (201 if allowed else 403)
    assert targets(client, kind="actor", q="lavrov").status_code == (200 if allowed else 403)
    page = client.get(article.get_absolute_url()).content.decode()
    assert ('id="annotator"' in page) == allowed


def test_a_staff_member_without_the_mention_permission_is_refused(django_user_model, article, lavrov):
    staff = django_user_model.objects.create_user("nhanvien", password="mat-khau-dai-2026", is_staff=True)
    answer = post_mention(client_for(staff), article, kind="actor", actor=lavrov.pk, **span_of("Sergey Lavrov"))
    assert answer.status_code == 403


def test_an_editor_outside_the_staff_is_refused(django_user_model, article, lavrov):
    user = django_user_model.objects.create_user("ngoaibien", password="mat-khau-dai-2026")
    user.groups.add(Group.objects.get(name="Biên tập viên"))
    answer = post_mention(client_for(user), article, kind="actor", actor=lavrov.pk, **span_of("Sergey Lavrov"))
    assert answer.status_code == 403


def test_marking_without_the_csrf_token_is_refused(editor, article, lavrov):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    answer = post_mention(client, article, kind="actor", actor=lavrov.pk, **span_of("Sergey Lavrov"))
    assert answer.status_code == 403
    assert not Mention.objects.exists()


def test_a_country_and_a_place_are_marked_in_the_body_and_the_caption(editor, article):
    moscow = Place.objects.create(key="moskva", name="Moskva", kind=Place.Kind.CITY, country=country("RU"))
    client = client_for(editor)
    assert post_mention(client, article, kind="place", place=moscow.pk, **span_of("Moskva")).status_code == 201
    assert post_mention(client, article, kind="country", country="RU", **span_of("Nga")).status_code == 201
    caption = {"section": "caption", "paragraph": 0, "start": 0, "end": 6, "surface": "Lavrov"}
    actor = ActorFactory(name="Sergey Lavrov")
    assert post_mention(client, article, kind="actor", actor=actor.pk, **caption).status_code == 201
    article.refresh_from_db()
    assert {"c:RU", f"p:{moscow.pk}", f"a:{actor.pk}"} <= set(article.filter_keys)


@pytest.mark.parametrize(
    "kind,query,expected",
    [
        ("actor", "lavrov", "Sergey Lavrov"),
        ("actor", "SERGEY LAVROV", "Sergey Lavrov"),
        ("actor", "láp rốp", "Sergey Lavrov"),  # an alias, diacritics as typed
        ("actor", "lap-rop", "Sergey Lavrov"),
        ("country", "hoa ky", "Hoa Kỳ"),
        ("country", "Đức", "Đức"),
        ("country", "germany", "Đức"),
        ("place", "MOSKVA", "Moskva"),
    ],
)
def test_targets_are_found_by_name_or_alias_whatever_the_diacritics(editor, lavrov, kind, query, expected):
    Place.objects.create(key="moskva", name="Moskva", kind=Place.Kind.CITY)
    results = targets(client_for(editor), kind=kind, q=query).json()["results"]
    assert expected in [result["label"] for result in results]


@pytest.mark.parametrize("params", [{}, {"kind": "actor"}, {"q": "lavrov"}, {"kind": "nguoi", "q": "x"}, {"kind": "actor", "q": "x" * 101}])
def test_a_bad_target_query_gets_400_with_a_message(editor, params):
    response = targets(client_for(editor), **params)
    assert response.status_code == 400 and response.json()["error"]


def test_target_suggestions_take_a_fixed_number_of_queries_however_many_match(editor):
    client = client_for(editor)
    ActorFactory(name="Lavrov 0", country=country("RU"))
    url = reverse("annotation-targets") + "?kind=actor&q=lavrov"
    few = queries_for(client, url)
    Actor.objects.bulk_create(Actor(name=f"Lavrov {n}", name_folded=f"lavrov {n}", slug=f"lavrov-{n}", country=country("RU")) for n in range(1, 30))
    assert queries_for(client, url) == few
    assert len(client.get(url).json()["results"]) == 10


def test_the_editors_article_page_takes_a_fixed_number_of_queries(editor, article, lavrov):
    client = client_for(editor)
    few = queries_for(client, article.get_absolute_url())
    for surface in ["Sergey Lavrov", "Nga", "Đại sứ"]:
        post_mention(client, article, kind="actor", actor=lavrov.pk, **span_of(surface))
    assert queries_for(client, article.get_absolute_url()) == few


def test_the_reasons_come_in_english_on_the_english_interface(editor, article):
    client = client_for(editor)
    client.cookies["django_language"] = "en"
    span = span_of("Đại sứ Việt Nam") | {"surface": "Phạm Văn A"}
    body = post_mention(client, article, kind="actor", **span).json()
    assert body["fields"]["actor"] == ["Choose the actor mentioned."]
    assert body["fields"]["surface"] == ["The text must be exactly what the paragraph reads at this span: “Đại sứ Việt Nam”."]
    page = client.get(article.get_absolute_url(), follow=True).content.decode()
    assert "Mark a mention" in page and "Save mention" in page


@pytest.mark.parametrize(
    "language,kind,query,label,detail",
    [
        ("vi", "country", "germany", "Đức", "DE"),
        ("en", "country", "đức", "Germany", "DE"),
        ("vi", "actor", "lavrov", "Sergey Lavrov", "Nga"),
        ("en", "actor", "lavrov", "Sergey Lavrov", "Russia"),
        ("vi", "place", "moskva", "Moskva", "Nga"),
        ("en", "place", "moskva", "Moskva", "Russia"),
    ],
)
def test_target_suggestions_name_countries_in_the_pages_language(editor, lavrov, language, kind, query, label, detail):
    Place.objects.create(key="moskva", name="Moskva", kind=Place.Kind.CITY, country=country("RU"))
    with translation.override(language):
        url = reverse("annotation-targets")
    results = client_for(editor).get(url, {"kind": kind, "q": query}).json()["results"]
    assert (label, detail) in [(result["label"], result["detail"]) for result in results]


CAPTION_SPAN = {"section": "caption", "paragraph": 0, "start": 0, "end": 6, "surface": "Lavrov"}


@pytest.mark.parametrize(
    "kind,span",
    [("actor", span_of("Sergey Lavrov")), ("actor", CAPTION_SPAN), ("country", span_of("Nga")), ("place", span_of("Moskva"))],
    ids=["actor-body", "actor-caption", "country-body", "place-body"],
)
def test_posting_the_same_mention_twice_stores_it_once(editor, article, lavrov, kind, span):
    targets = {"actor": lavrov.pk, "country": "RU", "place": Place.objects.create(key="moskva", name="Moskva").pk}
    client = client_for(editor)
    first = post_mention(client, article, kind=kind, **{kind: targets[kind]}, **span)
    second = post_mention(client, article, kind=kind, **{kind: targets[kind]}, **span)
    assert (first.status_code, second.status_code) == (201, 200)
    assert second.json() == first.json()
    assert Mention.objects.count() == 1
    assert Mention.history.count() == 1  # nothing written the second time


def test_another_target_at_the_same_span_is_a_mention_of_its_own(editor, article, lavrov):
    client = client_for(editor)
    other = ActorFactory(name="Sergey Lavrov (khác)")
    for actor in (lavrov, other):
        assert post_mention(client, article, kind="actor", actor=actor.pk, **span_of("Sergey Lavrov")).status_code == 201
    assert Mention.objects.count() == 2


def test_a_repeated_post_takes_a_fixed_number_of_queries_however_many_mentions_the_article_has(editor, article, lavrov):
    client = client_for(editor)
    span = span_of("Sergey Lavrov")

    def repeat_queries():
        with CaptureQueriesContext(connection) as captured:
            assert post_mention(client, article, kind="actor", actor=lavrov.pk, **span).status_code == 200
        return len(captured)

    post_mention(client, article, kind="actor", actor=lavrov.pk, **span)
    few = repeat_queries()
    for surface in ["Nga", "Đại sứ", "Việt Nam", "Moskva"]:
        post_mention(client, article, kind="actor", actor=lavrov.pk, **span_of(surface))
    assert repeat_queries() == few
