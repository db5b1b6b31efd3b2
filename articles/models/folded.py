"""``fold`` (articles.ingest.folding) in SQL, for names stored unfolded (aliases in JSON lists).

PostgreSQL's ``translate`` maps each character the Python folding maps to one letter, built from
that same folding, so the two cannot disagree on a precomposed letter; combining marks (NFD
input) are dropped, as folding drops them.
"""

from django.db.models import Func, TextField, Value
from django.db.models.functions import Cast

from articles.ingest.folding import fold

_LETTERS = [*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)]
_COMBINING_MARKS = range(0x300, 0x370)


def _translation() -> tuple[str, str]:
    source, target = [], []
    for codepoint in _LETTERS:
        folded = fold(chr(codepoint))
        if len(folded) == 1 and folded != chr(codepoint):
            source.append(chr(codepoint))
            target.append(folded)
    # Characters beyond the end of the target list are deleted by translate().
    return "".join(source) + "".join(map(chr, _COMBINING_MARKS)), "".join(target)


FOLD_FROM, FOLD_TO = _translation()


class Folded(Func):
    function = "translate"
    output_field = TextField()

    def __init__(self, expression):
        super().__init__(Cast(expression, TextField()), Value(FOLD_FROM), Value(FOLD_TO))
