"""Split seed text into its caption, body paragraphs and related-story rows."""

from dataclasses import dataclass, field

from .types import SeedError

_CELL = "|"


@dataclass
class ParsedSeed:
    caption: str  # first non-empty line without its trailing " |"
    paragraphs: list[str]  # body lines, stripped, empty lines dropped
    related_rows: list[str] = field(default_factory=list)  # each row's text between its pipes


def _is_related_row(line: str) -> bool:
    return line.startswith(_CELL)


def parse_seed(text: str) -> ParsedSeed:
    """Parse a decoded seed; SeedError when there is no caption or no body paragraph."""
    lines = [stripped for line in text.split("\n") if (stripped := line.strip())]
    if not lines:
        raise SeedError("no text: the file has no non-empty line")
    caption = lines[0].removesuffix(_CELL).rstrip()
    rest = lines[1:]
    body_end = len(rest)
    while body_end and _is_related_row(rest[body_end - 1]):
        body_end -= 1
    paragraphs = rest[:body_end]
    if not paragraphs:
        raise SeedError("no body paragraphs: only a caption and related-story rows")
    related = [row.strip(_CELL).strip() for row in rest[body_end:]]
    return ParsedSeed(caption, paragraphs, [row for row in related if row])
