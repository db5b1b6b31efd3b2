"""Bilateral relations: pairs of countries a text puts side by side.

Three forms count: a hyphenated pair ("Nga-Mỹ", "Mỹ-Trung", "Washington-Bắc Kinh"),
"quan hệ (giữa) X và Y", and a meeting between people of two countries ("Ngoại trưởng Nga
Lavrov và người đồng cấp Mali Diop gặp nhau"). Pairs are sorted alpha-2 tuples.
"""

from .gazetteer import entity_country
from .matcher import EntityMatch, joined_by_hyphen
from .scanning import ScannedParagraph
from .types import ActorFound, MentionFound

_RELATION_OPENERS = ("quan hệ ", "quan hệ giữa ", "Quan hệ ", "Quan hệ giữa ")
_AND = " và "


def _pair(a: str | None, b: str | None) -> tuple[str, str] | None:
    return tuple(sorted((a, b))) if a and b and a != b else None


def named_pairs(text: str, entities: list[EntityMatch]) -> list[tuple[str, str]]:
    """Pairs written out in ``text``: "Nga-Mỹ", "quan hệ Việt Nam và Nhật Bản"."""
    pairs = []
    located = [e for e in entities if entity_country(e)]
    for left, right in zip(located, located[1:]):
        related = joined_by_hyphen(text, left, right) or (
            text.startswith(_AND, left.end)
            and right.start == left.end + len(_AND)
            and text[: left.start].endswith(_RELATION_OPENERS)
        )
        pair = _pair(entity_country(left), entity_country(right)) if related else None
        if pair and pair not in pairs:
            pairs.append(pair)
    return pairs


def meeting_pairs(
    paragraphs: list[ScannedParagraph], mentions: list[MentionFound], actors: list[ActorFound]
) -> list[tuple[str, str]]:
    """People of exactly two countries in a paragraph that speaks of meeting."""
    country_of = {a.key: a.country for a in actors if a.kind == "person"}
    pairs = []
    for paragraph in paragraphs:
        if not any(c.kind in ("meeting", "counterpart") for c in paragraph.cues):
            continue
        countries = []
        for m in mentions:
            code = country_of.get(m.target)
            if m.span.section == paragraph.section and m.span.index == paragraph.index and code and code not in countries:
                countries.append(code)
        pair = _pair(*countries) if len(countries) == 2 else None
        if pair and pair not in pairs:
            pairs.append(pair)
    return pairs
