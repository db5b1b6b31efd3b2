"""Accent-insensitive article search that behaves the same on SQLite and PostgreSQL.

Matching runs on ``Article.search_folded`` (folded with ``articles.ingest.folding.fold``), so
"thoa thuan", "thỏa thuận" and "thoả thuận" find the same articles. Ranking then prefers
articles that contain the words exactly as typed, diacritics and tone placement included, by
looking them up in ``Article.search_text`` (NFC, lowercase, not folded).

The query language is a small subset of PostgreSQL's websearch syntax that SQLite can follow
too: words (all must match), "quoted phrases" and -excluded words.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connections
from django.db.models.expressions import RawSQL
from django.db.models import Case, Expression, ExpressionWrapper, F, FloatField, IntegerField, Q, Value, When
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from articles.caching import cached_value
from articles.ingest.folding import fold, strip_marks

_TERM = re.compile(r'(-?)"([^"]*)"|(-?)(\S+)')
_WORD = re.compile(r"\w+")


def exact_text(text: str) -> str:
    """Key for exact-diacritic matching: NFC and lowercase, diacritics and tone placement kept."""
    return unicodedata.normalize("NFC", text).lower()


def article_search_keys(headline: str, caption: str, paragraphs: list[str]) -> dict[str, str]:
    """The article's derived search columns, from its text: one definition for saves and imports."""
    full = " ".join([headline, caption, *paragraphs])
    return {"headline_folded": fold(headline), "search_folded": fold(full), "search_text": exact_text(full)}


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

    @property
    def folded_words(self) -> list[str]:
        return [word for term in self.required for word in term.words]


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


def _folded_pattern(term: Term) -> str:
    return r"(?<!\w)" + r"\W+".join(re.escape(word) for word in term.words) + r"(?!\w)"


class StoredSearchVector(Expression):
    """PostgreSQL: the generated ``search_vector`` column of migration 0006 (not in the model
    state, so Django never writes it), under whatever alias the article table has in the query."""

    output_field = SearchVectorField()

    def as_sql(self, compiler, connection):
        alias = compiler.query.get_initial_alias()
        return f"{compiler.quote_name_unless_alias(alias)}.{connection.ops.quote_name('search_vector')}", []


# Search results on the article list are ranked among, counted over and faceted by at most this
# many matches (the newest, or the oldest when sorted that way): a word in most articles would
# otherwise rank and count hundreds of thousands of rows for one page of 20.
SEARCH_CANDIDATES = 1000


@dataclass
class BoundedSearch:
    """The article list's view of a search: ``ordered`` for the page, ``candidates`` for facets."""

    ordered: object  # QuerySet, relevance or date order, at most SEARCH_CANDIDATES rows
    candidates: object  # QuerySet of the same rows, unordered
    total: int  # rows in ``candidates``
    capped: bool  # more matches exist than were kept
    oldest: bool = False  # the kept matches are the oldest (sorted oldest first), not the newest


def _id_list(ids: list[int], vendor: str):
    """``pk__in`` for up to SEARCH_CANDIDATES ids: on PostgreSQL one array parameter, since a
    thousand placeholders cost more to bind (on the client) than the queries take."""
    if vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", (ids,))
    return ids


# Matches are looked for among the newest (oldest) SEARCH_WINDOW articles first, then among all:
# the window's matches come from the full-text index ANDed with a date range on the date index,
# so a word in a few percent of a million articles fetches a couple of thousand rows instead of
# every match (800 ms at 1M for "an ninh mạng" before). A word in fewer than 1 in 32 articles
# has too few matches in the window and is looked up everywhere, where it has few matches too.
# One window, not several: each try is a query, and a page stays within 10.
SEARCH_WINDOW = 32 * SEARCH_CANDIDATES


def window_start(model, oldest: bool):
    """The date of the article just past the newest (oldest) SEARCH_WINDOW; None when the archive
    is smaller or has no date there. Cached under the archive version: imports move it."""
    ordered = model.objects.oldest_first() if oldest else model.objects.newest_first()
    return cached_value(
        "search-window",
        ("oldest" if oldest else "newest", str(SEARCH_WINDOW)),
        lambda: ordered.values_list("published", flat=True)[SEARCH_WINDOW : SEARCH_WINDOW + 1].first(),
    )


def newest_matching_ids(by_date, oldest: bool) -> list[int]:
    """Up to SEARCH_CANDIDATES + 1 ids of ``by_date`` (matches in list order)."""
    wanted = SEARCH_CANDIDATES + 1
    start = window_start(by_date.model, oldest)
    if start is not None:
        ids = list(
            by_date.filter(**{"published__lte" if oldest else "published__gte": start}).values_list("pk", flat=True)[:wanted]
        )
        if len(ids) == wanted:  # every later match is older (newer) than these
            return ids
    return list(by_date.values_list("pk", flat=True)[:wanted])


def bounded_search(filtered, query: str, sort: str) -> BoundedSearch:
    """Keep the ``SEARCH_CANDIDATES`` newest (oldest for ``sort == "oldest"``) of the ``filtered``
    matches (see SEARCH_WINDOW), then rank or sort only those. ``filtered`` is the filterset's
    result for ``query``, with every filter."""
    by_date = filtered.oldest_first() if sort == "oldest" else filtered.newest_first()
    ids = newest_matching_ids(by_date, sort == "oldest")
    capped = len(ids) > SEARCH_CANDIDATES
    ids = ids[:SEARCH_CANDIDATES]
    candidates = filtered.model.objects.filter(pk__in=_id_list(ids, connections[filtered.db].vendor))
    if sort == "oldest":
        ordered = candidates.oldest_first()
    elif sort == "newest":
        ordered = candidates.newest_first()
    else:
        ordered = candidates.search(query).most_relevant_first()
    return BoundedSearch(ordered=ordered, candidates=candidates, total=len(ids), capped=capped, oldest=sort == "oldest")


