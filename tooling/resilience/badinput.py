"""A corpus of malformed seed files, and what the import must do with each.

`build_corpus(folder, seed_text)` writes the files (the big ones are generated, never committed)
and returns one `Case` per file: either the exact NFC text the import must store, or a phrase
its refusal on stderr must contain. Used by the tests (articles/tests/test_bad_input.py) and by
`make resilience`, which prints how many were handled correctly.

Unreadable files: the import runs as root here, and chmod 000 does not stop root from reading.
The corpus uses files that open() or read() refuses whoever you are: a named pipe, a Unix
socket, a symbolic-link loop, a dangling symbolic link (and, in the tests, a read that fails
with EIO, simulated).
"""

import codecs
import os
import socket
import unicodedata
from dataclasses import dataclass
from pathlib import Path

MiB = 1024 * 1024


@dataclass
class Case:
    name: str
    what: str
    stored_text: str | None = None  # the exact text the article must hold (imported cases)
    refusal: str | None = None  # a phrase the refusal must contain (refused cases)
    keep: object = None  # an open socket, kept alive while the case is in use

    @property
    def imported(self) -> bool:
        return self.stored_text is not None


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Windows-1258 the way old Vietnamese files have it: base letters plus combining tone marks."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
        tones = "".join(c for c in decomposed if c in TONE_MARKS)
        out += (base + tones).encode("cp1258")
    return bytes(out)


def mojibake(text: str) -> bytes:
    """UTF-8 read as Latin-1 and saved as UTF-8 again (the classic double encoding)."""
    return text.encode("utf-8").decode("latin-1").encode("utf-8")


def sloppy_mojibake(text: str) -> bytes:
    """UTF-8 read as Windows-1252 (bytes it lacks kept as Latin-1) and saved as UTF-8: what most tools do."""
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out).encode("utf-8")


def make_symlink_loop(folder: Path, name: str):
    other = folder / (name + ".other")
    os.symlink(other.name, folder / name)
    os.symlink(name, other)


