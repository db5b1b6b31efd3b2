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


def strip_marks(text: str) -> str:
    """Remove diacritics but keep case: "Đức" -> "Duc"."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_TABLE))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Search key: no diacritics, lowercase, single spaces: "Ngoại  trưởng" -> "ngoai truong"."""
    return _SPACES.sub(" ", strip_marks(text).casefold()).strip()


def slugify_vi(text: str, max_length: int = 200) -> str:
    """URL slug that keeps Vietnamese letters readable: "Quan hệ Nga-Mỹ" -> "quan-he-nga-my"."""
    slug = _NON_SLUG.sub("-", fold(text)).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug
