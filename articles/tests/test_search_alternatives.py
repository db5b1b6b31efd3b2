"""A query whose words name entities is matched as alternatives (all the text, or an entity's keys
and the other words' text); they select exactly what the factored condition selects."""

import random

import pytest

from articles.models import Article
from articles.search import query as search_query
from articles.search.entities import NamedInQuery, ResolvedSpan
from articles.search.query import match_condition, parse_query
from articles.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

# "or" is an operator in websearch syntax between two words: a piece spelled apart must stay apart.
WORDS = ["ngoại", "trưởng", "phần", "lan", "nga", "hợp", "or", "tác", "an", "ninh"]
KEYS = ["c:FI", "c:RU", "a:7", "p:3"]


def random_archive(rng: random.Random):
    for number in range(50):
        article = ArticleFactory(headline=" ".join(rng.sample(WORDS, rng.randint(1, 5))) + f" số {number}")
        Article.objects.filter(pk=article.pk).update(filter_keys=sorted(rng.sample(KEYS, rng.randint(0, 2))))


def random_query(rng: random.Random) -> tuple[str, NamedInQuery]:
    words = rng.sample(WORDS, rng.randint(1, 6))
    spans, at = [], 0
    while at < len(words):
        length = rng.randint(1, 2)
        if rng.random() < 0.6:
            spans.append(ResolvedSpan(at, min(at + length, len(words)), tuple(rng.sample(KEYS, rng.randint(1, 2)))))
        at += length
    excluded = [f"-{word}" for word in rng.sample([w for w in WORDS if w not in words], rng.randint(0, 1))]
    return " ".join(words + excluded), NamedInQuery(spans=tuple(spans), entities=())


@pytest.mark.parametrize("seed", range(4))
def test_the_alternatives_select_what_the_factored_condition_selects(monkeypatch, seed):
    rng = random.Random(seed)
    random_archive(rng)
    for _ in range(25):
        text, named = random_query(rng)
        parsed = parse_query(text)
        spelled_out = set(Article.objects.filter(match_condition(parsed, named)).values_list("pk", flat=True))
        monkeypatch.setattr(search_query, "MOST_RUNS_SPELLED_OUT", -1)  # the factored form
        factored = set(Article.objects.filter(match_condition(parsed, named)).values_list("pk", flat=True))
        monkeypatch.undo()
        assert spelled_out == factored, (text, named.spans)
