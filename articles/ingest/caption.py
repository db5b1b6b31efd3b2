"""Headline and photo credit from the caption line."""

import re
from dataclasses import dataclass

from .sources import CREDIT

_POSITION = re.compile(
    r"\s*\((?:(?:từ |thứ \w+ từ )?(?:trái|phải|giữa)(?: sang(?: phải| trái)?)?|ảnh \w+)\)", re.IGNORECASE
)
# The credit as the sources and the masking before extraction read it, with the space before it
# and a full stop after it, which leave the headline with it.
_CREDIT = re.compile(r"\s*" + CREDIT.pattern + r"\s*\.?", re.IGNORECASE)
_DATE = re.compile(r"[,;]?\s*\b[Nn]gày \d{1,2}/\d{1,2}(?:/\d{4})?\b\s*[,.;]?")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?])")
_SPACES = re.compile(r"\s{2,}")
_TRAILING = " ,.;:-–"


@dataclass(frozen=True)
class Caption:
    headline: str
    credit: str | None


def parse_caption(caption: str) -> Caption:
    """Caption without position markers, date and credit; the credit kept apart ("TASS")."""
    credits = _CREDIT.findall(caption)
    text = _CREDIT.sub(" ", caption)
    text = _POSITION.sub("", text)
    text = _DATE.sub(" ", text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", _SPACES.sub(" ", text))
    headline = text.strip(_TRAILING)
    # Removing a leading date ("Ngày 3/4, hai ...") leaves a lowercase start.
    return Caption(headline[:1].upper() + headline[1:], credits[-1] if credits else None)
