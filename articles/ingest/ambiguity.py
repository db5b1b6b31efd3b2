"""Is a capitalised "Đức", "Pháp", "Mỹ", "Nga", "Anh", "Ý" a country, or a name or word?

Capitalisation alone does not settle it: "Pháp luật" can open a sentence and "Đức" ends
"Nguyễn Minh Đức". The checks look one word either side, which is enough for the forms news
text uses, and stay cheap because they run only for these few names.
"""

from .data.vietnamese import (
    CLAUSE_OPENERS,
    COMMON_COMPOUNDS,
    FAMILY_NAMES,
    HONORIFIC_FOLLOWERS,
    LANGUAGE_WORDS,
    PERSONAL_TITLES,
    PRONOUN_VERBS,
)
from .vietnamese_text import is_capitalised, is_sentence_start, word_after, word_before

# Names that are also common given names; an unknown capitalised word before them is
# taken to be the rest of the person's name ("Minh Đức", "Thu Nga").
_GIVEN_NAMES = frozenset(("Đức", "Mỹ", "Nga", "Anh"))
_MAX_NAME_CHAIN = 3


def _after_personal_name(text: str, start: int, entity_ends: set[int]) -> bool:
    word, word_start = word_before(text, start)
    chain_start = start
    for _ in range(_MAX_NAME_CHAIN):
        if not is_capitalised(word):
            break
        if word_start + len(word) in entity_ends or word in CLAUSE_OPENERS:
            return False
        if word in FAMILY_NAMES or word in PERSONAL_TITLES or word in LANGUAGE_WORDS:
            return True
        chain_start = word_start
        word, word_start = word_before(text, word_start)
    if word in PERSONAL_TITLES or word in LANGUAGE_WORDS:
        return True
    # Unknown capitalised words before the name inside a sentence are the rest of a personal
    # name ("cầu thủ Thu Nga"); at a sentence start one such word is usually a common noun
    # ("Nước Nga"), so that case keeps the country reading.
    return chain_start != start and not is_sentence_start(text, chain_start)


def is_country_reading(text: str, start: int, end: int, entity_ends: set[int]) -> bool:
    """Whether ``text[start:end]``, one of AMBIGUOUS_NAMES outside a pair, means the country."""
    name = text[start:end]
    following = word_after(text, end)
    if following in COMMON_COMPOUNDS.get(name, ()):
        return False
    if name == "Đức" and following in HONORIFIC_FOLLOWERS:
        return False
    if name == "Anh" and following in PRONOUN_VERBS and is_sentence_start(text, start):
        return False
    if name in _GIVEN_NAMES:
        return not _after_personal_name(text, start, entity_ends)
    word, _ = word_before(text, start)
    return not (word in FAMILY_NAMES or word in PERSONAL_TITLES or word in LANGUAGE_WORDS)
