"""Institutions named the Vietnamese way: a head word and a name, often ending in a country.

"Bộ Ngoại giao Trung Quốc", "Quốc hội Nhật Bản", "Đảng Lao động Triều Tiên", "Văn phòng Thủ
tướng Israel", "Ủy ban Thường vụ Nhân đại toàn quốc Trung Quốc", "Hội đồng Thống đốc IAEA":
Vietnamese capitalises the first syllable of each word of a proper name, so a name is a run of
syllables in which lowercase ones only continue a capitalised word. The name ends at a country
or a known organisation it names, at punctuation or a function word, or before a Vietnamese
family name (the person the institution is speaking through: "Bộ Ngoại giao Phạm Thu Hằng").
"""

import re

from .data.vietnamese import FAMILY_NAMES
from .folding import fold
from .matcher import EntityMatch
from .scanning import ScannedParagraph

HEADS = (
    "Bộ", "Quốc hội", "Đảng", "Lực lượng", "Ủy ban", "Ủy hội", "Hội đồng", "Đại hội đồng", "Quỹ",
    "Tổ chức", "Văn phòng", "Phủ", "Ban", "Đại học", "Học viện", "Viện", "Cơ quan", "Tập đoàn",
    "Ngân hàng", "Thượng viện", "Hạ viện", "Tòa án", "Trung tâm", "Hiệp hội", "Liên đoàn", "Cục",
    "Tổng cục", "Quân đội", "Hải quân", "Không quân", "Bộ Tư lệnh", "Cảnh sát biển",
)
_HEAD = re.compile(r"(?<![\w-])(" + "|".join(sorted(map(re.escape, HEADS), key=len, reverse=True)) + r")(?=[ ])")
_SYLLABLE = re.compile(r"[\w-]+")
# Syllables that end a name: what follows is the sentence, not the institution.
_STOP = frozenset(
    "của và với tại đã đang sẽ cho về là trong đến từ các những này được bị có không vào ra theo "
    "nhằm để khi sau trước giữa cùng thì mà nhưng song đồng hôm ngày tuần tháng năm cũng vẫn đều "
    "nói cho biết rằng như phụ trách thuộc ở trên dưới hay hoặc lần thứ".split()
)
_TITLE_WORDS = ("trưởng", "Trưởng")  # "Bộ trưởng", "Bộ Trưởng": a title, not a ministry
# Head words that open something else: a code or set ("Bộ Quy tắc ứng xử", "Bộ luật"), a venue
# ("Phủ Chủ tịch"), a grouping known by name ("Bộ Tứ").
_NOT_INSTITUTIONS = ("Bộ Quy tắc", "Bộ Nguyên tắc", "Bộ Tiêu chí", "Bộ Luật", "Bộ luật", "Bộ Tứ", "Phủ Chủ tịch")
_MAX_SYLLABLES = 12
_LOWERCASE_RUN = 3  # "Nhân đại toàn quốc", "Năng lượng nguyên tử": lowercase syllables continue a word
_TRAILING_KEPT = ("quốc tế",)  # "Ủy hội sông Mê Công quốc tế"
# Verbs an institution does things with, which never finish its name ("Châu Á nâng dự báo").
_ACTION_SYLLABLES = frozenset(
    "nâng hạ ra kêu khẳng tuyên phản chỉ yêu đề bày bác hoan nhấn ký họp bầu thông xác phê cấp "
    "dự giảm tăng cắt áp đưa mở đóng triển tiến tiếp trao gửi nhận mời cử công lên bắt gặp".split()
)


def find_institutions(paragraph: ScannedParagraph) -> list[EntityMatch]:
    """Organisation entities for the institutions of a paragraph not already known by name."""
    text = paragraph.text
    heads = list(_HEAD.finditer(text))
    if not heads:
        return []
    known = [e for e in paragraph.entities if e.kind in ("organization", "person")]
    countries = {e.start: e for e in paragraph.entities if e.kind == "country"}
    organizations = {e.start: e for e in paragraph.entities if e.kind == "organization"}
    found = []
    for head in heads:
        if (
            any(e.start <= head.start() < e.end for e in known)
            or text.startswith(_TITLE_WORDS, head.end() + 1)
            or text.startswith(_NOT_INSTITUTIONS, head.start())
        ):
            continue
        if found and head.start() < found[-1].end:
            continue  # "Văn phòng Ủy ban …": one institution, not two
        end = _name_end(text, head.end(), countries, organizations)
        if end > head.end():
            found.append(EntityMatch(head.start(), end, "organization", fold(text[head.start() : end])))
    return found


def _name_end(text: str, at: int, countries: dict, organizations: dict) -> int:
    """Where the name after the head (ending at ``at``) ends; ``at`` when no name follows."""
    syllables: list[re.Match] = []
    pos = at
    while len(syllables) < _MAX_SYLLABLES and text.startswith(" ", pos):
        ending = countries.get(pos + 1) or organizations.get(pos + 1)
        if ending is not None:  # the country or organisation the name ends with
            return ending.end if syllables or ending.kind == "country" else at
        word = _SYLLABLE.match(text, pos + 1)
        if word is None or word.group() in _STOP:
            break
        value = word.group()
        lowercase_run = next((n for n, w in enumerate(reversed(syllables)) if w.group()[0].isupper()), len(syllables))
        if value[0].isupper():
            if value in FAMILY_NAMES and syllables:
                break
        elif lowercase_run >= _LOWERCASE_RUN or (not syllables and not _continues(text, word.end())):
            break
        syllables.append(word)
        pos = word.end()
    capitalised = [n for n, word in enumerate(syllables) if word.group()[0].isupper()]
    if not capitalised:
        return at
    # Trailing lowercase syllables: one finishes the last word ("Ngoại giao"), more are the sentence.
    last = min(len(syllables) - 1, capitalised[-1] + 1)
    if last > capitalised[-1] and syllables[last].group() in _ACTION_SYLLABLES:
        last = capitalised[-1]
    tail = text[syllables[capitalised[-1]].end() : syllables[-1].end()].strip()
    if tail in _TRAILING_KEPT:
        last = len(syllables) - 1
    return syllables[last].end()


def _continues(text: str, at: int) -> bool:
    """A lowercase syllable opens the name when a capitalised one follows it ("sông Mê Công")."""
    following = _SYLLABLE.match(text, at + 1) if text.startswith(" ", at) else None
    return bool(following) and following.group()[0].isupper() and following.group() not in FAMILY_NAMES
