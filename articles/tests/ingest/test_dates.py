import pytest

from articles.ingest.dates import date_readings, find_dates
from articles.ingest.types import PartialDate, Span


def readings(text):
    return [(surface, date) for surface, date, _, _ in find_dates(text, "body", 0)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("vào ngày 11/11 tại Moscow", [("ngày 11/11", PartialDate(None, 11, 11))]),
        ("ngày 15/6/2023", [("ngày 15/6/2023", PartialDate(2023, 6, 15))]),
        ("Ngày 3 tháng 4 năm 2022,", [("Ngày 3 tháng 4 năm 2022", PartialDate(2022, 4, 3))]),
        ("hạn chót 11/11/2021.", [("11/11/2021", PartialDate(2021, 11, 11))]),
        ("từ tháng 8/2020 sau", [("tháng 8/2020", PartialDate(2020, 8))]),
        ("Hồi tháng 5 năm nay", [("tháng 5 năm nay", PartialDate(None, 5))]),
        ("Hồi tháng 9, các", [("tháng 9", PartialDate(None, 9))]),
        ("từ năm 2020.", [("năm 2020", PartialDate(2020))]),
        ("vào ngày 12/11, nơi", [("ngày 12/11", PartialDate(None, 11, 12))]),
        ("chiều 12/11 tại", [("12/11", PartialDate(None, 11, 12))]),
    ],
)
def test_date_expressions(text, expected):
    assert readings(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "đàm phán theo định dạng 2+2 tại Paris",
        "đón 1.000 lính đánh thuê",
        "Tin thế giới 10/11: Ba Lan",  # a column title, not a date
        "khoảng 1/2 dân số",
        "ngày 31/2 và tháng 13",  # impossible dates
        "phiên bản 1.5/2020",
    ],
)
def test_not_dates(text):
    assert readings(text) == []


def test_span_indexes_the_paragraph():
    text = "Tuy nhiên, vào ngày 12/11, nơi Pháp"
    ((surface, _, span, _),) = find_dates(text, "body", 7)
    assert span == Span("body", 7, 15, 25)
    assert text[span.start : span.end] == surface


def paragraphs(caption, *body):
    return [("caption", 0, caption), *(("body", i, text) for i, text in enumerate(body))]


def test_seed_year_is_inferred_from_nam_nay_after_an_explicit_year(seed_text):
    lines = seed_text.split("\n")
    published, dates = date_readings(paragraphs(lines[0], *lines[1:11]))
    assert published == PartialDate(2021, 11, 11, year_inferred=True)
    assert [(s, d) for s, d, _ in dates] == [
        ("ngày 11/11", PartialDate(2021, 11, 11, True)),
        ("tháng 8/2020", PartialDate(2020, 8)),
        ("tháng 5 năm nay", PartialDate(2021, 5, None, True)),
        ("tháng 9", PartialDate(2021, 9, None, True)),
        ("ngày 12/11", PartialDate(2021, 11, 12, True)),
    ]


def test_related_rows_are_not_article_dates(seed_text):
    lines = seed_text.split("\n")
    _, dates = date_readings(paragraphs(lines[0], *lines[1:11]))
    assert "10/11" not in [surface for surface, _, _ in dates]
    assert "ngày 15/9" not in [surface for surface, _, _ in dates]


def test_publication_date_falls_back_to_first_paragraph():
    published, _ = date_readings(paragraphs("Ảnh minh họa", "Ngày 15/6/2023, hai bên gặp nhau.", "ngày 1/1/2024"))
    assert published == PartialDate(2023, 6, 15)


def test_no_inferable_year_leaves_the_date_partial():
    published, dates = date_readings(paragraphs("Gặp nhau ngày 3/4.", "Hồi tháng 2, hai bên đã trao đổi."))
    assert published == PartialDate(None, 4, 3)
    assert published.precision == "day"
    assert dates[1][1] == PartialDate(None, 2)


def test_latest_explicit_year_when_the_day_comes_after_it():
    published, _ = date_readings(paragraphs("Hội nghị ngày 20/11.", "Từ tháng 3/2019, hai nước đã đàm phán."))
    assert published == PartialDate(2019, 11, 20, year_inferred=True)


def test_day_before_the_latest_explicit_date_is_not_guessed():
    published, _ = date_readings(paragraphs("Hội nghị ngày 2/1.", "Từ tháng 3/2019, hai nước đã đàm phán."))
    assert published == PartialDate(None, 1, 2)


def test_target_years_are_not_events():
    published, _ = date_readings(paragraphs("Hội nghị ngày 2/1.", "Mục tiêu đến năm 2030; tháng 5 năm nay đã khởi động."))
    assert published == PartialDate(None, 1, 2)


def test_a_dated_caption_fixes_the_year_of_nam_nay():
    _, dates = date_readings(paragraphs("Ngày 20/5/2022.", "Hồi tháng 3/2021 và tháng 6 năm nay."))
    assert dates[-1][1] == PartialDate(2022, 6, None, True)
