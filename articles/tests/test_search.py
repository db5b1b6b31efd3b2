"""Search: folded matching, exact-diacritic ranking first, highlighting and the search window."""

import datetime
import unicodedata

import pytest

from articles.search import selection as search
from articles.models import Article
from articles.search.highlight import find_matches, highlight
from articles.search.query import parse_query
from articles.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def found(query):
    return list(Article.objects.search(query).most_relevant_first().values_list("headline", flat=True))


@pytest.mark.parametrize(
    "query",
    [
        "ngoai truong lavrov",
        "thoa thuan",
        "thoả thuận",
        "thỏa thuận",
        "THỎA THUẬN",
        unicodedata.normalize("NFD", "thoả thuận"),
        "đảo chính",
        "dao chinh",
        '"ngoai truong nga"',
        "Ngoại trưởng Lavrov",
    ],
)
def test_the_seed_is_found_with_or_without_diacritics(imported_seed, query):
    assert found(query) == [imported_seed.headline]


@pytest.mark.parametrize("query", ["xyzzy", "lavrov -mali", '"lavrov ngoai truong"', "<script>alert(1)</script>", '"', "-", "   "])
def test_queries_that_find_nothing(imported_seed, query):
    assert found(query) == []


def test_words_match_whole_words_not_parts_of_others():
    ArticleFactory(headline="Bộ trưởng Nga thăm Hà Nội", paragraphs=["Chuyến thăm kéo dài ba ngày."])
    ArticleFactory(headline="Hội nghị ngày mai", paragraphs=["Không có nước nào được nhắc."])
    assert found("nga") == ["Bộ trưởng Nga thăm Hà Nội"]


def test_exact_diacritics_rank_first_for_either_tone_placement():
    older = ArticleFactory(headline="Hai nước ký thỏa thuận thương mại")
    newer = ArticleFactory(headline="Hai nước ký thoả thuận đầu tư")
    assert newer.published > older.published
    assert found("thỏa thuận") == [older.headline, newer.headline]
    assert found("thoả thuận") == [newer.headline, older.headline]
    assert set(found("thoa thuan")) == {older.headline, newer.headline}


def test_search_text_is_kept_up_to_date_on_save():
    article = ArticleFactory(headline="Thoả thuận")
    assert "thoả thuận" in article.search_text
    article.headline = "Hiệp định"
    article.save()
    article.refresh_from_db()
    assert article.search_text.startswith("hiệp định")


def test_parse_query_understands_phrases_and_exclusions():
    parsed = parse_query('Ngoại trưởng "Sergey Lavrov" -Pháp')
    assert [term.words for term in parsed.required] == [("ngoai",), ("truong",), ("sergey", "lavrov")]
    assert [term.words for term in parsed.excluded] == [("phap",)]
    assert parsed.websearch() == 'ngoai truong "sergey lavrov" -phap'


def test_matches_are_found_in_the_original_text_whatever_its_normalisation():
    text = unicodedata.normalize("NFD", "Về thỏa thuận, Đức nói")
    spans = find_matches(text, "thoa thuan duc")
    assert [text[start:end] for start, end in spans] == [
        unicodedata.normalize("NFD", "thỏa"),
        unicodedata.normalize("NFD", "thuận"),
        unicodedata.normalize("NFD", "Đức"),
    ]


def test_highlight_escapes_the_text_and_marks_the_words():
    html = highlight('Bàn về <b>thoả thuận</b> & "hợp tác"', "thoa thuan")
    assert html == 'Bàn về &lt;b&gt;<mark>thoả</mark> <mark>thuận</mark>&lt;/b&gt; &amp; &quot;hợp tác&quot;'


def test_highlight_cuts_an_excerpt_around_the_first_match():
    text = " ".join(f"từ{n}" for n in range(100)) + " Lavrov " + " ".join(f"chữ{n}" for n in range(100))
    html = highlight(text, "lavrov", context_words=12)
    assert html.startswith("… ") and html.endswith(" …")
    assert "<mark>Lavrov</mark>" in html
    assert len(html.split()) < 20


def test_list_page_shows_highlighted_snippets(client, imported_seed):
    response = client.get("/articles/", {"q": "thoa thuan"})
    html = response.content.decode()
    assert imported_seed.headline in html
    assert "<mark>thỏa</mark> <mark>thuận</mark>" in html


def test_markup_in_the_query_is_escaped_everywhere(client, imported_seed):
    query = '<script>alert("x")</script>"><img src=x onerror=alert(1)>'
    response = client.get("/articles/", {"q": query})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


@pytest.mark.parametrize("oldest", [False, True])
@pytest.mark.parametrize("word, expected_window_hit", [("hop tac", True), ("hiem", False)])
def test_the_search_window_finds_the_same_matches_as_a_search_of_everything(monkeypatch, oldest, word, expected_window_hit):
    """A common word is answered from the newest (oldest) window; a rare one falls back to all,
    undated articles (listed last) included; either way the ids are those of the whole search."""
    monkeypatch.setattr(search, "SEARCH_CANDIDATES", 3)
    monkeypatch.setattr(search, "SEARCH_WINDOW", 6)
    for n in range(12):
        headline = f"Hợp tác lần {n}" + (" hiếm" if n in (0, 11) else "")
        ArticleFactory(headline=headline, published=datetime.date(2020, 1, 1) + datetime.timedelta(days=n * 7))
    ArticleFactory(headline="Hợp tác hiếm không ngày", published=None)
    by_date = Article.objects.search(word)
    by_date = by_date.oldest_first() if oldest else by_date.newest_first()
    everything = list(by_date.values_list("pk", flat=True)[:4])
    window_start = search.window_start(oldest)
    assert window_start is not None
    within = by_date.filter(**{"published__lte" if oldest else "published__gte": window_start})
    assert (within.count() >= 4) is expected_window_hit
    assert search.newest_matching_ids(by_date, oldest, 4) == everything
