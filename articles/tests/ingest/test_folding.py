"""The translate-table strip_marks gives exactly the reference (NFD, drop combining marks)."""

import sys
import unicodedata

import pytest

from articles.ingest.folding import fold, strip_marks, strip_marks_reference


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Đức", "duc"),
        ("Ngoại  trưởng", "ngoai truong"),
        ("thỏa thuận", "thoa thuan"),
        ("thoả thuận", "thoa thuan"),
        (unicodedata.normalize("NFD", "Thủ tướng Phạm Minh Chính"), "thu tuong pham minh chinh"),
        ("Ærø Straße", "ærø strasse"),
    ],
)
def test_fold_examples(text, expected):
    assert fold(text) == expected


def test_every_code_point_strips_like_the_reference():
    every = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000]
    assert [strip_marks(ch) for ch in every] == [strip_marks_reference(ch) for ch in every]


@pytest.mark.parametrize(
    "text",
    [
        "Thủ tướng Phạm Minh Chính hội đàm với Ngoại trưởng Đức, thoả thuận hợp tác.",
        unicodedata.normalize("NFD", "Hà Nội – Москва́ – Ελλάδα – 東京 – 한국어"),
        "a\u0301\u0323\u0309b\u0327",  # stacked marks in non-canonical order
        "",
        "plain ascii",
    ],
)
def test_texts_strip_like_the_reference(text):
    assert strip_marks(text) == strip_marks_reference(text)
