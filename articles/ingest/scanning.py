"""One pass of the matchers over each paragraph, shared by the extractors that follow."""

from dataclasses import dataclass

from .cues import Cue, find_cues
from .gazetteer import EntityMatch, find_entities
from .types import Section, Span


@dataclass
class ScannedParagraph:
    section: Section
    index: int
    text: str
    entities: list[EntityMatch]
    cues: list[Cue]

    def span(self, start: int, end: int) -> Span:
        return Span(self.section, self.index, start, end)


def scan(section: Section, index: int, text: str) -> ScannedParagraph:
    return ScannedParagraph(section, index, text, find_entities(text), find_cues(text))
