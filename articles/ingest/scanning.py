"""One pass of the matcher over each paragraph, shared by the extractors that follow."""

from dataclasses import dataclass, field

from .matcher import Cue, EntityMatch, match_text
from .types import Section, Span


@dataclass
class ScannedParagraph:
    section: Section
    index: int
    text: str
    entities: list[EntityMatch] = field(default_factory=list)
    cues: list[Cue] = field(default_factory=list)

    def span(self, start: int, end: int) -> Span:
        return Span(self.section, self.index, start, end)


def scan(paragraphs: list[tuple[Section, int, str]], automaton=None) -> list[ScannedParagraph]:
    """Entities and cues of each (section, index, text) paragraph (``automaton``: matcher.build_automaton)."""
    return [ScannedParagraph(section, index, text, *match_text(text, automaton)) for section, index, text in paragraphs]
