"""The SQL folding (models.folded.Folded) reads every Vietnamese letter as ``fold`` does, in NFC
and NFD, in both cases and with every tone, so names and aliases match as typed without marks."""

import unicodedata

import pytest
from django.db.models import TextField, Value
from django.db.models.functions import Cast

from articles.ingest.folding import fold
from articles.models import Country
from articles.models.folded import Folded

pytestmark = pytest.mark.django_db

VOWELS = "aăâeêioôơuưy"
CONSONANTS = "bcdđghklmnpqrstvx"
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]  # none, huyền, sắc, hỏi, ngã, nặng


def every_letter() -> list[str]:
    toned = [unicodedata.normalize("NFC", vowel + tone) for vowel in VOWELS for tone in TONES]
    letters = toned + list(CONSONANTS)
    return letters + [letter.upper() for letter in letters]


def sql_fold(text: str) -> str:
    return Country.objects.annotate(folded=Folded(Cast(Value(text), TextField()))).values_list("folded", flat=True)[0]


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_every_vietnamese_letter_folds_in_sql_as_in_python(form):
    letters = every_letter()
    assert len(letters) == 2 * (len(VOWELS) * len(TONES) + len(CONSONANTS))
    text = unicodedata.normalize(form, " ".join(letters))
    assert sql_fold(text) == fold(text)
