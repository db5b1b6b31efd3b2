"""Related-story rows: split the linked headline from its lead, and note what they name.

The data has no separator: the lead starts a new sentence right after the headline. A
headline is written in sentence case, so the lead opens where a capitalised word follows a
lowercase one (or the end of a name) and begins a sentence: after a "?"/"!"; at a title
("… đối ứng Ngoại trưởng Nhật Bản Kamikawa Yoko và …"); at a subject whose clause reaches a
speech verb, a comma or a date within a few words ("… Donetsk Bộ Quốc phòng Nga ngày 16/6 cho
biết", "… biên giới Tuyến đường sắt Côn Minh-Viêng Chăn đã vận chuyển"); or at a clause opener
("Sau Pháp, …"). Words of a name never open the lead.
"""

import re

from .data.vietnamese import CLAUSE_OPENERS
from .gazetteer import entity_country
from .institutions import HEADS
from .matcher import PERSON_CUES
from .relations import named_pairs
from .scanning import ScannedParagraph, scan
from .types import RelatedFound

_WORD = re.compile(r"[^\W_]+(?:[-'’./][^\W_]+)*")
_QUESTION_BREAK = re.compile(r"[?!][”\"]? (?=[^\W\d_])")
_CUT_MARK = re.compile(r"\s*(?:\.\.\.|…)$")
_DATE_START = re.compile(r"(?:ngày |tháng )?\d")
_MIN_TITLE_WORDS = 3
_MIN_NAME_SPLIT_WORDS = 5
_CLAUSE_REACH = 8
_VERB_REACH = 3


def _opens_clause(words: list[re.Match], i: int, verbs: list[int]) -> bool:
    word = words[i].group()
    if word in CLAUSE_OPENERS:
        return True
    reach = words[min(i + _CLAUSE_REACH, len(words) - 1)].end()
    text = words[i].string
    if text.startswith(HEADS, words[i].start()) and any(words[i].start() < at <= reach for at in verbs):
        return True  # "Bộ Quốc phòng Nga ngày 16/6 cho biết": an institution and its verb
    if i + 1 >= len(words) or not words[i + 1].group()[0].islower():
        return False
    return "," in text[words[i].end() : reach] or any(_DATE_START.match(w.group()) for w in words[i + 1 : i + _CLAUSE_REACH])


def _split_point(row: ScannedParagraph) -> int | None:
    text = row.text
    question = _QUESTION_BREAK.search(text)
    if question and text[question.end()].isupper():
        return question.end()
    names = {e.start: e.end for e in row.entities}
    covered = {i for start, end in names.items() for i in range(start, end)}
    name_cues = {c.end for c in row.cues if c.kind in PERSON_CUES}
    titles = {c.start for c in row.cues if c.kind in PERSON_CUES and text[c.start].isupper()}
    verbs = [c.start for c in row.cues if c.kind == "speech"]
    words = list(_WORD.finditer(text))
    for i in range(_MIN_TITLE_WORDS, len(words)):
        word = words[i]
        start = word.start()
        if not word.group()[0].isupper() or start - 1 in name_cues:
            continue
        previous = words[i - 1]
        glued = text[previous.end() : start] == " "
        after_name = previous.end() in names.values()
        in_name = previous.group()[0].isupper() and not after_name and previous.start() not in names and previous.start() not in covered
        if not glued:
            continue
        if in_name and not (text.startswith(HEADS, start) and _opens_clause(words, i, verbs)):
            continue  # a word of a name, unless an institution and its verb begin here
        if start in titles or start in verbs:
            return start  # the lead opens with someone's title, or a verb opens a sentence
        if start in names:
            # A name opens the lead only as the subject of a verb right after it ("… thuế quan
            # Bắc Kinh tuyên bố", "… Điện Kremlin ngày 4/12 cho biết"); elsewhere it is the headline's.
            if i >= _MIN_NAME_SPLIT_WORDS and _verb_follows(text, names[start], verbs):
                return start
            continue
        if start in covered:
            continue  # inside a name
        if _opens_clause(words, i, verbs):
            return start
    return None


def _verb_follows(text: str, end: int, verbs: list[int]) -> bool:
    """A lowercase speech verb within a few words after ``end``, with only a date or lowercase
    words between ("Nhà Trắng ngày 9/1 cho biết"), not another name ("Triều Tiên Tokyo tuyên bố")."""
    window = _WORD.findall(text[end : end + 40])[:_VERB_REACH]
    limit = end + len(" ".join(window)) + 1
    return any(
        end < at <= limit and text[at].islower() and not any(w[0].isupper() for w in _WORD.findall(text[end:at]))
        for at in verbs
    )


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
