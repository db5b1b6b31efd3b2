"""Related-story rows: split the linked headline from its lead, and note what they name.

The data has no separator: the lead starts a new sentence right after the headline. The
split is after a "?"/"!" followed by a capitalised word, else before the first capitalised
word that is not a name and opens a clause: a clause opener ("Sau Pháp, ...") or a word
followed by lowercase text that reaches a comma or a date within a few words.
"""

import re

from .data.vietnamese import CLAUSE_OPENERS
from .gazetteer import entity_country
from .matcher import PERSON_CUES
from .relations import named_pairs
from .scanning import ScannedParagraph, scan
from .types import RelatedFound

_WORD = re.compile(r"[^\W_]+(?:[-'’./][^\W_]+)*")
_QUESTION_BREAK = re.compile(r"[?!][”\"]? (?=[^\W\d_])")
_CUT_MARK = re.compile(r"\s*(?:\.\.\.|…)$")
_DATE_START = re.compile(r"(?:ngày |tháng )?\d")
_MIN_TITLE_WORDS = 3
_CLAUSE_REACH = 8


def _opens_clause(words: list[re.Match], i: int) -> bool:
    word = words[i].group()
    if word in CLAUSE_OPENERS:
        return True
    if i + 1 >= len(words) or not words[i + 1].group()[0].islower():
        return False
    reach = words[min(i + _CLAUSE_REACH, len(words) - 1)].end()
    text = words[i].string
    return "," in text[words[i].end() : reach] or any(_DATE_START.match(w.group()) for w in words[i + 1 : i + _CLAUSE_REACH])


def _split_point(row: ScannedParagraph) -> int | None:
    text = row.text
    question = _QUESTION_BREAK.search(text)
    if question and text[question.end()].isupper():
        return question.end()
    names = {e.start: e.end for e in row.entities}
    covered = {i for start, end in names.items() for i in range(start, end)}
    name_cues = {c.end for c in row.cues if c.kind in PERSON_CUES}
    words = list(_WORD.finditer(text))
    for i in range(_MIN_TITLE_WORDS, len(words)):
        word = words[i]
        start = word.start()
        if not word.group()[0].isupper() or start in covered or start - 1 in name_cues:
            continue
        previous = words[i - 1]
        glued = text[previous.end() : start] == " "
        in_name = previous.group()[0].isupper() and previous.start() not in names and previous.start() not in covered
        if glued and not in_name and _opens_clause(words, i):
            return start
    return None


def row_text(row: str) -> str:
    """A related row as scanned and split: without the " ..." that cuts its lead short."""
    return _CUT_MARK.sub("", row.strip())


def related_from_scan(row: ScannedParagraph) -> RelatedFound:
    """Title, snippet and the countries, places and relations of one scanned related row."""
    split = _split_point(row)
    text = row.text
    title, snippet = (text, "") if split is None else (text[:split].strip(), text[split:].strip())
    found = RelatedFound(title, snippet)
    for entity in row.entities:
        code = entity_country(entity)
        if code and code not in found.countries:
            found.countries.append(code)
        if entity.kind == "place" and entity.target not in found.places:
            found.places.append(entity.target)
    found.relations = named_pairs(text, row.entities)
    return found


def parse_related_row(row: str) -> RelatedFound:
    """Title, snippet and what one related row (text between its pipes) names."""
    return related_from_scan(scan([("related", 0, row_text(row))])[0])
