"""Which known countries, places and actors the words of a search query name.

A reader types "russia", "Liên bang Nga", "Matxcơva" or "lavrov"; the archive tags articles
with RU, the place Moscow and the actor Sergey Lavrov. ``name_spans`` finds, longest first, the
runs of query words that spell a name of the gazetteer (Vietnamese, English, with or without
diacritics) or a known actor's spelling.

Precision: one-syllable Vietnamese names ("Pháp", "Mỹ", "Anh", "Nga", "Lào") are also ordinary
words or given names, so a query word resolves to one of them only when it is the whole query
or is typed capitalised, never when the next word makes a common compound ("pháp luật",
"anh ấy"), and with diacritics typed they must be the name's own ("ngà" is not "Nga").
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .data.vietnamese import COMMON_COMPOUNDS
from .folding import fold, strip_marks
from .gazetteer import PLACES_BY_KEY, country_table
from .known import KnownActors, default_known

COUNTRY, PLACE, ACTOR = "country", "place", "actor"
# Names longer than this many words are not looked for ("Cộng hòa Dân chủ Nhân dân Triều Tiên" is 7).
MAX_NAME_WORDS = 8
_WORD = re.compile(r"\w+")
# ASCII names that are also everyday Vietnamese words or given names.
_VIETNAMESE_WORD_NAMES = frozenset(("anh", "nga"))
_COMPOUNDS = {fold(name): frozenset(map(fold, followers)) for name, followers in COMMON_COMPOUNDS.items()}


@dataclass(frozen=True)
class Named:
    """A known entity: ``target`` is an alpha-2 code, a place key or a known actor's folded name."""

    kind: str
    target: str


@dataclass(frozen=True)
class NameSpan:
    """Query words ``start`` to ``end`` (exclusive) name ``entities``."""

    start: int
    end: int
    entities: frozenset[Named]


def words_of(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(text)))


def _exact(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


def _is_vietnamese_word(name: str) -> bool:
    """A one-word name that is also a Vietnamese syllable: it carries marks, or is listed."""
    words = words_of(name)
    return len(words) == 1 and (strip_marks(name) != name or words[0] in _VIETNAMESE_WORD_NAMES)


class NameIndex:
    """Folded word tuples of every known name -> the entities spelled so, and their exact forms."""

    def __init__(self, entries: Iterable[tuple[str, Named]]):
        self.by_words: dict[tuple[str, ...], dict[Named, set[str]]] = {}
        for name, entity in entries:
            words = words_of(name)
            if words and len(words) <= MAX_NAME_WORDS:
                self.by_words.setdefault(words, {}).setdefault(entity, set()).add(_exact(" ".join(_WORD.findall(name))))

    def lookup(self, words: tuple[str, ...], typed: str, capitalised: bool, whole_query: bool, next_word: str | None):
        """Entities the typed words name, under the precision rules of the module docstring."""
        found = self.by_words.get(words)
        if not found:
            return frozenset()
        typed_exact = _exact(" ".join(_WORD.findall(typed)))
        typed_plain = strip_marks(typed) == typed
        kept = set()
        for entity, spellings in found.items():
            for spelling in spellings:
                if not (typed_plain or typed_exact == spelling):
                    continue  # diacritics typed, and not this name's: "ngà" is not "Nga"
                if _is_vietnamese_word(spelling) and not (
                    (capitalised or whole_query) and next_word not in _COMPOUNDS.get(words[0], ())
                ):
                    continue
                kept.add(entity)
                break
        return frozenset(kept)


def _entries(known: KnownActors) -> Iterable[tuple[str, Named]]:
    for country in country_table():
        for name in (country.name_vi, country.name_en, *country.aliases):
            yield name, Named(COUNTRY, country.code)
    for key, place in PLACES_BY_KEY.items():
        for name in (place.name, *place.aliases):
            yield name, Named(PLACE, key)
    for actor in known.actors:
        if known.lookup(actor.name) is actor:
            for spelling in actor.spellings():
                if known.lookup(spelling) is actor:
                    yield spelling, Named(ACTOR, actor.key)


@lru_cache(maxsize=4)
def _index_for(known: KnownActors) -> NameIndex:
    return NameIndex(_entries(known))


def name_index(known: KnownActors | None = None) -> NameIndex:
    return _index_for(known or default_known())


def name_spans(terms: list[tuple[tuple[str, ...], str]], index: NameIndex | None = None) -> list[NameSpan]:
    """Longest-first, left-to-right runs of ``terms`` that name known entities.

    ``terms``: the required terms of a query as (folded words, text as typed). A run never splits
    a term, so a quoted phrase is named whole or not at all.
    """
    index = index or name_index()
    spans, start = [], 0
    while start < len(terms):
        for end in range(len(terms), start, -1):
            words = tuple(word for folded, _ in terms[start:end] for word in folded)
            if len(words) > MAX_NAME_WORDS:
                continue
            typed = " ".join(raw for _, raw in terms[start:end])
            next_word = terms[end][0][0] if end < len(terms) else None
            entities = index.lookup(
                words, typed, capitalised=typed[:1].isupper(), whole_query=len(terms) == end - start, next_word=next_word
            )
            if entities:
                spans.append(NameSpan(start, end, entities))
                start = end
                break
        else:
            start += 1
    return spans

