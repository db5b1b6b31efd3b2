"""Small Vietnamese text helpers shared by the matchers."""

import re
import unicodedata

_TONES = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng


def _tone_table() -> dict[str, str]:
    # The new style puts the tone on the second vowel of oa/oe/uy ("hoà", "thuỵ"); the old
    # style on the first ("hòa", "thụy"). Both are in use, so matching maps the new style
    # to the old one; each side stays one NFC character, which keeps lengths equal.
    table = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for f, s in ((first, second), (first.upper(), second), (first.upper(), second.upper())):
            for tone in _TONES:
                new = f + unicodedata.normalize("NFC", s + tone)
                old = unicodedata.normalize("NFC", f + tone) + s
                table[new] = old
    return table


_NEW_STYLE = _tone_table()
_NEW_STYLE_RE = re.compile("|".join(sorted(_NEW_STYLE, key=len, reverse=True)))

_SENTENCE_END = frozenset(".!?:;…“\"‘(\n|")


_OLD_STYLE = {old: new for new, old in _NEW_STYLE.items()}
_OLD_STYLE_RE = re.compile("|".join(sorted(_OLD_STYLE, key=len, reverse=True)))


def canonical_tones(text: str) -> str:
    """Same text with old-style tone placement: "thoả thuận" -> "thỏa thuận"."""
    return _NEW_STYLE_RE.sub(lambda m: _NEW_STYLE[m.group()], text)


def tone_spellings(text: str) -> set[str]:
    """Both tone placements of ``text``: {"Thụy Điển", "Thuỵ Điển"}.

    A phrase with several oa/oe/uy pairs gets the all-old and all-new forms, which is how
    a writer spells them; mixed forms are not produced.
    """
    old = canonical_tones(text)
    return {old, _OLD_STYLE_RE.sub(lambda m: _OLD_STYLE[m.group()], old)}


def is_sentence_start(text: str, pos: int) -> bool:
    """True when only spaces stand between ``pos`` and a sentence break or the text start."""
    i = pos - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


_WORD_AFTER = re.compile(r" ([^\W_]+)")
_WORD_AT_END = re.compile(r"[^\W_]+\Z")
_LONGEST_WORD = 40


def word_before(text: str, pos: int) -> tuple[str, int]:
    """The word separated from ``pos`` by exactly one space, and its start; ("", -1) if none."""
    if pos < 2 or text[pos - 1] != " ":
        return "", -1
    window = max(0, pos - 1 - _LONGEST_WORD)
    found = _WORD_AT_END.search(text, window, pos - 1)
    return (found.group(), found.start()) if found else ("", -1)


def word_after(text: str, end: int) -> str:
    """The word separated from ``end`` by exactly one space; "" if none."""
    found = _WORD_AFTER.match(text, end)
    return found.group(1) if found else ""


def is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


# A full stop, question or exclamation mark or ellipsis, any closing quote or bracket, then space.
_SENTENCE_BREAK = re.compile(r"[.!?…]+[”’\"')\]]*\s+")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence holding ``text[start:end]`` begins and ends, its final marks included.

    A break inside the span ("TP. Hồ Chí Minh") does not end the sentence.
    """
    begin = 0
    for found in _SENTENCE_BREAK.finditer(text, 0, start):
        begin = found.end()
    for found in _SENTENCE_BREAK.finditer(text, begin):
        marks_end = found.start() + len(found.group().rstrip())
        if marks_end >= end:
            return begin, marks_end
    return begin, len(text)
