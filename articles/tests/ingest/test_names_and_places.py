"""Titles, formal country names, Vietnamese provinces and institutions, as the press writes them.
New sentences, not from either gold set."""

import pytest

from articles.ingest.extract import extract_document


def extracted(*body: str):
    return extract_document("Quang cảnh buổi làm việc (Ảnh: Thu Trang) |\n" + "\n".join(body) + "\n")


def people(e) -> list[str]:
    return [actor.name for actor in e.actors if actor.kind == "person"]


def organisations(e) -> list[str]:
    return [actor.name for actor in e.actors if actor.kind == "organization"]


@pytest.mark.parametrize(
    "sentence, person, country",
    [
        ("Quốc vụ khanh Bộ Ngoại giao Đức Tobias Lindner thăm Hà Nội.", "Tobias Lindner", "DE"),
        ("Đại sứ Hàn Quốc tại Việt Nam Choi Young-sam dự lễ khai trương.", "Choi Young-sam", "KR"),
        ("Đại sứ Nhật Bản tại Liên hợp quốc Yamazaki Kazuyuki phát biểu.", "Yamazaki Kazuyuki", "JP"),
        ("Quốc vương Vương quốc Campuchia Norodom Sihamoni tiếp đoàn.", "Norodom Sihamoni", "KH"),
        ("Tổng thống Cộng hòa Liên bang Đức Frank-Walter Steinmeier tới Huế.", "Frank-Walter Steinmeier", "DE"),
        ("Thái tử Ả Rập Xê Út Mohammed bin Salman đón khách.", "Mohammed bin Salman", "SA"),
        ("Giám đốc Cơ quan Phát triển Quốc tế Mỹ (USAID) Samantha Power tới Đà Nẵng.", "Samantha Power", None),
        ("Người đứng đầu NDRC Trịnh San Khiết trình bày kế hoạch.", "Trịnh San Khiết", None),
        ("Nhật hoàng Akihito từng thăm Việt Nam.", "Akihito", None),
        ("Tổng thống lâm thời Bolivia Jeanine Áñez tuyên bố tranh cử.", "Jeanine Áñez", "BO"),
    ],
)
def test_a_title_shape_keeps_the_person(sentence, person, country):
    e = extracted(sentence)
    assert people(e) == [person]
    if country:
        assert country in e.countries


@pytest.mark.parametrize(
    "name, code",
    [("Ả Rập Xê Út", "SA"), ("Ả Rập Saudi", "SA"), ("Arab Saudi", "SA"),
     ("Các Tiểu vương quốc Arab Thống nhất", "AE"), ("Tiểu vương quốc Ả Rập Thống nhất", "AE"),
     ("Vương quốc Thái Lan", "TH"), ("Cộng hòa Liên bang Đức", "DE"), ("Vương quốc Tây Ban Nha", "ES")],
)
def test_every_country_name_the_press_uses(name, code):
    assert extracted(f"Phái đoàn {name} tham dự hội nghị.").countries == [code]


@pytest.mark.parametrize("province", ["Lào Cai", "Thái Bình", "Thái Nguyên", "Hà Nam", "Quảng Nam", "Nam Định", "Tây Ninh"])
def test_a_province_holding_a_country_word_is_a_place_and_names_no_country(province):
    e = extracted(f"Đoàn doanh nghiệp khảo sát đầu tư tại tỉnh {province} trong ba ngày.")
    assert e.countries == []
    assert [place.name for place in e.places] == [province]


@pytest.mark.parametrize(
    "sentence, organisation",
    [
        ("Bộ Ngoại giao Pháp ra thông cáo về vụ việc.", "Bộ Ngoại giao Pháp"),
        ("Quốc hội Hàn Quốc thông qua nghị quyết.", "Quốc hội Hàn Quốc"),
        ("Đảng Dân chủ Tự do Nhật Bản bầu chủ tịch mới.", "Đảng Dân chủ Tự do Nhật Bản"),
        ("Văn phòng Tổng thống Ukraine xác nhận cuộc điện đàm.", "Văn phòng Tổng thống Ukraine"),
        ("Ngân hàng Phát triển Châu Á nâng dự báo tăng trưởng.", "Ngân hàng Phát triển Châu Á"),
        ("Hội đồng Nhân quyền Liên hợp quốc họp phiên đặc biệt.", "Hội đồng Nhân quyền Liên hợp quốc"),
    ],
)
def test_an_institution_named_the_vietnamese_way_is_an_organisation(sentence, organisation):
    e = extracted(sentence)
    assert organisation in organisations(e)
    assert people(e) == []  # no title inside the name ("Tổng thống") makes a person


def test_a_code_or_a_venue_opened_by_a_head_word_is_no_institution():
    e = extracted("Hai bên thúc đẩy Bộ Quy tắc ứng xử, rồi dự tiệc tại Phủ Chủ tịch.")
    assert organisations(e) == []
