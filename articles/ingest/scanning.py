"""One pass of the matchers over a whole document, split into its paragraphs.

The paragraphs are joined with newlines and scanned once: a newline is a word and sentence
boundary for every matcher, so nothing found can straddle two paragraphs, and one automaton
walk per document costs far less than one per paragraph.
"""

from bisect import bisect_right
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


def scan(paragraphs: list[tuple[Section, int, str]]) -> list[ScannedParagraph]:
    """Entities and cues of (section, index, text) paragraphs, with paragraph offsets."""
    scanned = [ScannedParagraph(section, index, text) for section, index, text in paragraphs]
    starts, at = [], 0
    for paragraph in scanned:
        starts.append(at)
        at += len(paragraph.text) + 1
    joined = "\n".join(p.text for p in scanned)
    entities, cues = match_text(joined)
    new = tuple.__new__  # see match_text: NamedTuple construction is the slow part
    for found, kind, attribute in ((entities, EntityMatch, "entities"), (cues, Cue, "cues")):
        for match in found:
            i = bisect_right(starts, match[0]) - 1
            offset = starts[i]
            getattr(scanned[i], attribute).append(new(kind, (match[0] - offset, match[1] - offset, *match[2:])))
    return scanned
