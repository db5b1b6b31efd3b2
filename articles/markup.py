"""Article text with its stored mention spans turned into links, escaped piece by piece."""

from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.html import escape


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    kind: str  # "actor", "country" or "place": the CSS class
    url: str | None
    title: str


def choose_non_overlapping(text: str, highlights: list[Highlight]) -> list[Highlight]:
    """Drop spans outside the text, and spans that overlap one already kept.

    Links cannot nest, so of two overlapping spans only one can be marked: the earlier one,
    and of two starting together the longer ("Ngoại trưởng Nga Lavrov" over its "Nga").
    """
    kept, reached = [], 0
    for highlight in sorted(highlights, key=lambda h: (h.start, -h.end)):
        if 0 <= highlight.start < highlight.end <= len(text) and highlight.start >= reached:
            kept.append(highlight)
            reached = highlight.end
    return kept


def mark_text(text: str, highlights: list[Highlight]) -> SafeString:
    pieces, position = [], 0
    for highlight in choose_non_overlapping(text, highlights):
        pieces.append(escape(text[position : highlight.start]))
        surface = text[highlight.start : highlight.end]
        if highlight.url:
            pieces.append(
                format_html(
                    '<a class="mention mention-{}" href="{}" title="{}"><mark>{}</mark></a>',
                    highlight.kind,
                    highlight.url,
                    highlight.title,
                    surface,
                )
            )
        else:
            pieces.append(format_html('<mark class="mention mention-{}" title="{}">{}</mark>', highlight.kind, highlight.title, surface))
        position = highlight.end
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))
