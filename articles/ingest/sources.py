"""An article's sources: the agencies and outlets of its photo credits and those it cites.

A credit "(Ảnh: Trí Dũng/TTXVN)" names a photographer and an agency; only agencies and outlets
are sources ("TTXVN"). Outlets named in the text ("theo Reuters", "hãng thông tấn KCNA",
"Tân Hoa Xã đưa tin") are sources too. Neither is ever an actor of the article, and nothing
inside a credit is read for countries or people ("Ảnh: Hoàng Anh" is not the United Kingdom).
"""

import re

from .gazetteer import outlet_named

# "(Ảnh: X)", "(Nguồn: X)", "(Photo: X)", "(Source: X)": the credit and where its words stand.
CREDIT = re.compile(r"\(\s*(?:Nguồn|Ảnh|Photo|Source|Ảnh minh họa)\s*:\s*([^()]+?)\s*\)", re.IGNORECASE)
# Parts of a credit: "Trí Dũng/TTXVN", "Reuters, AFP", "AP - Tân Hoa Xã".
_PART = re.compile(r"\s*(?:/|,|;|\s[-–]\s|\svà\s)\s*")
# An agency not in the list still reads as one when written as an acronym ("VGP", "EPA").
_ACRONYM = re.compile(r"[A-ZĐ][A-Z0-9Đ&.]{1,7}")


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Where the credits' contents stand in ``text``."""
    return [match.span(1) for match in CREDIT.finditer(text)]


def masked_credits(text: str) -> str:
    """``text`` with each credit's contents blanked, offsets kept, so no extractor reads them."""
    for start, end in credit_spans(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def credit_sources(text: str) -> list[str]:
    """The agencies and outlets a credit names; photographers' names are left out."""
    found = []
    for match in CREDIT.finditer(text):
        for part in _PART.split(match.group(1)):
            name = outlet_named(part) or (part if _ACRONYM.fullmatch(part) else None)
            if name and name not in found:
                found.append(name)
    return found


def article_sources(caption: str, cited: list[str]) -> list[str]:
    """Credit sources first, then the outlets the text cites, each once (canonical names)."""
    return list(dict.fromkeys([*credit_sources(caption), *cited]))
