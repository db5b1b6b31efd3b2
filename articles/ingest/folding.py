"""Vietnamese-aware folding for search keys and slugs.

Folding removes tone marks and vowel diacritics, maps ``đ``/``Đ`` to ``d``
(it has no Unicode decomposition, so stripping combining marks alone would
keep it), lowercases, and makes NFC and NFD input fold to the same string.
Both tone placements ("thỏa"/"thoả") fold to the same key because only the
base letters survive.
"""

import re
import unicodedata

_D_TABLE = str.maketrans({"đ": "d", "Đ": "D"})
_NON_SLUG = re.compile(r"[^a-z0-9]+")
_SPACES = re.compile(r"\s+")


def strip_marks_reference(text: str) -> str:
    """The definition of ``strip_marks``: NFD, then drop every combining mark (slow, per character)."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_TABLE))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class _StripTable(dict):
    """``str.translate`` table filled on first sight of each character with its reference result.

    Stripping works character by character: NFD decomposes each character on its own and only
    reorders combining marks (canonical combining class > 0), which are exactly the characters
    dropped, so the concatenation of per-character results equals the reference on the whole
    text. ASCII and the Vietnamese letters are filled in up front; anything else on first use.
    """

    def __missing__(self, codepoint: int) -> str:
        result = strip_marks_reference(chr(codepoint))
        self[codepoint] = result
        return result


_STRIP_TABLE = _StripTable()
for _codepoint in [*range(0x80), *range(0xC0, 0x250), *range(0x300, 0x370), *range(0x1E00, 0x1F00)]:
    _STRIP_TABLE[_codepoint]  # noqa: B018 - fills the entry


def strip_marks(text: str) -> str:
    """Remove diacritics but keep case: "Đức" -> "Duc"."""
    if text.isascii():
        return text
    return text.translate(_STRIP_TABLE)


def fold(text: str) -> str:
    """Search key: no diacritics, lowercase, single spaces: "Ngoại  trưởng" -> "ngoai truong"."""
    return _SPACES.sub(" ", strip_marks(text).casefold()).strip()


def slugify_vi(text: str, max_length: int = 200) -> str:
    """URL slug that keeps Vietnamese letters readable: "Quan hệ Nga-Mỹ" -> "quan-he-nga-my"."""
    slug = _NON_SLUG.sub("-", fold(text)).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug
