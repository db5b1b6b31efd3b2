import pytest

from articles.ingest.seedparser import parse_seed
from articles.ingest.types import SeedError


def test_seed_is_split_into_caption_body_and_related_rows(seed_text):
    parsed = parse_seed(seed_text)
    assert parsed.caption == (
        "Ngoại trưởng Nga Lavrov (trái) và người đồng cấp Mali Diop gặp nhau tại Moscow, ngày 11/11. (Nguồn: TASS)"
    )
    assert len(parsed.paragraphs) == 10
    assert parsed.paragraphs[0].startswith("Ngoại trưởng Diop nói:")
    assert parsed.paragraphs[-1].startswith("Ông Lavrov nhấn mạnh thêm")
    assert len(parsed.related_rows) == 2
    assert parsed.related_rows[0].startswith("Tin thế giới 10/11:")
    assert parsed.related_rows[1].endswith("quân sự Mali với ...")


def test_caption_without_pipe_and_blank_lines_are_tolerated():
    parsed = parse_seed("\n\nChú thích ảnh\n\nĐoạn một.\n\n\nĐoạn hai.\n")
    assert parsed.caption == "Chú thích ảnh"
    assert parsed.paragraphs == ["Đoạn một.", "Đoạn hai."]
    assert parsed.related_rows == []


def test_pipe_inside_body_does_not_make_a_related_row():
    parsed = parse_seed("Chú thích |\nA | B\n| Tin liên quan |")
    assert parsed.paragraphs == ["A | B"]
    assert parsed.related_rows == ["Tin liên quan"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Chú thích |\n| Tin liên quan |", "no body paragraphs"),
        ("Chú thích |\n", "no body paragraphs"),
        ("\n  \n", "no text"),
    ],
)
def test_documents_without_body_are_refused(text, reason):
    with pytest.raises(SeedError, match=reason):
        parse_seed(text)
