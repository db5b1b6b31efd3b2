"""What `manage.py check_archive` verifies: every stored fact is what its owner computes.

Derived facts are compared with ``articles.facts`` recomputing them from each article's text,
mentions and curators' decisions; the key counts must be what a fresh count of the stored filter
keys gives; spans must index the text they claim; one actor per name.
"""

from dataclasses import dataclass

from django.db.models import Count

from articles.facts.storage import differences
from articles.models import Actor, Article, KeyCount, Mention, Quote
from articles.models.mention import span_source


@dataclass(frozen=True)
class Difference:
    article_id: int
    fact: str
    stored: object
    expected: object

    def __str__(self):
        return f"article {self.article_id}: {self.fact} stored {list(self.stored) if isinstance(self.stored, tuple) else self.stored!r}, expected {list(self.expected) if isinstance(self.expected, tuple) else self.expected!r}"


def fact_differences(article_ids=None) -> list[Difference]:
    ids = article_ids if article_ids is not None else Article.objects.values_list("pk", flat=True).iterator()
    return [Difference(*row) for row in differences(ids)]


def span_problems() -> list[str]:
    """Mentions and quotes whose span does not read their surface or text."""
    problems = []
    texts = {}
    for model, shown in ((Mention, "surface"), (Quote, "text")):
        rows = model.objects.order_by("article_id").values_list("article_id", "section", "paragraph", "start", "end", shown)
        for article_id, section, paragraph, start, end, expected in rows.iterator():
            if article_id not in texts:
                texts.clear()
                texts[article_id] = Article.objects.values("caption", "paragraphs").get(pk=article_id)
            text = span_source(texts[article_id]["caption"], texts[article_id]["paragraphs"], section, paragraph)
            if text is None or text[start:end] != expected:
                problems.append(f"article {article_id}: {model.__name__.lower()} {expected[:40]!r} does not index its text")
    return problems


def duplicate_actors() -> list[str]:
    names = Actor.objects.values("name_folded").annotate(n=Count("id")).filter(n__gt=1).values_list("name_folded", flat=True)
    return [f"actor {name!r} exists more than once" for name in names]


def stale_key_counts() -> list[str]:
    return [
        f"key count {key} {month or 'all time'}: stored {stored}, counted {counted}"
        for key, month, stored, counted in KeyCount.objects.stale()
    ]
