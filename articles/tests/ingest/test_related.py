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


@pytest.mark.parametrize(
    "row, title",
    [
        # The lead opens with a title and a name.
        ("Úc và New Zealand ký hiệp định quốc phòng Thủ tướng Úc Anthony Albanese cho biết thỏa thuận…",
         "Úc và New Zealand ký hiệp định quốc phòng"),
        # An institution and its verb, even after a place the headline ends with.
        ("Tàu chiến Anh cập cảng Thượng Hải Bộ Quốc phòng Anh ngày 3/5 cho biết chuyến thăm…",
         "Tàu chiến Anh cập cảng Thượng Hải"),
        ("Trung Quốc nới lỏng thị thực cho khách châu Âu Bộ Ngoại giao Trung Quốc thông báo…",
         "Trung Quốc nới lỏng thị thực cho khách châu Âu"),
        # A seat or a capital as the subject of a verb.
        ("Mỹ và Trung Quốc nối lại kênh liên lạc quân sự Nhà Trắng ngày 9/1 cho biết hai bên…",
         "Mỹ và Trung Quốc nối lại kênh liên lạc quân sự"),
        ("Nhật Bản gia hạn lệnh trừng phạt Triều Tiên Tokyo tuyên bố sẽ tiếp tục…",
         "Nhật Bản gia hạn lệnh trừng phạt Triều Tiên"),
        # A speech verb opening the lead after a region.
        ("Người phát ngôn trả lời về tình hình Đông Âu Trả lời câu hỏi của phóng viên…",
         "Người phát ngôn trả lời về tình hình Đông Âu"),
    ],
)
def test_the_lead_is_split_from_the_headline(row, title):
    assert parse_related_row(row).title == title


@pytest.mark.parametrize(
    "row, title",
    [
        # A country inside the headline, before a verb of the headline itself, stays there.
        ("Thái Lan yêu cầu EU chia sẻ dữ liệu về di cư Ngày 2/4, Bộ Ngoại giao Thái Lan cho biết…",
         "Thái Lan yêu cầu EU chia sẻ dữ liệu về di cư"),
        ("Hàn Quốc, Nhật Bản và Mỹ tập trận chung Từ ngày 5/6, ba nước…", "Hàn Quốc, Nhật Bản và Mỹ tập trận chung"),
    ],
)
def test_names_in_the_headline_stay_in_it(row, title):
    assert parse_related_row(row).title == title
