import codecs
import unicodedata

import pytest

from articles.ingest.decoding import decode_seed
from articles.ingest.types import SeedError

TEXT = "Ngoại trưởng Nga Lavrov ký thỏa thuận |\nĐoạn một.\n"
TONES = "\u0300\u0301\u0309\u0303\u0323"


def cp1258_bytes(text: str) -> bytes:
    """Windows-1258 as Vietnamese software writes it: base letters precomposed, tone combining."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        decomposed = unicodedata.normalize("NFD", char)
        tone = "".join(c for c in decomposed if c in TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
        out.append(base + tone)
    return "".join(out).encode("cp1258")


def test_utf8_is_returned_unchanged(seed_bytes, seed_text):
    assert decode_seed(seed_bytes, "seed") == seed_text


def test_utf8_bom_is_stripped():
    assert decode_seed(codecs.BOM_UTF8 + TEXT.encode(), "f") == TEXT


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec):
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    assert decode_seed(bom + TEXT.encode(codec), "f") == TEXT


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised_by_its_nul_bytes(codec):
    assert decode_seed(TEXT.encode(codec), "f") == TEXT


def test_cp1258_with_combining_tone_marks_becomes_nfc():
    data = cp1258_bytes(TEXT)
    assert b"\xd2" in data  # the combining hook above of "thỏa" is really there
    decoded = decode_seed(data, "f")
    assert decoded == TEXT
    assert unicodedata.is_normalized("NFC", decoded)


def test_nfd_utf8_becomes_nfc():
    assert decode_seed(unicodedata.normalize("NFD", TEXT).encode(), "f") == TEXT


def test_line_endings_are_normalised():
    assert decode_seed(b"a |\r\nb\rc\r\n", "f") == "a |\nb\nc\n"


@pytest.mark.parametrize("legacy", ["cp1252", "latin-1"])
def test_double_encoded_utf8_is_repaired_exactly(legacy):
    text = "Việt Nam và Nhật Bản ký kết |\nHợp tác chiến lược."  # no byte cp1252 leaves undefined
    mojibake = text.encode("utf-8").decode(legacy, errors="strict")
    assert mojibake != text
    assert decode_seed(mojibake.encode("utf-8"), "f") == text


def test_latin_text_is_not_mistaken_for_mojibake():
    text = "Café Réunion à Paris |\nĐoạn."
    assert decode_seed(text.encode("utf-8"), "f") == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\r\n", "empty file (only whitespace)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary data (NUL bytes)"),
        (b"abc\x00def\x00\x00", "binary data (NUL bytes)"),
        (b"caption |\nbody \x81\x8a\x8d", "not valid UTF-8, UTF-16 or Windows-1258"),
        (b"caption |\nbody\x07 bell", "control character U+0007 on line 2"),
    ],
)
def test_refused_with_a_reason(data, reason):
    with pytest.raises(SeedError) as error:
        decode_seed(data, "bad.txt")
    assert str(error.value) == f"bad.txt: {reason}"
