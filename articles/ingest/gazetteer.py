"""Countries, places and organisations: the records and every name each is written as.

Country identity is the ISO alpha-2 code; Vietnamese and English names come from CLDR
(through babel), with the aliases CLDR lacks kept in ``data.countries``. ``matcher`` turns
the names into the automaton that finds them in text.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

import babel

from .data.countries import FORMAL_PREFIXES, EXTRA_ALIASES, NOT_COUNTRIES, PAIR_ONLY_FORMS
from .data.organizations import ORGANIZATIONS
from .data.outlets import OUTLETS
from .data.places import PLACES
from .folding import fold

EntityKind = Literal["country", "place", "organization", "person", "source"]  # person: a known actor (known.py)

_PARENTHESISED = re.compile(r"^(.*?) \((.*)\)$")


@dataclass
class CountryRecord:
    code: str
    name_vi: str
    name_en: str
    aliases: list[str] = field(default_factory=list)
    seats: list[str] = field(default_factory=list)  # capitals and seats standing for it: "Điện Kremlin"


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
    # Folded names can meet ("Nhà Trắng" and "Nha Trang" are both "nha trang"): the later
    # place's key is told apart by its kind, so neither takes the other's record.
    records, keys = [], set()
    for name, kind, country, aliases in PLACES:
        key = fold(name)
        if key in keys:
            key = f"{key} {kind}"
        keys.add(key)
        records.append(PlaceRecord(key, name, kind, country, list(aliases)))
    return records


def _build_organizations() -> dict[str, tuple[OrganizationRecord, tuple[str, ...]]]:
    return {fold(name): (OrganizationRecord(fold(name), name), aliases) for name, aliases in ORGANIZATIONS}


_COUNTRIES = _build_countries()
_PLACES = _build_places()
_ORGANIZATIONS = _build_organizations()
PLACES_BY_KEY = {place.key: place for place in _PLACES}
ORGANIZATIONS_BY_KEY = {key: record for key, (record, _) in _ORGANIZATIONS.items()}
# Folded name or alias of a news agency or outlet -> its canonical name.
OUTLET_NAMES = {fold(spelling): name for name, aliases in OUTLETS for spelling in (name, *aliases)}


def outlet_named(text: str) -> str | None:
    """The canonical name of the outlet ``text`` names ("THX" -> "Tân Hoa Xã"), if it is one."""
    return OUTLET_NAMES.get(fold(text.strip()))


def name_entries() -> Iterator[tuple[str, EntityKind, str, bool]]:
    """(name as written, kind, target, valid only in a hyphenated pair) for every known name."""
    explicit = {name for country in _COUNTRIES for name in (country.name_vi, *country.aliases)}
    for country in _COUNTRIES:
        for name in (country.name_vi, *country.aliases):
            yield name, "country", country.code, False
            for prefix in FORMAL_PREFIXES:
                if not name.startswith(prefix) and f"{prefix} {name}" not in explicit:
                    yield f"{prefix} {name}", "country", country.code, False
    for short, code in PAIR_ONLY_FORMS.items():
        yield short, "country", code, True
    for place in _PLACES:
        for name in (place.name, *place.aliases):
            yield name, "place", place.key, False
    for key, (record, aliases) in _ORGANIZATIONS.items():
        for name in (record.name, *aliases):
            yield name, "organization", key, False
    for name, aliases in OUTLETS:
        for spelling in (name, *aliases):
            yield spelling, "source", name, False


def entity_country(entity) -> str | None:
    """The country a matched entity is or stands for: "Mỹ" -> US, "Nhà Trắng" -> US, "Tây Phi" -> None."""
    if entity.kind == "country":
        return entity.target
    if entity.kind == "place":
        return PLACES_BY_KEY[entity.target].country
    return None


def country_table() -> list[CountryRecord]:
    """Every country with its CLDR names and aliases, for loading into the Country table."""
    seats: dict[str, list[str]] = {}
    for place in _PLACES:
        if place.country:
            seats.setdefault(place.country, []).append(place.name)
    return [CountryRecord(c.code, c.name_vi, c.name_en, list(c.aliases), seats.get(c.code, [])) for c in _COUNTRIES]


def place_table() -> list[PlaceRecord]:
    """Every known non-country place (seats, capitals, regions, seas)."""
    return [PlaceRecord(p.key, p.name, p.kind, p.country, list(p.aliases)) for p in _PLACES]
