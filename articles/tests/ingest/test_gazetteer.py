import pytest

from articles.ingest.gazetteer import country_table, place_table
from articles.ingest.matcher import CONFLICTING_NAMES, find_entities


def found(text):
    return [(text[m.start : m.end], m.target) for m in find_entities(text)]


def test_country_table_comes_from_cldr_with_aliases():
    table = {record.code: record for record in country_table()}
    assert (table["RU"].name_vi, table["RU"].name_en) == ("Nga", "Russia")
    assert "Liên bang Nga" in table["RU"].aliases
    assert {"Mỹ", "United States"} <= set(table["US"].aliases)
    assert table["US"].name_vi == "Hoa Kỳ"
    assert table["KP"].name_vi == "Triều Tiên" and table["KR"].name_vi == "Hàn Quốc"
    assert "Điện Kremlin" in table["RU"].seats
    assert not {"ZZ", "EU", "UN", "QO", "XA", "EZ"} & table.keys()
    assert all(len(code) == 2 and code.isalpha() for code in table)
    assert len(table) > 240


def test_place_table_has_regions_seas_and_seats():
    places = {place.key: place for place in place_table()}
    assert (places["tay phi"].kind, places["tay phi"].country) == ("region", None)
    assert places["bien dong"].kind == "sea"
    assert (places["moscow"].kind, places["moscow"].country) == ("city", "RU")
    assert "Mát-xcơ-va" in places["moscow"].aliases


def test_no_name_means_two_things():
    assert CONFLICTING_NAMES == frozenset()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ngoại trưởng Nga Lavrov", [("Nga", "RU")]),
        ("Liên bang Nga và Hoa Kỳ", [("Liên bang Nga", "RU"), ("Hoa Kỳ", "US")]),
        ("Triều Tiên bắn tên lửa, Hàn Quốc phản đối", [("Triều Tiên", "KP"), ("Hàn Quốc", "KR")]),
        ("hải quân Ấn Độ trên Ấn Độ Dương", [("Ấn Độ", "IN"), ("Ấn Độ Dương", "an do duong")]),
        ("tranh chấp ở Biển Đông", [("Biển Đông", "bien dong")]),
        ("tình hình Trung Đông", [("Trung Đông", "trung dong")]),
        ("Bắc Kinh và Bình Nhưỡng", [("Bắc Kinh", "bac kinh"), ("Bình Nhưỡng", "binh nhuong")]),
        ("Điện Kremlin, Nhà Trắng", [("Điện Kremlin", "dien kremlin"), ("Nhà Trắng", "nha trang")]),
        ("thủ đô Mát-xcơ-va", [("Mát-xcơ-va", "moscow")]),
        ("Thuỵ Điển và Thụy Điển", [("Thuỵ Điển", "SE"), ("Thụy Điển", "SE")]),
        ("Mỹ Latinh", [("Mỹ Latinh", "my latinh")]),
    ],
)
def test_longest_whole_word_matches(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ngay sau đó, Ngân hàng nhà nước",  # "Nga" inside "Ngay", "Ngân"
        "biệt thự ở Malibu",  # "Mali" inside "Malibu"
        "ông Nguyễn Minh Đức phát biểu",  # a given name
        "Lê Đức Thọ",
        "bà Nga cho biết",
        "chị Mỹ đi làm",
        "cầu thủ Thu Nga ghi bàn",
        "Pháp luật quốc tế",  # "law" at a sentence start
        "Vấn đề pháp lý. Pháp lý là",
        "Ý kiến của chuyên gia",  # "opinion"
        "Anh cho biết thêm",  # the pronoun "he"
        "Anh ấy nói",
        "học tiếng Anh",  # the language
        "Đức Giáo hoàng",
        "Mỹ thuật đương đại",
        "Trung tâm",  # a short form outside a pair
        "ông Việt và ông Nhật",
    ],
)
def test_given_names_and_common_words_are_not_countries(text):
    assert [t for t in found(text) if len(t[1]) == 2] == []


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Sau Pháp, Đức lên tiếng", ["FR", "DE"]),
        ("Nước Nga cho biết", ["RU"]),
        ("người bạn Nga giúp đỡ", ["RU"]),
        ("Anh đã rời EU", ["GB"]),
        ("Pháp lo ngại", ["FR"]),
        ("quan hệ Mỹ-Trung, Việt-Nhật, Nga-Ấn, Hàn-Triều", ["US", "CN", "VN", "JP", "RU", "IN", "KR", "KP"]),
        ("Anh-Úc", ["GB", "AU"]),
        ("Ý và Pháp", ["IT", "FR"]),
    ],
)
def test_countries_in_context(text, codes):
    assert [t for _, t in found(text) if len(t) == 2] == codes