# The plain article list (no search words) pages through at most this many articles (50 pages),
# newest (or oldest) first, and counts facets over them: an exact COUNT and facet counts over
# every article of a broad filter cost seconds at a million articles, and even finding the
# newest 10,000 of two broad filters costs 200 ms where 1,000 cost 20 (a walk of the date
# index that stops at the limit). The month facet, dates and more filters reach the rest;
# feeds and exports see every match.
LIST_LIMIT = 1_000


class IdPage:
    """What Paginator needs from a list whose ids are already known in order: the rows of a
    slice are fetched by primary key, in that order, with the list's prefetches."""

    def __init__(self, ids: list[int], rows):
        self.ids, self.rows = ids, rows

    def count(self) -> int:
        return len(self.ids)

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, index):
        wanted = self.ids[index] if isinstance(index, slice) else [self.ids[index]]
        if not wanted:
            return []
        by_id = {row.pk: row for row in self.rows(wanted)}
        found = [by_id[pk] for pk in wanted if pk in by_id]
        return found if isinstance(index, slice) else found[0]


@dataclass
class BoundedList:
    page_source: IdPage
    candidates: object  # QuerySet: the first SEARCH_CANDIDATES rows, for facet counts
    total: int
    capped: bool  # more than LIST_LIMIT articles match
    sampled: bool  # facets count only the first SEARCH_CANDIDATES
    oldest: bool = False


def bounded_list(filtered, sort: str) -> BoundedList:
    """One query for up to LIST_LIMIT ids in list order (an index walk, no COUNT); pages fetch
    their 20 rows by id, facets count the first SEARCH_CANDIDATES."""
    by_date = filtered.oldest_first() if sort == "oldest" else filtered.newest_first()
    ids = list(by_date.values_list("pk", flat=True)[: LIST_LIMIT + 1])
    capped = len(ids) > LIST_LIMIT
    ids = ids[:LIST_LIMIT]
    vendor = connections[filtered.db].vendor
    model = filtered.model

    def rows(wanted):
        return model.objects.filter(pk__in=_id_list(wanted, vendor)).for_listing()

    return BoundedList(
        page_source=IdPage(ids, rows),
        candidates=model.objects.filter(pk__in=_id_list(ids[:SEARCH_CANDIDATES], vendor)),
        total=len(ids),
        capped=capped,
        sampled=len(ids) > SEARCH_CANDIDATES,
        oldest=sort == "oldest",
    )


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
    if connections[queryset.db].vendor == "postgresql":
        folded_query = SearchQuery(parsed.websearch(), config="simple", search_type="websearch")
        return queryset.annotate(
            folded_vector=StoredSearchVector(),
            rank=SearchRank(F("folded_vector"), folded_query),
        ).filter(folded_vector=folded_query)
    matches = Q()
    for term in parsed.required:
        matches &= Q(search_folded__regex=_folded_pattern(term))
    for term in parsed.excluded:
        matches &= ~Q(search_folded__regex=_folded_pattern(term))
    return queryset.filter(matches).annotate(rank=Value(0.0, output_field=FloatField()))


def _fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` one character at a time, remembering which original character each came from."""
    folded, offsets = [], []
    for index, char in enumerate(text):
        for folded_char in strip_marks(char).casefold():
            folded.append(folded_char)
            offsets.append(index)
    offsets.append(len(text))
    return "".join(folded), offsets


def find_matches(text: str, query: str) -> list[tuple[int, int]]:
    """Non-overlapping ``(start, end)`` spans of ``text`` where a query word or phrase matches."""
    parsed = parse_query(query)
    if not parsed:
        return []
    folded, offsets = _fold_with_offsets(text)
    pattern = re.compile("|".join(_folded_pattern(term) for term in parsed.required))
    return [(offsets[m.start()], offsets[m.end() - 1] + 1) for m in pattern.finditer(folded)]


def highlight(text: str, query: str, context_words: int | None = None) -> SafeString:
    """Escaped ``text`` with matched words wrapped in <mark>.

    With ``context_words`` only an excerpt of that many words around the first match (or from
    the start, without a match), cut on word boundaries.
    """
    matches = find_matches(text, query)
    words = list(re.finditer(r"\S+", text))
    if not words:
        return mark_safe("")
    context_words = context_words or len(words)
    first = next((i for i, w in enumerate(words) if matches and w.end() > matches[0][0]), 0)
    start_word = max(min(first - context_words // 3, len(words) - context_words), 0)
    end_word = min(start_word + context_words, len(words)) - 1
    start, end = words[start_word].start(), words[end_word].end()
    html, position = [], start
    for match_start, match_end in matches:
        if match_end <= start or match_start >= end:
            continue
        match_start, match_end = max(match_start, start), min(match_end, end)
        html += [escape(text[position:match_start]), "<mark>", escape(text[match_start:match_end]), "</mark>"]
        position = match_end
    html.append(escape(text[position:end]))
    prefix = "… " if start_word > 0 else ""
    suffix = " …" if end_word < len(words) - 1 else ""
    return mark_safe(prefix + "".join(html) + suffix)


def snippet(article, query: str, context_words: int = 30) -> SafeString:
    """The caption or first body paragraph where ``query`` matches, highlighted around the match."""
    texts = [text for text in [article.caption, *article.paragraphs] if text]
    if not texts:
        return mark_safe("")
    best = next((text for text in texts if find_matches(text, query)), texts[0])
    return highlight(best, query, context_words)
