"""Search words that name a known country, place or actor also find the articles tagged with it."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articles.ingest.folding import strip_marks
from articles.ingest.gazetteer import PLACES_BY_KEY, country_table
from articles.ingest.known import default_known
from articles.ingest.query_names import ACTOR, COUNTRY, PLACE, Named, name_spans
from articles.models import Article
from articles.search.query import parse_query
from articles.tests.factories import ArticleFactory, attach, country

COUNTRY_NAMES = [
    (record.code, name) for record in country_table() for name in dict.fromkeys((record.name_vi, record.name_en, *record.aliases))
]

PLACE_NAMES = [(key, name) for key, place in PLACES_BY_KEY.items() for name in dict.fromkeys((place.name, *place.aliases))]
ACTOR_NAMES = [
    (actor.key, spelling)
    for actor in default_known().actors
    for spelling in actor.spellings()
    if default_known().lookup(spelling) is actor and len(spelling) > 2
]


def spans(query: str):
    return name_spans([(term.words, term.typed) for term in parse_query(query).required])


def named(query: str) -> set:
    return {entity for span in spans(query) for entity in span.entities}


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["russia", "Russia", "Liên bang Nga", "lien bang nga", "Matxcơva", "moscow", "lavrov", "Nga"])
def test_entity_names_find_the_seed(client, imported_seed, query):
    assert list(Article.objects.search(query).values_list("pk", flat=True)) == [imported_seed.pk]
    page = client.get("/articles/", {"q": query})
    assert imported_seed.headline in page.content.decode()


@pytest.mark.django_db
def test_a_name_the_text_lacks_finds_the_tagged_article_only():
    tagged = ArticleFactory(headline="Hội đàm cấp cao", paragraphs=["Hai bên ký kết văn kiện."])
    attach(tagged, country("RU"))
    ArticleFactory(headline="Hội đàm khác", paragraphs=["Không nói tới nước nào."])
    assert list(Article.objects.search("russia").values_list("pk", flat=True)) == [tagged.pk]
    # The name stands in for its own words only: the other words still have to be in the text.
    assert list(Article.objects.search("russia hội đàm").values_list("pk", flat=True)) == [tagged.pk]
    assert list(Article.objects.search("russia xyzzy").values_list("pk", flat=True)) == []
    assert list(Article.objects.search("russia -hội").values_list("pk", flat=True)) == []


@pytest.mark.parametrize("code,name", COUNTRY_NAMES)
def test_every_country_name_resolves_with_and_without_diacritics(code, name):
    for typed in {name, strip_marks(name), name.lower(), strip_marks(name).upper()}:
        assert Named(COUNTRY, code) in named(typed), typed


@pytest.mark.parametrize("kind,names", [(PLACE, PLACE_NAMES), (ACTOR, ACTOR_NAMES)])
def test_every_place_and_known_actor_spelling_resolves_with_and_without_diacritics(kind, names):
    for target, name in names:
        for typed in {name, strip_marks(name), name.lower()}:
            assert Named(kind, target) in named(typed), typed


@given(st.sampled_from(COUNTRY_NAMES), st.sampled_from(["tin tức", "quan hệ với", "ngoại trưởng"]))
def test_country_names_resolve_inside_longer_queries_when_capitalised(code_name, words):
    code, name = code_name
    assert Named(COUNTRY, code) in named(f"{words} {name[0].upper()}{name[1:]}")


@pytest.mark.parametrize(
    "query",
    ["pháp luật", "phap luat", "anh ấy nói", "ý kiến", "mỹ thuật", "áo dài", "đức tin", "ngà voi", "lao động", "lao dong", "my thuat", "tong thong my"],
)
def test_common_words_do_not_become_entities(query):
    assert not {entity for entity in named(query) if entity.kind == COUNTRY}


def test_longest_name_wins():
    [span] = spans("Liên bang Nga")
    assert (span.start, span.end, span.entities) == (0, 3, frozenset({Named(COUNTRY, "RU")}))


@pytest.mark.django_db
@pytest.mark.parametrize("language,note", [("vi", "Kết quả gồm bài có Nga"), ("en", "Results include articles about Russia")])
def test_results_page_says_which_entity_it_included(client, imported_seed, language, note):
    client.cookies["django_language"] = language
    page = client.get("/articles/", {"q": "russia"}, follow=True)  # English: redirected to /en/
    assert note in page.content.decode()


@pytest.mark.django_db
def test_a_query_naming_nothing_has_no_note(client, imported_seed):
    assert "search-named" not in client.get("/articles/", {"q": "đảo chính"}).content.decode()


@given(st.text(max_size=80) | st.lists(st.sampled_from([name for _, name in COUNTRY_NAMES] + ["ấy", "luật", "-", '"'])).map(" ".join))
def test_any_query_names_disjoint_runs_of_its_words(query):
    found = spans(query)
    terms = len(parse_query(query).required)
    assert all(0 <= span.start < span.end <= terms and span.entities for span in found)
    assert all(earlier.end <= later.start for earlier, later in zip(found, found[1:]))
