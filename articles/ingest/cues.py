"""Finds the cue words of ``data.cues`` (titles, role phrases, speech and meeting verbs).

One automaton, built at import, covers every category; a title is found whether it opens a
sentence ("Ngoại trưởng") or not ("cựu ngoại trưởng").
"""

from dataclasses import dataclass
from typing import Literal

import ahocorasick

from .data.cues import COUNTERPART, MEETING_WORDS, PERSON_INTRODUCERS, ROLE_PHRASES, SPEECH_VERBS, TITLES
from .vietnamese_text import canonical_tones

CueKind = Literal["title", "role", "introducer", "counterpart", "speech", "meeting"]
# Kinds that introduce a person compete for the same words: the longest wins
# ("Bộ trưởng Ngoại giao" over "Bộ trưởng"). Verbs are found independently of them.
_PERSON_KINDS = frozenset(("title", "role", "introducer", "counterpart"))


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    kind: CueKind
    canonical: str  # the form in data.cues: "Ngoại trưởng", "nêu rõ"


def _spellings(phrase: str) -> set[str]:
    return {phrase, phrase[0].upper() + phrase[1:], phrase[0].lower() + phrase[1:], phrase.lower()}


def _build() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    entries = [
        *((t, "title") for t in TITLES),
        *((r, "role") for r in ROLE_PHRASES),
        *((i, "introducer") for i in PERSON_INTRODUCERS),
        (COUNTERPART, "counterpart"),
        *((v, "speech") for v in SPEECH_VERBS),
        *((m, "meeting") for m in MEETING_WORDS),
    ]
    for phrase, kind in entries:
        for spelling in _spellings(phrase):
            key = canonical_tones(spelling)
            automaton.add_word(key, (len(key), kind, phrase))
    automaton.make_automaton()
    return automaton


_AUTOMATON = _build()


def find_cues(text: str) -> list[Cue]:
    """Cues in ``text`` (NFC), whole words only, in text order."""
    canonical = canonical_tones(text)
    size = len(canonical)
    found = []
    for last, (length, kind, phrase) in _AUTOMATON.iter(canonical):
        start, end = last - length + 1, last + 1
        if (start and canonical[start - 1].isalnum()) or (end < size and canonical[end].isalnum()):
            continue
        found.append(Cue(start, end, kind, phrase))
    found.sort(key=lambda c: (c.start, c.start - c.end))
    chosen, reached = [], 0
    for cue in found:
        if cue.kind not in _PERSON_KINDS:
            chosen.append(cue)
        elif cue.start >= reached:
            chosen.append(cue)
            reached = cue.end
    return chosen
