"""Countries, places and organisations, and the one automaton that finds them in text.

Country identity is the ISO alpha-2 code; Vietnamese and English names come from CLDR
(through babel), with the aliases CLDR lacks kept in ``data.countries``. Matching is exact
and case-sensitive on NFC text with tone placement made canonical, so "Nga" never matches
"nga" (a common syllable) and "Thuỵ Điển" matches "Thụy Điển". The automaton is built once,
at import.
"""

import re
from dataclasses import dataclass, field
from typing import Literal

import ahocorasick
import babel

from .ambiguity import is_country_reading
from .data.countries import EXTRA_ALIASES, NOT_COUNTRIES, PAIR_ONLY_FORMS
from .data.organizations import ORGANIZATIONS
from .data.places import PLACES
from .folding import fold
from .vietnamese_text import canonical_tones

EntityKind = Literal["country", "place", "organization"]

_PAIR_JOINER = re.compile(r" ?[-–] ?")
_PARENTHESISED = re.compile(r"^(.*?) \((.*)\)$")


@dataclass
class CountryRecord:
    code: str
    name_vi: str
    name_en: str
    aliases: list[str] = field(default_factory=list)


@dataclass
class PlaceRecord:
    key: str
    name: str
    kind: Literal["region", "sea", "city", "other"]
    country: str | None
    aliases: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class OrganizationRecord:
    key: str
    name: str


@dataclass(frozen=True)
class EntityMatch:
    start: int
    end: int
    kind: EntityKind
    target: str  # alpha-2 code, place key or organisation key
    pair_only: bool = False


def _name_variants(name: str) -> list[str]:
    # CLDR writes "Myanmar (Miến Điện)": both halves are names in use.
    found = _PARENTHESISED.match(name)
    return [name, found.group(1), found.group(2)] if found else [name]


def _build_countries() -> list[CountryRecord]:
    vi = babel.Locale("vi").territories
    en = babel.Locale("en").territories
    records = []
    for code in sorted(vi):
        if len(code) != 2 or not code.isalpha() or code in NOT_COUNTRIES or code not in en:
            continue
        aliases = []
        for name in (*_name_variants(vi[code]), *_name_variants(en[code]), *EXTRA_ALIASES.get(code, ())):
            if name != vi[code] and name not in aliases:
                aliases.append(name)
        records.append(CountryRecord(code, vi[code], en[code], aliases))
    return records


def _build_places() -> list[PlaceRecord]:
    return [PlaceRecord(fold(name), name, kind, country, list(aliases)) for name, kind, country, aliases in PLACES]


def _build_organizations() -> dict[str, tuple[OrganizationRecord, tuple[str, ...]]]:
    return {fold(name): (OrganizationRecord(fold(name), name), aliases) for name, aliases in ORGANIZATIONS}


_COUNTRIES = _build_countries()
_PLACES = _build_places()
_ORGANIZATIONS = _build_organizations()
PLACES_BY_KEY = {place.key: place for place in _PLACES}
ORGANIZATIONS_BY_KEY = {key: record for key, (record, _) in _ORGANIZATIONS.items()}
COUNTRY_CODES = frozenset(country.code for country in _COUNTRIES)


def _entries():
    for country in _COUNTRIES:
        for name in (country.name_vi, *country.aliases):
            yield name, ("country", country.code, False)
    for short, code in PAIR_ONLY_FORMS.items():
        yield short, ("country", code, True)
    for place in _PLACES:
        for name in (place.name, *place.aliases):
            yield name, ("place", place.key, False)
    for key, (record, aliases) in _ORGANIZATIONS.items():
        for name in (record.name, *aliases):
            yield name, ("organization", key, False)


def _build_automaton() -> tuple[ahocorasick.Automaton, frozenset[str]]:
    values: dict[str, tuple] = {}
    conflicts = set()
    for name, value in _entries():
        key = canonical_tones(name)
        if key in values and values[key][:2] != value[:2]:
            conflicts.add(key)
        values.setdefault(key, value)
    automaton = ahocorasick.Automaton()
    for key, value in values.items():
        # A name that means two different things is left out rather than guessed.
        if key not in conflicts:
            automaton.add_word(key, (len(key), *value))
    automaton.make_automaton()
    return automaton, frozenset(conflicts)


_AUTOMATON, CONFLICTING_NAMES = _build_automaton()


def country_table() -> list[CountryRecord]:
    """Every country with its CLDR names and aliases, for loading into the Country table."""
    return [CountryRecord(c.code, c.name_vi, c.name_en, list(c.aliases)) for c in _COUNTRIES]


def place_table() -> list[PlaceRecord]:
    """Every known non-country place (seats, capitals, regions, seas)."""
    return [PlaceRecord(p.key, p.name, p.kind, p.country, list(p.aliases)) for p in _PLACES]


def joined_by_hyphen(text: str, left: EntityMatch, right: EntityMatch) -> bool:
    """True for "Nga-Mỹ" or "Nga - Mỹ": the two matches form a hyphenated pair."""
    gap = right.start - left.end
    return 1 <= gap <= 3 and _PAIR_JOINER.fullmatch(text, left.end, right.start) is not None


def _longest_leftmost(text: str, canonical: str) -> list[EntityMatch]:
    found = []
    size = len(canonical)
    for last, (length, kind, target, pair_only) in _AUTOMATON.iter(canonical):
        start, end = last - length + 1, last + 1
        # Names are whole words: "Nga" must not match inside "Ngay", "Mali" inside "Malibu".
        if (start and canonical[start - 1].isalnum()) or (end < size and canonical[end].isalnum()):
            continue
        found.append(EntityMatch(start, end, kind, target, pair_only))
    found.sort(key=lambda m: (m.start, m.start - m.end))
    chosen, reached = [], 0
    for match in found:
        if match.start >= reached:
            chosen.append(match)
            reached = match.end
    return chosen


def _in_pair(text: str, matches: list[EntityMatch], i: int) -> bool:
    match = matches[i]
    before = i > 0 and matches[i - 1].kind == "country" and joined_by_hyphen(text, matches[i - 1], match)
    after = (
        i + 1 < len(matches)
        and matches[i + 1].kind == "country"
        and joined_by_hyphen(text, match, matches[i + 1])
    )
    return before or after


def find_entities(text: str) -> list[EntityMatch]:
    """Countries, places and organisations named in ``text`` (NFC), in text order."""
    matches = _longest_leftmost(text, canonical_tones(text))
    accepted = []
    ends = {m.end for m in matches}
    for i, match in enumerate(matches):
        if match.kind == "country":
            paired = _in_pair(text, matches, i)
            if match.pair_only and not paired:
                continue
            if not paired and not is_country_reading(text, match.start, match.end, ends):
                continue
        accepted.append(match)
    return accepted
