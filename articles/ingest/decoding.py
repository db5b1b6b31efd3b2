"""Turn the bytes of a seed file into NFC text, or refuse them with a reason.

Only exact decodings are accepted: a file is UTF-8 (optionally with a BOM), UTF-16 (with a
BOM, or without one when the NUL bytes give its byte order away) or Windows-1258. Anything
that would need a guess is refused, because a wrongly decoded article would be indexed and
searched as garbage with no sign that it is wrong.
"""

import codecs
import re
import unicodedata

from .types import SeedError

_LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029\x85\x0b\x0c]")
# Invisible characters that break word boundaries in matching; dropping them changes no text.
_INVISIBLE = ("\ufeff", "\u200b")
# Controls left after line breaks are normalised. They do not occur in real articles, and
# their presence means the bytes were not what they claimed to be (a misread UTF-16 file,
# binary data), so they are refused rather than silently removed.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
# A trailing Ctrl-Z is the DOS end-of-file mark that old Windows-1258 files still carry.
_DOS_EOF = b"\x1a"
# Letters only Vietnamese uses; finding them after undoing a double encoding proves it.
_VIETNAMESE_ONLY = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯạ-ỹẠ-Ỹ]")
_MIN_UTF16_NUL_SHARE = 0.3


def _utf16_byte_order(data: bytes) -> str | None:
    # ASCII text in UTF-16 has a NUL in every other byte; which half holds them is the order.
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    if odd >= _MIN_UTF16_NUL_SHARE * half and even == 0:
        return "utf-16-le"
    if even >= _MIN_UTF16_NUL_SHARE * half and odd == 0:
        return "utf-16-be"
    return None


def _latin1_for_the_rest(error: UnicodeEncodeError):
    # Windows-1252 lacks five bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D); tools that misread UTF-8 as
    # Windows-1252 keep those as the Latin-1 characters of the same number. Undo that too.
    chars = error.object[error.start : error.end]
    if all(ord(char) < 0x100 for char in chars):
        return bytes(map(ord, chars)), error.end
    raise error


codecs.register_error("newsarchive-latin1-rest", _latin1_for_the_rest)

# What UTF-8 Vietnamese looks like read as Windows-1252 or Latin-1: the lead bytes of ạ…ỹ (áº, á»),
# ă and đ (Äƒ, Ä‘), ơ and ư (Æ¡, Æ°), and curly quotes (â€). No real text holds these pairs.
_MOJIBAKE = re.compile("á[º»]|Ä[ƒ‘\x83\x91]|Æ[¡°]|â€")


def _undo_double_encoding(text: str) -> str | None:
    # UTF-8 bytes read as Windows-1252 (or Latin-1) and saved again as UTF-8: encoding back
    # gives the original bytes exactly, so the repair is exact or it does not happen. Text
    # encoded this way more than once is undone as many times (three at most).
    repaired_any = None
    for _ in range(3):
        if text.isascii():
            break
        for legacy, errors in (("cp1252", "strict"), ("latin-1", "strict"), ("cp1252", "newsarchive-latin1-rest")):
            try:
                repaired = text.encode(legacy, errors).decode("utf-8")
            except UnicodeError:
                continue
            if repaired != text and _VIETNAMESE_ONLY.search(repaired):
                text = repaired_any = repaired
                break
        else:
            break
    return repaired_any


def _decode_bytes(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8")
        except UnicodeDecodeError as error:
            raise SeedError(f"UTF-8 byte order mark but invalid UTF-8 at byte {error.start + 3}") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise SeedError("UTF-16 byte order mark but invalid UTF-16") from None
    if b"\x00" in data:
        order = _utf16_byte_order(data)
        if order is None:
            raise SeedError("binary data (NUL bytes)")
        try:
            return data.decode(order)
        except UnicodeDecodeError:
            raise SeedError("binary data (NUL bytes)") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        text = _undo_double_encoding(text) or text
        if _MOJIBAKE.search(text):
            raise SeedError("double-encoded UTF-8 (mojibake) that cannot be undone exactly")
        return text
    try:
        return data.rstrip(_DOS_EOF).decode("cp1258")
    except UnicodeDecodeError:
        raise SeedError("not valid UTF-8, UTF-16 or Windows-1258") from None


def decode_seed(data: bytes, name: str) -> str:
    """Decoded, NFC, ``\\n``-separated text of a seed file; SeedError names the reason to refuse."""
    if not data:
        raise SeedError(f"{name}: empty file")
    try:
        text = _decode_bytes(data)
    except SeedError as error:
        raise SeedError(f"{name}: {error}") from None
    text = _LINE_BREAKS.sub("\n", text)
    # str.replace, not str.translate: translate walks every character in Python's slow path
    # for non-ASCII text, and these characters are almost never there.
    for invisible in _INVISIBLE:
        if invisible in text:
            text = text.replace(invisible, "")
    control = _CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        if control.group() == "\x00":
            raise SeedError(f"{name}: binary data (NUL bytes)")
        raise SeedError(f"{name}: control character U+{ord(control.group()):04X} on line {line}")
    if not text.strip():
        raise SeedError(f"{name}: empty file (only whitespace)")
    return unicodedata.normalize("NFC", text)
