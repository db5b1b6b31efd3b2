"""The one automaton that finds every known name and cue word in a text.

It holds the gazetteer's names (countries, places, organisations) and the cue words of
``data.cues`` (titles, role phrases, speech and meeting verbs), is built once at import and
walks a document once. Matching is exact and case-sensitive on NFC text, so "Nga" never matches the syllable "nga", and holds both tone placements of
every name, so "Thuỵ Điển" and "Thụy Điển" both match;
a match must be a whole word ("Nga" not in "Ngay", "Mali" not in "Malibu") and the longest
one wins ("Ấn Độ Dương" is a sea, not India; "Liên bang Nga" one mention).
"""

import re
import unicodedata
from collections.abc import Iterable
from typing import Literal, NamedTuple

import ahocorasick

from .ambiguity import is_country_reading
from .data.vietnamese import AMBIGUOUS_NAMES
from .data.cues import COUNTERPART, MEETING_WORDS, PERSON_INTRODUCERS, ROLE_PHRASES, SPEECH_VERBS, TITLES
from .gazetteer import EntityKind, name_entries
from .vietnamese_text import tone_spellings

CueKind = Literal["title", "role", "introducer", "counterpart", "speech", "meeting"]
# Cues that introduce a person compete for the same words ("Bộ trưởng Ngoại giao" over
# "Bộ trưởng"); verbs are kept independently of them.
PERSON_CUES = frozenset(("title", "role", "introducer", "counterpart"))

_PAIR_JOINER = re.compile(r" ?[-–] ?")
_JOINER_CHARS = frozenset(" -–")
_ENTITY, _CUE = 0, 1


class EntityMatch(NamedTuple):
    start: int
    end: int
    kind: EntityKind
    target: str  # alpha-2 code, place key or organisation key
    pair_only: bool = False


class Cue(NamedTuple):
    start: int
    end: int
    kind: CueKind
    canonical: str  # the form in data.cues: "Ngoại trưởng", "nêu rõ"


def _cue_entries():
    for kind, phrases in (
        ("title", TITLES),
        ("role", ROLE_PHRASES),
        ("introducer", PERSON_INTRODUCERS),
        ("counterpart", (COUNTERPART,)),
        ("speech", SPEECH_VERBS),
        ("meeting", MEETING_WORDS),
    ):
        for phrase in phrases:
            # Titles open sentences ("Ngoại trưởng") and sit inside them ("cựu ngoại trưởng").
            for spelling in {phrase, phrase[0].upper() + phrase[1:], phrase[0].lower() + phrase[1:], phrase.lower()}:
                yield spelling, kind, phrase


def _build(known: Iterable[tuple[str, str, str]] = ()) -> tuple[ahocorasick.Automaton, frozenset[str]]:
    entities: dict[str, tuple] = {}
    conflicts = set()
    for name, kind, target, pair_only in name_entries():
        for key in tone_spellings(name):
            if key in entities and entities[key][:2] != (kind, target):
                conflicts.add(key)
            entities.setdefault(key, (kind, target, pair_only))
    cues = {key: (kind, phrase) for spelling, kind, phrase in _cue_entries() for key in tone_spellings(spelling)}
    # Known people and organisations never displace a gazetteer name or a cue word.
    for name, kind, target in known:
        for key in tone_spellings(unicodedata.normalize("NFC", name)):
            if key not in cues:
                entities.setdefault(key, (kind, target, False))
    automaton = ahocorasick.Automaton()
    for key in entities.keys() | cues.keys():
        # A name that means two different things is left out rather than guessed.
        entity = entities.get(key) if key not in conflicts else None
        if entity or key in cues:
            needs_context = bool(entity) and (entity[2] or key in AMBIGUOUS_NAMES)
            automaton.add_word(key, (len(key), entity, cues.get(key), needs_context))
    automaton.make_automaton()
    return automaton, frozenset(conflicts)


def build_automaton(known: Iterable[tuple[str, str, str]] = ()) -> ahocorasick.Automaton:
    """The gazetteer and cue automaton plus known actors' names: (spelling, kind, key) each."""
    return _build(known)[0]


_AUTOMATON, CONFLICTING_NAMES = _build()


def joined_by_hyphen(text: str, left: EntityMatch, right: EntityMatch) -> bool:
    """True for "Nga-Mỹ" or "Nga - Mỹ": the two matches form a hyphenated pair."""
    return 1 <= right.start - left.end <= 3 and _PAIR_JOINER.fullmatch(text, left.end, right.start) is not None


def _longest_leftmost(found: list[tuple]) -> list[tuple]:
    """From (start, -end, ...) tuples, the leftmost-longest ones that do not overlap."""
    found.sort()
    chosen, reached = [], 0
    for match in found:
        if match[0] >= reached:
            chosen.append(match)
            reached = -match[1]
    return chosen


def _in_pair(text: str, matches: list[EntityMatch], i: int) -> bool:
    match = matches[i]
    if text[match.end : match.end + 1] not in _JOINER_CHARS and text[match.start - 1 : match.start] not in _JOINER_CHARS:
        return False
    return (i > 0 and matches[i - 1].kind == "country" and joined_by_hyphen(text, matches[i - 1], match)) or (
        i + 1 < len(matches) and matches[i + 1].kind == "country" and joined_by_hyphen(text, match, matches[i + 1])
    )


def _accepted_entities(text: str, matches: list[EntityMatch], needs_context: list[bool]) -> list[EntityMatch]:
    if not any(needs_context):
        return matches
    ends = {m.end for m in matches}
    accepted = []
    for i, match in enumerate(matches):
        # Only short forms and names that are also words need context; "Mali" is Mali.
        if needs_context[i]:
            paired = _in_pair(text, matches, i)
            if match.pair_only and not paired:
                continue
            if not paired and not is_country_reading(text, match.start, match.end, ends):
                # Rejected, it is a word or part of a personal name ("Trần Đức Anh"), not a
                # country standing before the next name.
                ends.discard(match.end)
                continue
        accepted.append(match)
    return accepted


def match_text(text: str, automaton: ahocorasick.Automaton | None = None) -> tuple[list[EntityMatch], list[Cue]]:
    """Entities and cues in ``text`` (NFC), each list in text order (``automaton``: see build_automaton)."""
    size = len(text)
    entities, person_cues, verbs = [], [], []
    for last, (length, entity, cue, needs_context) in (automaton or _AUTOMATON).iter(text):
        start, end = last - length + 1, last + 1
        if (start and text[start - 1].isalnum()) or (end < size and text[end].isalnum()):
            continue
        if entity:
            entities.append((start, -end, entity, needs_context))
        if cue:
            (person_cues if cue[0] in PERSON_CUES else verbs).append((start, -end, cue))
    # Built with tuple.__new__: a NamedTuple's own constructor is several times slower, and
    # this runs for every match of every document.
    new = tuple.__new__
    chosen = _longest_leftmost(entities)
    found = [new(EntityMatch, (start, -end, *entity)) for start, end, entity, _ in chosen]
    cues = [new(Cue, (start, -end, *cue)) for start, end, cue in _longest_leftmost(person_cues) + verbs]
    cues.sort()
    return _accepted_entities(text, found, [needs for *_, needs in chosen]), cues


def find_entities(text: str) -> list[EntityMatch]:
    """Countries, places and organisations named in ``text`` (NFC), in text order."""
    return match_text(text)[0]
