"""What leaves the site for other programs carries no live markup and no formulas: every text
element of the Atom feed, every cell of the CSV, with each hostile start and payload."""

import csv
import html.parser
import io
import xml.etree.ElementTree as ElementTree

import pytest

from articles.models import Actor
from articles.tests.factories import ArticleFactory, TagFactory, attach, country

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
PAYLOADS = ['<script>alert("x")</script>', '<img src=x onerror="alert(1)">', "<b>đậm</b> & <i>", "]]><x>"]
FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r"]


class TagCounter(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)


def live_tags(markup: str) -> list[str]:
    counter = TagCounter()
    counter.feed(markup)
    return counter.tags


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_text_element_of_the_feed_carries_live_markup(client, payload):
    article = ArticleFactory(headline=f"Tiêu đề {payload}", caption=f"Chú thích {payload}", paragraphs=[payload])
    article.tags.add(TagFactory(name=f"Chủ đề {payload}"))
    attach(article, country("FR"))
    root = ElementTree.fromstring(client.get("/articles/feed/").content)
    checked = 0
    for element in root.iter():
        if element.text is None or not element.text.strip():
            continue
        kind = element.get("type", "text")
        assert kind in ("text", "html"), element.tag
        if kind == "html":
            assert live_tags(element.text) == [], (element.tag, element.text)
        checked += 1
    assert checked and payload in "".join(root.itertext())  # the words are there, as words
    terms = [category.get("term") for category in root.iter(f"{ATOM}category")]
    assert f"Chủ đề {payload}" in terms  # attributes are text for every reader


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_no_csv_cell_starts_a_formula(client, start):
    article = ArticleFactory(headline=f"{start}SUM(1+1)", source_file=f"{start}cmd|' /C calc'!A0")
    actor = Actor.objects.create(name=f"{start}HYPERLINK(\"http://x\")", slug=f"hyper-{ord(start)}")
    attach(article, actor)
    article.tags.add(TagFactory(name=f"{start}1+2"))
    rows = list(csv.reader(io.StringIO(client.get("/articles.csv").content.decode("utf-8-sig"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert cells and not [cell for cell in cells if cell.startswith(tuple(FORMULA_STARTS))]
    assert f"'{start}SUM(1+1)" in cells
