"""Fuzzing the import end to end: bytes in, an exact article or a SeedError out, spans always hold.

FUZZ_EXAMPLES sets the examples per property (100 by default; `make resilience` runs 2,000).
Every example run is counted and recorded as a figure for `make resilience`.
"""

import codecs
import os
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.importer.run import import_files, read_seed
from articles.ingest.decoding import decode_seed
from articles.ingest.types import SeedError
from articles.models import Article, Country
from tooling.resilience import figures
from tooling.resilience.badinput import to_cp1258
from tooling.resilience.consistency import article_problems
from articles.importer.batch_store import content_hash

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "100"))
FUZZ = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
RUNS: Counter = Counter()

WORDS = [
    "Nga", "Mỹ", "Pháp", "Đức", "Anh", "Ý", "Trung Quốc", "Việt Nam", "Nhật Bản", "Biển Đông", "Moscow",
    "Washington", "Điện Kremlin", "Ngoại trưởng", "Tổng thống", "ông", "Ông", "bà", "Sergey Lavrov", "Lavrov",
    "Diop", "Mali", "người đồng cấp", "nói", "cho biết", "ngày", "tháng", "11/11", "8/2020", "năm nay",
    "(Nguồn: TASS)", "(trái)", "(Ảnh: AFP)", "Nga-Mỹ", "Mỹ-Trung", "quan hệ", "thoả thuận", "thỏa thuận",
    "<script>", "</b>", "&amp;", "...",
]
VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵĐÂĂƯƠ"
TOKEN = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(list(" .,:;?!()-“”\"|")),
    st.text(alphabet=VIETNAMESE + "0123456789", min_size=1, max_size=8),
)
LINE = st.lists(TOKEN, min_size=1, max_size=25).map(" ".join)
RELATED_ROW = LINE.map(lambda line: f"| {line} ... |")
DOCUMENT = st.builds(
    lambda caption, body, related: "\n".join([f"{caption} |", *body, *related]) + "\n",
    LINE, st.lists(LINE, min_size=0, max_size=6), st.lists(RELATED_ROW, max_size=3),
)
ENCODINGS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8 with BOM": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "utf-16 with BOM": lambda text: text.encode("utf-16"),
    "utf-16-be with BOM": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "NFD utf-8": lambda text: unicodedata.normalize("NFD", text).encode("utf-8"),
    "CRLF utf-8": lambda text: text.replace("\n", "\r\n").encode("utf-8"),
}


@pytest.fixture(scope="module", autouse=True)
def record_runs():
    yield
    for name, count in RUNS.items():
        figures.record(f"fuzz cases run: {name}", count, "cases")


def assert_spans_hold(extraction):
    texts = {("caption", 0): extraction.caption, **{("body", i): p for i, p in enumerate(extraction.paragraphs)}}
    for mention in extraction.mentions:
        assert texts[(mention.span.section, mention.span.index)][mention.span.start : mention.span.end] == mention.surface
    for quote in extraction.quotes:
        assert texts[(quote.span.section, quote.span.index)][quote.span.start : quote.span.end] == quote.text


@FUZZ
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_decode_to_nfc_text_or_a_seed_error(data):
    RUNS["arbitrary bytes through the decoder"] += 1
    try:
        text = decode_seed(data, "fuzz.txt")
    except SeedError as error:
        assert str(error).startswith("fuzz.txt: ")
        return
    assert unicodedata.is_normalized("NFC", text)
    assert "\x00" not in text and "\r" not in text and text.strip()


@FUZZ
@given(DOCUMENT, st.sampled_from(sorted(ENCODINGS)))
def test_every_accepted_encoding_decodes_exactly(text, encoding):
    RUNS["documents through every accepted encoding"] += 1
    text = unicodedata.normalize("NFC", text)
    assert decode_seed(ENCODINGS[encoding](text), "fuzz.txt") == text.replace("\r\n", "\n")


@FUZZ
@given(DOCUMENT)
def test_windows_1258_decodes_exactly(text):
    RUNS["documents in Windows-1258"] += 1
    text = unicodedata.normalize("NFC", text.replace("“", '"').replace("”", '"'))
    assert decode_seed(to_cp1258(text), "fuzz.txt") == text


@FUZZ
@given(st.one_of(DOCUMENT.map(str.encode), st.binary(max_size=3000), DOCUMENT.map(lambda t: t.encode("utf-16"))))
def test_read_seed_gives_an_extraction_or_a_seed_error(data):
    RUNS["files through decode and extraction"] += 1
    with tempfile.NamedTemporaryFile(suffix=".txt") as handle:
        handle.write(data)
        handle.flush()
        try:
            text, extraction = read_seed(Path(handle.name))
        except SeedError:
            return
    assert_spans_hold(extraction)
    assert extraction.paragraphs


@pytest.mark.django_db
@FUZZ
@given(st.lists(DOCUMENT, min_size=1, max_size=4))
def test_documents_through_the_whole_import_are_stored_whole(documents):
    """Files in, rows in the database: every file is an article with all its rows, or refused."""
    RUNS["folders through the whole import into the database"] += 1
    codes = set(Country.objects.values_list("code", flat=True))
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for number, text in enumerate(documents):
            path = Path(folder) / f"{number:02}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
        failures = []
        report = import_files(paths, workers=1, on_failure=lambda path, reason: failures.append(path))
        assert report.files == len(documents)
        for path, text in zip(paths, documents):
            article = Article.objects.filter(content_hash=content_hash(unicodedata.normalize("NFC", text))).first()
            if path in failures:
                assert not Article.objects.filter(source_file=str(path)).exists()
                continue
            assert article is not None
            # The same content in an earlier example is the same article ("unchanged"): compare with this file.
            assert article_problems(article, codes, path) == []
