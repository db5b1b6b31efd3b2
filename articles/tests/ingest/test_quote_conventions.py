"""Quote attribution as the Vietnamese press writes it: every speech verb before and after the
quote, "Theo X, “…”", the person speaking over an organisation named on the way, a bare title,
and short quoted phrases a verb attributes. New sentences, not from either gold set."""

import pytest

from articles.ingest.extract import extract_document

VERBS = ["viết", "cảnh báo", "khẳng định", "tuyên bố", "phát biểu", "nêu rõ", "cho rằng", "bày tỏ"]


def quotes_of(*body: str):
    e = extract_document("Toàn cảnh cuộc họp báo (Ảnh: Hải Nam) |\n" + "\n".join(body) + "\n")
    names = {actor.key: actor.name for actor in e.actors}
    return [(quote.text, names.get(quote.speaker)) for quote in e.quotes]


@pytest.mark.parametrize("verb", VERBS)
def test_each_speech_verb_before_the_quote(verb):
    said = quotes_of(f"Bộ trưởng Ngoại giao Hàn Quốc Cho Tae-yul {verb}: “Chúng tôi sẵn sàng nối lại đối thoại”.")
    assert said == [("Chúng tôi sẵn sàng nối lại đối thoại", "Cho Tae-yul")]


@pytest.mark.parametrize("verb", VERBS)
def test_each_speech_verb_after_the_quote(verb):
    said = quotes_of(f"“Hai nước cần tăng cường tin cậy chiến lược”, Thủ tướng Úc Anthony Albanese {verb}.")
    assert said == [("Hai nước cần tăng cường tin cậy chiến lược", "Anthony Albanese")]


def test_theo_opens_the_attribution():
    said = quotes_of("Theo Tổng thống Pháp Emmanuel Macron, “châu Âu phải tự chủ hơn về quốc phòng”.")
    assert said == [("châu Âu phải tự chủ hơn về quốc phòng", "Emmanuel Macron")]


def test_the_person_speaking_wins_over_an_organisation_named_on_the_way():
    said = quotes_of(
        "Ngoại trưởng Đức Annalena Baerbock nói rằng Berlin vẫn ủng hộ NATO, song nhấn mạnh "
        "“mọi quyết định phải được đưa ra cùng nhau”."
    )
    assert said == [("mọi quyết định phải được đưa ra cùng nhau", "Annalena Baerbock")]


def test_an_organisation_right_before_the_verb_is_the_speaker():
    said = quotes_of("Đoàn đại biểu gặp phía Đức. NATO tuyên bố “liên minh sẽ đáp trả mọi hành động gây hấn”.")
    assert said == [("liên minh sẽ đáp trả mọi hành động gây hấn", "NATO")]


def test_a_bare_title_is_viet_nams_office_holder():
    said = quotes_of(
        "Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Singapore Lawrence Wong.",
        "Thủ tướng nói: “Hai nước cần khai thác hiệu quả quan hệ đối tác chiến lược”.",
    )
    assert said == [("Hai nước cần khai thác hiệu quả quan hệ đối tác chiến lược", "Phạm Minh Chính")]


def test_a_short_phrase_is_a_quote_when_a_verb_attributes_it_and_a_term_otherwise():
    said = quotes_of(
        "Tổng thống Chile Gabriel Boric gọi cuộc gặp là “thành công”.",
        "Chương trình “Đổi mới” được nhắc tới nhiều lần.",
    )
    assert said == [("thành công", "Gabriel Boric")]
