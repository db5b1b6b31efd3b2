from articles.ingest.extract import extract_document
from articles.ingest.matcher import find_entities
from articles.ingest.relations import named_pairs


def pairs(text):
    return named_pairs(text, find_entities(text))


def test_hyphenated_pairs_including_short_forms():
    assert pairs("quan hệ Nga-Mỹ, Mỹ-Trung Quốc, Ba Lan-Belarus, Mỹ-Trung, Việt-Nhật, Nga-Ấn") == [
        ("RU", "US"),
        ("CN", "US"),
        ("BY", "PL"),
        ("JP", "VN"),
        ("IN", "RU"),
    ]


def test_seats_stand_for_their_countries_in_pairs():
    assert pairs("đối thoại Washington - Bắc Kinh") == [("CN", "US")]


def test_quan_he_x_va_y():
    assert pairs("quan hệ giữa Việt Nam và Nhật Bản") == [("JP", "VN")]
    assert pairs("Việt Nam và Nhật Bản ký kết") == []


def test_not_pairs():
    assert pairs("hợp tác quân sự và kỹ thuật-quân sự") == []
    assert pairs("Ấn Độ Dương-Thái Bình Dương") == []
    assert pairs("Mali-Mali") == []


def test_seed_relation_is_the_meeting(seed_text):
    assert extract_document(seed_text).relations == [("ML", "RU")]


def test_meeting_of_two_countries_people():
    extraction = extract_document(
        "Ảnh |\nThủ tướng Anh Boris Johnson hội đàm với người đồng cấp Australia Scott Morrison.\n"
    )
    assert extraction.relations == [("AU", "GB")]
