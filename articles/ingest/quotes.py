"""Direct quotes and who said them.

A quote is the text between a matching pair of quote marks inside one paragraph, so an
unbalanced mark can never swallow the rest of the article. The speaker is the subject of a
speech verb: "X nói: “…”" (verb before the quote, subject before the verb, preferably in the
same sentence) or "“…”, X nói" (verb after the quote, subject between them).
"""

import re

from .actors import Subject
from .scanning import ScannedParagraph
from .types import QuoteFound

_QUOTED = re.compile(r"“([^“”\n]+)”|\"([^\"\n]+)\"|«([^«»\n]+)»")
# Scare quotes around a term ("Wagner", "2+2") are not speech.
_MIN_WORDS = 3
_SENTENCE_BREAKS = (". ", "! ", "? ")


def _sentence_start(text: str, pos: int) -> int:
    return max(text.rfind(mark, 0, pos) for mark in _SENTENCE_BREAKS) + 1


def _sentence_end(text: str, pos: int) -> int:
    ends = [at for mark in _SENTENCE_BREAKS if (at := text.find(mark, pos)) != -1]
    return min(ends) if ends else len(text)


def _last_subject_before(subjects: list[Subject], pos: int, floor: int) -> str | None:
    found = [s for s in subjects if floor <= s.start and s.end <= pos]
    return found[-1].key if found else None


def _apposition_head(text: str, subjects: list[Subject], verb_start: int, floor: int) -> str | None:
    """"X, Chủ tịch luân phiên của ECOWAS, khẳng định": X, not the ECOWAS inside the apposition."""
    if not text.endswith(", ", 0, verb_start):
        return None
    opening = text.rfind(", ", floor, verb_start - 2)
    if opening == -1:
        return None
    return next((s.key for s in subjects if s.end == opening and s.start >= floor), None)


def _speaker(paragraph: ScannedParagraph, subjects: list[Subject], opening: int, closing: int) -> str | None:
    text = paragraph.text
    verbs = [c for c in paragraph.cues if c.kind == "speech"]
    sentence = _sentence_start(text, opening)
    before = [v for v in verbs if sentence <= v.start and v.end <= opening]
    if before:
        verb = before[-1]
        return (
            _apposition_head(text, subjects, verb.start, sentence)
            or _last_subject_before(subjects, verb.start, sentence)
            or _last_subject_before(subjects, verb.start, 0)
        )
    limit = _sentence_end(text, closing)
    for verb in verbs:
        if closing <= verb.start <= limit:
            speaker = _last_subject_before(subjects, verb.start, closing)
            if speaker:
                return speaker
    earlier = [v for v in verbs if v.end <= opening]
    return _last_subject_before(subjects, earlier[-1].start, 0) if earlier else None


def extract_quotes(paragraph: ScannedParagraph, subjects: list[Subject]) -> list[QuoteFound]:
    quotes = []
    for match in _QUOTED.finditer(paragraph.text):
        group = next(i for i in (1, 2, 3) if match.group(i) is not None)
        raw = match.group(group)
        inner = raw.strip()
        if len(inner.split()) < _MIN_WORDS:
            continue
        start = match.start(group) + (len(raw) - len(raw.lstrip()))
        speaker = _speaker(paragraph, subjects, match.start(), match.end())
        quotes.append(QuoteFound(inner, speaker, paragraph.span(start, start + len(inner))))
    return quotes
