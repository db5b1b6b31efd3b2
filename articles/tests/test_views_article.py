"""The article page: marked mentions, quotes, related stories and dates with their precision."""

import datetime

import pytest

from articles.markup import Highlight, mark_text
from articles.models import Mention, Quote, RelatedLink
from articles.tests.factories import ActorFactory, ArticleFactory, TagFactory, country, attach

pytestmark = pytest.mark.django_db


def page(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_the_seed_article_page(client, imported_seed):
    imported_seed.tags.add(TagFactory(name="Quan hệ Nga-Mali"))
    html = page(client, imported_seed)
    assert f"<h1 id=\"article-headline\" lang=\"vi\">{imported_seed.headline}</h1>" in html
    assert 'id="article-credit">TASS<' in html
    assert "ngày 11 tháng 11 năm 2021</time>" in html and "(năm suy luận)" in html
    assert 'datetime="2021-11-11"' in html and 'title="11/11/2021"' in html
    assert 'id="article-body"' in html
    assert '<a class="mention mention-actor" href="/actors/sergey-lavrov/" title="Sergey Lavrov"><mark>Lavrov</mark></a>' in html
    assert 'href="/countries/ML/"' in html and 'href="/relations/ML-RU/"' in html
    assert "Tây Phi</mark>" in html
    assert 'href="/tags/quan-he-nga-mali/"' in html
    assert "Chúng tôi đang ở trong một tình huống khó khăn" in html and 'href="/actors/diop/"' in html
    assert "Đức vội lên tiếng" in html


def test_text_is_escaped_around_and_inside_marks(client):
    article = ArticleFactory(caption="", paragraphs=['Ông <script>alert("x")</script> gặp Lavrov & bạn'])
    actor = ActorFactory(name="Lavrov <i>")
    start = article.paragraphs[0].index("Lavrov")
    Mention.objects.create(article=article, kind="actor", actor=actor, surface="Lavrov", start=start, end=start + 6)
    html = page(client, article)
    assert "<script>alert" not in html and "<i>" not in html
    assert "Ông &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; gặp" in html
    assert 'title="Lavrov &lt;i&gt;"><mark>Lavrov</mark></a> &amp; bạn' in html


def test_overlapping_nested_and_broken_spans_keep_the_markup_whole():
    text = "Ngoại trưởng Nga Lavrov"
    highlights = [
        Highlight(13, 16, "country", "/countries/RU/", "Nga"),
        Highlight(0, 23, "actor", "/actors/lavrov/", "Lavrov"),
        Highlight(17, 30, "actor", "/actors/x/", "past the end"),
        Highlight(5, 2, "place", None, "backwards"),
    ]
    assert mark_text(text, highlights) == (
        '<a class="mention mention-actor" href="/actors/lavrov/" title="Lavrov"><mark>Ngoại trưởng Nga Lavrov</mark></a>'
    )
    crossing = [Highlight(0, 16, "actor", "/a/", "a"), Highlight(13, 23, "country", "/c/", "c")]
    html = mark_text(text, crossing)
    assert html.count("<a ") == 1 and html.endswith("</mark></a> Lavrov")


@pytest.mark.parametrize(
    "fields,shown",
    [
        ({"published": datetime.date(2021, 11, 11), "published_precision": "day"}, "ngày 11 tháng 11 năm 2021</time>"),
        (
            {"published": datetime.date(2021, 11, 1), "published_precision": "month", "published_month": 11},
            '<time datetime="2021-11" title="11/2021">tháng 11 năm 2021</time>',
        ),
        ({"published": datetime.date(2021, 1, 1), "published_precision": "year"}, '<time datetime="2021" title="2021">năm 2021</time>'),
        (
            {"published": None, "published_precision": "day", "published_month": 11, "published_day": 12},
            '<time datetime="11-12" title="12/11">ngày 12 tháng 11</time> <span class="date-qualifier">(không rõ năm)</span>',
        ),
        (
            {"published": None, "published_precision": "month", "published_month": 3},
            '<span title="3">tháng 3</span> <span class="date-qualifier">(không rõ năm)</span>',
        ),
        ({"published": None, "published_precision": ""}, "không rõ ngày"),
    ],
)
def test_dates_show_their_precision(client, fields, shown):
    assert shown in page(client, ArticleFactory(**fields))


def test_dates_in_english(client, imported_seed):
    html = client.get("/en" + imported_seed.get_absolute_url()).content.decode()
    assert "11 November 2021</time>" in html and "(year inferred)" in html


def test_related_stories_link_when_resolved(client):
    article, target = ArticleFactory(), ArticleFactory(headline="Đức vội lên tiếng")
    RelatedLink.objects.create(article=article, position=0, title="Đức vội lên tiếng", target=target)
    RelatedLink.objects.create(article=article, position=1, title="Tin chưa có", snippet="Sau Pháp, …")
    html = page(client, article)
    assert f'<a href="{target.get_absolute_url()}">Đức vội lên tiếng</a>' in html
    assert '<span class="related-title">Tin chưa có</span>' in html and "Sau Pháp, …" in html


def test_quotes_without_a_speaker(client):
    article = ArticleFactory()
    Quote.objects.create(article=article, text="Không ai nói", start=0, end=3)
    assert "không rõ người nói" in page(client, article)


def test_unknown_article_is_404(client):
    response = client.get("/articles/khong-co-bai-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_countries_and_actors_in_the_rail(client):
    article = ArticleFactory()
    attach(article, country("VN"), ActorFactory(name="Bùi Thanh Sơn", country=country("VN")))
    html = page(client, article)
    assert 'href="/countries/VN/">Việt Nam</a>' in html
    assert 'href="/actors/bui-thanh-son/">Bùi Thanh Sơn</a>' in html
