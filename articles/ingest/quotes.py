"""Direct quotes and who said them.

A quote is the text between a matching pair of quote marks inside one paragraph, so an
unbalanced mark can never swallow the rest of the article. The speaker is the subject of a
speech verb: "X nói: “…”" (verb before the quote, subject before the verb, preferably in the
same sentence) or "“…”, X nói" (verb after the quote, subject between them), or the one a
sentence opens with "Theo X, “…”". In a sentence naming several parties the person speaking
wins over an organisation that only stands between them and the verb ("Linda X giải thích …
Hamas, song khẳng định “…”"), and a bare title ("Thủ tướng nói", "Theo Người phát ngôn")
stands for the article's holder of that title. A short phrase in quotes is a quote only when a
speech verb attributes it ("gọi đây là “hữu ích”"); otherwise it is a term, not speech.
"""

import re

from .actors import Subject
from .data.cues import TITLES
from .scanning import ScannedParagraph
from .types import ActorFound, QuoteFound

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


_TITLE_FIRST = sorted(TITLES, key=len, reverse=True)


class People:
    """Who may speak: person keys, and the holder of each title. A bare title in the Vietnamese
    press is Viet Nam's office-holder ("Thủ tướng nói" after a meeting of two prime ministers),
    else the first named with it."""

    def __init__(self, actors: list[ActorFound]):
        self.persons = {actor.key for actor in actors if actor.kind == "person"}
        self.by_title: dict[str, str] = {}
        for actor in sorted(actors, key=lambda actor: actor.country != "VN"):
            for title in actor.titles:
                self.by_title.setdefault(title.casefold(), actor.key)

    def holder(self, words: str) -> str | None:
        """The holder of the bare title ``words`` end with ("… Thủ tướng"), if any."""
        words = words.rstrip(" ,").casefold()
        title = next((t for t in _TITLE_FIRST if words.endswith(t.casefold())), None)
        return self.by_title.get(title.casefold()) if title else None


def _subject_of_verb(text: str, subjects: list[Subject], verb_start: int, sentence: int, people: People) -> str | None:
    """The speaker a verb before the quote introduces, within its sentence."""
    inside = [s for s in subjects if sentence <= s.start and s.end <= verb_start]
    if inside and not text[inside[-1].end : verb_start].strip():
        return inside[-1].key  # "Bộ Ngoại giao Ukraine chỉ trích": the verb's own subject
    persons = [s for s in inside if s.key in people.persons]
    if persons:
        return persons[-1].key
    if inside:
        return inside[-1].key
    return people.holder(text[sentence:verb_start])


def _opened_by_theo(text: str, subjects: list[Subject], sentence: int, opening: int, people: People) -> str | None:
    """"Theo Tổng thống Putin, “…”", "Theo Người phát ngôn, “…”": the one named after "Theo"."""
    head = text[sentence:opening].lstrip()
    if not head.startswith(("Theo ", "theo ")):
        return None
    comma = text.find(",", sentence, opening)
    end = comma if comma != -1 else opening
    named = [s for s in subjects if sentence <= s.start and s.end <= end]
    return named[0].key if named else people.holder(text[sentence:end])


def _speaker(paragraph: ScannedParagraph, subjects: list[Subject], opening: int, closing: int, people: People) -> str | None:
    text = paragraph.text
    verbs = [c for c in paragraph.cues if c.kind == "speech"]
    sentence = _sentence_start(text, opening)
    before = [v for v in verbs if sentence <= v.start and v.end <= opening]
    theo = _opened_by_theo(text, subjects, sentence, opening, people)
    if theo and not before:
        return theo
    if before:
        verb = before[-1]
        return (
            _apposition_head(text, subjects, verb.start, sentence)
            or _subject_of_verb(text, subjects, verb.start, sentence, people)
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


def _attributed_in_sentence(paragraph: ScannedParagraph, opening: int) -> bool:
    sentence = _sentence_start(paragraph.text, opening)
    return any(c.kind == "speech" and sentence <= c.start and c.end <= opening for c in paragraph.cues)


def extract_quotes(paragraph: ScannedParagraph, subjects: list[Subject], people: People | None = None) -> list[QuoteFound]:
    people = people or People([])
    quotes = []
    for match in _QUOTED.finditer(paragraph.text):
        group = next(i for i in (1, 2, 3) if match.group(i) is not None)
        raw = match.group(group)
        inner = raw.strip()
        if not inner or (len(inner.split()) < _MIN_WORDS and not _attributed_in_sentence(paragraph, match.start())):
            continue
        start = match.start(group) + (len(raw) - len(raw.lstrip()))
        speaker = _speaker(paragraph, subjects, match.start(), match.end(), people)
        quotes.append(QuoteFound(inner, speaker, paragraph.span(start, start + len(inner))))
    return quotes
