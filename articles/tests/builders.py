"""Data for view tests: articles linked to countries, actors, tags and relations, in any number."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Mention, Quote
from articles.tests.factories import ActorFactory, ArticleFactory, TagFactory, attach, country


def linked_articles(count: int, codes=("ML", "RU"), actor=None, tag=None):
    """``count`` articles naming ``codes``, one actor and one tag, with a relation and a quote each."""
    actor = actor or ActorFactory(name="Sergey Lavrov", country=country("RU"))
    tag = tag or TagFactory(name="Quan hệ Nga-Mali")
    countries = [country(code) for code in codes]
    # All in November 2021 (up to 30 of them), so month counts do not depend on factory sequences.
    articles = [ArticleFactory(published=datetime.date(2021, 11, 1) + datetime.timedelta(days=n)) for n in range(count)]
    for article in articles:
        attach(article, *countries, actor, relations=("-".join(sorted(codes)),) if len(codes) == 2 else ())
        article.tags.add(tag)
        Quote.objects.create(article=article, speaker=actor, text="Chúng tôi hợp tác", paragraph=1, start=20, end=37)
        Mention.objects.create(article=article, kind="actor", actor=actor, surface="Hai", paragraph=0, start=0, end=3)
    return articles


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured)
