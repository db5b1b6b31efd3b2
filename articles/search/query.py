"""Accent-insensitive matching of a search query against the articles.

Matching runs on the full-text vector of ``Article.search_folded`` (folded with
``articles.ingest.folding.fold``), so "thoa thuan", "thỏa thuận" and "thoả thuận" find the same
articles. Ranking then prefers articles that contain the words exactly as typed, diacritics and
tone placement included, by looking them up in ``Article.search_text`` (NFC, lowercase).

The query language is PostgreSQL's websearch syntax as readers type it: words (all must match),
"quoted phrases" and -excluded words.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import Case, ExpressionWrapper, F, FloatField, IntegerField, Value, When

from articles.facts.rules import exact_text
from articles.ingest.folding import fold

_TERM = re.compile(r'(-?)"([^"]*)"|(-?)(\S+)')
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Term:
    """One word or phrase of a query; ``words`` are folded, ``exact`` is as typed (NFC, lowercase)."""

    words: tuple[str, ...]
    exact: str


@dataclass
class ParsedQuery:
    required: list[Term] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)

    def __bool__(self):
        # Exclusions alone would match nearly everything: such a query finds nothing.
        return bool(self.required)

    def websearch(self) -> str:
        """The same query re-spelled for websearch_to_tsquery, with punctuation already dropped."""

        def spell(term: Term) -> str:
            return f'"{" ".join(term.words)}"' if len(term.words) > 1 else term.words[0]

        return " ".join([spell(t) for t in self.required] + [f"-{spell(t)}" for t in self.excluded])



def parse_query(query: str) -> ParsedQuery:
    parsed = ParsedQuery()
    for phrase_minus, phrase, word_minus, word in _TERM.findall(unicodedata.normalize("NFC", query)):
        raw = phrase if phrase_minus or phrase else word
        words = tuple(_WORD.findall(fold(raw)))
        if not words:
            continue
        term = Term(words=words, exact=" ".join(_WORD.findall(exact_text(raw))))
        (parsed.excluded if phrase_minus or word_minus else parsed.required).append(term)
    return parsed


def folded_pattern(term: Term) -> str:
    return r"(?<!\w)" + r"\W+".join(re.escape(word) for word in term.words) + r"(?!\w)"





def search_articles(queryset, query: str):
    """Filter ``queryset`` to articles matching ``query`` and annotate ``exact_hits`` and ``rank``."""
    parsed = parse_query(query)
    if not parsed:
        # Annotated all the same, so ordering by relevance still works on the empty result.
        return queryset.annotate(exact_hits=Value(0), rank=Value(0.0, output_field=FloatField())).none()
    exact_hits = sum(
        (Case(When(search_text__contains=term.exact, then=1), default=0) for term in parsed.required),
        Value(0),
    )
    queryset = queryset.annotate(exact_hits=ExpressionWrapper(exact_hits, output_field=IntegerField()))
    folded_query = SearchQuery(parsed.websearch(), config="simple", search_type="websearch")
    return queryset.annotate(rank=SearchRank(F("search_vector"), folded_query)).filter(search_vector=folded_query)


