"""Accent-insensitive matching of a search query against the articles.

Matching runs on the full-text vector of ``Article.search_folded`` (folded with
``articles.ingest.folding.fold``), so "thoa thuan", "thỏa thuận" and "thoả thuận" find the same
articles. Ranking then prefers articles that contain the words exactly as typed, diacritics and
tone placement included, by looking them up in ``Article.search_text`` (NFC, lowercase).

The query language is PostgreSQL's websearch syntax as readers type it: words (all must match),
"quoted phrases" and -excluded words.

Words that name a known country, place or actor ("russia", "Matxcơva", "lavrov", see
``articles.search.entities``) match either the text or the articles tagged with that entity.
"""

import functools
import itertools
import operator
import re
import unicodedata
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import Case, ExpressionWrapper, F, FloatField, IntegerField, Q, Value, When

from articles.facts.rules import exact_text
from articles.ingest.folding import fold
from articles.ingest.query_names import name_spans
from articles.search.entities import NamedInQuery, resolve

_TERM = re.compile(r'(-?)"([^"]*)"|(-?)(\S+)')
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Term:
    """One word or phrase of a query; ``words`` are folded, ``exact`` is as typed (NFC, lowercase)."""

    words: tuple[str, ...]
    exact: str
    typed: str = ""  # as typed, case kept: a capital tells "Anh" the country from "anh"


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
        term = Term(words=words, exact=" ".join(_WORD.findall(exact_text(raw))), typed=raw)
        (parsed.excluded if phrase_minus or word_minus else parsed.required).append(term)
    return parsed


def folded_pattern(term: Term) -> str:
    return r"(?<!\w)" + r"\W+".join(re.escape(word) for word in term.words) + r"(?!\w)"





def named_in_query(query: str) -> NamedInQuery:
    """The archive's countries, places and actors the required words of ``query`` name."""
    return resolve(name_spans([(term.words, term.typed) for term in parse_query(query).required]))


def _words_query(terms: list[Term], excluded: list[Term] = ()) -> SearchQuery:
    spelled = ParsedQuery(required=list(terms), excluded=list(excluded)).websearch()
    return SearchQuery(spelled, config="simple", search_type="websearch")


def _text_match(terms: list[Term], excluded: list[Term] = ()) -> Q:
    return Q(search_vector=_words_query(terms, excluded))


# Beyond this many named runs the alternatives below (two per run) would outgrow their gain.
MOST_RUNS_SPELLED_OUT = 3


def match_condition(parsed: ParsedQuery, named: NamedInQuery) -> Q:
    """Every required term in the text, except that a run of terms naming an entity may instead
    be matched by the entity's filter keys (``filter_keys && ARRAY[...]``, the GIN index).

    Spelled out as alternatives, one per choice of text or keys for each run: (the run's and the
    rest's words, one query) OR (the run's keys AND the rest's words), rather than (the run's text
    OR its keys) AND the rest's words. Both select the same articles, but for the second PostgreSQL
    fetched every article with the keys from the table and rechecked the other words on each
    one's vector ("ngoai truong phan lan" at 1M: Finland's 14,197 articles, 142 ms in its
    window's fallback); in the first, each alternative is an AND of index scans (109 ms). The
    text alternative joins each piece's own query with ``&&``, as the factored form ANDs them (a
    word "or" between two pieces would be an operator in one websearch string), and is not the
    same clause as the rest's alone, which PostgreSQL would factor out of the ORs again."""
    named_terms = {at for span in named.spans for at in range(span.start, span.end)}
    rest = [term for at, term in enumerate(parsed.required) if at not in named_terms]
    rest_words = [_words_query(rest, parsed.excluded)] if rest or parsed.excluded else []
    if len(named.spans) > MOST_RUNS_SPELLED_OUT:
        condition = Q()
        for span in named.spans:
            condition &= _text_match(parsed.required[span.start : span.end]) | Q(filter_keys__overlap=list(span.keys))
        return condition & Q(search_vector=rest_words[0]) if rest_words else condition
    alternatives = Q(pk__in=[])
    for by_keys in itertools.product((False, True), repeat=len(named.spans)):
        condition, words = Q(), []
        for span, keyed in zip(named.spans, by_keys):
            if keyed:
                condition &= Q(filter_keys__overlap=list(span.keys))
            else:
                words.append(_words_query(parsed.required[span.start : span.end]))
        words += rest_words
        if words:
            condition &= Q(search_vector=functools.reduce(operator.and_, words))
        alternatives |= condition
    return alternatives


def rank_articles(queryset, query: str):
    """Annotate ``exact_hits`` (terms found with the diacritics as typed) and the full-text ``rank``."""
    parsed = parse_query(query)
    if not parsed:
        return queryset.annotate(exact_hits=Value(0), rank=Value(0.0, output_field=FloatField()))
    exact_hits = sum(
        (Case(When(search_text__contains=term.exact, then=1), default=0) for term in parsed.required),
        Value(0),
    )
    queryset = queryset.annotate(exact_hits=ExpressionWrapper(exact_hits, output_field=IntegerField()))
    folded_query = SearchQuery(parsed.websearch(), config="simple", search_type="websearch")
    return queryset.annotate(rank=SearchRank(F("search_vector"), folded_query))


def search_articles(queryset, query: str, named: NamedInQuery | None = None):
    """Filter ``queryset`` to articles matching ``query`` and annotate ``exact_hits`` and ``rank``.
    ``named``: what ``named_in_query(query)`` gave, when the caller has it already."""
    parsed = parse_query(query)
    if not parsed:
        # Annotated all the same, so ordering by relevance still works on the empty result.
        return rank_articles(queryset, query).none()
    if named is None:
        named = named_in_query(query)
    return rank_articles(queryset, query).filter(match_condition(parsed, named))
