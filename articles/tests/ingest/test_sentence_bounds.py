"""The sentence a mention is shown in, for curators reviewing it."""



from hypothesis import given
from hypothesis import strategies as st

from articles.ingest.vietnamese_text import sentence_bounds

SENTENCE = st.lists(st.sampled_from(["Nga", "Mali", "hợp tác", "Lavrov", "“Hà Nội”", "(TTXVN)", "số 3,5"]), min_size=1, max_size=6).map(
    " ".join
)
END = st.sampled_from([".", "!", "?", "…", ".”", "?)"])


@given(st.lists(st.tuples(SENTENCE, END), min_size=1, max_size=5), st.data())
def test_the_bounds_are_those_of_the_sentence_holding_the_span(sentences, data):
    written = [words + mark for words, mark in sentences]
    text = " ".join(written)
    which = data.draw(st.integers(0, len(written) - 1))
    begin = sum(len(sentence) + 1 for sentence in written[:which])
    start = data.draw(st.integers(begin, begin + len(written[which]) - 1))
    end = data.draw(st.integers(start + 1, begin + len(written[which])))
    assert sentence_bounds(text, start, end) == (begin, begin + len(written[which]))


def test_a_span_across_a_full_stop_gets_both_sentences():
    text = "Ông đến TP. Hồ Chí Minh. Sau đó ông đi Huế."
    start = text.index("TP.")
    assert sentence_bounds(text, start, start + len("TP. Hồ Chí Minh")) == (0, text.index(" Sau"))


def test_a_text_without_marks_is_one_sentence():
    assert sentence_bounds("Nga và Mali", 4, 6) == (0, len("Nga và Mali"))

