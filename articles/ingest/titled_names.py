"""Telling a titled form ("Ngoại trưởng Lavrov", "người đồng cấp Mali Diop") from a name.

A titled form names a role as much as a person: kept among an actor's aliases, it would match the
next holder of the role (the next counterpart from Mali) as the same person. Curators keep them
apart from the aliases (``Actor.titled_names``).
"""

import unicodedata

from .data.cues import COUNTERPART, PERSON_INTRODUCERS, ROLE_PHRASES, TITLES

# Words that qualify a title without being one: "cựu Ngoại trưởng", "tân Đại sứ".
QUALIFIERS = ("cựu", "nguyên", "tân", "đương kim")


def _key(text: str) -> str:
    # Diacritics kept: folded, the title "Trưởng" would read as the family name "Trương".
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


_ROLE_OPENINGS = sorted(
    {_key(words) for words in (*TITLES, *ROLE_PHRASES, COUNTERPART, *PERSON_INTRODUCERS)}, key=len, reverse=True
)
_QUALIFIERS = tuple(_key(word) for word in QUALIFIERS)


def is_titled_name(text: str) -> bool:
    """Whether ``text`` opens with a title, a role phrase, "người đồng cấp" or "ông"/"bà"."""
    key = _key(text)
    for qualifier in _QUALIFIERS:
        if key.startswith(qualifier + " "):
            key = key[len(qualifier) + 1 :]
            break
    return any(key == opening or key.startswith(opening + " ") for opening in _ROLE_OPENINGS)


def split_titled(names: list[str]) -> tuple[list[str], list[str]]:
    """``names`` as (plain names, titled forms), each in the given order."""
    titled = [name for name in names if is_titled_name(name)]
    return [name for name in names if not is_titled_name(name)], titled
