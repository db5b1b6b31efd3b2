"""Whatever text arrives, extraction either works or refuses with SeedError, and spans hold."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.ingest.extract import extract_document
from articles.ingest.types import SeedError

WORDS = [
    "Nga", "Mỹ", "Pháp", "Đức", "Anh", "Ý", "Trung", "Việt", "Nhật", "Ấn Độ Dương", "Biển Đông",
    "Ngoại trưởng", "ông", "Ông", "bà", "Nguyễn", "Minh", "Lavrov", "Sergey", "người đồng cấp",
    "Nhà ngoại giao", "nói", "nêu rõ", "cho biết", "gặp", "ngày", "tháng", "năm nay", "năm",
    "11/11", "8/2020", "2+2", "1.000", "Mali", "Moscow", "Điện Kremlin", "TASS", "(Nguồn:", "(trái)",
    "thoả", "thỏa", "Thuỵ Điển", "quan hệ", "và",
]
PIECES = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(list(" \n|“”\"«»-–.,:;?!()/")),
    st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵĐÂĂƯƠ0123456789 ", max_size=6),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=60).map(" ".join))
def test_extract_never_fails_except_with_seed_error_and_spans_hold(text):
    try:
        e = extract_document(text)
    except SeedError:
        return
    texts = {("caption", 0): e.caption, **{("body", i): p for i, p in enumerate(e.paragraphs)}}
    for m in e.mentions:
        assert texts[(m.span.section, m.span.index)][m.span.start : m.span.end] == m.surface
    for q in e.quotes:
        assert texts[(q.span.section, q.span.index)][q.span.start : q.span.end] == q.text
    for surface, _, span in e.dates:
        assert texts[(span.section, span.index)][span.start : span.end] == surface
    assert all(len(code) == 2 for code in e.countries)
    assert all(a < b for a, b in e.relations)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_unicode_never_crashes(text):
    try:
        e = extract_document(text)
    except SeedError:
        return
    for m in e.mentions:
        paragraph = e.caption if m.span.section == "caption" else e.paragraphs[m.span.index]
        assert paragraph[m.span.start : m.span.end] == m.surface
