"""The lede: the body's first sentence, whole, never past LONGEST characters."""

from hypothesis import given
from hypothesis import strategies as st

from articles.ingest.lede import LONGEST, first_sentence, lede


def test_a_quote_of_several_sentences_stays_inside_the_first_sentence():
    body = ["Ngoại trưởng Diop nói: “Chúng tôi gặp khó khăn. Nhà nước đang bị đe dọa”. Câu sau."]
    assert lede(body) == "Ngoại trưởng Diop nói: “Chúng tôi gặp khó khăn. Nhà nước đang bị đe dọa”."


def test_abbreviations_and_initials_do_not_end_a_sentence():
    assert first_sentence("TP. Hồ Chí Minh đón ông J. Biden hôm qua. Câu hai.") == "TP. Hồ Chí Minh đón ông J. Biden hôm qua."


def test_numbers_and_dates_with_dots_do_not_end_a_sentence():
    assert first_sentence("Giá trị đạt 1.500 tỷ USD vào ngày 11/11. Câu hai.") == "Giá trị đạt 1.500 tỷ USD vào ngày 11/11."


def test_the_first_paragraph_with_text_gives_the_lede():
    assert lede(["", "   ", "Hai nước ký thỏa thuận! Sau đó."]) == "Hai nước ký thỏa thuận!"


def test_no_body_no_lede():
    assert lede([]) == ""
    assert lede(["  "]) == ""


def test_a_long_first_sentence_is_cut_at_a_word_with_an_ellipsis():
    body = ["từ " * 200 + "cuối."]
    found = lede(body)
    assert found.endswith("…") and len(found) <= LONGEST + 1 and not found.endswith(" …")


sentences = st.text(alphabet=st.sampled_from("aăâbcđeêgôơưAĐ .!?…“”\"«»,:0123456789"), max_size=600)


@given(st.lists(sentences, max_size=4))
def test_every_lede_is_the_start_of_the_first_paragraph_with_text(paragraphs):
    found = lede(paragraphs)
    texts = [" ".join(p.split()) for p in paragraphs if p.strip()]
    if not texts:
        assert found == ""
        return
    assert found and len(found) <= LONGEST + 1
    assert texts[0].startswith(found.removesuffix("…"))