def build_corpus(folder: Path, seed_text: str) -> list[Case]:
    """Write the corpus into `folder` (which must exist); `seed_text` is a good NFC seed document."""
    seed = unicodedata.normalize("NFC", seed_text)
    lines = seed.rstrip("\n").split("\n")
    caption, body = lines[0], [line for line in lines[1:] if line.strip() and not line.startswith("|")]
    related = [line for line in lines[1:] if line.startswith("|")]
    cases: list[Case] = []

    def write(name: str, what: str, data: bytes | str, **expect):
        path = folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        cases.append(Case(name, what, **expect))

    def variant(marker: str) -> str:
        # Every imported case needs its own content: the same content twice is one article.
        return f"{caption}\n{body[0]} ({marker})\n" + "\n".join(body[1:] + related) + "\n"

    # Refused: nothing to import.
    write("01_empty.txt", "empty", b"", refusal="empty file")
    write("02_whitespace.txt", "whitespace only", b" \t\n\r\n   \n\t", refusal="only whitespace")
    write("03_bom_only.txt", "a UTF-8 byte order mark and nothing else", codecs.BOM_UTF8 + b"\n", refusal="only whitespace")
    write("04_binary.txt", "binary with NUL bytes", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, refusal="binary data")

    # Imported: encodings that can be decoded exactly.
    text = variant("utf-16 bom")
    write("05_utf16_bom.txt", "UTF-16 with a BOM", text.encode("utf-16"), stored_text=text)
    text = variant("utf-16le")
    write("06_utf16le_no_bom.txt", "UTF-16 LE without a BOM", text.encode("utf-16-le"), stored_text=text)
    text = variant("utf-16be")
    write("07_utf16be_no_bom.txt", "UTF-16 BE without a BOM", text.encode("utf-16-be"), stored_text=text)
    text = variant("windows-1258")
    write("08_windows_1258.txt", "Windows-1258 with combining tone marks", to_cp1258(text), stored_text=text)
    text = variant("mojibake latin-1")
    write("09_mojibake.txt", "double-encoded UTF-8 (via Latin-1)", mojibake(text), stored_text=text)
    text = variant("mojibake windows-1252")
    write("10_mojibake_cp1252.txt", "double-encoded UTF-8 (via Windows-1252)", sloppy_mojibake(text), stored_text=text)
    text = variant("nfd")
    write("11_nfd.txt", "NFD (decomposed) text", unicodedata.normalize("NFD", text), stored_text=text)
    text = variant("crlf and bom")
    write("12_crlf_bom.txt", "UTF-8 BOM and CRLF line ends", codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode(), stored_text=text)

    # Refused: bytes that would need a guess.
    text = variant("twice")
    write("13_mojibake_twice.txt", "double-encoded twice over (UTF-8 three times)", mojibake(mojibake(text).decode("utf-8")), stored_text=text)
    lossy = text.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8")
    write("13b_mojibake_lossy.txt", "double-encoded with bytes lost (U+FFFD): cannot be undone", lossy, refusal="cannot be undone")
    write("14_bad_utf8_after_bom.txt", "a UTF-8 BOM, then invalid UTF-8", codecs.BOM_UTF8 + b"Ch\xfa th\xedch |\n\xff\xfe\xfd", refusal="invalid UTF-8")
    write("15_bad_utf16.txt", "a UTF-16 BOM, then half a character", codecs.BOM_UTF16_LE + "Chú thích |\nĐoạn.".encode("utf-16-le") + b"\x00", refusal="invalid UTF-16")
    write("16_control_chars.txt", "control characters (BEL, ESC)", f"{caption}\n{body[0]}\x07\x1b[31m\n", refusal="control character U+0007")

    # Size limits: refused without reading the file whole.
    with (folder / "17_huge_50mb.txt").open("wb") as handle:
        chunk = ("\n".join(body) + "\n").encode()
        handle.write((caption + "\n").encode())
        for _ in range(50 * MiB // len(chunk) + 1):
            handle.write(chunk)
    cases.append(Case("17_huge_50mb.txt", "a 50 MB file", refusal="too large"))
    paragraph = (" ".join(body) + " ") * (5 * MiB // len(" ".join(body).encode()) + 1)
    write("18_one_5mb_line.txt", "a single 5 MB line", caption + "\n" + paragraph + "\n", refusal="too large")
    write("19_one_200k_line.txt", "a single 200,000-character line (under the size limit)", caption + "\n" + ("Nga và Mali. " * 16_000) + "\n", refusal="limit for one paragraph")

    # Structure.
    write("20_related_only.txt", "related-story rows only", "\n".join(related) + "\n", refusal="no body paragraphs")
    write("21_caption_only.txt", "a caption and nothing else", caption + "\n", refusal="no body paragraphs")
    text = " |\n" + "\n".join(body) + "\n"
    write("22_empty_caption.txt", "no caption (an empty caption cell)", text, stored_text=text)
    text = "\n".join(body) + "\n"
    write("23_no_caption_line.txt", "no caption line: the body starts at once (the first line is read as the caption)", text, stored_text=text)
    text = caption.removesuffix("|").rstrip() + "\n" + "\n".join(body[1:]) + "\n"
    write("24_caption_without_pipe.txt", "a caption without its ' |'", text, stored_text=text)
    text = f"{caption}\nNgoại trưởng Diop nói: “Chúng tôi đang ở trong một tình huống khó khăn.\nÔng Lavrov nói: \"Moscow sẵn sàng.\nBà nói: ”ngược” và “không đóng\n"
    write("25_unbalanced_quotes.txt", "unbalanced quotation marks", text, stored_text=text)
    text = (
        "<script>alert('chú thích')</script> Ngoại trưởng Nga <b>Lavrov</b> tại Moscow |\n"
        "<img src=x onerror=alert(1)> Ngoại trưởng Diop nói: “<script>document.cookie</script>”\n"
        "Quan hệ Nga-Mali <iframe src=javascript:alert(2)></iframe> &amp; &lt;b&gt; {{ 7*7 }} {% debug %}\n"
        "| <script>alert(3)</script> Tin liên quan <a href=javascript:alert(4)>x</a> Sau đó ... |\n"
    )
    write("26_html_and_script.txt", "HTML and script markup in the text", text, stored_text=text)
    text = variant("zero width").replace("Lavrov", "Lav\u200brov", 1)
    write("27_zero_width.txt", "zero-width spaces (dropped, exactly as the decoder documents)", text, stored_text=text.replace("\u200b", ""))
    write("28_long_caption.txt", "a 2,000-character caption (too long for a headline)", ("Ngoại trưởng Nga " * 125) + "|\n" + "\n".join(body) + "\n", refusal="headline")

    # Unreadable, whoever you are.
    make_symlink_loop(folder, "29_symlink_loop.txt")
    cases.append(Case("29_symlink_loop.txt", "a symbolic-link loop", refusal="Too many levels of symbolic links"))
    cases.append(Case("29_symlink_loop.txt.other", "the other half of the loop", refusal="Too many levels of symbolic links"))
    os.symlink("nowhere.txt", folder / "30_dangling_link.txt")
    cases.append(Case("30_dangling_link.txt", "a symbolic link to nothing", refusal="symbolic link to nothing"))
    os.mkfifo(folder / "31_named_pipe.txt")
    cases.append(Case("31_named_pipe.txt", "a named pipe called *.txt (open() would block)", refusal="named pipe"))
    unix = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    socket_path = folder / "32_socket.txt"
    if len(str(socket_path).encode()) < 100:  # AF_UNIX paths are short
        unix.bind(str(socket_path))
        cases.append(Case("32_socket.txt", "a Unix socket called *.txt (open() fails even for root)", refusal="socket", keep=unix))
    else:  # pragma: no cover
        unix.close()
    return cases
