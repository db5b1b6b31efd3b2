"""The sample documents in samples/ cover the traps of seed-format.md, one theme per file."""

import unicodedata

from articles.ingest.extract import extract_document, extract_file
from articles.ingest.types import PartialDate

from .conftest import sample_bytes


def extract(name):
    return extract_file(sample_bytes(name), name)


def test_given_names_law_pronoun_and_opinion_are_not_countries():
    e = extract("01_ten_nguoi_va_ten_nuoc.txt")
    assert e.headline == "Bộ trưởng Ngoại giao Hàn Quốc Park Jin tiếp Đại sứ Triều Tiên tại Seoul"
    assert e.credit == "Yonhap"
    assert e.published == PartialDate(2023, 6, 15)
    assert e.countries == ["KR", "KP"]  # no DE (Nguyễn Minh Đức), FR (Pháp luật), GB (Anh), IT (Ý kiến)
    assert [(p.key, p.kind) for p in e.places] == [("seoul", "city"), ("ban dao trieu tien", "region")]
    actors = {a.key: a for a in e.actors}
    assert list(actors) == ["park jin", "nguyen minh duc", "hoc vien ngoai giao"]  # the Diplomatic Academy: an institution
    assert e.sources == ["Yonhap"]
    assert (actors["park jin"].titles, actors["park jin"].country) == (["Bộ trưởng Ngoại giao"], "KR")
    assert [(q.text, q.speaker) for q in e.quotes] == [
        ("Ý kiến của các bên đều được lắng nghe tại hội nghị", "nguyen minh duc")
    ]
    (related,) = e.related
    assert (related.title, related.snippet) == ("Hàn Quốc, Triều Tiên nối lại đường dây nóng", "Theo Yonhap, hai miền đã")
    assert related.countries == ["KR", "KP"]


def test_seats_capitals_and_short_form_pairs():
    e = extract("02_cap_nuoc_va_thu_do.txt")
    assert e.countries == ["RU", "US", "CN", "VN", "JP", "IN"]
    assert [(p.key, p.country) for p in e.places] == [
        ("dien kremlin", "RU"),
        ("nha trang", "US"),
        ("bac kinh", "CN"),
        ("washington", "US"),
    ]
    assert e.relations == [("RU", "US"), ("CN", "US"), ("JP", "VN"), ("IN", "RU")]
    assert [(a.name, a.titles, a.country) for a in e.actors if a.kind == "person"] == [
        ("Dmitry Peskov", ["Người phát ngôn"], "RU")
    ]
    # No year anywhere in the text: the date stays partial.
    assert e.published == PartialDate(None, 4, 3)
    assert e.related[0].title == "Nhật Bản và Việt Nam ký thỏa thuận mới"


def test_nfd_input_and_both_tone_placements():
    data = sample_bytes("03_nfd_va_hai_kieu_dau.txt")
    assert not unicodedata.is_normalized("NFC", data.decode("utf-8"))
    e = extract_file(data, "03")
    assert all(unicodedata.is_normalized("NFC", p) for p in e.paragraphs)
    assert e.countries == ["SE", "FI", "NO"]
    assert {m.surface for m in e.mentions if m.target == "SE"} == {"Thuỵ Điển", "Thụy Điển"}
    assert e.published == PartialDate(2022, 5, 20)
    assert e.dates[-1][1] == PartialDate(2022, 6, None, year_inferred=True)
    # extract_document also accepts NFD text and reports spans in the NFC paragraphs it returns.
    direct = extract_document(data.decode("utf-8"))
    assert direct.countries == e.countries
    for m in direct.mentions:
        text = direct.caption if m.span.section == "caption" else direct.paragraphs[m.span.index]
        assert text[m.span.start : m.span.end] == m.surface


def test_quotes_after_the_verb_pronouns_and_an_unclosed_quote():
    e = extract("04_trich_dan.txt")
    assert e.countries == ["FR", "UA", "DE"]
    assert [(q.text, q.speaker) for q in e.quotes] == [
        ("Châu Âu phải tự chủ về quốc phòng", "emmanuel macron"),
        ("Chúng tôi sẽ tiếp tục hỗ trợ Ukraine", "emmanuel macron"),
    ]
    assert [m.surface for m in e.mentions if m.target == "emmanuel macron"] == [
        "Emmanuel Macron",
        "Macron",
        "Macron",
        "Macron",
    ]
    assert e.published == PartialDate(None, 7, 14)


def test_uk_as_country_pronoun_and_a_person_called_nga():
    e = extract("05_anh_va_nga.txt")
    assert e.countries == ["GB", "AU", "VN"]  # no RU: "Nguyễn Thu Nga" is a person
    assert e.relations == [("AU", "GB")]
    people = [(a.name, a.titles, a.country) for a in e.actors if a.kind == "person"]
    assert people == [
        ("Boris Johnson", ["Thủ tướng"], "GB"),
        ("Scott Morrison", ["Thủ tướng"], "AU"),
        ("Nguyễn Thu Nga", [], None),  # "chị Nguyễn Thu Nga": a person, and no Russia
    ]
    assert [m.surface for m in e.mentions if m.target == "GB"] == ["Anh", "Anh"]  # caption and "Anh-Úc"
    # 15/6 falls before the latest explicit date (11/11/2021), so no year is guessed.
    assert e.published == PartialDate(None, 6, 15)
    assert "ngan hang the gioi" in [a.key for a in e.actors]
