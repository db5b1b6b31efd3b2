"""Search words marked in an article's text: <mark> around each match, excerpts around the first."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from articles.ingest.folding import strip_marks
from articles.search.query import folded_pattern, parse_query


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
    pattern = re.compile("|".join(folded_pattern(term) for term in parsed.required))
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
