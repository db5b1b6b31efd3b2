"""Paragraphs edited as text: the textarea round trip, and stored spans following the edit."""

from hypothesis import given, settings
from hypothesis import strategies as st

from articles.ingest.paragraph_editing import Span, paragraphs_as_text, reanchor, text_as_paragraphs

# Lower-case Vietnamese words for the original text; upper-case ones for what an edit brings in,
# so inserted text can never pass for the original.
OLD_WORD = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàạảãáớợ", min_size=1, max_size=8)
NEW_WORD = st.text(alphabet="ABCĐXYZỚỢ", min_size=1, max_size=8)
PUNCTUATION = st.sampled_from(["", ",", ".", " –", ":"])


def paragraph_of(words):
    return st.lists(st.tuples(words, PUNCTUATION), min_size=1, max_size=12).map(
        lambda pairs: " ".join(word + mark for word, mark in pairs)
    )


# Distinct, as an article's paragraphs are: of two equal ones, either may be the one edited.
OLD_PARAGRAPHS = st.lists(paragraph_of(OLD_WORD), min_size=1, max_size=6, unique=True)
NEW_PARAGRAPH = paragraph_of(NEW_WORD)


@st.composite
def text_with_spans(draw):
    paragraphs = draw(OLD_PARAGRAPHS)
    spans = []
    for _ in range(draw(st.integers(0, 8))):
        index = draw(st.integers(0, len(paragraphs) - 1))
        start = draw(st.integers(0, len(paragraphs[index]) - 1))
        end = draw(st.integers(start + 1, len(paragraphs[index])))
        spans.append(Span(index, start, end))
    return paragraphs, spans


def reads(paragraphs, span):
    return paragraphs[span.paragraph][span.start : span.end]


@given(OLD_PARAGRAPHS)
def test_paragraphs_survive_the_textarea_round_trip(paragraphs):
    assert text_as_paragraphs(paragraphs_as_text(paragraphs)) == paragraphs


@given(OLD_PARAGRAPHS)
def test_browser_line_breaks_and_extra_blank_lines_change_nothing(paragraphs):
    sent = "\r\n \r\n\r\n".join(paragraphs).replace("\n", "\r\n")
    assert text_as_paragraphs("\r\n" + sent + "\r\n\r\n") == paragraphs


@given(text_with_spans())
def test_an_unedited_text_keeps_every_span_where_it_was(text):
    paragraphs, spans = text
    assert reanchor(paragraphs, list(paragraphs), spans) == spans


@settings(max_examples=200)
@given(text_with_spans(), OLD_PARAGRAPHS | st.lists(NEW_PARAGRAPH, min_size=1, max_size=4), st.randoms())
def test_a_kept_span_reads_exactly_what_it_read_before(text, extra, random):
    """Whatever the edit (paragraphs shuffled, dropped, added), no span ends up on other words."""
    paragraphs, spans = text
    edited = [p for p in paragraphs if random.random() < 0.7] + extra
    random.shuffle(edited)
    for span, moved in zip(spans, reanchor(paragraphs, edited, spans), strict=True):
        if moved is not None:
            assert reads(edited, moved) == reads(paragraphs, span)


@given(text_with_spans(), NEW_PARAGRAPH, st.data())
def test_inserting_a_paragraph_moves_the_spans_after_it(text, inserted, data):
    paragraphs, spans = text
    at = data.draw(st.integers(0, len(paragraphs)))
    edited = paragraphs[:at] + [inserted] + paragraphs[at:]
    expected = [Span(s.paragraph + (s.paragraph >= at), s.start, s.end) for s in spans]
    assert reanchor(paragraphs, edited, spans) == expected


@given(text_with_spans(), NEW_PARAGRAPH, st.data())
def test_rewriting_a_paragraph_drops_its_names_and_keeps_the_others(text, rewritten, data):
    paragraphs, spans = text
    at = data.draw(st.integers(0, len(paragraphs) - 1))
    edited = paragraphs[:at] + [rewritten] + paragraphs[at + 1 :]
    for span, moved in zip(spans, reanchor(paragraphs, edited, spans), strict=True):
        if span.paragraph != at:
            assert moved == span
        elif any(character.isalpha() for character in reads(paragraphs, span)):
            assert moved is None


def test_a_word_added_inside_a_sentence_shifts_the_names_after_it():
    old = ["Ngoại trưởng Nga Sergey Lavrov thăm Mali."]
    new = ["Hôm qua, Ngoại trưởng Nga Sergey Lavrov đã thăm Mali."]
    lavrov, mali, nga = Span(0, 17, 30), Span(0, 36, 40), Span(0, 13, 16)
    moved = reanchor(old, new, [lavrov, mali, nga])
    assert [reads(new, span) for span in moved] == ["Sergey Lavrov", "Mali", "Nga"]


def test_a_name_edited_inside_its_span_is_dropped():
    old = ["Ngoại trưởng Sergey Lavrov phát biểu."]
    new = ["Ngoại trưởng Sergei Lavrov phát biểu."]
    assert reanchor(old, new, [Span(0, 13, 26)]) == [None]


def test_spans_outside_their_paragraph_are_dropped_not_moved():
    assert reanchor(["ngắn"], ["ngắn"], [Span(0, 2, 9), Span(3, 0, 1)]) == [None, None]
