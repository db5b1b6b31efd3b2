"""A body edited as one text: paragraphs to and from a textarea, and spans moved along with the edit.

Curators edit the body as plain text, one paragraph per blank-line-separated block. Stored spans
(mentions, quotes) index a paragraph's characters, so after an edit each span is looked up where
the same characters now stand; a span whose characters were changed or removed has no place
left and comes back as None, for the caller to drop and report.
"""

import difflib
import re
from bisect import bisect_right
from dataclasses import dataclass

PARAGRAPH_BREAK = "\n\n"
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# Words, runs of spaces and single punctuation marks: the diff aligns whole words, which is
# both faster than aligning characters and never matches an edited word by its letters.
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


@dataclass(frozen=True)
class Span:
    paragraph: int
    start: int
    end: int


def paragraphs_as_text(paragraphs: list[str]) -> str:
    return PARAGRAPH_BREAK.join(paragraphs)


def text_as_paragraphs(text: str) -> list[str]:
    """The blank-line-separated blocks of ``text``, trimmed, empty ones left out.

    Browsers send a textarea's line breaks as CRLF; they count as plain line breaks.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [block.strip() for block in _BLANK_LINE.split(text) if block.strip()]


def _starts(paragraphs: list[str]) -> list[int]:
    """Where each paragraph begins in ``paragraphs_as_text(paragraphs)``."""
    starts, position = [], 0
    for paragraph in paragraphs:
        starts.append(position)
        position += len(paragraph) + len(PARAGRAPH_BREAK)
    return starts


def _token_bounds(text: str) -> tuple[list[str], list[int]]:
    tokens, bounds = [], []
    for match in _TOKEN.finditer(text):
        tokens.append(match.group())
        bounds.append(match.start())
    bounds.append(len(text))
    return tokens, bounds


def _token_stretches(old_text: str, new_text: str) -> list[tuple[int, int, int]]:
    old_tokens, old_bounds = _token_bounds(old_text)
    new_tokens, new_bounds = _token_bounds(new_text)
    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    return [
        (old_bounds[block.a], old_bounds[block.a + block.size], new_bounds[block.b])
        for block in matcher.get_matching_blocks()
        if block.size
    ]


def _unchanged_stretches(old: list[str], new: list[str]) -> list[tuple[int, int, int]]:
    """(old start, old end, new start) in the joined texts of every stretch the edit left as it was.

    Whole paragraphs are aligned first, so a paragraph added, removed or moved never pulls the
    words of its neighbours onto itself; only paragraphs that changed are aligned word by word.
    """
    old_starts, new_starts = _starts(old), _starts(new)
    stretches = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            for offset in range(i2 - i1):
                i, j = i1 + offset, j1 + offset
                stretches.append((old_starts[i], old_starts[i] + len(old[i]), new_starts[j]))
        elif operation == "replace":
            base_old, base_new = old_starts[i1], new_starts[j1]
            for old_start, old_end, new_start in _token_stretches(
                paragraphs_as_text(old[i1:i2]), paragraphs_as_text(new[j1:j2])
            ):
                stretches.append((base_old + old_start, base_old + old_end, base_new + new_start))
    return stretches


def reanchor(old: list[str], new: list[str], spans: list[Span]) -> list[Span | None]:
    """Each span of ``old`` at the same characters in ``new``, or None where they were edited away.

    A span keeps its place only when every one of its characters lies in one stretch the edit
    left untouched, so a kept span always reads in ``new`` exactly what it read in ``old``.
    """
    old_starts, new_starts = _starts(old), _starts(new)
    stretches = _unchanged_stretches(old, new)
    stretch_starts = [stretch[0] for stretch in stretches]
    moved = []
    for span in spans:
        if not (0 <= span.paragraph < len(old) and 0 <= span.start < span.end <= len(old[span.paragraph])):
            moved.append(None)
            continue
        start = old_starts[span.paragraph] + span.start
        end = old_starts[span.paragraph] + span.end
        index = bisect_right(stretch_starts, start) - 1
        if index < 0 or end > stretches[index][1]:
            moved.append(None)
            continue
        old_start, _, new_start = stretches[index]
        new_position = new_start + start - old_start
        paragraph = bisect_right(new_starts, new_position) - 1
        offset = new_position - new_starts[paragraph]
        moved.append(Span(paragraph, offset, offset + span.end - span.start))
    return moved
