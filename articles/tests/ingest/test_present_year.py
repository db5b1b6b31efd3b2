"""The year of a yearless publication date, from how the Vietnamese press writes the present:
cues that open a sentence ("Hôm", "Sáng", "Chiều") and years written as the current one.
New sentences, not from either gold set."""

import pytest

from articles.ingest.dates import date_readings
from articles.ingest.types import PartialDate


def published(*paragraphs: str) -> PartialDate:
    return date_readings([("body", i, text) for i, text in enumerate(paragraphs)])[0]


@pytest.mark.parametrize("cue", ["Hôm", "Sáng", "Chiều", "Tối", "Trưa", "Đêm"])
def test_a_cue_opening_the_sentence_still_introduces_the_date(cue):
    assert published(f"{cue} 14/2, hai ngoại trưởng ký bản ghi nhớ về hợp tác.") == PartialDate(None, 2, 14)


@pytest.mark.parametrize(
    "context, year",
    [
        ("Từ đầu năm 2022 đến nay, kim ngạch thương mại song phương tăng mạnh.", 2022),
        ("Ngay trong năm 2021, hai bên sẽ mở thêm đường bay thẳng.", 2021),
        ("Năm 2020 đánh dấu 25 năm thiết lập quan hệ ngoại giao.", 2020),
        ("Hội nghị thượng đỉnh G20 2022 diễn ra tại Bali.", 2022),
        ("Diễn đàn Kinh tế Thế giới (WEF) 2023 thu hút nhiều nguyên thủ.", 2023),
        ("Lễ kỷ niệm 30 năm quan hệ ngoại giao (1992-2022) được tổ chức trọng thể.", 2022),
    ],
)
def test_a_year_written_as_the_present_one_places_the_date(context, year):
    date = published("Chiều 8/3, đoàn đại biểu tới thủ đô.", "Hai bên ôn lại chặng đường hợp tác từ năm 2005.", context)
    assert date == PartialDate(year, 3, 8, year_inferred=True)


def test_a_background_year_alone_places_nothing():
    assert published("Sáng 8/3, hai bên hội đàm.", "Hiệp định được ký năm 2015 vẫn còn hiệu lực.") == PartialDate(None, 3, 8)


def test_a_target_year_is_not_the_present():
    assert published("Sáng 8/3, hai bên hội đàm.", "Mục tiêu đến năm 2030 là đạt 10 tỷ USD.") == PartialDate(None, 3, 8)
