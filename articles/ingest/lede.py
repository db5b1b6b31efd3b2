"""An article's lede: the first sentence of its body, shown under the headline in lists.

Headlines of the archive are often photo captions ("… chụp ảnh chung tại …"); the body's first
sentence says what the story is. A sentence ends at ".", "!", "?" or "…" followed by a space,
outside quotation marks (a quote of three sentences is one sentence of the article) and not after
an abbreviation or an initial ("TP. Hồ Chí Minh", "J. Biden"). A first sentence longer than
``LONGEST`` characters is cut at a word and ends in "…".
"""

import re

LONGEST = 300
_ENDS = frozenset(".!?…")
_OPENING_QUOTES = {"“": "”", "«": "»"}
_CLOSING_QUOTES = frozenset(_OPENING_QUOTES.values())
# Words after which a full stop is not a sentence's end.
_ABBREVIATIONS = frozenset({"tp", "tt", "ts", "ths", "pgs", "gs", "st", "mr", "mrs", "ms", "dr", "tr", "no", "vs"})
_WORD_BEFORE = re.compile(r"([^\W_]+)\Z")


def _is_abbreviation(text: str, stop: int) -> bool:
    found = _WORD_BEFORE.search(text, 0, stop)
    if not found:
        return False
    word = found.group(1)
    return word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


def first_sentence(text: str) -> str:
    """The first sentence of ``text``, its closing punctuation and quotation marks included."""
    depth = 0
    straight_open = False
    for at, char in enumerate(text):
        if char in _OPENING_QUOTES:
            depth += 1
        elif char in _CLOSING_QUOTES:
            depth = max(0, depth - 1)
        elif char == '"':
            straight_open = not straight_open
        elif char in _ENDS and depth == 0 and not straight_open:
            end = at + 1
            while end < len(text) and (text[end] in _ENDS or text[end] in _CLOSING_QUOTES or text[end] in "\")"):
                end += 1
            if end == len(text) or (text[end] == " " and not (char == "." and _is_abbreviation(text, at))):
                return text[:end]
    return text


def shortened(sentence: str, longest: int = LONGEST) -> str:
    if len(sentence) <= longest:
        return sentence
    cut = sentence.rfind(" ", 0, longest)
    return sentence[: cut if cut > 0 else longest].rstrip(" ,;:–-") + "…"


def lede(paragraphs: list[str]) -> str:
    """The first sentence of the first paragraph with any text; "" for an article without a body."""
    for paragraph in paragraphs:
        text = " ".join(paragraph.split())
        if text:
            return shortened(first_sentence(text))
    return ""
