import pytest

from articles.ingest.related import parse_related_row
from articles.ingest.seedparser import parse_seed


def test_seed_related_rows(seed_text):
    first, second = (parse_related_row(row) for row in parse_seed(seed_text).related_rows)
    assert first.title == (
        "Tin thế giới 10/11: Ba Lan khiến Nga nổi giận; Indonesia-Malaysia tuyên bố về Biển Đông; "
        "Trung Quốc chìa cành olive cho Mỹ?"
    )
    assert first.snippet.startswith("Khủng hoảng di cư ở biên giới Ba Lan-Belarus")
    assert first.snippet.endswith("Ấn Độ Dương-Thái")
    assert first.countries == ["PL", "RU", "ID", "MY", "CN", "US", "BY"]
    assert first.places == ["bien dong", "bien den", "an do duong"]
    assert first.relations == [("ID", "MY"), ("BY", "PL"), ("PL", "RU"), ("RU", "US"), ("CN", "US")]

    assert second.title == "Đức vội lên tiếng vụ tin đồn Mali tính đón 1.000 lính đánh thuê Nga"
    assert second.snippet == (
        "Sau Pháp, ngày 15/9, Đức lên tiếng bày tỏ quan ngại về thông tin liên quan thoả thuận "
        "giữa chính quyền quân sự Mali với"
    )
    assert second.countries == ["DE", "ML", "RU", "FR"]
    assert second.relations == []


@pytest.mark.parametrize(
    ("row", "title", "snippet"),
    [
        (
            "Mỹ và Trung Quốc đàm phán thương mại Các quan chức hai nước đã gặp nhau, ngày 12/5 ...",
            "Mỹ và Trung Quốc đàm phán thương mại",
            "Các quan chức hai nước đã gặp nhau, ngày 12/5",
        ),
        (
            "Ngoại trưởng Lavrov nói gì về Mali Theo TASS, ông Lavrov đã ...",
            "Ngoại trưởng Lavrov nói gì về Mali",
            "Theo TASS, ông Lavrov đã",
        ),
        ("Chỉ có tiêu đề ...", "Chỉ có tiêu đề", ""),
    ],
)
def test_title_and_snippet_split(row, title, snippet):
    found = parse_related_row(row)
    assert (found.title, found.snippet) == (title, snippet)
